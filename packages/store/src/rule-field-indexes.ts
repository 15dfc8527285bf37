import type { Criterion, SharingRule } from '@custos/engine';
import { sql, type Kysely } from 'kysely';
import { RECORD_TABLE } from './record-tables.ts';
import type { StoreSchema } from './schema.ts';

/**
 * A field name that may appear literally in SQL (and in an index name). Field criteria on other
 * names still work: they are compiled with the name as a parameter, without an index.
 */
export const INDEXABLE_FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** The fields a rule's criteria compare for equality (`eq`, `in`): an index serves those. */
function equalityFields(criteria: readonly Criterion[]): string[] {
  return criteria
    .filter((c) => (c.op === 'eq' || c.op === 'in') && INDEXABLE_FIELD.test(c.field))
    .map((c) => c.field);
}

/**
 * For every field a sharing rule selects records by (`region = 华东`), an index
 * `(tenant_id, (data -> 'field'), updated_at desc, id)` on the rule's table, so the rule's access
 * path of a list is an index walk in list order, and `analyze` keeps statistics on the expression
 * (ADR 0005). Created when missing, in the caller's transaction; shared by every tenant; never
 * dropped (an unused index costs writes, not correctness).
 */
export async function ensureRuleFieldIndexes(
  db: Kysely<StoreSchema>,
  rules: readonly SharingRule[],
): Promise<string[]> {
  const wanted = new Map<string, { table: string; field: string }>();
  for (const rule of rules) {
    if (rule.source.kind !== 'criteria') continue;
    const table = RECORD_TABLE[rule.object];
    for (const field of equalityFields(rule.source.criteria)) {
      wanted.set(`${table}_data_${field}_idx`, { table, field });
    }
  }
  if (wanted.size === 0) return [];
  const { rows } = await sql<{ indexname: string }>`
    select indexname from pg_indexes
    where schemaname = current_schema() and indexname = any(${[...wanted.keys()]})`.execute(db);
  const existing = new Set(rows.map((r) => r.indexname));
  const created: string[] = [];
  for (const [name, { table, field }] of wanted) {
    if (existing.has(name)) continue;
    await sql`create index if not exists ${sql.id(name)} on ${sql.table(table)} (tenant_id, (data -> ${sql.lit(field)}), updated_at desc, id)`.execute(
      db,
    );
    created.push(name);
  }
  return created;
}
