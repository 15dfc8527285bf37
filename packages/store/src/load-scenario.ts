import {
  rank,
  type CrmRecord,
  type Grant,
  type PolicyModel,
  type TeamMember,
} from '@custos/engine';
import { recordGrantRow } from './record-facts-repository.ts';
import type { Keyring } from './crypto/keyring.ts';
import { sealRecordsForStore } from './crypto/seal-records.ts';
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
 * Write a tenant, its records and their record facts (each customer's `team`, each record's
 * `grants`). The policy model is saved separately (`savePolicyModel`); only its tenant is written
 * here. Customers are written before their children (foreign keys). Fields the policy encrypts
 * are sealed with `keyring` (required then: docs/encryption.md) and their blind index written.
 */
export async function loadTenantData(
  db: Kysely<StoreSchema>,
  model: PolicyModel,
  given: readonly CrmRecord[],
  tenantId: string = model.tenant.id,
  keyring?: Keyring,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('tenants').values({ id: tenantId, name: model.tenant.name }).execute();
    const records = await sealRecordsForStore(tx, keyring, model, tenantId, given, new Date());
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
    await insertRecordFacts(tx, tenantId, records);
  });
}

/**
 * Write the record facts the records carry: each customer's `team` and each record's `grants`
 * (batched). The records must be stored first (team rows reference their customers).
 */
export async function insertRecordFacts(
  db: Kysely<StoreSchema>,
  tenantId: string,
  records: readonly CrmRecord[],
): Promise<void> {
  const teams: TeamMember[] = records.flatMap((r) =>
    r.object === 'customer' ? (r.team ?? []) : [],
  );
  await insertInBatches(teams, (batch: TeamMember[]) =>
    db
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
  const grants = new Map<string, Grant>();
  for (const r of records) for (const g of r.grants ?? []) grants.set(g.id, g);
  await insertInBatches([...grants.values()], (batch) =>
    db
      .insertInto('grants')
      .values(batch.map((g) => recordGrantRow(tenantId, g)))
      .execute(),
  );
}
