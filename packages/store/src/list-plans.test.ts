import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
import { filter, type CrmRecord, type Predicate } from '@custos/engine';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { demoCompany } from './demo/demo-company.ts';
import {
  compileBoundedCountQuery,
  compileCountQuery,
  compileListQuery,
  COUNT_EXACT_UP_TO,
  listShapeOf,
} from './list-records.ts';
import { forgetListStatistics, listStatistics, type ListStatistics } from './list-shape.ts';
import { loadTenantData } from './load-scenario.ts';
import { savePolicyModel } from './policy-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const TENANT = 'yunshan';
const CUSTOMERS = 20_000;

/** Personas of DESIGN §8 as the demo company has them (user ids). */
const PERSONAS: Record<string, string> = {
  'CEO (审计员, all)': 'zhangjianguo',
  'director (department tree)': 'wangzhiqiang',
  'manager (subordinates)': 'hanmeimei',
  'leaf rep (own)': 'lilei',
  'marketing (sharing rule + pool)': 'wangyang',
  'service agent (all, clearance internal)': 'dujuan',
};

/** EXPLAIN ANALYZE of a compiled query, as lines. */
async function explainPlan(database: Database, query: RawBuilder<unknown>): Promise<string[]> {
  const compiled = query.compile(database.db);
  const plan = await database.db.executeQuery<{ 'QUERY PLAN': string }>({
    ...compiled,
    sql: `explain (analyze, costs off, timing off, summary off) ${compiled.sql}`,
  });
  return plan.rows.map((r) => r['QUERY PLAN']);
}

/** Sequential scans of a record table. */
function scansWithoutIndex(plan: readonly string[]): string[] {
  return plan.filter((line) => /Seq Scan on (customers|tickets)/.test(line));
}

const postgres = TEST_BACKENDS.find((b) => b.name === 'postgres');

describe.runIf(postgres !== undefined)('list query plans on PostgreSQL (EXPLAIN)', () => {
  let database: Database;
  const stats: Record<'customer' | 'ticket', ListStatistics | null> = {
    customer: null,
    ticket: null,
  };
  const demo = demoCompany({ customers: CUSTOMERS, now: NOW });
  const portal = demo.model.users.find((u) => u.kind === 'portal');
  const personas = { ...PERSONAS, 'portal user': portal?.id ?? '' };
  beforeAll(async () => {
    database = await (postgres as NonNullable<typeof postgres>).open();
    const customers: CrmRecord[] = demo.records
      .filter((r) => r.object === 'customer' || r.object === 'ticket')
      .map((r, i) => ({
        ...r,
        updatedAt: new Date(NOW - ((i * 7919) % 100_000) * 1000).toISOString(),
      }));
    await loadTenantData(database.db, demo.model, customers, TENANT, testKeyring);
    await savePolicyModel(database.db, TENANT, demo.model);
    await sql`analyze`.execute(database.db);
    forgetListStatistics();
    stats.customer = await listStatistics(database.db, 'customers', TENANT);
    stats.ticket = await listStatistics(database.db, 'tickets', TENANT);
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  it('has the statistics the shape choice reads', () => {
    expect(stats.customer?.rows).toBeGreaterThan(CUSTOMERS / 2);
    expect(Object.keys(stats.customer?.columns ?? {})).toContain('owner_id');
  });

  it.each(Object.entries(personas))('%s: first page', async (persona, userId) => {
    const object = persona === 'portal user' ? 'ticket' : 'customer';
    const predicate = filter(demo.model, userId, 'read', object, NOW);
    const listQuery = { tenantId: TENANT, object, predicate, limit: 50 } as const;
    const shape = listShapeOf(listQuery, { stats: stats[object] });
    const query = compileListQuery(listQuery, { stats: stats[object] });
    expect(query).not.toBeNull();
    const list = await explainPlan(database, query as NonNullable<typeof query>);
    const count = await explainPlan(
      database,
      compileBoundedCountQuery(
        { tenantId: TENANT, object, predicate },
        COUNT_EXACT_UP_TO,
        stats[object],
      ) as NonNullable<ReturnType<typeof compileBoundedCountQuery>>,
    );
    if (process.env.CUSTOS_PRINT_PLANS === '1') {
      const what =
        shape.kind === 'or' ? 'or' : `union ${shape.branches.length}+${shape.bounded.length}`;
      console.log(
        `${persona} (${what})\n${list.join('\n')}\n\n${persona}: count\n${count.join('\n')}`,
      );
    }
    // The first page, whatever its shape: every access path is an index walk, a sharing rule on
    // field criteria too (its rule-field index, ADR 0005); the single-OR shape walks the list
    // order (`updated_at`) and stops after a page.
    expect(scansWithoutIndex(list), `${persona}: first page\n${list.join('\n')}`).toEqual([]);
    expect(list.join('\n')).toMatch(/Limit/);
    if (shape.kind === 'or') {
      expect(list.join('\n'), `${persona}: single OR`).toMatch(/Index Scan using \w+_updated_idx/);
    }
    // The count stops after COUNT_EXACT_UP_TO + 1 rows (ADR 0007).
    expect(count.join('\n')).toMatch(/Limit/);
  });

  it('chooses the single OR for broad readers and the union for narrow paths (demo company)', async () => {
    const shapeOf = (predicate: Predicate) =>
      listShapeOf(
        { tenantId: TENANT, object: 'customer', predicate, limit: 50 },
        { stats: stats.customer },
      ).kind;
    // Every demo rep also reads the public pool (8% of the customers): one walk of the list
    // order finds a page in a few hundred rows, so the director and the leaf rep get the OR.
    expect(shapeOf(filter(demo.model, 'wangzhiqiang', 'read', 'customer', NOW))).toBe('or');
    expect(shapeOf(filter(demo.model, 'lilei', 'read', 'customer', NOW))).toBe('or');
    // The leaf rep's own paths alone (own customers, teams: ~3%) are cheaper one walk each.
    const narrow: Predicate = {
      kind: 'and',
      items: [
        { kind: 'sensitivity_at_most', level: 'internal' },
        {
          kind: 'or',
          items: [
            { kind: 'owner_in', userIds: ['lilei'] },
            { kind: 'team_member', userId: 'lilei', minAccess: 'read' },
          ],
        },
      ],
    };
    expect(shapeOf(narrow)).toBe('union');
    const plan = await explainPlan(
      database,
      compileListQuery(
        { tenantId: TENANT, object: 'customer', predicate: narrow, limit: 50 },
        { stats: stats.customer },
      ) as NonNullable<ReturnType<typeof compileListQuery>>,
    );
    expect(plan.join('\n')).toMatch(/customers_owner_idx/);
  });

  it('the exact count is still an index walk per path', async () => {
    const predicate = filter(demo.model, 'lilei', 'read', 'customer', NOW);
    const count = await explainPlan(
      database,
      compileCountQuery({ tenantId: TENANT, object: 'customer', predicate }) as NonNullable<
        ReturnType<typeof compileCountQuery>
      >,
    );
    expect(scansWithoutIndex(count)).toEqual([]);
  });
});
