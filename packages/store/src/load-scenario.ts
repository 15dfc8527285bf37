import { rank, type CrmRecord, type PolicyModel, type TeamMember } from '@custos/engine';
import type { Insertable, Kysely } from 'kysely';
import { RECORD_TABLE } from './record-tables.ts';
import { rowFromRecord } from './record-row.ts';
import type { RecordRow, StoreSchema } from './schema.ts';

export { sensitivityRank } from './record-row.ts';

/** Rows per insert statement: large enough to be fast, small enough for the parameter limit. */
const BATCH = 500;

/** The record's `updatedAt` when it carries one (a `StoredRecord`), else the epoch. */
function updatedAtOf(r: CrmRecord): Date {
  const at = (r as { updatedAt?: unknown }).updatedAt;
  return typeof at === 'string' || typeof at === 'number' ? new Date(at) : new Date(0);
}

function recordRow(tenantId: string, r: CrmRecord): Insertable<RecordRow> {
  return rowFromRecord(tenantId, r, updatedAtOf(r));
}

async function insertInBatches<T>(
  items: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await insert(items.slice(i, i + BATCH));
}

/**
 * Write a tenant, its customer teams and its records. The rest of the policy model stays in memory
 * for now: the access filter is computed by the engine and only its predicate reaches SQL.
 * Customers are written before their children (foreign keys).
 */
export async function loadTenantData(
  db: Kysely<StoreSchema>,
  model: PolicyModel,
  records: readonly CrmRecord[],
  tenantId: string = model.tenant.id,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('tenants').values({ id: tenantId, name: model.tenant.name }).execute();
    const customers = records.filter((r) => r.object === 'customer');
    await insertInBatches(customers, (batch) =>
      tx
        .insertInto('customers')
        .values(batch.map((r) => recordRow(tenantId, r)))
        .execute(),
    );
    for (const [object, table] of Object.entries(RECORD_TABLE)) {
      if (object === 'customer') continue;
      const rows = records.filter((r) => r.object === object);
      await insertInBatches(rows, (batch) =>
        tx
          .insertInto(table)
          .values(batch.map((r) => recordRow(tenantId, r)))
          .execute(),
      );
    }
    await insertInBatches(model.teams, (batch: TeamMember[]) =>
      tx
        .insertInto('customer_team_members')
        .values(
          batch.map((t) => ({
            tenant_id: tenantId,
            customer_id: t.customerId,
            user_id: t.userId,
            access: rank.access(t.access),
          })),
        )
        .execute(),
    );
  });
}
