import { ACCESS_LEVELS, rank, type AccessLevel, type TeamMember } from '@custos/engine';
import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/**
 * Customer teams (客户团队). Team rows are part of the tenant's policy (the engine's `teams`), so
 * every change bumps the tenant's policy version in the same transaction: the next request on any
 * server sees it.
 */

/** Bump the tenant's policy version; returns the new one. */
export async function bumpPolicyVersion(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<number> {
  const row = await db
    .updateTable('tenants')
    .set({ policy_version: sql<number>`policy_version + 1` })
    .where('id', '=', tenantId)
    .returning('policy_version')
    .executeTakeFirstOrThrow();
  return row.policy_version;
}

/** A customer's team, in the order members were added. */
export async function listTeam(
  db: Kysely<StoreSchema>,
  tenantId: string,
  customerId: string,
): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('customer_team_members')
    .select(['customer_id', 'user_id', 'access'])
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .orderBy('ordinal')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    userId: r.user_id,
    access: ACCESS_LEVELS[r.access] ?? 'read',
  }));
}

/**
 * Add a user to a customer's team, or change their access; returns the previous access (or
 * null). Bumps the policy version.
 */
export async function putTeamMember(
  db: Kysely<StoreSchema>,
  tenantId: string,
  member: { customerId: string; userId: string; access: AccessLevel },
): Promise<AccessLevel | null> {
  const before = await db
    .selectFrom('customer_team_members')
    .select('access')
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', member.customerId)
    .where('user_id', '=', member.userId)
    .executeTakeFirst();
  const { next } = await db
    .selectFrom('customer_team_members')
    .select(sql<number>`coalesce(max(ordinal) + 1, 0)`.as('next'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('customer_team_members')
    .values({
      tenant_id: tenantId,
      customer_id: member.customerId,
      user_id: member.userId,
      access: rank.access(member.access),
      ordinal: next,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'customer_id', 'user_id'])
        .doUpdateSet({ access: rank.access(member.access) }),
    )
    .execute();
  await bumpPolicyVersion(db, tenantId);
  return before === undefined ? null : (ACCESS_LEVELS[before.access] ?? null);
}

/** Remove a user from a customer's team; false when they were not on it. Bumps the version. */
export async function removeTeamMember(
  db: Kysely<StoreSchema>,
  tenantId: string,
  customerId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('customer_team_members')
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) return false;
  await bumpPolicyVersion(db, tenantId);
  return true;
}
