import { or, type ObjectType, type Predicate, type Sensitivity } from '@custos/engine';
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { compilePredicate } from './compile-predicate.ts';
import { accessBranches } from './list-plan.ts';
import {
  countBranchIndexesLargeSets,
  chooseCountShape,
  chooseListShape,
  listStatistics,
  type ListShape,
  type ListStatistics,
} from './list-shape.ts';
import { RECORD_TABLE, type RecordTable } from './record-tables.ts';
import { RECORD_COLUMNS, recordFromRow, sensitivityRank, type StoredRecord } from './record-row.ts';
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
  /**
   * The caller's own filters (owner, department, sensitivity, last change, field values), ANDed
   * with `predicate` in every access path's subquery and in the count.
   */
  narrow?: RecordNarrowing;
}

/** Filters a list asks for on top of what the caller may see (`narrowCondition`). */
export interface RecordNarrowing {
  /**
   * Conditions on the record (owner, department, field criteria), with `evaluatePredicate`'s
   * semantics; a `parent` or team node works too but the list API builds only record-local ones.
   */
  predicate?: Predicate;
  /** Exactly this sensitivity. */
  sensitivity?: Sensitivity;
  /** Last change at or after this instant (ISO 8601), inclusive. */
  updatedFrom?: string;
  /** Last change before this instant (ISO 8601), exclusive. */
  updatedTo?: string;
  /**
   * Exact matches on encrypted fields through the blind index (docs/encryption.md): per entry,
   * the record has one of `tokens` for `field` (one field twice: either value).
   */
  blind?: readonly { object: string; field: string; tokens: readonly string[] }[];
}

