import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { normalizePassword } from '../accounts/password-policy.ts';

/**
 * Password hashing with Argon2id, explicit parameters (OWASP's minimum: 19 MiB, 2 passes, 1 lane).
 * The parameters are stored in the PHC string, so raising them later still verifies old hashes.
 */
export const ARGON2ID_OPTIONS: Options = {
  // `Algorithm.Argon2id` (an ambient const enum, not readable under isolatedModules).
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};

/**
 * Hash a password as given, after NFKC normalisation (NIST SP 800-63B: the same password typed
 * on another keyboard or system verifies; never truncated).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2ID_OPTIONS);
}

/** Whether `password` (NFKC-normalised) matches the PHC string; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash no password is known for, verified when the e-mail is unknown so that an unknown e-mail
 * costs the same time as a wrong password (no user enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}
