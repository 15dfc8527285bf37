import { rank, type Criterion, type Predicate } from '@custos/engine';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { RECORD_TABLE, type RecordTable } from './record-tables.ts';

const OBJECT_OF_TABLE = Object.fromEntries(
  Object.entries(RECORD_TABLE).map(([object, table]) => [table, object]),
) as Record<RecordTable, string>;
import { INDEXABLE_FIELD } from './rule-field-indexes.ts';

export interface CompileOptions {
  /** The record table the predicate is evaluated on (decides what `parent` means). */
  table: RecordTable;
  /** The alias of that table in the enclosing query (default `t`). */
  alias?: string;
  /**
   * Compile sets of more than `LARGE_SET` values like small ones (default false): for a count,
   * which wants the column's index (a bitmap scan) and can afford the planning.
   */
  indexLargeSets?: boolean;
}

const TRUE_SQL = sql<SqlBool>`true`;
const FALSE_SQL = sql<SqlBool>`false`;

/**
 * Compile the engine's predicate AST to a parameterised SQL condition on `alias` (a row of
 * `table`), with exactly the semantics of `evaluatePredicate`:
 * - a null owner, department, pool, creator or contact never matches;
 * - `team_member` reads `customer_team_members` for the row's customer;
 * - `record_grant` reads the `grants` rows stored with the row (`record_id`, same object), live at
 *   the predicate's instant;
 * - `parent` reads the row's customer; a customer has no parent, so it never matches there;
 * - field criteria read `data` (jsonb): a missing value matches nothing (not even `ne`), numbers
 *   compare only with numbers and strings only with strings (byte order, `collate "C"`), `between`
 *   is inclusive.
 *
 * Every value is a parameter; column and table names come from the code, never from the input.
 */
export function compilePredicate(
  predicate: Predicate,
  options: CompileOptions,
): RawBuilder<SqlBool> {
  return compile(
    predicate,
    options.table,
    options.alias ?? 't',
    1,
    options.indexLargeSets ?? false,
  );
}

function compile(
  p: Predicate,
  table: RecordTable,
  alias: string,
  depth: number,
  indexLarge: boolean,
): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  /** A customer's `customer_id` is its `id`; the primary key is the column the indexes know. */
  const customerKey = () => col(table === 'customers' ? 'id' : 'customer_id');
  switch (p.kind) {
    case 'const':
      return p.value ? TRUE_SQL : FALSE_SQL;
    case 'and':
    case 'or': {
      if (p.items.length === 0) return p.kind === 'and' ? TRUE_SQL : FALSE_SQL;
      const items = p.items.map((i) => compile(i, table, alias, depth, indexLarge));
      return sql<SqlBool>`(${sql.join(items, p.kind === 'and' ? sql` and ` : sql` or `)})`;
    }
    case 'owner_in':
      return anyOf(col('owner_id'), p.userIds, indexLarge);
    case 'department_in':
      return anyOf(col('department_id'), p.departmentIds, indexLarge);
    case 'record_in':
      return anyOf(col('id'), p.recordIds, indexLarge);
    case 'pool_in':
      return anyOf(col('pool_id'), p.poolIds, indexLarge);
    case 'sensitivity_at_most':
      return sql<SqlBool>`${col('sensitivity')} <= ${rank.sensitivity(p.level)}`;
    case 'customer_is':
      return sql<SqlBool>`${customerKey()} = ${p.customerId}`;
    case 'created_by':
      return sql<SqlBool>`${col('created_by_id')} = ${p.userId}`;
    case 'contact_is':
      return sql<SqlBool>`${col('contact_user_id')} = ${p.userId}`;
    case 'team_member': {
      const m = `m${depth}`;
      const mc = (name: string) => sql.ref(`${m}.${name}`);
      return sql<SqlBool>`exists (select 1 from customer_team_members as ${sql.id(m)} where ${mc('tenant_id')} = ${col('tenant_id')} and ${mc('customer_id')} = ${customerKey()} and ${mc('user_id')} = ${p.userId} and ${mc('access')} >= ${rank.access(p.minAccess)})`;
    }
    case 'record_grant': {
      // Grants stored with their records (`grants.record_id`), of this table's object.
      const g = `g${depth}`;
      const gc = (name: string) => sql.ref(`${g}.${name}`);
      const subject =
        p.groupIds.length === 0
          ? sql<SqlBool>`(${gc('subject_kind')} = 'user' and ${gc('subject_id')} = ${p.userId})`
          : sql<SqlBool>`((${gc('subject_kind')} = 'user' and ${gc('subject_id')} = ${p.userId}) or (${gc('subject_kind')} = 'group' and ${gc('subject_id')} = any(cast(${[...p.groupIds]} as text[]))))`;
      const at = new Date(p.at);
      return sql<SqlBool>`exists (select 1 from grants as ${sql.id(g)} where ${gc('tenant_id')} = ${col('tenant_id')} and ${gc('object')} = ${OBJECT_OF_TABLE[table]} and ${gc('record_id')} = ${col('id')} and ${subject} and ${gc('access')} >= ${rank.access(p.minAccess)} and (${gc('starts_at')} is null or ${gc('starts_at')} <= ${at}) and (${gc('expires_at')} is null or ${gc('expires_at')} > ${at}))`;
    }
    case 'field':
      return compileCriterion(p.criterion, alias);
    case 'parent': {
      if (table === 'customers') return FALSE_SQL;
      const parent = `p${depth}`;
      const pc = (name: string) => sql.ref(`${parent}.${name}`);
      const inner = compile(p.predicate, 'customers', parent, depth + 1, indexLarge);
      return sql<SqlBool>`exists (select 1 from customers as ${sql.id(parent)} where ${pc('tenant_id')} = ${col('tenant_id')} and ${pc('id')} = ${col('customer_id')} and ${inner})`;
    }
  }
}

