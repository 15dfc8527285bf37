import { ACCESS_LEVELS, type AccessLevel, type ObjectType } from '@custos/engine';
import type { Kysely } from 'kysely';
import { grantFromRow } from './record-facts-repository.ts';
import { RECORD_TABLE } from './record-tables.ts';
import type { StoreSchema } from './schema.ts';
import type { Grant } from '@custos/engine';

/**
 * What a user holds outside the policy model — the records they own, the customer teams they are
 * on, the grants stored on one record for them, their sessions and API tokens — for offboarding
 * (joiner / mover / leaver): its preview lists them and its commit hands over or removes each.
 */

/** How many records a user owns, per object (objects with none left out). */
export async function countOwnedRecords(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<Partial<Record<ObjectType, number>>> {
  const out: Partial<Record<ObjectType, number>> = {};
  for (const [object, table] of Object.entries(RECORD_TABLE) as [ObjectType, string][]) {
    const row = await db
      .selectFrom(table as 'customers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('owner_id', '=', userId)
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    if (n > 0) out[object] = n;
  }
  return out;
}

/** The customers a user owns, by id, at most `limit` (with their names). */
export async function listOwnedCustomers(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  limit: number,
): Promise<{ id: string; name: string | null; sensitivity: number }[]> {
  return db
    .selectFrom('customers')
    .select(['id', 'name', 'sensitivity'])
    .where('tenant_id', '=', tenantId)
    .where('owner_id', '=', userId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The customer teams a user is on, by customer id. */
export async function listTeamMembershipsOf(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<{ customerId: string; access: AccessLevel }[]> {
  const rows = await db
    .selectFrom('customer_team_members')
    .select(['customer_id', 'access'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('customer_id')
    .execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    access: ACCESS_LEVELS[r.access] ?? 'read',
  }));
}

/** Take a user off every customer team; how many memberships ended. */
export async function removeTeamMembershipsOf(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('customer_team_members')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every grant stored for a user (scope and record grants, live, future or expired), by id. */
export async function listGrantsOfUser(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<{ grant: Grant; recordId: string | null }[]> {
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('subject_kind', '=', 'user')
    .where('subject_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ grant: grantFromRow(r), recordId: r.record_id }));
}

/** A user's live sessions and unrevoked, unexpired API tokens, counted. */
export async function countUserAccess(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  now: number,
): Promise<{ sessions: number; tokens: number }> {
  const at = new Date(now);
  const sessions = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', at)
    .executeTakeFirstOrThrow();
  const tokens = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirstOrThrow();
  return { sessions: Number(sessions.n), tokens: Number(tokens.n) };
}
