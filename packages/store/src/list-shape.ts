import type { Criterion, Predicate } from '@custos/engine';
import { rank } from '@custos/engine';
import { sql, type Kysely } from 'kysely';
import { LARGE_SET } from './compile-predicate.ts';
import type { RecordTable } from './record-tables.ts';
import { INDEXABLE_FIELD } from './rule-field-indexes.ts';
import type { StoreSchema } from './schema.ts';

/**
 * The shape of a list or count query, chosen per query from what the predicate says and from the
 * tables' statistics (ADR 0005, "choosing the shape"; ADR 0007 for counts). Nothing here times a
 * query: the same predicate and the same statistics always give the same shape.
 */

/** What `pg_stats` says about one column (or one indexed expression). */
export interface ColumnStatistics {
  /** Share of the table's rows where the value is null. */
  nullFrac: number;
  /** Distinct non-null values (absolute). */
  distinct: number;
  /** Most common values (as text) and their share of the table's rows. */
  common: ReadonlyMap<string, number>;
}

/** The statistics of one record table, as the shape choice reads them. */
export interface ListStatistics {
  /** Estimated rows of the tenant in the table. */
  rows: number;
  /** Per column (`owner_id`, `department_id`, `pool_id`, `sensitivity`, …), when analysed. */
  columns: Readonly<Record<string, ColumnStatistics>>;
  /**
   * Per field of `data` that has a rule-field index (`(data -> 'field')`, ADR 0005): the index's
   * expression statistics; values as JSON text (`"central"`). A field missing here has no index.
   */
  fields: Readonly<Record<string, ColumnStatistics>>;
  /** Estimated team memberships of one user (rows of `customer_team_members`). */
  teamRowsPerUser: number;
}

// --- Statistics: read from pg_class / pg_stats, cached per table per process. ------------------

interface TableStatisticsRaw {
  reltuples: number;
  tenant: ColumnStatistics | undefined;
  columns: Record<string, ColumnStatistics>;
  fields: Record<string, ColumnStatistics>;
  team: {
    reltuples: number;
    tenant: ColumnStatistics | undefined;
    user: ColumnStatistics | undefined;
  };
}

/** Statistics are re-read after this long (they change with `analyze`, not per query). */
export const LIST_STATISTICS_TTL_MS = 5 * 60_000;

const cache = new Map<RecordTable, { at: number; raw: Promise<TableStatisticsRaw> }>();

/** Forget the cached statistics (after a bulk load and `analyze`, in benchmarks and tests). */
export function forgetListStatistics(): void {
  cache.clear();
}

const STAT_COLUMNS = [
  'tenant_id',
  'owner_id',
  'department_id',
  'pool_id',
  'sensitivity',
  'customer_id',
  'created_by_id',
  'contact_user_id',
];

interface StatsRow {
  tablename: string;
  attname: string;
  null_frac: number | string | null;
  n_distinct: number | string | null;
  vals: string[] | string | null;
  freqs: (number | string)[] | string | null;
}

function pgArray(value: readonly (string | number)[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  // A text rendering `{a,"b c"}` (drivers that do not parse arrays).
  const inner = String(value).replace(/^\{|\}$/g, '');
  if (inner === '') return [];
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^,]+)/g;
  for (let m = re.exec(inner); m !== null; m = re.exec(inner)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? ''));
  }
  return out;
}

function columnStatistics(row: StatsRow, reltuples: number): ColumnStatistics {
  const nullFrac = Number(row.null_frac ?? 0);
  const nd = Number(row.n_distinct ?? 0);
  const distinct = nd < 0 ? -nd * Math.max(reltuples, 1) * (1 - nullFrac) : nd;
  const vals = pgArray(row.vals);
  const freqs = pgArray(row.freqs).map(Number);
  const common = new Map<string, number>();
  vals.forEach((v, i) => common.set(v, freqs[i] ?? 0));
  return { nullFrac, distinct: Math.max(distinct, 1), common };
}