export interface RecordListQuery extends RecordFilterQuery {
  /** Page size, 1 … 1000. */
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string | null;
  sort?: RecordSort;
  /** Read only these users' team rows with the page (the caller's, who alone is decided for). */
  factsFor?: readonly string[];
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

/**
 * The narrowing as one SQL condition on `alias` (true when there is none). The time bounds are
 * range conditions on `updated_at`, which the `(tenant, path column, updated_at, id)` indexes walk
 * (ADR 0005); owner and department are the columns the access paths already use.
 */
export function narrowCondition(
  table: RecordTable,
  alias: string,
  narrow: RecordNarrowing | undefined,
): RawBuilder<SqlBool> {
  if (narrow === undefined) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (narrow.predicate !== undefined) {
    parts.push(compilePredicate(narrow.predicate, { table, alias }));
  }
  if (narrow.sensitivity !== undefined) {
    parts.push(
      sql<SqlBool>`${sql.ref(`${alias}.sensitivity`)} = ${sensitivityRank(narrow.sensitivity)}`,
    );
  }
  if (narrow.updatedFrom !== undefined) {
    parts.push(
      sql<SqlBool>`${sql.ref(`${alias}.updated_at`)} >= cast(${narrow.updatedFrom} as timestamptz)`,
    );
  }
  if (narrow.updatedTo !== undefined) {
    parts.push(
      sql<SqlBool>`${sql.ref(`${alias}.updated_at`)} < cast(${narrow.updatedTo} as timestamptz)`,
    );
  }
  for (const b of narrow.blind ?? []) {
    parts.push(
      sql<SqlBool>`exists (select 1 from blind_index as bi where bi.tenant_id = ${sql.ref(`${alias}.tenant_id`)} and bi.object = ${b.object} and bi.field = ${b.field} and bi.record_id = ${sql.ref(`${alias}.id`)} and bi.token = any(cast(${[...b.tokens]} as text[])))`,
    );
  }
  if (parts.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
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

/** How `compileListQuery` shapes the query: from the statistics (default) or forced. */
export interface ListCompileOptions {
  /** The table's statistics (`listStatistics`); null or missing: the per-path union. */
  stats?: ListStatistics | null;
  /**
   * Force a shape (the benchmark compares them, the consistency oracle walks each); `auto`
   * (default) chooses (ADR 0005).
   */
  shape?: 'auto' | 'or' | 'union' | 'bounded';
}

/**
 * One page of the records the predicate selects, in `sort` order, after `cursor`.
 *
 * Shape (ADR 0005), chosen per query from the predicate and the table's statistics
 * (`chooseListShape`): either the whole predicate as one `where` walking the list order (cheap
 * when what the user sees is a large share of the table), or one subquery per access path of the
 * predicate (`accessBranches`), each with the tenant, the mandatory conditions, the name prefix
 * and the cursor, its own order and its own `limit + 1`, merged with `union` (a record on two
 * paths counts once), ordered and cut again; paths whose own walk would read far more than a page
 * run after the others and only down to the others' last row.
 */
export async function listRecords(
  db: Kysely<StoreSchema>,
  query: RecordListQuery,
  options: Pick<ListCompileOptions, 'shape'> = {},
): Promise<RecordPage> {
  const stats = await listStatistics(db, RECORD_TABLE[query.object], query.tenantId);
  const compiled = compileListQuery(query, { ...options, stats });
  if (compiled === null) return { records: [], nextCursor: null };
  const { rows } = await compiled.execute(db);
  const limit = query.limit;
  const records = rows.slice(0, limit).map((r) => recordFromRow(query.object, r));
  if (query.object !== 'customer') await attachParents(db, query.tenantId, records);
  // Field levels of a row depend on its update access, which its team and grants can give.
  await loadRecordFacts(
    db,
    query.tenantId,
    records,
    query.factsFor === undefined ? {} : { factsFor: query.factsFor },
  );
  const sort = query.sort ?? '-updatedAt';
  const last = records[records.length - 1];
  const nextCursor =
    rows.length > limit && last !== undefined
      ? encodeCursor(sort, SORTS[sort].keyOf(last), last.id)
      : null;
  return { records, nextCursor };
}

/** The shape `compileListQuery` takes for this query (for tests, EXPLAIN and the benchmark). */
export function listShapeOf(query: RecordListQuery, options: ListCompileOptions = {}): ListShape {
  const sort = query.sort ?? '-updatedAt';
  const branches = accessBranches(query.predicate, LIST_BRANCHES);
  const shape = options.shape ?? 'auto';
  return chooseListShape(branches, options.stats ?? null, RECORD_TABLE[query.object], {
    take: query.limit + 1,
    canBound: sort === '-updatedAt' || sort === 'updatedAt',
    ...(shape === 'auto' ? {} : { force: shape }),
  });
}

/** The SQL `listRecords` runs (for EXPLAIN and tests); null when nothing can be selected. */
export function compileListQuery(
  query: RecordListQuery,
  options: ListCompileOptions = {},
): RawBuilder<Selectable<RecordRow>> | null {
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
  if (query.predicate.kind === 'const' && !query.predicate.value) return null;
  const table = RECORD_TABLE[query.object];
  const columns = sql.join(RECORD_COLUMNS.map((c) => sql.ref(`t.${c}`)));
  const take = query.limit + 1;
  const select = (predicate: Predicate, bound: RawBuilder<SqlBool> = sql<SqlBool>`true`) =>
    sql`(select ${columns} from ${sql.table(table)} as t where t.tenant_id = ${query.tenantId} and ${compilePredicate(predicate, { table })} and ${prefixCondition('t', query.namePrefix)} and ${narrowCondition(table, 't', query.narrow)} and ${afterCursor(spec, 't', cursor)} and ${bound} order by ${orderBy(spec, 't')} limit ${take})`;
  const shape = listShapeOf(query, options);
  if (shape.kind === 'or') {
    // The paths as the union has them (sets of one column merged, so a large merged set is
    // compiled as a filter, not estimated value by value), in one `where`.
    return select(or(...accessBranches(query.predicate))) as RawBuilder<never>;
  }
  if (shape.branches.length === 0 && shape.bounded.length === 0) return null;
  const selects = shape.branches.map((branch) => select(branch));
  const merged =
    selects.length === 1
      ? (selects[0] as RawBuilder<unknown>)
      : sql`select * from (${sql.join(selects, sql` union `)}) as u order by ${orderBy(spec, 'u')} limit ${take}`;
  if (shape.bounded.length === 0) return merged as RawBuilder<never>;
  // The bounded paths read only rows up to the others' last row of the page (the take-th, or no
  // bound when they have fewer): nothing after it can be on the page.
  const last = sql`(select ${spec.key('p')} from first_paths as p order by ${orderBy(spec, 'p')} offset ${take - 1} limit 1)`;
  const bound = spec.keyDesc
    ? sql<SqlBool>`${spec.key('t')} >= coalesce(${last}, cast('-infinity' as timestamptz))`
    : sql<SqlBool>`${spec.key('t')} <= coalesce(${last}, cast('infinity' as timestamptz))`;
  const bounded = shape.bounded.map((branch) => select(branch, bound));
  return sql`with first_paths as materialized (${merged}) select * from ((select * from first_paths) union ${sql.join(bounded, sql` union `)}) as u order by ${orderBy(spec, 'u')} limit ${take}`;
}

/**
 * How many records the predicate selects, exactly: the ids of every access path, merged.
 * The list API counts with `countRecordsUpTo` (bounded work); this one is for tests and tools.
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
      sql`select t.id from ${sql.table(table)} as t where t.tenant_id = ${query.tenantId} and ${compilePredicate(branch, { table, indexLargeSets: true })} and ${prefixCondition('t', query.namePrefix)} and ${narrowCondition(table, 't', query.narrow)}`,
  );
  if (selects.length === 1) {
    return sql`select count(*) as n from (${selects[0]}) as u`;
  }
  return sql`select count(*) as n from (${sql.join(selects, sql` union `)}) as u`;
}

/**
 * Counts are exact up to this many records; past it the list API says "more than this"
 * (`{ total: COUNT_EXACT_UP_TO, totalExact: false }`, ADR 0007).
 */
export const COUNT_EXACT_UP_TO = 10_000;

export interface BoundedCount {
  /** The count, or `upTo` when there are more. */
  total: number;
  /** False when there are more than `total` records (a lower bound: "10,000+"). */
  exact: boolean;
}

/**
 * How many records the predicate selects, exactly up to `upTo` (default `COUNT_EXACT_UP_TO`):
 * the query stops after `upTo + 1` rows, so its work is bounded by about `upTo + 1` rows per
 * path read, however many records the user can see (ADR 0007).
 */
export async function countRecordsUpTo(
  db: Kysely<StoreSchema>,
  query: RecordFilterQuery,
  upTo: number = COUNT_EXACT_UP_TO,
): Promise<BoundedCount> {
  const stats = await listStatistics(db, RECORD_TABLE[query.object], query.tenantId);
  const compiled = compileBoundedCountQuery(query, upTo, stats);
  if (compiled === null) return { total: 0, exact: true };
  const { rows } = await compiled.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  return n > upTo ? { total: upTo, exact: false } : { total: n, exact: true };
}

/** The SQL of `countRecordsUpTo`: counts at most `upTo + 1` rows. */
export function compileBoundedCountQuery(
  query: RecordFilterQuery,
  upTo: number,
  stats: ListStatistics | null = null,
): RawBuilder<{ n: string }> | null {
  if (!Number.isInteger(upTo) || upTo < 0) throw new RangeError(`upTo must be an integer ≥ 0`);
  const branches = accessBranches(query.predicate);
  if (branches.length === 0) return null;
  const table = RECORD_TABLE[query.object];
  // A large set is indexable in a branch of its own (a bitmap scan that stops at the cut) and not
  // in the single `or` (a scan that stops at the cut, without estimating every value).
  const where = (p: Predicate, indexLargeSets: boolean) =>
    sql`t.tenant_id = ${query.tenantId} and ${compilePredicate(p, { table, indexLargeSets })} and ${prefixCondition('t', query.namePrefix)} and ${narrowCondition(table, 't', query.narrow)}`;
  const shape = chooseCountShape(branches, stats, table, upTo);
  if (shape.kind === 'or') {
    return sql`select count(*) as n from (select 1 from ${sql.table(table)} as t where ${where(query.predicate, false)} limit ${upTo + 1}) as u`;
  }
  // Disjoint: branch k also requires that no branch before it holds (`is not true`: a null is
  // "does not hold" too), so `union all` counts every record once and the cut can stop early.
  const selects = shape.branches.map((branch, k) => {
    const before = shape.branches.slice(0, k);
    const exclude =
      before.length === 0
        ? sql<SqlBool>`true`
        : sql<SqlBool>`(${compilePredicate(or(...before), { table })}) is not true`;
    return sql`(select 1 from ${sql.table(table)} as t where ${where(branch, countBranchIndexesLargeSets(branch))} and ${exclude})`;
  });
  return sql`select count(*) as n from (${sql.join(selects, sql` union all `)} limit ${upTo + 1}) as u`;
}
