import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * THE ORACLE: for every conformance scenario, user, object present, action (and every time a check
 * names), the rows the compiled SQL filter returns are exactly the records `decide` allows, and so
 * are the pages of `listRecords` (the per-path list query the list endpoints run, walked by cursor)
 * and its `countRecords`.
 */
import {
  RECORD_ACTIONS,
  buildIndex,
  decide,
  filter,
  type ObjectType,
  type PolicyIndex,
} from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, type Scenario } from '../../../conformance/src/load-scenarios.ts';
import { compilePredicate } from './compile-predicate.ts';
import type { Database } from './database.ts';
import { countRecords, countRecordsUpTo, listRecords } from './list-records.ts';
import { loadTenantData } from './load-scenario.ts';
import { RECORD_TABLE } from './record-tables.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const scenarios = loadScenarios().filter((s) => s.expectInvalid === undefined);
const tenantOf = (n: number): string => `oracle-${n}`;

function timesOf(s: Scenario): number[] {
  const at = [...s.checks, ...s.fieldChecks, ...s.listChecks].map((c) => c.at);
  return [...new Set([s.now, ...at.filter((t): t is number => t !== undefined)])];
}

describe.each(TEST_BACKENDS)('on $name', (backend) => {
  let database: Database;
  let checked = 0;

  beforeAll(async () => {
    database = await backend.open();
    for (const [n, s] of scenarios.entries()) {
      await loadTenantData(database.db, s.model, s.records, tenantOf(n), testKeyring);
    }
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  async function sqlIds(
    tenantId: string,
    object: ObjectType,
    index: PolicyIndex,
    user: string,
    action: (typeof RECORD_ACTIONS)[number],
    now: number,
  ): Promise<string[]> {
    const table = RECORD_TABLE[object];
    const predicate = filter(index, user, action, object, now);
    const rows = await database.db
      .selectFrom(`${table} as t` as 'customers as t')
      .select('t.id')
      .where('t.tenant_id', '=', tenantId)
      .where(compilePredicate(predicate, { table }))
      .execute();
    return rows.map((r) => r.id).sort();
  }

  /**
   * Every page of the list query, 2 rows a page (cursors exercised), in every shape it can take
   * (chosen, single `or`, per-path union with bounded paths: ADR 0005), and its counts (exact, and
   * bounded at 2 and at 10,000: ADR 0007). Any shape that lists other ids makes `ids` differ.
   */
  async function listedIds(
    tenantId: string,
    object: ObjectType,
    index: PolicyIndex,
    user: string,
    action: (typeof RECORD_ACTIONS)[number],
    now: number,
  ): Promise<{ ids: string[]; count: number; bounded: string }> {
    const predicate = filter(index, user, action, object, now);
    const walks: string[][] = [];
    for (const shape of ['auto', 'or', 'bounded'] as const) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listRecords(
          database.db,
          { tenantId, object, predicate, limit: 2, cursor },
          { shape },
        );
        ids.push(...page.records.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      walks.push(ids.sort());
    }
    const [ids = [], ...others] = walks;
    const agree = others.every((w) => JSON.stringify(w) === JSON.stringify(ids));
    const query = { tenantId, object, predicate };
    const count = await countRecords(database.db, query);
    const upTo2 = await countRecordsUpTo(database.db, query, 2);
    const upTo10k = await countRecordsUpTo(database.db, query);
    return {
      ids: agree ? ids : [...ids, `shapes disagree: ${JSON.stringify(walks)}`],
      count,
      bounded: JSON.stringify([upTo2, upTo10k]),
    };
  }

  describe('consistency oracle: compiled SQL filter == list query == decide', () => {
    it('covers the conformance suite', () => {
      expect(scenarios.length).toBeGreaterThanOrEqual(45);
    });

    it.each(scenarios.map((s, n) => ({ s, n, id: s.id })))('$id', async ({ s, n }) => {
      const index = buildIndex(s.model);
      const objects = [...new Set(s.records.map((r) => r.object))];
      const mismatches: string[] = [];
      for (const now of timesOf(s)) {
        for (const user of s.model.users) {
          for (const object of objects) {
            const records = s.records.filter((r) => r.object === object);
            for (const action of RECORD_ACTIONS) {
              const expected = records
                .filter((r) => decide(index, user.id, action, r, now))
                .map((r) => r.id)
                .sort();
              const actual = await sqlIds(tenantOf(n), object, index, user.id, action, now);
              const listed = await listedIds(tenantOf(n), object, index, user.id, action, now);
              checked++;
              const at = `${user.id} ${action} ${object} @${new Date(now).toISOString()}`;
              if (JSON.stringify(actual) !== JSON.stringify(expected)) {
                mismatches.push(
                  `${at}: sql ${JSON.stringify(actual)} decide ${JSON.stringify(expected)}`,
                );
              }
              const bounded = JSON.stringify([
                { total: Math.min(expected.length, 2), exact: expected.length <= 2 },
                { total: expected.length, exact: true },
              ]);
              if (
                JSON.stringify(listed.ids) !== JSON.stringify(expected) ||
                listed.count !== expected.length ||
                listed.bounded !== bounded
              ) {
                mismatches.push(
                  `${at}: list ${JSON.stringify(listed.ids)} (count ${listed.count}, bounded ${listed.bounded}) decide ${JSON.stringify(expected)}`,
                );
              }
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('ran every query', () => {
      expect(checked).toBeGreaterThan(5000);
    });
  });
});
