/**
 * The baselines the list API is compared with in the same run:
 * - naive: the whole filter predicate as one `where … or …`, ordered and cut (DESIGN §8's
 *   "~200 ms for a leaf rep");
 * - floor: a plain 50-row walk of the `(tenant_id, updated_at desc, id)` index, no access check —
 *   no list of 50 rows can be cheaper;
 * - in memory: read every customer's access columns, evaluate the predicate with the engine, sort
 *   and take 50 (what an application without a SQL compiler would do).
 */
import {
  evaluatePredicate,
  SENSITIVITIES,
  type CrmRecord,
  type ObjectType,
  type PolicyIndex,
  type Predicate,
} from '@custos/engine';
import { compilePredicate, RECORD_COLUMNS, RECORD_TABLE, type Database } from '@custos/store';
import { sql } from 'kysely';

export const PAGE = 50;

/** The naive single-`or` first page; resolves to the number of rows. */
export async function naiveFirstPage(
  database: Database,
  tenantId: string,
  object: ObjectType,
  predicate: Predicate,
): Promise<number> {
  const table = RECORD_TABLE[object];
  const columns = sql.join(RECORD_COLUMNS.map((c) => sql.ref(`t.${c}`)));
  const { rows } = await sql`
    select ${columns} from ${sql.table(table)} as t
    where t.tenant_id = ${tenantId} and ${compilePredicate(predicate, { table })}
    order by t.updated_at desc, t.id limit ${PAGE + 1}`.execute(database.db);
  return rows.length;
}

/** The floor: 51 rows of the tenant in list order, no access check. */
export async function floorFirstPage(
  database: Database,
  tenantId: string,
  object: ObjectType,
): Promise<number> {
  const table = RECORD_TABLE[object];
  const columns = sql.join(RECORD_COLUMNS.map((c) => sql.ref(`t.${c}`)));
  const { rows } = await sql`
    select ${columns} from ${sql.table(table)} as t where t.tenant_id = ${tenantId}
    order by t.updated_at desc, t.id limit ${PAGE + 1}`.execute(database.db);
  return rows.length;
}

interface AccessRow {
  id: string;
  customer_id: string;
  owner_id: string | null;
  department_id: string | null;
  sensitivity: number;
  created_by_id: string | null;
  contact_user_id: string | null;
  pool_id: string | null;
  data: unknown;
  updated_at: Date | string;
}

/**
 * Load-all-then-filter for customers: the access columns (and `data`, which sharing-rule criteria
 * read) of up to `maxRows` customers of the tenant (the first by id), evaluated in memory, sorted
 * by last change, first 50. Resolves to the number of rows returned.
 */
export async function inMemoryFirstPage(
  database: Database,
  index: PolicyIndex,
  tenantId: string,
  predicate: Predicate,
  maxRows: number,
): Promise<number> {
  const { rows } = await sql<AccessRow>`
    select id, customer_id, owner_id, department_id, sensitivity, created_by_id, contact_user_id,
      pool_id, data, updated_at
    from customers where tenant_id = ${tenantId} order by id limit ${maxRows}`.execute(database.db);
  const hits: Array<{ at: number; id: string }> = [];
  for (const row of rows) {
    const record: CrmRecord = {
      object: 'customer',
      id: row.id,
      customerId: row.customer_id,
      ownerId: row.owner_id,
      departmentId: row.department_id,
      sensitivity: SENSITIVITIES[row.sensitivity] ?? 'restricted',
      createdById: row.created_by_id,
      contactUserId: row.contact_user_id,
      poolId: row.pool_id,
      fields: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
        string,
        unknown
      >,
    };
    if (evaluatePredicate(index, predicate, record)) {
      hits.push({ at: new Date(row.updated_at).getTime(), id: row.id });
    }
  }
  hits.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hits.slice(0, PAGE).length;
}