async function readRaw(db: Kysely<StoreSchema>, table: RecordTable): Promise<TableStatisticsRaw> {
  const { rows: sizes } = await sql<{ relname: string; reltuples: number | string }>`
    select c.relname, c.reltuples from pg_class c
    where c.relnamespace = to_regnamespace(current_schema())::oid
      and c.relname in (${table}, 'customer_team_members')`.execute(db);
  const size = (name: string): number =>
    Math.max(Number(sizes.find((r) => r.relname === name)?.reltuples ?? -1), 0);
  const reltuples = size(table);
  const teamTuples = size('customer_team_members');
  const { rows } = await sql<StatsRow>`
    select tablename, attname, null_frac, n_distinct,
      most_common_vals::text::text[] as vals, most_common_freqs::text::float8[] as freqs
    from pg_stats
    where schemaname = current_schema()
      and ((tablename = ${table} and attname = any(cast(${STAT_COLUMNS} as text[])))
        or (tablename like ${`${table}\\_data\\_%\\_idx`} and attname = 'expr')
        or (tablename = 'customer_team_members' and attname in ('tenant_id', 'user_id')))`.execute(
    db,
  );
  const columns: Record<string, ColumnStatistics> = {};
  const fields: Record<string, ColumnStatistics> = {};
  let teamTenant: ColumnStatistics | undefined;
  let teamUser: ColumnStatistics | undefined;
  for (const row of rows) {
    if (row.tablename === table) columns[row.attname] = columnStatistics(row, reltuples);
    else if (row.tablename === 'customer_team_members') {
      const stats = columnStatistics(row, teamTuples);
      if (row.attname === 'tenant_id') teamTenant = stats;
      else teamUser = stats;
    } else {
      const field = row.tablename.slice(`${table}_data_`.length, -'_idx'.length);
      fields[field] = columnStatistics(row, reltuples);
    }
  }
  const { tenant_id: tenant, ...rest } = columns;
  return {
    reltuples,
    tenant,
    columns: rest,
    fields,
    team: { reltuples: teamTuples, tenant: teamTenant, user: teamUser },
  };
}

/** Share of the rows equal to `value`, as the planner estimates it (MCV, else the rest spread). */
export function equalShare(stats: ColumnStatistics | undefined, value: string): number {
  if (stats === undefined) return DEFAULT_EQ;
  const known = stats.common.get(value);
  if (known !== undefined) return known;
  let rest = restShare.get(stats);
  if (rest === undefined) {
    // Once per column: a subtree of thousands of owners asks for thousands of values.
    let mcv = 0;
    for (const f of stats.common.values()) mcv += f;
    rest = Math.max(0, 1 - stats.nullFrac - mcv) / Math.max(stats.distinct - stats.common.size, 1);
    restShare.set(stats, rest);
  }
  return rest;
}

/** The share of one value outside the most common ones, per column statistics. */
const restShare = new WeakMap<ColumnStatistics, number>();

/**
 * The statistics the shape choice reads for a tenant's table: `pg_class.reltuples` and `pg_stats`
 * (the table's access columns, the rule-field index expressions, the team table), read once per
 * table and process and kept for `LIST_STATISTICS_TTL_MS`. Null when the table was never analysed
 * (then the list keeps its per-path shape).
 */
export async function listStatistics(
  db: Kysely<StoreSchema>,
  table: RecordTable,
  tenantId: string,
  now: number = Date.now(),
): Promise<ListStatistics | null> {
  let entry = cache.get(table);
  if (entry === undefined || now - entry.at > LIST_STATISTICS_TTL_MS) {
    entry = { at: now, raw: readRaw(db, table) };
    cache.set(table, entry);
    entry.raw.catch(() => cache.delete(table));
  }
  let raw: TableStatisticsRaw;
  try {
    raw = await entry.raw;
  } catch {
    // Statistics are an optimisation: without them the list keeps its per-path union.
    return null;
  }
  if (raw.reltuples <= 0 || raw.tenant === undefined) return null;
  const rows = raw.reltuples * equalShare(raw.tenant, tenantId);
  const teamRows = raw.team.reltuples * equalShare(raw.team.tenant, tenantId);
  const users = raw.team.user?.distinct ?? 1;
  // Shares in the per-column statistics are of the whole table; a tenant's share of one value is
  // the same share of its own rows (tenants alike), so they are used as they are.
  return {
    rows: Math.max(rows, 1),
    columns: raw.columns,
    fields: raw.fields,
    teamRowsPerUser: teamRows / Math.max(users * equalShare(raw.team.tenant, tenantId), 1),
  };
}

