import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isMfaPolicy, type SessionMfaState } from './mfa-state.ts';
import type { StoreSchema } from './schema.ts';

/**
 * Server-side sessions. The client holds a random token (256 bits, base64url); the store keeps
 * only its SHA-256 hash, so the table alone gives no usable session.
 */
export interface Session {
  tenantId: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  /** A non-secret id naming the session in lists (`GET /v1/auth/sessions`). */
  publicId: string;
  userAgent: string | null;
  ip: string | null;
  /** When the session last passed a second factor; null: password only. */
  mfaAt: number | null;
}

/** The stored key of a session token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Create a session valid from `now` for `ttlMs`; returns the token to give the client. */
export async function createSession(
  db: Kysely<StoreSchema>,
  input: {
    tenantId: string;
    userId: string;
    now: number;
    ttlMs: number;
    userAgent?: string | null;
    ip?: string | null;
    mfaAt?: number | null;
  },
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    tenantId: input.tenantId,
    userId: input.userId,
    createdAt: input.now,
    expiresAt: input.now + input.ttlMs,
    lastSeenAt: input.now,
    publicId: randomBytes(16).toString('base64url'),
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    ip: input.ip ?? null,
    mfaAt: input.mfaAt ?? null,
  };
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSessionToken(token),
      tenant_id: session.tenantId,
      user_id: session.userId,
      created_at: new Date(session.createdAt),
      expires_at: new Date(session.expiresAt),
      last_seen_at: new Date(session.lastSeenAt),
      public_id: session.publicId,
      user_agent: session.userAgent,
      ip: session.ip,
      mfa_at: session.mfaAt === null ? null : new Date(session.mfaAt),
    })
    .execute();
  return { token, session };
}

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/** The session of this token, if any and not expired at `now`. */
export async function findSession(
  db: Kysely<StoreSchema>,
  token: string,
  now: number,
): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('id_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const session = sessionOf(row);
  return session.expiresAt > now ? session : undefined;
}

const SESSION_COLUMNS = [
  'tenant_id',
  'user_id',
  'created_at',
  'expires_at',
  'last_seen_at',
  'public_id',
  'user_agent',
  'ip',
  'mfa_at',
] as const;

/** A session row as the session. */
function sessionOf(row: {
  tenant_id: string;
  user_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  last_seen_at: Date | string;
  public_id: string;
  user_agent: string | null;
  ip: string | null;
  mfa_at: Date | string | null;
}): Session {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    createdAt: millis(row.created_at),
    expiresAt: millis(row.expires_at),
    lastSeenAt: millis(row.last_seen_at),
    publicId: row.public_id,
    userAgent: row.user_agent,
    ip: row.ip,
    mfaAt: row.mfa_at === null ? null : millis(row.mfa_at),
  };
}

/**
 * The session of this token (if any and not expired at `now`) with its tenant's current policy
 * version, in one round trip: what every authenticated request reads first.
 */
export async function findSessionWithPolicyVersion(
  db: Kysely<StoreSchema>,
  token: string,
  now: number,
): Promise<{ session: Session; policyVersion: number; mfa: SessionMfaState } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    // The MFA state comes in the same round trip: a confirmed authenticator, the tenant's policy.
    .leftJoin('mfa_totp as m', (join) =>
      join
        .onRef('m.tenant_id', '=', 's.tenant_id')
        .onRef('m.user_id', '=', 's.user_id')
        .on('m.confirmed_at', 'is not', null),
    )
    .leftJoin('mfa_policies as p', 'p.tenant_id', 's.tenant_id')
    .select([
      's.tenant_id',
      's.user_id',
      's.created_at',
      's.expires_at',
      's.last_seen_at',
      's.public_id',
      's.user_agent',
      's.ip',
      's.mfa_at',
      's.mfa_failures',
      't.policy_version',
      'm.user_id as enrolled_user',
      'p.policy as mfa_policy',
    ])
    .where('s.id_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const session = sessionOf(row);
  if (session.expiresAt <= now) return undefined;
  return {
    session,
    policyVersion: row.policy_version,
    mfa: {
      mfaAt: session.mfaAt,
      mfaFailures: row.mfa_failures,
      enrolled: row.enrolled_user !== null,
      policy: row.mfa_policy !== null && isMfaPolicy(row.mfa_policy) ? row.mfa_policy : 'off',
    },
  };
}

/** Record that the session was used at `now`. */
export async function touchSession(
  db: Kysely<StoreSchema>,
  token: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(now) })
    .where('id_hash', '=', hashSessionToken(token))
    .execute();
}

/** End one session (sign-out). */
export async function deleteSession(db: Kysely<StoreSchema>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSessionToken(token)).execute();
}

/**
 * End every session of a user (leaver, password reset, sign out everywhere), or every one but
 * the session of `exceptToken`; returns how many were ended.
 */
export async function deleteUserSessions(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  exceptToken?: string,
): Promise<number> {
  let query = db
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId);
  if (exceptToken !== undefined)
    query = query.where('id_hash', '<>', hashSessionToken(exceptToken));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user's sessions that have not expired at `now`, newest first. */
export async function listUserSessions(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  now: number,
): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date(now))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(sessionOf);
}

/** End the user's session with this public id; whether there was one. */
export async function deleteUserSessionByPublicId(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  publicId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
