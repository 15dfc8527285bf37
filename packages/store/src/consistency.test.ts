/**
 * THE ORACLE: for every conformance scenario, user, object present, action (and every time a check
 * names), the rows the compiled SQL filter returns are exactly the records `decide` allows.
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
      await loadTenantData(database.db, s.model, s.records, tenantOf(n));
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

  describe('consistency oracle: compiled SQL filter == decide', () => {
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
              checked++;
              if (JSON.stringify(actual) !== JSON.stringify(expected)) {
                mismatches.push(
                  `${user.id} ${action} ${object} @${new Date(now).toISOString()}: ` +
                    `sql ${JSON.stringify(actual)} decide ${JSON.stringify(expected)}`,
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
