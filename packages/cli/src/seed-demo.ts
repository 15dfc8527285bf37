import type { CrmRecord } from '@custos/engine';
import {
  demoCompany,
  RECORD_TABLE,
  RECORD_TABLES,
  rowFromRecord,
  insertRecordFacts,
  savePolicyModel,
  type Database,
  type DemoLogin,
  type DemoRecord,
  type Keyring,
  sealRecordsForStore,
} from '@custos/store';
import { CliError } from './cli-error.ts';
import type { ProgressReporter } from './progress-reporter.ts';

export interface SeedOptions {
  tenantId: string;
  customers: number;
  users?: number;
  seed?: number;
  now: number;
  /** Replace the tenant's records and policy when it exists (its audit trail is kept). */
  replace?: boolean;
  /** The keys encrypted fields are sealed with: the server's for this data directory. */
  keyring: Keyring;
}

export interface SeedResult {
  logins: DemoLogin[];
  records: number;
  users: number;
}

/** Rows per insert statement: 1,000 rows × 12 columns stays well under the parameter limit. */
const BATCH = 1000;

export async function tenantExists(database: Database, tenantId: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Load the demo company into the database, in one transaction: the records in batches (customers
 * first, for the foreign keys) with their teams and record grants, then the policy. `demoCompany` returns the whole
 * company as one array, so memory grows with its size (about 2 KB per customer with children).
 */
export async function seedDemo(
  database: Database,
  options: SeedOptions,
  progress: ProgressReporter,
): Promise<SeedResult> {
  const { tenantId } = options;
  if ((await tenantExists(database, tenantId)) && options.replace !== true) {
    throw new CliError(
      'CONFLICT',
      `tenant ${tenantId} already exists in this database; pass --replace to replace its records and policy`,
    );
  }
  const company = demoCompany({
    customers: options.customers,
    now: options.now,
    ...(options.users === undefined ? {} : { users: options.users }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const { model, records } = company;
  // Customers first (the children's foreign keys), then each child table.
  const order = Object.keys(RECORD_TABLE) as CrmRecord['object'][];
  const byObject = new Map(order.map((o) => [o, [] as DemoRecord[]]));
  for (const r of records) byObject.get(r.object)?.push(r);

  await database.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('tenants')
      .values({ id: tenantId, name: model.tenant.name, settings: '{}' })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    // --replace: the records go; the policy is replaced by savePolicyModel below.
    await tx.deleteFrom('customer_team_members').where('tenant_id', '=', tenantId).execute();
    await tx
      .deleteFrom('grants')
      .where('tenant_id', '=', tenantId)
      .where('record_id', 'is not', null)
      .execute();
    await tx.deleteFrom('blind_index').where('tenant_id', '=', tenantId).execute();
    for (const table of [...RECORD_TABLES].reverse()) {
      await tx.deleteFrom(table).where('tenant_id', '=', tenantId).execute();
    }
    progress.start(records.length, 'records');
    let done = 0;
    for (const object of order) {
      const list = byObject.get(object) ?? [];
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = await sealRecordsForStore(
          tx,
          options.keyring,
          model,
          tenantId,
          list.slice(i, i + BATCH),
          new Date(options.now),
        );
        await tx
          .insertInto(RECORD_TABLE[object])
          .values(batch.map((r) => rowFromRecord(tenantId, r, new Date(r.updatedAt))))
          .execute();
        done += batch.length;
        progress.update(done);
      }
    }
    // The record facts: customer teams and grants on one record.
    await insertRecordFacts(tx, tenantId, records);
    progress.stop();
  });
  await savePolicyModel(database.db, tenantId, model);
  return { logins: company.logins, records: records.length, users: model.users.length };
}

/** The personas of the default company (extra sales reps left out), for printing. */
export function personaLogins(logins: readonly DemoLogin[], now: number): DemoLogin[] {
  const personas = new Set(demoCompany({ customers: 2, now }).logins.map((l) => l.userId));
  return logins.filter((l) => personas.has(l.userId));
}
