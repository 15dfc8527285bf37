import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
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
}

/** The stored key of a session token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Create a session valid from `now` for `ttlMs`; returns the token to give the client. */
export async function createSession(
  db: Kysely<StoreSchema>,
  input: { tenantId: string; userId: string; now: number; ttlMs: number },
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    tenantId: input.tenantId,
    userId: input.userId,
    createdAt: input.now,
    expiresAt: input.now + input.ttlMs,
    lastSeenAt: input.now,
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
    .select(['tenant_id', 'user_id', 'created_at', 'expires_at', 'last_seen_at'])
    .where('id_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const session = sessionOf(row);
  return session.expiresAt > now ? session : undefined;
}

/** A session row as the session. */
function sessionOf(row: {
  tenant_id: string;
  user_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  last_seen_at: Date | string;
}): Session {
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    createdAt: millis(row.created_at),
    expiresAt: millis(row.expires_at),
    lastSeenAt: millis(row.last_seen_at),
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
): Promise<{ session: Session; policyVersion: number } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    .select([
      's.tenant_id',
      's.user_id',
      's.created_at',
      's.expires_at',
      's.last_seen_at',
      't.policy_version',
    ])
    .where('s.id_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const session = sessionOf(row);
  return session.expiresAt > now ? { session, policyVersion: row.policy_version } : undefined;
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

/** End every session of a user (leaver, password change); returns how many were ended. */
export async function deleteUserSessions(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
