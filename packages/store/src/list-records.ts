import type { ObjectType, Predicate } from '@custos/engine';
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { compilePredicate } from './compile-predicate.ts';
import { accessBranches } from './list-plan.ts';
import { RECORD_TABLE } from './record-tables.ts';
import { RECORD_COLUMNS, recordFromRow, type StoredRecord } from './record-row.ts';
import { loadRecordFacts } from './record-facts-repository.ts';
import { attachParents } from './record-repository.ts';
import type { RecordRow, StoreSchema } from './schema.ts';
import { StoreError } from './store-error.ts';

/** List orders: last change (newest first by default) or name (byte order). */
export const RECORD_SORTS = ['-updatedAt', 'updatedAt', 'name', '-name'] as const;
export type RecordSort = (typeof RECORD_SORTS)[number];

export interface RecordFilterQuery {
  tenantId: string;
  object: ObjectType;
  /** What the caller may see: the engine's `filter(…)` for the caller and action. */
  predicate: Predicate;
  /** Only records whose name starts with this (case-sensitive). */
  namePrefix?: string;
}

export interface RecordListQuery extends RecordFilterQuery {
  /** Page size, 1 … 1000. */
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string | null;
  sort?: RecordSort;
}

export interface RecordPage {
  records: StoredRecord[];
  /** Null on the last page. */
  nextCursor: string | null;
}

interface SortSpec {
  /** The sort key as SQL on alias `t`. */
  key: (alias: string) => RawBuilder<unknown>;
  keyDesc: boolean;
  idDesc: boolean;
  /** The key of a row, as kept in the cursor. */
  keyOf: (r: StoredRecord) => string;
  keyParam: (value: string) => RawBuilder<unknown>;
}

/**
 * `-updatedAt` runs on the `(tenant_id, <path column>, updated_at desc, id)` indexes forwards and
 * `updatedAt` backwards, so ties on the time break by id ascending and descending respectively.
 */
const SORTS: Record<RecordSort, SortSpec> = {
  '-updatedAt': {
    key: (a) => sql.ref(`${a}.updated_at`),
    keyDesc: true,
    idDesc: false,
    keyOf: (r) => r.updatedAt,
    keyParam: (v) => sql`cast(${v} as timestamptz)`,
  },
  updatedAt: {
    key: (a) => sql.ref(`${a}.updated_at`),
    keyDesc: false,
    idDesc: true,
    keyOf: (r) => r.updatedAt,
    keyParam: (v) => sql`cast(${v} as timestamptz)`,
  },
  name: {
    key: (a) => sql`(coalesce(${sql.ref(`${a}.name`)}, '') collate "C")`,
    keyDesc: false,
    idDesc: false,
    keyOf: (r) => (typeof r.fields.name === 'string' ? r.fields.name : ''),
    keyParam: (v) => sql`(cast(${v} as text) collate "C")`,
  },
  '-name': {
    key: (a) => sql`(coalesce(${sql.ref(`${a}.name`)}, '') collate "C")`,
    keyDesc: true,
    idDesc: true,
    keyOf: (r) => (typeof r.fields.name === 'string' ? r.fields.name : ''),
    keyParam: (v) => sql`(cast(${v} as text) collate "C")`,
  },
};

export const MAX_PAGE_SIZE = 1000;

/** Lists split small owner/department/pool sets into index walks of their own (ADR 0005). */
const LIST_BRANCHES = { maxBranches: 48, splitSetsUpTo: 16 } as const;

function encodeCursor(sort: RecordSort, key: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id]), 'utf8').toString('base64url');
}

function decodeCursor(sort: RecordSort, cursor: string): { key: string; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    value[0] !== sort ||
    typeof value[1] !== 'string' ||
    typeof value[2] !== 'string'
  ) {
    throw new StoreError('STORE_INVALID_CURSOR', 'the cursor is not one of this list', {
      field: 'cursor',
    });
  }
  return { key: value[1], id: value[2] };
}

function prefixCondition(alias: string, prefix: string | undefined): RawBuilder<SqlBool> {
  if (prefix === undefined || prefix === '') return sql<SqlBool>`true`;
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`${sql.ref(`${alias}.name`)} like ${`${escaped}%`}`;
}

function orderBy(spec: SortSpec, alias: string): RawBuilder<unknown> {
  const dir = (desc: boolean) => (desc ? sql`desc` : sql`asc`);
  return sql`${spec.key(alias)} ${dir(spec.keyDesc)}, ${sql.ref(`${alias}.id`)} ${dir(spec.idDesc)}`;
}

