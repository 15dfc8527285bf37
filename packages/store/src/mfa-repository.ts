import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';
import { isMfaPolicy, type MfaPolicy, type SessionMfaState } from './mfa-state.ts';
import { hashSessionToken } from './session-repository.ts';

/**
 * Multi-factor authentication (0008-mfa): a user's TOTP authenticator, their recovery codes, the
 * tenant's MFA policy, and the MFA state of a session. Secrets and codes never leave here except
 * the TOTP secret to the verifier; recovery codes arrive already hashed.
 */

type Db = Kysely<StoreSchema>;

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const millisOrNull = (d: Date | string | null): number | null => (d === null ? null : millis(d));
const numberOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The tenant's MFA policy; `off` when none was ever set. */
export async function readMfaPolicy(db: Db, tenantId: string): Promise<MfaPolicy> {
  const row = await db
    .selectFrom('mfa_policies')
    .select('policy')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row !== undefined && isMfaPolicy(row.policy) ? row.policy : 'off';
}

/** Set the tenant's MFA policy (pass the transaction that audits it). */
export async function writeMfaPolicy(
  db: Db,
  input: { tenantId: string; policy: MfaPolicy; actorId: string | null; now: number },
): Promise<void> {
  await db
    .insertInto('mfa_policies')
    .values({
      tenant_id: input.tenantId,
      policy: input.policy,
      updated_at: new Date(input.now),
      updated_by: input.actorId,
    })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        policy: input.policy,
        updated_at: new Date(input.now),
        updated_by: input.actorId,
      }),
    )
    .execute();
}

/** A user's TOTP authenticator as stored. */
export interface StoredTotp {
  /** Base32 secret. */
  secret: string;
  createdAt: number;
  /** Null while the enrolment is pending (not yet confirmed with a code). */
  confirmedAt: number | null;
  /** The last accepted time step; null before the first. */
  lastStep: number | null;
  /** Consecutive wrong codes since the last right one. */
  failures: number;
  lastFailureAt: number | null;
}