/**
 * A bounded count's branch compiles its sets of up to this many values indexable (a bitmap scan
 * the cut stops). Past it, planning would cost more than the scan saves: PostgreSQL estimates
 * every value of an indexable `= any` (27 ms of planning for 3,175 owners, measured at 1,000,000
 * customers), so the set stays a filter (`(owner_id || '') = any(…)`).
 */
export const COUNT_INDEXED_SET = 1_024;

/** Whether a count branch may compile its sets indexable (none has more than COUNT_INDEXED_SET). */
export function countBranchIndexesLargeSets(branch: Predicate): boolean {
  const largest = (p: Predicate): number => {
    switch (p.kind) {
      case 'owner_in':
        return p.userIds.length;
      case 'department_in':
        return p.departmentIds.length;
      case 'pool_in':
        return p.poolIds.length;
      case 'record_in':
        return p.recordIds.length;
      case 'and':
      case 'or':
        return p.items.reduce((m, i) => Math.max(m, largest(i)), 0);
      case 'parent':
        return largest(p.predicate);
      default:
        return 0;
    }
  };
  return largest(branch) <= COUNT_INDEXED_SET;
}

// --- Estimates. ------------------------------------------------------------------------------

/** PostgreSQL's defaults where it knows nothing: equality 0.5%, a range 0.5%, an inequality 1/3. */
const DEFAULT_EQ = 0.005;
const DEFAULT_RANGE = 0.005;
const DEFAULT_INEQ = 1 / 3;

/** How a branch can be read: `ordered` walks an index in list order; `bitmap` reads all it selects. */
interface Access {
  /** Share of the tenant's rows the index part selects. */
  share: number;
  ordered: boolean;
  /** The index also bounds `updated_at` (its columns are `(tenant_id, col, updated_at desc, id)`). */
  timeBounded: boolean;
}

interface ConjunctEstimate {
  share: number;
  access: Access | null;
  /** Evaluating it reads `data` (jsonb) or runs a subquery: a costlier filter per row. */
  heavy: boolean;
}

export interface BranchEstimate {
  /** Share of the tenant's rows the branch selects. */
  share: number;
  accesses: Access[];
  heavy: boolean;
}

function fieldShare(stats: ListStatistics, c: Criterion): ConjunctEstimate {
  const indexed = INDEXABLE_FIELD.test(c.field) ? stats.fields[c.field] : undefined;
  switch (c.op) {
    case 'eq': {
      const share = indexed ? equalShare(indexed, JSON.stringify(c.value)) : DEFAULT_EQ;
      return {
        share,
        access: indexed ? { share, ordered: true, timeBounded: true } : null,
        heavy: true,
      };
    }
    case 'in': {
      const share = Math.min(
        1,
        c.values.reduce<number>(
          (s, v) => s + (indexed ? equalShare(indexed, JSON.stringify(v)) : DEFAULT_EQ),
          0,
        ),
      );
      return {
        share,
        access: indexed ? { share, ordered: c.values.length === 1, timeBounded: true } : null,
        heavy: true,
      };
    }
    case 'ne':
      return {
        share: indexed ? 1 - equalShare(indexed, JSON.stringify(c.value)) : 1 - DEFAULT_EQ,
        access: null,
        heavy: true,
      };
    case 'between':
      return { share: DEFAULT_RANGE, access: null, heavy: true };
    case 'lt':
    case 'gt':
      return { share: DEFAULT_INEQ, access: null, heavy: true };
  }
}

