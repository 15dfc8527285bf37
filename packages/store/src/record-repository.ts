import { ACCESS_LEVELS, type CrmRecord, type ObjectType } from '@custos/engine';
import { sql, type Kysely, type Selectable } from 'kysely';
import { grantFromRow, type GrantColumns } from './record-facts-repository.ts';
import { RECORD_TABLE } from './record-tables.ts';
import { RECORD_COLUMNS, recordFromRow, rowFromRecord, type StoredRecord } from './record-row.ts';
import type { RecordRow, StoreSchema } from './schema.ts';

/**
 * Records of the six CRM objects: read one (with its customer, which decides a child controlled
 * by its parent), read many by id, insert, update, delete. Access decisions are the caller's
 * (the engine's); these functions only move rows. Writes take the caller's transaction so the
 * change and its audit event commit together.
 */

/**
 * What of a record's facts to read. `factsFor`: only these users' team memberships (the caller's,
 * say), for reads that decide for them alone: a customer with a team of thousands costs one row,
 * not thousands. Default: the whole team.
 */
export interface RecordReadOptions {
  factsFor?: readonly string[];
}

/** One record with its parent customer (for children), or undefined. */
export async function getRecord(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  id: string,
  options: RecordReadOptions = {},
): Promise<StoredRecord | undefined> {
  const records = await getRecords(db, tenantId, object, [id], options);
  return records.get(id);
}

/**
 * Records by id, each with its parent customer (children) and its record facts (the customer's
 * team, grants on the record), missing ids absent: one query per table, the facts read in it.
 */
export async function getRecords(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  ids: readonly string[],
  options: RecordReadOptions = {},
): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  if (ids.length === 0) return out;
  for (const r of await selectWithFacts(db, tenantId, object, [...new Set(ids)], options))
    out.set(r.id, r);
  if (object !== 'customer' && out.size > 0) {
    const parents = new Map(
      (
        await selectWithFacts(
          db,
          tenantId,
          'customer',
          [...new Set([...out.values()].map((c) => c.customerId))],
          options,
        )
      ).map((p) => [p.id, p]),
    );
    for (const child of out.values()) {
      const parent = parents.get(child.customerId);
      if (parent !== undefined) child.parent = parent;
    }
  }
  return out;
}

interface FactColumns {
  team_facts: unknown;
  grant_facts: unknown;
}

/** Records of one object with their team (their customer's) and the grants stored on them. */
async function selectWithFacts(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  ids: readonly string[],
  options: RecordReadOptions,
): Promise<StoredRecord[]> {
  const users = options.factsFor === undefined ? null : [...options.factsFor];
  const customerKey = object === 'customer' ? sql.ref('t.id') : sql.ref('t.customer_id');
  const columns = sql.join(RECORD_COLUMNS.map((c) => sql.ref(`t.${c}`)));
  // The facts come from `custos_record_facts` (0006), whose plans the connection keeps.
  const { rows } = await sql<Selectable<RecordRow> & FactColumns>`select ${columns},
      f.team as team_facts, f.grants as grant_facts
    from ${sql.table(RECORD_TABLE[object])} as t
    cross join lateral custos_record_facts(t.tenant_id, ${object}, t.id, ${customerKey},
      cast(${users} as text[])) as f
    where t.tenant_id = ${tenantId} and t.id = any(cast(${[...ids]} as text[]))`.execute(db);
  return rows.map((row) => {
    const record = recordFromRow(object, row);
    const parse = (v: unknown): unknown[] =>
      (typeof v === 'string' ? JSON.parse(v) : v) as unknown[];
    const team = parse(row.team_facts) as [string, number][];
    if (team.length > 0)
      record.team = team.map(([userId, access]) => ({
        customerId: record.customerId,
        userId,
        access: ACCESS_LEVELS[access] ?? 'read',
      }));
    // The grant rows as JSON (`custos_record_facts`): the same mapping as a stored row.
    const grants = parse(row.grant_facts) as GrantColumns[];
    if (grants.length > 0) record.grants = grants.map(grantFromRow);
    return record;
  });
}

