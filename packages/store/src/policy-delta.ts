import type { ListDiff, ModelDiff, PolicyModel } from '@custos/engine';
import { sql, type Kysely } from 'kysely';
import {
  departmentRows,
  grantRows,
  groupRows,
  objectRows,
  poolRows,
  roleRows,
  sharingRuleRows,
  sodRuleRows,
  userRows,
  type EntityRows,
} from './policy-rows.ts';
import { ensureRuleFieldIndexes } from './rule-field-indexes.ts';
import type { StoreSchema } from './schema.ts';

/** Rows per insert statement. */
const BATCH = 500;

type Db = Kysely<StoreSchema>;

/** The entity's rows in one list of the model, by the list's key. */
const LISTS = [
  ['departments', departmentRows],
  ['users', userRows],
  ['roles', roleRows],
  ['objects', objectRows],
  ['groups', groupRows],
  ['sharingRules', sharingRuleRows],
  ['grants', grantRows],
  ['pools', poolRows],
  ['sodRules', sodRuleRows],
] as const;

async function insertAll(db: Db, table: string, rows: readonly Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table as 'roles')
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

/** Upsert one entity's row (its place in the model's order kept) and replace its parts. */
async function upsertEntity(db: Db, e: EntityRows): Promise<void> {
  const set: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(e.row)) {
    if (column !== 'tenant_id' && column !== e.key) set[column] = value;
  }
  await db
    .insertInto(e.table as 'roles')
    .values(e.row as never)
    .onConflict((oc) => oc.columns(['tenant_id', e.key as 'id']).doUpdateSet(set as never))
    .execute();
  const key = e.row[e.key] as string;
  for (const part of e.parts) {
    await db
      .deleteFrom(part.table as 'user_roles')
      .where('tenant_id', '=', e.row.tenant_id as string)
      .where(sql.ref(part.owner), '=', key)
      .execute();
    await insertAll(db, part.table, part.rows as Record<string, unknown>[]);
  }
}

async function deleteEntity(db: Db, e: EntityRows): Promise<void> {
  const tenantId = e.row.tenant_id as string;
  const key = e.row[e.key] as string;
  for (const part of e.parts) {
    await db
      .deleteFrom(part.table as 'user_roles')
      .where('tenant_id', '=', tenantId)
      .where(sql.ref(part.owner), '=', key)
      .execute();
  }
  await db
    .deleteFrom(e.table as 'roles')
    .where('tenant_id', '=', tenantId)
    .where(sql.ref(e.key), '=', key)
    .execute();
}

/**
 * Write a change of the tenant's policy as row deltas, in the caller's transaction: the entities
 * the change added or replaced are upserted (their order in the model kept, their parts replaced,
 * their `version` set to `version`), the ones it removed are deleted; no other row is touched and
 * no table is scanned. `diff` is `diffModels(before, after)`. Returns how many entities were
 * written and deleted.
 */
export async function writePolicyDiff(
  db: Db,
  tenantId: string,
  after: PolicyModel,
  diff: ModelDiff,
  version: number,
): Promise<{ upserted: number; deleted: number }> {
  let upserted = 0;
  let deleted = 0;
  for (const [list, rowsOf] of LISTS) {
    const d = diff[list] as ListDiff<never>;
    for (const entity of d.removed.values()) {
      await deleteEntity(
        db,
        (rowsOf as (t: string, e: never, v: number) => EntityRows)(tenantId, entity, version),
      );
      deleted++;
    }
    for (const entity of d.upserted.values()) {
      await upsertEntity(
        db,
        (rowsOf as (t: string, e: never, v: number) => EntityRows)(tenantId, entity, version),
      );
      upserted++;
    }
  }
  if (diff.sharingRules.upserted.size > 0)
    await ensureRuleFieldIndexes(db, [...diff.sharingRules.upserted.values()]);
  if (diff.tenant) {
    await db
      .updateTable('tenants')
      .set({
        name: after.tenant.name,
        settings: sql<string>`(settings - 'defaultLocale') || ${JSON.stringify(
          after.tenant.defaultLocale === undefined
            ? {}
            : { defaultLocale: after.tenant.defaultLocale },
        )}::jsonb`,
      })
      .where('id', '=', tenantId)
      .execute();
  }
  return { upserted, deleted };
}

/** Every row of a whole model (the first save of a tenant, a seed): entities in model order. */
export async function insertPolicyModel(
  db: Db,
  tenantId: string,
  model: PolicyModel,
  version: number,
): Promise<void> {
  for (const [list, rowsOf] of LISTS) {
    const entities = (model[list] as unknown as readonly never[]).map((e) =>
      (rowsOf as (t: string, e: never, v: number) => EntityRows)(tenantId, e, version),
    );
    const table = entities[0]?.table;
    if (table === undefined) continue;
    // One insert per batch of entity rows (their `ordinal` from the sequence, in this order).
    await insertAll(
      db,
      table,
      entities.map((e) => e.row),
    );
    const parts = new Map<string, Record<string, unknown>[]>();
    for (const e of entities)
      for (const part of e.parts) {
        const rows = parts.get(part.table) ?? [];
        rows.push(...(part.rows as Record<string, unknown>[]));
        parts.set(part.table, rows);
      }
    for (const [partTable, rows] of parts) await insertAll(db, partTable, rows);
  }
  await ensureRuleFieldIndexes(db, model.sharingRules);
}