function setShare(
  stats: ListStatistics,
  column: string,
  values: readonly string[],
  indexed: boolean,
  ordered: boolean,
  indexLarge: boolean,
): ConjunctEstimate {
  const col = stats.columns[column];
  const share = Math.min(
    1,
    values.reduce((s, v) => s + equalShare(col, v), 0),
  );
  // Lists compile a set of more than LARGE_SET values without its index (compile-predicate.ts);
  // bounded counts up to COUNT_INDEXED_SET values (`countBranchIndexesLargeSets`).
  const useIndex = indexed && values.length <= (indexLarge ? COUNT_INDEXED_SET : LARGE_SET);
  return {
    share,
    access: useIndex ? { share, ordered: ordered && values.length === 1, timeBounded: true } : null,
    heavy: false,
  };
}

function conjunct(
  p: Predicate,
  stats: ListStatistics,
  table: RecordTable,
  indexLarge: boolean,
): ConjunctEstimate {
  const one = 1 / stats.rows;
  switch (p.kind) {
    case 'const':
      return { share: p.value ? 1 : 0, access: null, heavy: false };
    case 'owner_in':
      return setShare(stats, 'owner_id', p.userIds, true, true, indexLarge);
    case 'department_in':
      return setShare(stats, 'department_id', p.departmentIds, true, true, indexLarge);
    case 'pool_in':
      return setShare(stats, 'pool_id', p.poolIds, table === 'customers', true, indexLarge);
    case 'record_in': {
      const share = Math.min(1, p.recordIds.length * one);
      return {
        share,
        access:
          p.recordIds.length <= LARGE_SET ? { share, ordered: false, timeBounded: false } : null,
        heavy: false,
      };
    }
    case 'sensitivity_at_most': {
      const col = stats.columns.sensitivity;
      const max = rank.sensitivity(p.level);
      let share = col === undefined ? 1 : 0;
      for (const [v, f] of col?.common ?? []) if (Number(v) <= max) share += f;
      return {
        share: col !== undefined && col.common.size === 0 ? 1 : share,
        access: null,
        heavy: false,
      };
    }
    case 'customer_is': {
      if (table === 'customers') {
        return {
          share: one,
          access: { share: one, ordered: false, timeBounded: false },
          heavy: false,
        };
      }
      const share = equalShare(stats.columns.customer_id, p.customerId);
      return { share, access: { share, ordered: true, timeBounded: true }, heavy: false };
    }
    case 'created_by':
      return {
        share: equalShare(stats.columns.created_by_id, p.userId),
        access: null,
        heavy: false,
      };
    case 'contact_is':
      return {
        share: equalShare(stats.columns.contact_user_id, p.userId),
        access: null,
        heavy: false,
      };
    case 'team_member': {
      const share = Math.min(1, Math.max(stats.teamRowsPerUser, 1) * one);
      // Not heavy: as a filter it is a hashed subplan (one lookup per row), as a branch a join.
      return {
        share,
        access: table === 'customers' ? { share, ordered: false, timeBounded: false } : null,
        heavy: false,
      };
    }
    case 'record_grant': {
      // Grants stored on records: a handful per user; a probe of `grants (tenant, object,
      // record_id)` per row as a filter, a walk of the subject's grants as a branch.
      const share = Math.min(1, 16 * one);
      return {
        share,
        access: { share, ordered: false, timeBounded: false },
        heavy: false,
      };
    }
    case 'field':
      return fieldShare(stats, p.criterion);
    case 'parent': {
      // A subquery per row on the customer; about the inner share of the children.
      const inner = estimateBranch(p.predicate, stats, 'customers', indexLarge);
      return { share: inner.share, access: null, heavy: true };
    }
    case 'and': {
      const b = estimateBranch(p, stats, table, indexLarge);
      return { share: b.share, access: null, heavy: b.heavy };
    }
    case 'or': {
      let none = 1;
      let heavy = false;
      for (const item of p.items) {
        const e = conjunct(item, stats, table, indexLarge);
        none *= 1 - e.share;
        heavy ||= e.heavy;
      }
      return { share: 1 - none, access: null, heavy };
    }
  }
}

