import { createHash, randomInt } from 'node:crypto';

/**
 * Recovery codes: look-up secrets (NIST SP 800-63B §5.1.2) for a user who lost the authenticator.
 * Each is 25 characters of the Base32 alphabet drawn with the CSPRNG (125 bits), shown once in
 * groups of five (`k3m7q-…`), and stored only as the SHA-256 hash of its normalised form: at 112
 * bits or more an approved one-way hash suffices (§5.1.2.2, ASVS 6.5.2), no salt or KDF needed.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const LENGTH = 25;
const GROUP = 5;

/** One new recovery code, e.g. `k3m7q-2xv9a-…` (five groups of five). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += GROUP) groups.push(chars.slice(i, i + GROUP).join(''));
  return groups.join('-');
}

/** `RECOVERY_CODE_COUNT` fresh recovery codes. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** The code as typed, normalised: case, spaces and hyphens do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** The stored form of a recovery code: SHA-256 (hex) of its normalised form. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