/**
 * Past this many values, a set is compared as `(column || '') = any(…)`: the planner then neither
 * estimates every value against the column's statistics (tens of milliseconds of planning for a
 * subtree of thousands of owners) nor uses the column's index; a set that large is broad, and the
 * list walks `updated_at` with it as a filter (ADR 0005).
 */
export const LARGE_SET = 256;

function anyOf(
  column: RawBuilder<unknown>,
  values: readonly string[],
  indexLarge: boolean,
): RawBuilder<SqlBool> {
  if (values.length === 0) return FALSE_SQL;
  // One value: an equality, which an index on the column walks in its order.
  if (values.length === 1) return sql<SqlBool>`${column} = ${values[0]}`;
  if (values.length > LARGE_SET && !indexLarge) {
    return sql<SqlBool>`(${column} || '') = any(cast(${[...values]} as text[]))`;
  }
  return sql<SqlBool>`${column} = any(cast(${[...values]} as text[]))`;
}

type Comparable = 'number' | 'string';

function comparableType(v: unknown): Comparable | null {
  return typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : null;
}

function compileCriterion(c: Criterion, alias: string): RawBuilder<SqlBool> {
  // A plain field name is written literally, so the expression matches the rule-field indexes
  // (`rule-field-indexes.ts`); any other name is a parameter.
  const key = INDEXABLE_FIELD.test(c.field) ? sql.lit(c.field) : sql`${c.field}`;
  const json = sql`(${sql.ref(`${alias}.data`)} -> ${key})`;
  const typed = (type: string) => sql<SqlBool>`jsonb_typeof(${json}) = ${type}`;
  const jsonValue = (v: unknown) => sql`cast(${JSON.stringify(v)} as jsonb)`;
  /**
   * The value as a number, or as a text in byte order, when it has that JSON type; null otherwise.
   * A `case` and not an `and`: PostgreSQL does not promise to evaluate `and` left to right, and a
   * cast of a JSON string to numeric would fail.
   */
  const scalar = (type: Comparable) =>
    type === 'number'
      ? sql`(case when ${typed(type)} then cast(${json} as numeric) end)`
      : sql`(case when ${typed(type)} then (${sql.ref(`${alias}.data`)} ->> ${key}) end) collate "C"`;
  const param = (type: Comparable, v: number | string) =>
    type === 'number' ? sql`cast(${v} as numeric)` : sql`cast(${v} as text)`;
  switch (c.op) {
    case 'eq':
      return sql<SqlBool>`${json} = ${jsonValue(c.value)}`;
    case 'ne':
      return sql<SqlBool>`(${typed(typeof c.value)} and ${json} <> ${jsonValue(c.value)})`;
    case 'in':
      if (c.values.length === 0) return FALSE_SQL;
      return sql<SqlBool>`${json} in (${sql.join(c.values.map(jsonValue))})`;
    case 'lt':
    case 'gt': {
      const type = comparableType(c.value);
      if (type === null) return FALSE_SQL;
      const op = c.op === 'lt' ? sql`<` : sql`>`;
      return sql<SqlBool>`${scalar(type)} ${op} ${param(type, c.value as number | string)}`;
    }
    case 'between': {
      const type = comparableType(c.low);
      if (type === null || comparableType(c.high) !== type) return FALSE_SQL;
      // One `case` around the whole test: `data` is read twice per row, not four times (a rule
      // on a range is a filter read row by row, ADR 0005); not a number/string: null, no match.
      const value =
        type === 'number'
          ? sql`cast(${json} as numeric)`
          : sql`(${sql.ref(`${alias}.data`)} ->> ${key}) collate "C"`;
      return sql<SqlBool>`(case when ${typed(type)} then ${value} between ${param(type, c.low)} and ${param(type, c.high)} end)`;
    }
  }
}