/** The share a branch (a conjunction) selects and the indexes it can be read by. */
export function estimateBranch(
  branch: Predicate,
  stats: ListStatistics,
  table: RecordTable,
  indexLargeSets = false,
): BranchEstimate {
  const items = branch.kind === 'and' ? branch.items : [branch];
  let share = 1;
  let heavy = false;
  const accesses: Access[] = [];
  for (const item of items) {
    const e = conjunct(item, stats, table, indexLargeSets);
    share *= e.share;
    heavy ||= e.heavy;
    if (e.access !== null) accesses.push(e.access);
  }
  return { share, accesses, heavy };
}

// --- Costs (in "rows read", roughly microseconds on the benchmark machine). -------------------

/** A row read by an index walk or a bitmap heap scan, with a cheap filter. */
const ROW = 1;
/** A row whose filter reads `data` or runs a subquery. */
const HEAVY_ROW = 2.5;
/** Planning and starting one more subquery of a union. */
const BRANCH = 150;
/** Per row of the single-`or` walk: the row plus every path of the filter. */
const OR_ROW = 0.6;
const OR_PATH = 0.05;

function rowCost(heavy: boolean): number {
  return heavy ? HEAVY_ROW : ROW;
}

/**
 * Rows a branch reads to return `take` rows, when only rows up to a bound are wanted: `fraction`
 * of the time range (1 = no bound). The cheapest of walking `updated_at` with the branch as a
 * filter, walking one of its indexes in list order, or reading all an index selects.
 */
function branchRows(b: BranchEstimate, rows: number, take: number, fraction: number): number {
  let best = Math.min(rows * fraction, take / Math.max(b.share, 1e-9));
  for (const a of b.accesses) {
    const byIndex = a.share * rows * (a.timeBounded ? fraction : 1);
    const residual = b.share / Math.max(a.share, 1e-9);
    best = Math.min(best, a.ordered ? Math.min(byIndex, take / Math.max(residual, 1e-9)) : byIndex);
  }
  return Math.min(best, rows);
}

export type ListShape =
  /** The whole predicate as one `where`, one walk of the list order. */
  | { kind: 'or'; cost: number }
  /**
   * One subquery per branch (`union`); the `bounded` ones run after the others' first page is
   * known and read only rows up to its last row (ADR 0005).
   */
  | { kind: 'union'; cost: number; branches: Predicate[]; bounded: Predicate[] };

export interface ShapeOptions {
  /** Rows per page plus one. */
  take: number;
  /** Bounded branches are possible (the sort has an index order: `updatedAt`, `-updatedAt`). */
  canBound: boolean;
  /**
   * Force a shape (benchmarks compare them; the oracle walks every one); default: the cheaper
   * estimate. `bounded`: the first branch alone, every other one bounded by its page.
   */
  force?: 'or' | 'union' | 'bounded';
}

/**
 * Choose the list query's shape for `branches` (from `accessBranches`): the single-`or` walk when
 * its estimate is no more than the per-path union's, else the union, with the branches that would
 * read far more than a page bounded by the others' page. Without statistics: the union.
 */
