import { SENSITIVITIES, type Sensitivity } from '@custos/engine';
import { sql, type Kysely } from 'kysely';
import { compilePredicate } from './compile-predicate.ts';
import type { RecordFilterQuery } from './list-records.ts';
import { RECORD_TABLE } from './record-tables.ts';
import type { StoreSchema } from './schema.ts';

/** What `countRecordsBy` groups by: the record's sensitivity or its owning department. */
export type RecordGrouping = 'sensitivity' | 'department';

export interface GroupCount {
  /** A sensitivity, or a department id (null: records with no owning department). */
  key: string | null;
  count: number;
}

/**
 * How many records the predicate selects, per sensitivity or per owning department: one
 * `group by` over the records the caller may see (the engine's `filter`), exact, largest first.
 * For aggregates an admin screen shows (a chart), not for lists.
 */
export async function countRecordsBy(
  db: Kysely<StoreSchema>,
  query: RecordFilterQuery,
  by: RecordGrouping,
): Promise<GroupCount[]> {
  if (query.predicate.kind === 'const' && !query.predicate.value) return [];
  const table = RECORD_TABLE[query.object];
  const column = sql.ref(by === 'sensitivity' ? 't.sensitivity' : 't.department_id');
  const { rows } = await sql<{
    key: string | number | null;
    n: string;
  }>`select ${column} as key, count(*) as n from ${sql.table(table)} as t where t.tenant_id = ${query.tenantId} and ${compilePredicate(query.predicate, { table, indexLargeSets: true })} group by ${column} order by count(*) desc, ${column} nulls last`.execute(
    db,
  );
  return rows.map((r) => ({
    key:
      r.key === null
        ? null
        : by === 'sensitivity'
          ? ((SENSITIVITIES[Number(r.key)] ?? 'restricted') as Sensitivity)
          : String(r.key),
    count: Number(r.n),
  }));
}
