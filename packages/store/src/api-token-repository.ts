import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/**
 * API tokens (ADR 0009). A token is `custos_pat_<id>_<secret>` (personal) or
 * `custos_sat_<id>_<secret>` (service): `id` is public (64 random bits, hex) and finds the row;
 * `secret` is 256 random bits (base64url) of which the store keeps only the SHA-256 hash. The token
 * string exists once, in the answer to its creation.
 */
export type ApiTokenKind = 'personal' | 'service';

export interface ApiToken {
  id: string;
  tenantId: string;
  userId: string;
  kind: ApiTokenKind;
  name: string;
  scopes: string[];
  createdAt: number;
  createdBy: string;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

const PREFIX: Record<ApiTokenKind, string> = { personal: 'custos_pat_', service: 'custos_sat_' };
const TOKEN = /^custos_(pat|sat)_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** The shown part of a token (`custos_pat_<id>`): enough to recognise it, useless to use it. */
export function apiTokenPrefix(token: Pick<ApiToken, 'kind' | 'id'>): string {
  return `${PREFIX[token.kind]}${token.id}`;
}

/** The id and secret of a well-formed token string; undefined for anything else. */
export function parseApiToken(text: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(text);
  if (match === null) return undefined;
  return { id: match[2] as string, secret: match[3] as string };
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const millisOrNull = (d: Date | string | null): number | null => (d === null ? null : millis(d));

type TokenRow = Omit<StoreSchema['api_tokens'], 'secret_hash'> & { scopes: unknown };

function tokenOf(row: {
  id: string;
  tenant_id: string;
  user_id: string;
  kind: ApiTokenKind;
  name: string;
  scopes: unknown;
  created_at: Date | string;
  created_by: string;
  expires_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
  revoked_by: string | null;
}): ApiToken {
  const scopes = typeof row.scopes === 'string' ? (JSON.parse(row.scopes) as unknown) : row.scopes;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    kind: row.kind,
    name: row.name,
    scopes: Array.isArray(scopes) ? scopes.map(String) : [],
    createdAt: millis(row.created_at),
    createdBy: row.created_by,
    expiresAt: millis(row.expires_at),
    lastUsedAt: millisOrNull(row.last_used_at),
    revokedAt: millisOrNull(row.revoked_at),
    revokedBy: row.revoked_by,
  };
}

const COLUMNS = [
  'id',
  'tenant_id',
  'user_id',
  'kind',
  'name',
  'scopes',
  'created_at',
  'created_by',
  'expires_at',
  'last_used_at',
  'revoked_at',
  'revoked_by',
] as const satisfies readonly (keyof TokenRow)[];

export interface NewApiToken {
  tenantId: string;
  userId: string;
  kind: ApiTokenKind;
  name: string;
  scopes: readonly string[];
  createdBy: string;
  now: number;
  expiresAt: number;
}

/** Create a token; returns it with the token string, which is not kept anywhere. */
export async function createApiToken(
  db: Kysely<StoreSchema>,
  input: NewApiToken,
): Promise<{ token: string; apiToken: ApiToken }> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await db
    .insertInto('api_tokens')
    .values({
      id,
      tenant_id: input.tenantId,
      user_id: input.userId,
      kind: input.kind,
      name: input.name,
      secret_hash: hashSecret(secret).toString('hex'),
      scopes: JSON.stringify([...new Set(input.scopes)].sort()),
      created_at: new Date(input.now),
      created_by: input.createdBy,
      expires_at: new Date(input.expiresAt),
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  const apiToken = await findApiToken(db, input.tenantId, id);
  if (apiToken === undefined) throw new Error(`api token ${id} vanished after its insert`);
  return { token: `${PREFIX[input.kind]}${id}_${secret}`, apiToken };
}

/** One token of a tenant by its public id (revoked and expired ones too). */
export async function findApiToken(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : tokenOf(row);
}

/** A user's tokens, newest first (revoked and expired ones too). */
export async function listUserApiTokens(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(tokenOf);
}

/**
 * The token a token string names, when its secret matches (compared in constant time), with its
 * tenant's current policy version, in one round trip: what a request with a bearer token reads
 * first. Revoked and expired tokens are returned as they are; the caller decides.
 */
export async function findApiTokenBySecret(
  db: Kysely<StoreSchema>,
  text: string,
): Promise<{ apiToken: ApiToken; policyVersion: number } | undefined> {
  const parsed = parseApiToken(text);
  if (parsed === undefined) return undefined;
  const row = await db
    .selectFrom('api_tokens as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .select(COLUMNS.map((c) => `k.${c}` as const))
    .select(['k.secret_hash', 't.policy_version'])
    .where('k.id', '=', parsed.id)
    .executeTakeFirst();
  const given = hashSecret(parsed.secret);
  // Compare against a hash of the same length even when the id is unknown (same work).
  const stored =
    row === undefined ? Buffer.alloc(given.length) : Buffer.from(row.secret_hash, 'hex');
  const matches = stored.length === given.length && timingSafeEqual(stored, given);
  if (row === undefined || !matches) return undefined;
  return { apiToken: tokenOf(row), policyVersion: row.policy_version };
}

/** Record that the token was used at `now`. */
export async function touchApiToken(
  db: Kysely<StoreSchema>,
  id: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: new Date(now) })
    .where('id', '=', id)
    .execute();
}

/** Revoke one token (if not revoked already); returns whether this call revoked it. */
export async function revokeApiToken(
  db: Kysely<StoreSchema>,
  input: { tenantId: string; id: string; by: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(input.now), revoked_by: input.by })
    .where('tenant_id', '=', input.tenantId)
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revoke every live token of a user (a leaver); returns the ids revoked. */
export async function revokeUserApiTokens(
  db: Kysely<StoreSchema>,
  input: { tenantId: string; userId: string; by: string; now: number },
): Promise<string[]> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(input.now), revoked_by: input.by })
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort();
}

/** Whether a user has a sign-in credential (a service principal has none: ADR 0009). */
export async function hasSignInCredential(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('credentials')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
