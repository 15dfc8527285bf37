import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/** Why a set-password link was issued. */
export type PasswordLinkPurpose = 'invite' | 'reset';

/** A set-password link as stored (never its token: only the token's hash is kept). */
export interface PasswordLink {
  tenantId: string;
  userId: string;
  purpose: PasswordLinkPurpose;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Issue a one-time set-password link for the user: a random token (256 bits, base64url), stored
 * by its SHA-256 hash, valid from `now` for `ttlMs`. Every earlier link of the user dies (only
 * the newest link works). Returns the token to put into the link.
 */
export async function issuePasswordLink(
  db: Kysely<StoreSchema>,
  input: {
    tenantId: string;
    userId: string;
    purpose: PasswordLinkPurpose;
    now: number;
    ttlMs: number;
  },
): Promise<{ token: string; expiresAt: number }> {
  await revokePasswordLinks(db, input.tenantId, input.userId, input.now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = input.now + input.ttlMs;
  await db
    .insertInto('password_links')
    .values({
      token_hash: hashToken(token),
      tenant_id: input.tenantId,
      user_id: input.userId,
      purpose: input.purpose,
      created_at: new Date(input.now),
      expires_at: new Date(expiresAt),
    })
    .execute();
  return { token, expiresAt };
}

/** Mark every unused link of the user used at `now` (they no longer work). */
export async function revokePasswordLinks(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('password_links')
    .set({ used_at: new Date(now) })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/**
 * Use up the link of this token at `now`, locking its row: the link when it exists, is unused and
 * has not expired (it is then used, so a second use finds nothing); otherwise undefined.
 */
export async function consumePasswordLink(
  db: Kysely<StoreSchema>,
  token: string,
  now: number,
): Promise<PasswordLink | undefined> {
  const row = await db
    .selectFrom('password_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined || row.used_at !== null || millis(row.expires_at) <= now) return undefined;
  await db
    .updateTable('password_links')
    .set({ used_at: new Date(now) })
    .where('token_hash', '=', row.token_hash)
    .execute();
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    purpose: row.purpose,
    createdAt: millis(row.created_at),
    expiresAt: millis(row.expires_at),
    usedAt: now,
  };
}

/** The link of this token when it is unused and unexpired at `now` (nothing is changed). */
export async function findUsablePasswordLink(
  db: Kysely<StoreSchema>,
  token: string,
  now: number,
): Promise<PasswordLink | undefined> {
  const row = await db
    .selectFrom('password_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (row === undefined || row.used_at !== null || millis(row.expires_at) <= now) return undefined;
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    purpose: row.purpose,
    createdAt: millis(row.created_at),
    expiresAt: millis(row.expires_at),
    usedAt: null,
  };
}
