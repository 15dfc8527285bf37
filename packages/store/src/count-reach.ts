import type { ObjectType, Predicate, ReachPath, ReachTerm } from '@custos/engine';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { compilePredicate } from './compile-predicate.ts';
import { COUNT_EXACT_UP_TO, type BoundedCount } from './list-records.ts';
import { RECORD_TABLE } from './record-tables.ts';
import type { StoreSchema } from './schema.ts';

export interface ReachCountQuery {
  tenantId: string;
  object: ObjectType;
  /** The engine's `reach(…).terms` for the caller, action and object. */
  terms: readonly ReachTerm[];
}

const isFalse = (p: Predicate): boolean => p.kind === 'const' && !p.value;

/**
 * The SQL counting one path's records: the term's predicate, minus its exclusion (`is not true`:
 * a null comparison does not select the row either), at most `upTo + 1` rows (ADR 0007); null
 * when the term selects nothing.
 */
export function compileReachCountQuery(
  tenantId: string,
  object: ObjectType,
  term: ReachTerm,
  upTo: number,
): RawBuilder<{ n: string }> | null {
  if (!Number.isInteger(upTo) || upTo < 0) throw new RangeError('upTo must be an integer ≥ 0');
  if (isFalse(term.predicate)) return null;
  const table = RECORD_TABLE[object];
  const exclude = isFalse(term.exclude)
    ? sql`true`
    : sql`(${compilePredicate(term.exclude, { table, indexLargeSets: true })}) is not true`;
  return sql`select count(*) as n from (select 1 from ${sql.table(table)} as t where t.tenant_id = ${tenantId} and ${compilePredicate(term.predicate, { table, indexLargeSets: true })} and ${exclude} limit ${upTo + 1}) as u`;
}

/**
 * Per access path, how many records the caller reaches through it (a record on two paths counts
 * in both), each count exact up to `upTo` and a lower bound past it, like the list's total
 * (ADR 0007): one bounded count per path, never the records themselves.
 */
export async function countReachUpTo(
  db: Kysely<StoreSchema>,
  query: ReachCountQuery,
  upTo: number = COUNT_EXACT_UP_TO,
): Promise<{ path: ReachPath; count: BoundedCount }[]> {
  return Promise.all(
    query.terms.map(async (term) => {
      const compiled = compileReachCountQuery(query.tenantId, query.object, term, upTo);
      if (compiled === null) return { path: term.path, count: { total: 0, exact: true } };
      const { rows } = await compiled.execute(db);
      const n = Number(rows[0]?.n ?? 0);
      return {
        path: term.path,
        count: n > upTo ? { total: upTo, exact: false } : { total: n, exact: true },
      };
    }),
  );
}
