import { ACCESS_LEVELS, rank, type AccessLevel, type TeamMember } from '@custos/engine';
import type { Kysely } from 'kysely';
import { teamsOf } from './record-facts-repository.ts';
import type { StoreSchema } from './schema.ts';

/**
 * Customer teams (客户团队). A team is a fact of its customer, not of the policy: it is read with
 * the record (`loadRecordFacts`) and by the list query, so a change never moves the policy version
 * and is still seen by the very next request on any server. A change touches its one row: no
 * tenant-wide lock, no scan.
 */

/** A customer's team, in the order members were added. */
export async function listTeam(
  db: Kysely<StoreSchema>,
  tenantId: string,
  customerId: string,
): Promise<TeamMember[]> {
  return (await teamsOf(db, tenantId, [customerId])).get(customerId) ?? [];
}

/**
 * Add a user to a customer's team, or change their access; returns the previous access (or
 * null).
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
  await db
    .insertInto('customer_team_members')
    .values({
      tenant_id: tenantId,
      customer_id: member.customerId,
      user_id: member.userId,
      access: rank.access(member.access),
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'customer_id', 'user_id'])
        .doUpdateSet({ access: rank.access(member.access) }),
    )
    .execute();
  return before === undefined ? null : (ACCESS_LEVELS[before.access] ?? null);
}

/** Remove a user from a customer's team; false when they were not on it. */
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
  return result.numDeletedRows > 0n;
}