function afterCursor(
  spec: SortSpec,
  alias: string,
  cursor: { key: string; id: string } | null,
): RawBuilder<SqlBool> {
  if (cursor === null) return sql<SqlBool>`true`;
  const key = spec.key(alias);
  const value = spec.keyParam(cursor.key);
  const id = sql.ref(`${alias}.id`);
  const keyOp = spec.keyDesc ? sql`<` : sql`>`;
  const keyBound = spec.keyDesc ? sql`<=` : sql`>=`;
  const idOp = spec.idDesc ? sql`<` : sql`>`;
  // The first conjunct bounds the index walk (an Index Cond); the second breaks ties.
  return sql<SqlBool>`(${key} ${keyBound} ${value} and (${key} ${keyOp} ${value} or ${id} ${idOp} ${cursor.id}))`;
}

/**
 * One page of the records the predicate selects, in `sort` order, after `cursor`.
 *
 * Shape (ADR 0005): one subquery per access path of the predicate (`accessBranches`), each with
 * the tenant, the mandatory conditions, the name prefix and the cursor, its own order and its own
 * `limit + 1`; the branches are merged with `union` (a record on two paths counts once), ordered
 * and cut again. Each branch is an index walk on its path's index, so the first page costs about
 * `limit` rows per path, whatever the size of what the user can see.
 */
export async function listRecords(
  db: Kysely<StoreSchema>,
  query: RecordListQuery,
): Promise<RecordPage> {
  const compiled = compileListQuery(query);
  if (compiled === null) return { records: [], nextCursor: null };
  const { rows } = await compiled.execute(db);
  const limit = query.limit;
  const records = rows.slice(0, limit).map((r) => recordFromRow(query.object, r));
  if (query.object !== 'customer') await attachParents(db, query.tenantId, records);
  // Field levels of a row depend on its update access, which its team and grants can give.
  await loadRecordFacts(db, query.tenantId, records);
  const sort = query.sort ?? '-updatedAt';
  const last = records[records.length - 1];
  const nextCursor =
    rows.length > limit && last !== undefined
      ? encodeCursor(sort, SORTS[sort].keyOf(last), last.id)
      : null;
  return { records, nextCursor };
}

/** The SQL `listRecords` runs (for EXPLAIN and tests); null when nothing can be selected. */
export function compileListQuery(query: RecordListQuery): RawBuilder<Selectable<RecordRow>> | null {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
    throw new StoreError('STORE_INVALID_PAGE_SIZE', `limit must be 1 … ${MAX_PAGE_SIZE}`, {
      field: 'limit',
      limit: query.limit,
    });
  }
  const sort = query.sort ?? '-updatedAt';
  const spec = SORTS[sort];
  const cursor =
    query.cursor === undefined || query.cursor === null ? null : decodeCursor(sort, query.cursor);
  const branches = accessBranches(query.predicate, LIST_BRANCHES);
  if (branches.length === 0) return null;
  const table = RECORD_TABLE[query.object];
  const columns = sql.join(RECORD_COLUMNS.map((c) => sql.ref(`t.${c}`)));
  const take = query.limit + 1;
  const selects = branches.map(
    (branch) =>
      sql`(select ${columns} from ${sql.table(table)} as t where t.tenant_id = ${query.tenantId} and ${compilePredicate(branch, { table })} and ${prefixCondition('t', query.namePrefix)} and ${afterCursor(spec, 't', cursor)} order by ${orderBy(spec, 't')} limit ${take})`,
  );
  if (selects.length === 1) return selects[0] as RawBuilder<never>;
  return sql`select * from (${sql.join(selects, sql` union `)}) as u order by ${orderBy(spec, 'u')} limit ${take}`;
}

/**
 * How many records the predicate selects: the ids of every access path, merged. One index-only
 * walk per path in the good case.
 */
export async function countRecords(
  db: Kysely<StoreSchema>,
  query: RecordFilterQuery,
): Promise<number> {
  const compiled = compileCountQuery(query);
  if (compiled === null) return 0;
  const { rows } = await compiled.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export function compileCountQuery(query: RecordFilterQuery): RawBuilder<{ n: string }> | null {
  const branches = accessBranches(query.predicate);
  if (branches.length === 0) return null;
  const table = RECORD_TABLE[query.object];
  const selects = branches.map(
    (branch) =>
      sql`select t.id from ${sql.table(table)} as t where t.tenant_id = ${query.tenantId} and ${compilePredicate(branch, { table, indexLargeSets: true })} and ${prefixCondition('t', query.namePrefix)}`,
  );
  if (selects.length === 1) {
    return sql`select count(*) as n from (${selects[0]}) as u`;
  }
  return sql`select count(*) as n from (${sql.join(selects, sql` union `)}) as u`;
}