export function chooseListShape(
  branches: readonly Predicate[],
  stats: ListStatistics | null,
  table: RecordTable,
  options: ShapeOptions,
): ListShape {
  const take = options.take;
  if (options.force === 'bounded' && options.canBound && branches.length > 1) {
    return {
      kind: 'union',
      cost: Number.NaN,
      branches: branches.slice(0, 1),
      bounded: branches.slice(1),
    };
  }
  if (stats === null || branches.length <= 1 || options.force !== undefined) {
    if (options.force === 'or') return { kind: 'or', cost: Number.NaN };
    return { kind: 'union', cost: Number.NaN, branches: [...branches], bounded: [] };
  }
  const rows = stats.rows;
  const estimates = branches.map((b) => estimateBranch(b, stats, table));
  let none = 1;
  let heavy = false;
  for (const e of estimates) {
    none *= 1 - e.share;
    heavy ||= e.heavy;
  }
  const share = 1 - none;
  const orRows = Math.min(rows, take / Math.max(share, 1e-9));
  const orCost =
    orRows * (OR_ROW + OR_PATH * branches.length + (heavy ? HEAVY_ROW - ROW : 0)) + BRANCH;

  const costs = estimates.map((e) => branchRows(e, rows, take, 1) * rowCost(e.heavy) + BRANCH);
  const unionCost = costs.reduce((s, c) => s + c, 0);
  // Bounded: the branches that read more than a few pages wait for the others' page.
  const cheap: number[] = [];
  const dear: number[] = [];
  costs.forEach((c, i) => (options.canBound && c > BRANCH + 4 * take * ROW ? dear : cheap).push(i));
  let boundedCost = Number.POSITIVE_INFINITY;
  if (dear.length > 0 && cheap.length > 0) {
    let cheapNone = 1;
    for (const i of cheap) cheapNone *= 1 - (estimates[i] as BranchEstimate).share;
    const fraction = Math.min(1, take / Math.max((1 - cheapNone) * rows, 1));
    boundedCost =
      cheap.reduce((s, i) => s + (costs[i] as number), 0) +
      dear.reduce((s, i) => {
        const e = estimates[i] as BranchEstimate;
        return s + branchRows(e, rows, take, fraction) * rowCost(e.heavy) + BRANCH;
      }, 0) +
      BRANCH;
  }
  if (orCost <= Math.min(unionCost, boundedCost)) return { kind: 'or', cost: orCost };
  if (boundedCost < unionCost) {
    return {
      kind: 'union',
      cost: boundedCost,
      branches: cheap.map((i) => branches[i] as Predicate),
      bounded: dear.map((i) => branches[i] as Predicate),
    };
  }
  return { kind: 'union', cost: unionCost, branches: [...branches], bounded: [] };
}

export type CountShape =
  /** `count(*)` over one `where` with the whole predicate, cut at `upTo + 1` rows. */
  | { kind: 'or'; cost: number }
  /**
   * The branches made disjoint (each excludes the ones before it: `(b) is not true`), appended
   * with `union all`, cut at `upTo + 1` rows: no hashing of ids, and the cut stops the work.
   */
  | { kind: 'disjoint'; cost: number; branches: Predicate[] };

/**
 * Choose the bounded count's shape: the single `or` (a scan that stops after `upTo + 1` matches)
 * or the disjoint branches in an order that reaches `upTo + 1` rows cheaply (indexed, light
 * branches first). Without statistics: the disjoint branches in their own order.
 */
export function chooseCountShape(
  branches: readonly Predicate[],
  stats: ListStatistics | null,
  table: RecordTable,
  upTo: number,
): CountShape {
  if (branches.length <= 1) return { kind: 'or', cost: Number.NaN };
  if (stats === null) return { kind: 'disjoint', cost: Number.NaN, branches: [...branches] };
  const rows = stats.rows;
  const want = upTo + 1;
  // The disjoint branches are compiled with their large sets indexable (a bitmap scan).
  const estimates = branches.map((b, i) => ({ b, i, e: estimateBranch(b, stats, table, true) }));
  let none = 1;
  let heavy = false;
  for (const { e } of estimates) {
    none *= 1 - e.share;
    heavy ||= e.heavy;
  }
  const share = 1 - none;
  const orCost =
    Math.min(rows, want / Math.max(share, 1e-9)) *
    (OR_ROW + OR_PATH * branches.length + (heavy ? HEAVY_ROW - ROW : 0));
  // Rows read per row counted: read the cheapest first.
  const perRow = (x: BranchEstimate): number => {
    const selected = Math.max(x.share * rows, 1e-9);
    return (branchRows(x, rows, Math.min(selected, want), 1) * rowCost(x.heavy)) / selected;
  };
  const ordered = [...estimates].sort((a, b) => perRow(a.e) - perRow(b.e) || a.i - b.i);
  let counted = 0;
  let cost = 0;
  for (const [k, { e }] of ordered.entries()) {
    if (counted >= want) break;
    const selected = e.share * rows;
    const needed = Math.min(selected, want - counted);
    // Excluding the branches before it is one more filter per row read.
    cost += branchRows(e, rows, Math.max(needed, 1), 1) * (rowCost(e.heavy) + 0.2 * k) + BRANCH / 3;
    counted += needed;
  }
  if (orCost <= cost) return { kind: 'or', cost: orCost };
  return { kind: 'disjoint', cost, branches: ordered.map(({ b }) => b) };
}
