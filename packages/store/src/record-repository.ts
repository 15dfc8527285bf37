import type { CrmRecord, ObjectType } from '@custos/engine';
import type { Kysely } from 'kysely';
import { loadRecordFacts } from './record-facts-repository.ts';
import { RECORD_TABLE } from './record-tables.ts';
import { RECORD_COLUMNS, recordFromRow, rowFromRecord, type StoredRecord } from './record-row.ts';
import type { StoreSchema } from './schema.ts';

/**
 * Records of the six CRM objects: read one (with its customer, which decides a child controlled
 * by its parent), read many by id, insert, update, delete. Access decisions are the caller's
 * (the engine's); these functions only move rows. Writes take the caller's transaction so the
 * change and its audit event commit together.
 */

/** One record with its parent customer (for children), or undefined. */
export async function getRecord(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  id: string,
): Promise<StoredRecord | undefined> {
  const records = await getRecords(db, tenantId, object, [id]);
  return records.get(id);
}

/**
 * Records by id, each with its parent customer (children) and its record facts (the customer's
 * team, grants on the record); missing ids are absent.
 */
export async function getRecords(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  ids: readonly string[],
): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom(RECORD_TABLE[object])
    .select(RECORD_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) out.set(row.id, recordFromRow(object, row));
  if (object !== 'customer') await attachParents(db, tenantId, [...out.values()]);
  await loadRecordFacts(db, tenantId, [...out.values()]);
  return out;
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
 * go to a successor. `updated_at` is left alone: the records' content did not change. Returns how
 * many per object.
 */
export async function reassignOwnedRecords(
  db: Kysely<StoreSchema>,
  tenantId: string,
  change: { ownerId: string; toOwnerId: string; toDepartmentId: string | null },
): Promise<Partial<Record<ObjectType, number>>> {
  const out: Partial<Record<ObjectType, number>> = {};
  for (const [object, table] of Object.entries(RECORD_TABLE) as [ObjectType, string][]) {
    const result = await db
      .updateTable(table as 'customers')
      .set({ owner_id: change.toOwnerId, department_id: change.toDepartmentId })
      .where('tenant_id', '=', tenantId)
      .where('owner_id', '=', change.ownerId)
      .executeTakeFirst();
    const n = Number(result.numUpdatedRows);
    if (n > 0) out[object] = n;
  }
  return out;
}
