import {
  acceptTotpStep,
  clearMfaFailures,
  findUserCredential,
  recordMfaFailure,
  useRecoveryCode,
  type StoredTotp,
} from '@custos/store';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../../http/app-error.ts';
import { verifyPassword } from '../password.ts';
import { hashRecoveryCode } from './recovery-codes.ts';
import { openStoredTotpSecret } from './secret-box.ts';
import { checkTotp } from './totp.ts';

/**
 * Proving the second factor: a current TOTP code (accepted once), an unused recovery code, or —
 * to disable MFA only — the password. Wrong proofs count against the user: after
 * `FREE_FAILURES` consecutive ones each further attempt waits a doubling delay (1 s, 2 s, 4 s … at
 * most an hour; `MFA_THROTTLED` with `Retry-After`), so guessing is slow and the owner is never
 * locked out for good. A right proof clears the count.
 */

export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 3600;

export type Proof = { code: string } | { recoveryCode: string } | { password: string };
export type ProofMethod = 'totp' | 'recovery_code' | 'password';

/** Seconds to wait before the next attempt (0: none), after the user's consecutive failures. */
export function retryAfterSeconds(totp: StoredTotp, now: number): number {
  if (totp.failures < FREE_FAILURES || totp.lastFailureAt === null) return 0;
  const delay = Math.min(2 ** (totp.failures - FREE_FAILURES), MAX_DELAY_SECONDS);
  const wait = totp.lastFailureAt + delay * 1000 - now;
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

/** The field of the request body the proof came in, for error details. */
export function proofField(proof: Proof): string {
  return 'code' in proof
    ? 'body/code'
    : 'recoveryCode' in proof
      ? 'body/recoveryCode'
      : 'body/password';
}

export interface ProofContext {
  tenantId: string;
  userId: string;
  now: number;
}

/** A wrong proof: why, for the caller to count and report. */
export class WrongProof extends Error {
  readonly reason: 'invalid' | 'replayed';
  readonly field: string;
  readonly failures: number;
  constructor(reason: 'invalid' | 'replayed', field: string, failures: number) {
    super(`wrong ${field}`);
    this.reason = reason;
    this.field = field;
    this.failures = failures;
  }
}

/**
 * Check a proof of the user's confirmed authenticator `totp`. Resolves with the method when right
 * (the code's step recorded, the recovery code used up); throws `MFA_THROTTLED` while the user must
 * wait (setting `Retry-After`), or `WrongProof` after counting the failure.
 */
export async function checkProof(
  app: FastifyInstance,
  reply: FastifyReply,
  ctx: ProofContext,
  totp: StoredTotp,
  proof: Proof,
): Promise<ProofMethod> {
  const db = app.custos.database.db;
  const wait = retryAfterSeconds(totp, ctx.now);
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    throw new AppError('MFA_THROTTLED', `too many wrong codes; try again in ${wait} s`, {
      retryAfterSeconds: wait,
    });
  }
  const key = { tenantId: ctx.tenantId, userId: ctx.userId };
  const wrong = async (reason: 'invalid' | 'replayed'): Promise<never> => {
    const failures = await recordMfaFailure(db, { ...key, now: ctx.now });
    throw new WrongProof(reason, proofField(proof), failures);
  };
  if ('code' in proof) {
    const secret = openStoredTotpSecret(
      totp.secret,
      await app.custos.keyring.tenant(db, ctx.tenantId),
      ctx.userId,
      app.custos.config.mfaSecretKey,
    );
    const check = await checkTotp(secret, proof.code, ctx.now, { afterStep: totp.lastStep });
    if (!check.ok) return wrong(check.reason);
    // Atomic: of two requests racing with one code, one wins.
    if (!(await acceptTotpStep(db, { ...key, step: check.step }))) return wrong('replayed');
    return 'totp';
  }
  if ('recoveryCode' in proof) {
    const used = await useRecoveryCode(db, {
      ...key,
      codeHash: hashRecoveryCode(proof.recoveryCode),
      now: ctx.now,
    });
    if (!used) return wrong('invalid');
    await clearMfaFailures(db, ctx.tenantId, ctx.userId);
    return 'recovery_code';
  }
  const credential = await findUserCredential(db, ctx.tenantId, ctx.userId);
  if (
    credential?.passwordHash == null ||
    !(await verifyPassword(credential.passwordHash, proof.password))
  )
    return wrong('invalid');
  await clearMfaFailures(db, ctx.tenantId, ctx.userId);
  return 'password';
}

/** `MFA_CODE_INVALID` for a wrong proof, naming the field. */
export function codeInvalid(error: WrongProof, extra: Record<string, unknown> = {}): AppError {
  return new AppError(
    'MFA_CODE_INVALID',
    error.reason === 'replayed'
      ? 'this code was used already; wait for the next one'
      : `the ${error.field.slice('body/'.length)} is wrong`,
    { field: error.field, reason: error.reason, ...extra },
  );
}
