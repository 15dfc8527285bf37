import { OBJECT_CATALOGUE, OBJECT_TYPES, type ObjectType } from '@custos/engine';
import type { Database } from '@custos/store';
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../http/app-error.ts';
import { retentionCutoff, type RetentionRuleInput } from './retention-rule.ts';

type Db = Database['db'];

/** A stored value that reads as a date: `YYYY-MM-DD`, optionally with a time. */
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}';

/** A record a rule selects: what it is, whose, and from when its age counts. */
export interface DueRecord {
  object: ObjectType;
  id: string;
  customerId: string;
  /** The moment the age is measured from (ms): `updated_at` or the date field's day. */
  ageFrom: number;
}

const tableOf = (object: ObjectType) => sql.table(OBJECT_CATALOGUE[object].table);
const text = (name: string): RawBuilder<string> => sql`(t.data ->> ${name})`;

/**
 * The rule's selection as SQL over the object's table aliased `t`: the tenant, the condition, the
 * age (older than the cutoff), not already anonymised (anonymise: some field to clear still has a
 * value) and — unless `held` — no legal hold on the record's customer; `held` selects the records
 * the rule would take but a legal hold keeps. The one definition the preview and the job share.
 */
function dueWhere(
  tenantId: string,
  rule: RetentionRuleInput,
  now: number,
  held = false,
): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`t.tenant_id = ${tenantId}`];
  const cutoff = retentionCutoff(rule, now);
  if (rule.condition !== null) {
    const values = rule.condition.values.map((v) => String(v));
    parts.push(sql`${text(rule.condition.field)} in (${sql.join(values)})`);
  }
  if (rule.ageField === null) {
    parts.push(sql`t.updated_at < ${new Date(cutoff)}`);
  } else {
    const day = new Date(cutoff).toISOString().slice(0, 10);
    parts.push(sql`${text(rule.ageField)} ~ ${DATE_PATTERN}`);
    parts.push(sql`substr(${text(rule.ageField)}, 1, 10) < ${day}`);
  }
  if (rule.action === 'anonymise') {
    const filled = rule.anonymiseFields.map((f) => sql`${text(f)} is not null`);
    parts.push(sql`(${sql.join(filled, sql` or `)})`);
  }
  const hold = sql`exists (select 1 from legal_holds h where h.tenant_id = t.tenant_id
    and (h.customer_id = t.customer_id or h.customer_id = t.id))`;
  parts.push(held ? hold : sql`not ${hold}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** The expression of a record's age origin (as a timestamp), for ordering and reporting. */
function ageFromExpr(rule: RetentionRuleInput): RawBuilder<Date> {
  return rule.ageField === null
    ? sql<Date>`t.updated_at`
    : sql<Date>`(substr(${text(rule.ageField)}, 1, 10) || 'T00:00:00Z')::timestamptz`;
}

/**
 * The records the rule takes now, oldest first, at most `limit`: the selection the scheduled job
 * applies and the preview counts (the same `dueWhere`).
 */
export async function selectDue(
  db: Db,
  tenantId: string,
  rule: RetentionRuleInput,
  now: number,
  limit: number,
  /** Only this record (is it still due?). */
  onlyId?: string,
): Promise<DueRecord[]> {
  const only = onlyId === undefined ? sql`` : sql` and t.id = ${onlyId}`;
  const result = await sql<{ id: string; customer_id: string; age_from: Date | string }>`
    select t.id, t.customer_id, ${ageFromExpr(rule)} as age_from
    from ${tableOf(rule.object)} t
    where ${dueWhere(tenantId, rule, now)}${only}
    order by age_from, t.id
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({
    object: rule.object,
    id: r.id,
    customerId: r.customer_id,
    ageFrom: r.age_from instanceof Date ? r.age_from.getTime() : Date.parse(r.age_from),
  }));
}

/** What a rule would take now: per object (a customer's children go with it), by year, held back. */
export interface DueCounts {
  /** Records of the rule's object. */
  total: number;
  /** Records removed or anonymised per object (a deleted customer's children included). */
  byObject: Partial<Record<ObjectType, number>>;
  /** Records of the rule's object by the year their age counts from. */
  byYear: { year: number; count: number }[];
  /** Records the rule would take but a legal hold on their customer keeps. */
  held: number;
}

const count = async (db: Db, query: RawBuilder<{ n: string | number }>): Promise<number> =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

/** Count what the rule takes now (the preview), with the same selection as the job. */
export async function countDue(
  db: Db,
  tenantId: string,
  rule: RetentionRuleInput,
  now: number,
): Promise<DueCounts> {
  const table = tableOf(rule.object);
  const total = await count(
    db,
    sql`select count(*) as n from ${table} t where ${dueWhere(tenantId, rule, now)}`,
  );
  const held = await count(
    db,
    sql`select count(*) as n from ${table} t where ${dueWhere(tenantId, rule, now, true)}`,
  );
  const years = await sql<{ year: number | string; n: number | string }>`
    select extract(year from ${ageFromExpr(rule)})::int as year, count(*) as n
    from ${table} t where ${dueWhere(tenantId, rule, now)}
    group by 1 order by 1`.execute(db);
  const byObject: Partial<Record<ObjectType, number>> = {};
  if (total > 0) byObject[rule.object] = total;
  if (rule.object === 'customer' && rule.action === 'delete' && total > 0) {
    for (const child of OBJECT_TYPES) {
      if (OBJECT_CATALOGUE[child].parent !== 'customer') continue;
      const n = await count(
        db,
        sql`select count(*) as n from ${tableOf(child)} c where c.tenant_id = ${tenantId}
          and c.customer_id in (select t.id from customers t where ${dueWhere(tenantId, rule, now)})`,
      );
      if (n > 0) byObject[child] = n;
    }
  }
  return {
    total,
    byObject,
    byYear: years.rows.map((r) => ({ year: Number(r.year), count: Number(r.n) })),
    held,
  };
}

/**
 * A date field must hold dates: refuse (naming the field) when a stored value of it is not a
 * `YYYY-MM-DD` date — the rule would silently never take such records.
 */
export async function checkDateField(
  db: Db,
  tenantId: string,
  object: ObjectType,
  field: string,
  path: string,
): Promise<void> {
  const bad = await sql<{ id: string; value: string }>`
    select t.id, ${text(field)} as value from ${tableOf(object)} t
    where t.tenant_id = ${tenantId} and ${text(field)} is not null
      and not (${text(field)} ~ ${DATE_PATTERN})
    limit 1`.execute(db);
  const first = bad.rows[0];
  if (first !== undefined)
    throw new AppError(
      'REQUEST_INVALID',
      `${field} is not a date field of ${object}: ${object} ${first.id} holds "${first.value.slice(0, 40)}"`,
      { field: path },
    );
}
