import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * Reach per path in SQL against the engine: for the demo company and every conformance scenario,
 * each path's count is the number of records whose explanation names that path, the union of the
 * paths is the list's count, and the counts are bounded like the list's (ADR 0007).
 */
import {
  explain,
  filter,
  reach,
  reachPathOf,
  type CrmRecord,
  type ObjectType,
  type PolicyModel,
  type RecordAction,
} from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../conformance/src/load-scenarios.ts';
import { countReachUpTo, compileReachCountQuery } from './count-reach.ts';
import type { Database } from './database.ts';
import { demoCompany } from './demo/demo-company.ts';
import { countRecordsUpTo } from './list-records.ts';
import { loadTenantData } from './load-scenario.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const demo = demoCompany({ customers: 150, now: NOW });
const scenarios = loadScenarios().filter((s) => s.expectInvalid === undefined);

interface World {
  tenantId: string;
  model: PolicyModel;
  records: CrmRecord[];
  now: number;
}

function withParents(records: readonly CrmRecord[]): CrmRecord[] {
  const customers = new Map(records.filter((r) => r.object === 'customer').map((r) => [r.id, r]));
  return records.map((r) =>
    r.object === 'customer' || r.parent !== undefined
      ? r
      : { ...r, parent: customers.get(r.customerId) },
  );
}

const worlds: World[] = [
  { tenantId: 'reach-demo', model: demo.model, records: withParents(demo.records), now: NOW },
  ...scenarios.map((s, n) => ({
    tenantId: `reach-${n}`,
    model: s.model,
    records: withParents(s.records),
    now: s.now,
  })),
];

/** The engine's answer: per path, how many records' explanations name it; and the allowed ones. */
function oracle(w: World, user: string, action: RecordAction, object: ObjectType) {
  const perPath = new Map<string, number>();
  let allowed = 0;
  for (const record of w.records.filter((r) => r.object === object)) {
    const e = explain(w.model, user, action, record, w.now);
    if (e.allowed) allowed++;
    for (const path of new Set(e.allowedBy.map(reachPathOf))) {
      perPath.set(path, (perPath.get(path) ?? 0) + 1);
    }
  }
  return { perPath, allowed };
}

describe.each(TEST_BACKENDS)('countReachUpTo on $name', (backend) => {
  let database: Database;
  let compared = 0;

  beforeAll(async () => {
    database = await backend.open();
    for (const w of worlds)
      await loadTenantData(database.db, w.model, w.records, w.tenantId, testKeyring);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it.each(worlds.map((w) => ({ w, id: w.tenantId })))(
    'each path count == the records whose explanation names the path ($id)',
    async ({ w }) => {
      const mismatches: string[] = [];
      const objects = [...new Set(w.records.map((r) => r.object))];
      const actions: RecordAction[] =
        w.tenantId === 'reach-demo' ? ['read'] : ['read', 'update', 'delete'];
      for (const user of w.model.users) {
        for (const object of objects) {
          for (const action of actions) {
            const r = reach(w.model, user.id, action, object, w.now);
            const counts = await countReachUpTo(database.db, {
              tenantId: w.tenantId,
              object,
              terms: r.terms,
            });
            const expected = oracle(w, user.id, action, object);
            const at = `${user.id} ${action} ${object}`;
            for (const { path, count } of counts) {
              const n = expected.perPath.get(path) ?? 0;
              if (count.total !== n || !count.exact) {
                mismatches.push(`${at} ${path}: sql ${JSON.stringify(count)}, explain ${n}`);
              }
            }
            for (const path of expected.perPath.keys()) {
              if (!counts.some((c) => c.path === path))
                mismatches.push(`${at}: no count for ${path}`);
            }
            const total = await countRecordsUpTo(database.db, {
              tenantId: w.tenantId,
              object,
              predicate: filter(w.model, user.id, action, object, w.now),
            });
            if (total.total !== expected.allowed) {
              mismatches.push(`${at}: list total ${total.total}, allowed ${expected.allowed}`);
            }
            compared++;
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
    120_000,
  );

  it('compared every user × object × action', () => {
    expect(compared).toBeGreaterThan(1000);
  });

  it('bounds each count like the list: exact up to upTo, a lower bound past it', async () => {
    const w = worlds[0] as World;
    // 张建国, the CEO, reaches most customers through his department tree.
    const r = reach(w.model, 'zhangjianguo', 'read', 'customer', w.now);
    const exact = await countReachUpTo(database.db, {
      tenantId: w.tenantId,
      object: 'customer',
      terms: r.terms,
    });
    const bounded = await countReachUpTo(
      database.db,
      { tenantId: w.tenantId, object: 'customer', terms: r.terms },
      3,
    );
    const large = exact.filter((c) => c.count.total > 3);
    expect(large.length).toBeGreaterThan(0);
    for (const [i, c] of bounded.entries()) {
      const n = exact[i]?.count.total ?? -1;
      expect(c).toEqual({ path: exact[i]?.path, count: { total: Math.min(n, 3), exact: n <= 3 } });
    }
  });

  it('answers zero without a query for a path the user does not have, and refuses a bad bound', async () => {
    const w = worlds[0] as World;
    const rep = 'lilei';
    const r = reach(w.model, rep, 'read', 'customer', w.now);
    const all = r.terms.find((t) => t.path === 'all');
    expect(all).toBeDefined();
    expect(compileReachCountQuery(w.tenantId, 'customer', all!, 10)).toBeNull();
    expect(() => compileReachCountQuery(w.tenantId, 'customer', r.terms[0]!, -1)).toThrow(
      RangeError,
    );
    const unknown = await countReachUpTo(database.db, {
      tenantId: w.tenantId,
      object: 'customer',
      terms: reach(w.model, 'nobody', 'read', 'customer', w.now).terms,
    });
    expect(unknown.every((c) => c.count.total === 0 && c.count.exact)).toBe(true);
  });
});
