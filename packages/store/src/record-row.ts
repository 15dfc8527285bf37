import {
  SENSITIVITIES,
  rank,
  type CrmRecord,
  type ObjectType,
  type Sensitivity,
} from '@custos/engine';
import type { Insertable, Selectable } from 'kysely';
import type { RecordRow } from './schema.ts';
import { StoreError } from './store-error.ts';

/** The stored rank of a sensitivity; an unknown level counts as the highest, as in `decide`. */
export function sensitivityRank(s: Sensitivity): number {
  const r = rank.sensitivity(s);
  return r < 0 ? SENSITIVITIES.length - 1 : r;
}

/** A record as stored: the engine's record plus the time of its last change. */
export interface StoredRecord extends CrmRecord {
  /** ISO 8601. */
  updatedAt: string;
  parent?: StoredRecord;
}

/** The columns every record query selects, in order. */
export const RECORD_COLUMNS = [
  'tenant_id',
  'id',
  'customer_id',
  'owner_id',
  'department_id',
  'sensitivity',
  'created_by_id',
  'contact_user_id',
  'pool_id',
  'name',
  'data',
  'updated_at',
] as const;

function parsedData(value: unknown): Record<string, unknown> {
  const v = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** A stored row as the engine's record (without its parent). */
export function recordFromRow(object: ObjectType, row: Selectable<RecordRow>): StoredRecord {
  const sensitivity = SENSITIVITIES[row.sensitivity];
  if (sensitivity === undefined) {
    throw new StoreError('STORE_CORRUPT_ROW', `stored sensitivity rank ${row.sensitivity}`, {
      what: 'sensitivity',
      rank: row.sensitivity,
    });
  }
  return {
    object,
    id: row.id,
    customerId: row.customer_id,
    ownerId: row.owner_id,
    departmentId: row.department_id,
    sensitivity,
    createdById: row.created_by_id,
    contactUserId: row.contact_user_id,
    poolId: row.pool_id,
    fields: parsedData(row.data),
    updatedAt: iso(row.updated_at),
  };
}

/** The row for a record; `name` mirrors `fields.name` (it is indexed for prefix search). */
export function rowFromRecord(
  tenantId: string,
  r: CrmRecord,
  updatedAt: Date,
): Insertable<RecordRow> {
  const name = r.fields.name;
  return {
    tenant_id: tenantId,
    id: r.id,
    customer_id: r.customerId,
    owner_id: r.ownerId,
    department_id: r.departmentId,
    sensitivity: sensitivityRank(r.sensitivity),
    created_by_id: r.createdById ?? null,
    contact_user_id: r.contactUserId ?? null,
    pool_id: r.poolId ?? null,
    name: typeof name === 'string' ? name : null,
    data: JSON.stringify(r.fields),
    updated_at: updatedAt,
  };
}