/** Set `parent` on children from their customers (one query). */
export async function attachParents(
  db: Kysely<StoreSchema>,
  tenantId: string,
  children: StoredRecord[],
): Promise<void> {
  if (children.length === 0) return;
  const customerIds = [...new Set(children.map((c) => c.customerId))];
  const rows = await db
    .selectFrom('customers')
    .select(RECORD_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', customerIds)
    .execute();
  const parents = new Map(rows.map((r) => [r.id, recordFromRow('customer', r)]));
  for (const child of children) {
    const parent = parents.get(child.customerId);
    if (parent !== undefined) child.parent = parent;
  }
}

/** Insert a new record; a customer's `customerId` is its own id. */
export async function insertRecord(
  db: Kysely<StoreSchema>,
  tenantId: string,
  record: CrmRecord,
  at: Date,
): Promise<void> {
  await db
    .insertInto(RECORD_TABLE[record.object])
    .values(rowFromRecord(tenantId, record, at))
    .execute();
}

/** Replace a record's stored columns and fields; false when it does not exist. */
export async function updateRecord(
  db: Kysely<StoreSchema>,
  tenantId: string,
  record: CrmRecord,
  at: Date,
): Promise<boolean> {
  const row = rowFromRecord(tenantId, record, at);
  const columns = { ...row, tenant_id: undefined, id: undefined };
  const result = await db
    .updateTable(RECORD_TABLE[record.object])
    .set(columns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', record.id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many child records (contacts, deals, …) a customer has, per object. */
export async function countChildren(
  db: Kysely<StoreSchema>,
  tenantId: string,
  customerId: string,
): Promise<Partial<Record<ObjectType, number>>> {
  const out: Partial<Record<ObjectType, number>> = {};
  for (const [object, table] of Object.entries(RECORD_TABLE) as [ObjectType, string][]) {
    if (object === 'customer') continue;
    const row = await db
      .selectFrom(table as 'contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    if (n > 0) out[object] = n;
  }
  return out;
}

/**
 * Delete a record; false when it does not exist. A customer's team rows and the grants on the
 * record go with it; a customer
 * that still has children is refused by the foreign keys (the caller checks `countChildren`).
 */
export async function deleteRecord(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  id: string,
): Promise<boolean> {
  if (object === 'customer') {
    await db
      .deleteFrom('customer_team_members')
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', id)
      .execute();
  }
  // Grants on the record go with it (they are facts of the record).
  await db
    .deleteFrom('grants')
    .where('tenant_id', '=', tenantId)
    .where('object', '=', object)
    .where('record_id', '=', id)
    .execute();
  const result = await db
    .deleteFrom(RECORD_TABLE[object])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Hand a customer's children owned by `fromOwnerId` to `toOwnerId` (and their department), as a
 * customer transfer does when asked to take the related records along. Returns how many per object.
 */
export async function transferChildren(
  db: Kysely<StoreSchema>,
  tenantId: string,
  change: {
    customerId: string;
    fromOwnerId: string;
    toOwnerId: string;
    toDepartmentId: string | null;
  },
  at: Date,
): Promise<Partial<Record<ObjectType, number>>> {
  const out: Partial<Record<ObjectType, number>> = {};
  for (const [object, table] of Object.entries(RECORD_TABLE) as [ObjectType, string][]) {
    if (object === 'customer') continue;
    const result = await db
      .updateTable(table as 'contacts')
      .set({ owner_id: change.toOwnerId, department_id: change.toDepartmentId, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', change.customerId)
      .where('owner_id', '=', change.fromOwnerId)
      .executeTakeFirst();
    const n = Number(result.numUpdatedRows);
    if (n > 0) out[object] = n;
  }
  return out;
}

/**
 * Lock a record's row until the caller's transaction ends (`select … for update`), so a
 * read-check-write of its fields cannot interleave with another. False when it does not exist.
 */
export async function lockRecord(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(RECORD_TABLE[object])
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Every record `ownerId` owns, across the six objects, gets `toOwnerId` as owner and
 * `toDepartmentId` as 归属部门: a user's records follow them to a new department (same owner), or
 * go to a successor. With `customerId`, only that customer and the records under it (offboarding
 * hands customers over one by one). `updated_at` is left alone: the records' content did not
 * change. Returns how many per object.
 */
export async function reassignOwnedRecords(
  db: Kysely<StoreSchema>,
  tenantId: string,
  change: {
    ownerId: string;
    toOwnerId: string;
    toDepartmentId: string | null;
    customerId?: string;
  },
): Promise<Partial<Record<ObjectType, number>>> {
  const out: Partial<Record<ObjectType, number>> = {};
  for (const [object, table] of Object.entries(RECORD_TABLE) as [ObjectType, string][]) {
    let update = db
      .updateTable(table as 'customers')
      .set({ owner_id: change.toOwnerId, department_id: change.toDepartmentId })
      .where('tenant_id', '=', tenantId)
      .where('owner_id', '=', change.ownerId);
    if (change.customerId !== undefined)
      update = update.where('customer_id', '=', change.customerId);
    const result = await update.executeTakeFirst();
    const n = Number(result.numUpdatedRows);
    if (n > 0) out[object] = n;
  }
  return out;
}
