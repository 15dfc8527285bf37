import type { Grant } from '@custos/engine';
import type { Kysely } from 'kysely';
import { grantFromRow } from './record-facts-repository.ts';
import type { StoreSchema } from './schema.ts';

/**
 * The grants live at `at` to a user or to one of their groups — the policy's scope grants and the
 * grants stored with one record alike — soonest to expire first (open-ended last), then by id; at
 * most `limit`. For "my access": the grants that reach the user now.
 */
export async function listLiveGrantsTo(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: { userId: string; groupIds: readonly string[]; at: number; limit: number },
): Promise<{ grant: Grant; recordId: string | null }[]> {
  const at = new Date(options.at);
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_kind', '=', 'user'), eb('subject_id', '=', options.userId)]),
        ...(options.groupIds.length === 0
          ? []
          : [
              eb.and([
                eb('subject_kind', '=', 'group'),
                eb('subject_id', 'in', [...options.groupIds]),
              ]),
            ]),
      ]),
    )
    .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', at)]))
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .orderBy('expires_at', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({ grant: grantFromRow(r), recordId: r.record_id }));
}