/** The user's TOTP authenticator, pending or confirmed, if any. */
export async function findTotp(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<StoredTotp | undefined> {
  const row = await db
    .selectFrom('mfa_totp')
    .select(['secret', 'created_at', 'confirmed_at', 'last_step', 'failures', 'last_failure_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        secret: row.secret,
        createdAt: millis(row.created_at),
        confirmedAt: millisOrNull(row.confirmed_at),
        lastStep: numberOrNull(row.last_step),
        failures: row.failures,
        lastFailureAt: millisOrNull(row.last_failure_at),
      };
}

/** Whether the user has a confirmed TOTP authenticator (password policy: 8 characters with MFA). */
export async function isMfaEnrolled(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mfa_totp')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Start (or restart) an enrolment: store `secret` as the user's pending authenticator. False, and
 * nothing written, when the user has a confirmed one already.
 */
export async function putPendingTotp(
  db: Db,
  input: { tenantId: string; userId: string; secret: string; now: number },
): Promise<boolean> {
  const result = await db
    .insertInto('mfa_totp')
    .values({
      tenant_id: input.tenantId,
      user_id: input.userId,
      secret: input.secret,
      created_at: new Date(input.now),
      confirmed_at: null,
      last_step: null,
      last_failure_at: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'user_id'])
        .doUpdateSet({
          secret: input.secret,
          created_at: new Date(input.now),
          last_step: null,
          failures: 0,
          last_failure_at: null,
        })
        .where('mfa_totp.confirmed_at', 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Confirm the pending enrolment with the time step of the code that proved it (so that code
 * cannot be used again). False when nothing is pending.
 */
export async function confirmTotp(
  db: Db,
  input: { tenantId: string; userId: string; step: number; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_totp')
    .set({ confirmed_at: new Date(input.now), last_step: input.step, failures: 0 })
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Accept a code of time step `step`: only if no code of this or a later step was accepted before
 * (RFC 6238 §5.2: a code is accepted once). Atomic, so two requests racing with one code cannot
 * both win. Clears the failures.
 */
export async function acceptTotpStep(
  db: Db,
  input: { tenantId: string; userId: string; step: number },
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_totp')
    .set({ last_step: input.step, failures: 0, last_failure_at: null })
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', input.step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Count a wrong code against the user; the consecutive failures after it. */
export async function recordMfaFailure(
  db: Db,
  input: { tenantId: string; userId: string; now: number },
): Promise<number> {
  const row = await db
    .updateTable('mfa_totp')
    .set((eb) => ({ failures: eb('failures', '+', 1), last_failure_at: new Date(input.now) }))
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .returning('failures')
    .executeTakeFirst();
  return row?.failures ?? 0;
}

/** Clear the user's consecutive failures (a recovery code was right). */
export async function clearMfaFailures(db: Db, tenantId: string, userId: string): Promise<void> {
  await db
    .updateTable('mfa_totp')
    .set({ failures: 0, last_failure_at: null })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
}

/** Remove the user's authenticator and recovery codes; whether there was an authenticator. */
export async function deleteMfa(db: Db, tenantId: string, userId: string): Promise<boolean> {
  await db
    .deleteFrom('mfa_recovery_codes')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
  const result = await db
    .deleteFrom('mfa_totp')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replace the user's recovery codes by these (SHA-256 hashes, hex). */
export async function replaceRecoveryCodes(
  db: Db,
  input: { tenantId: string; userId: string; codeHashes: readonly string[]; now: number },
): Promise<void> {
  await db
    .deleteFrom('mfa_recovery_codes')
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .execute();
  if (input.codeHashes.length === 0) return;
  await db
    .insertInto('mfa_recovery_codes')
    .values(
      input.codeHashes.map((codeHash) => ({
        tenant_id: input.tenantId,
        user_id: input.userId,
        code_hash: codeHash,
        created_at: new Date(input.now),
        used_at: null,
      })),
    )
    .execute();
}

/** Use the recovery code of this hash: true once, false if unknown or used already (atomic). */
export async function useRecoveryCode(
  db: Db,
  input: { tenantId: string; userId: string; codeHash: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: new Date(input.now) })
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .where('code_hash', '=', input.codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many unused recovery codes the user has. */
export async function countRecoveryCodesLeft(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The MFA state of the session of this token (undefined: no such session). */
export async function findSessionMfaState(
  db: Db,
  token: string,
): Promise<SessionMfaState | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('mfa_totp as m', (join) =>
      join
        .onRef('m.tenant_id', '=', 's.tenant_id')
        .onRef('m.user_id', '=', 's.user_id')
        .on('m.confirmed_at', 'is not', null),
    )
    .leftJoin('mfa_policies as p', 'p.tenant_id', 's.tenant_id')
    .select(['s.mfa_at', 's.mfa_failures', 'm.user_id as enrolled_user', 'p.policy'])
    .where('s.id_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    mfaAt: millisOrNull(row.mfa_at),
    mfaFailures: row.mfa_failures,
    enrolled: row.enrolled_user !== null,
    policy: row.policy !== null && isMfaPolicy(row.policy) ? row.policy : 'off',
  };
}

/**
 * Rotate the session of `token` and mark it MFA-verified at `now`: the row gets a new token (the
 * old one no longer works) and keeps everything else. The new token, or undefined if the session
 * is gone.
 */
export async function rotateSessionVerified(
  db: Db,
  token: string,
  now: number,
): Promise<string | undefined> {
  const next = randomBytes(32).toString('base64url');
  const result = await db
    .updateTable('sessions')
    .set({ id_hash: hashSessionToken(next), mfa_at: new Date(now), mfa_failures: 0 })
    .where('id_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? next : undefined;
}

/** Count a wrong code against the session; the session's wrong codes after it. */
export async function recordSessionMfaFailure(db: Db, token: string): Promise<number> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ mfa_failures: eb('mfa_failures', '+', 1) }))
    .where('id_hash', '=', hashSessionToken(token))
    .returning('mfa_failures')
    .executeTakeFirst();
  return row?.mfa_failures ?? 0;
}

/**
 * The sign-in e-mail and password hash of a user (`credentials`), for the authenticator's label
 * and for disabling MFA with the password.
 */
export async function findUserCredential(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<{ email: string; passwordHash: string | null } | undefined> {
  const row = await db
    .selectFrom('credentials')
    .select(['email', 'password_hash'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? undefined : { email: row.email, passwordHash: row.password_hash };
}
