/**
 * The consistency oracle through HTTP: for every conformance scenario, user and object present (at
 * every time a check names), the list endpoint returns exactly the records `decide` lets the user
 * read, and `GET /:id` answers 200 for those and 404 for the others; the export endpoint
 * (`GET /:object/export?format=json`) returns exactly the records `decide` lets the user read and
 * export. To exercise export, every role of the scenario also holds the `export` function (a
 * function changes no record decision); a user holding no role answers 403. PGlite and PostgreSQL.
 */
import {
  buildIndex,
  decide,
  hasFunction,
  OBJECT_CATALOGUE,
  type ObjectType,
  type PolicyModel,
} from '@custos/engine';
import { createSession, loadTenantData, savePolicyModel, type Database } from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, type Scenario } from '../../../conformance/src/load-scenarios.ts';
import { buildApp } from './app.ts';
import { SESSION_COOKIE } from './http/session-cookie.ts';

const scenarios = loadScenarios()
  .filter((s) => s.expectInvalid === undefined)
  .map((s) => ({ ...s, model: withExportFunction(s.model) }));

/** The model with the `export` function added to every role (record decisions unchanged). */
function withExportFunction(model: PolicyModel): PolicyModel {
  return {
    ...model,
    roles: model.roles.map((r) =>
      r.functions.includes('export') ? r : { ...r, functions: [...r.functions, 'export'] },
    ),
  };
}
const tenantOf = (n: number): string => `http-oracle-${n}`;

function timesOf(s: Scenario): number[] {
  const at = [...s.checks, ...s.fieldChecks, ...s.listChecks].map((c) => c.at);
  return [...new Set([s.now, ...at.filter((t): t is number => t !== undefined)])];
}

describe.each(TEST_BACKENDS)('HTTP consistency oracle on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let now = 0;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    database = await backend.open();
    for (const [n, s] of scenarios.entries()) {
      const tenantId = tenantOf(n);
      await loadTenantData(database.db, s.model, s.records, tenantId);
      await savePolicyModel(database.db, tenantId, s.model);
      for (const user of s.model.users) {
        const { token } = await createSession(database.db, {
          tenantId,
          userId: user.id,
          now: 0,
          ttlMs: 4_000_000_000_000,
        });
        cookies.set(`${tenantId}/${user.id}`, `${SESSION_COOKIE}=${token}`);
      }
    }
    app = await buildApp({ database, clock: () => now, logger: false });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.each(scenarios.map((s, n) => ({ s, n, id: s.id })))('$id', async ({ s, n }) => {
    const index = buildIndex(s.model);
    const objects = [...new Set(s.records.map((r) => r.object))] as ObjectType[];
    const mismatches: string[] = [];
    for (const at of timesOf(s)) {
      now = at;
      // The sessions were made at 0 and live for ever; they were last used "now" (idle timeout).
      await database.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(at) })
        .execute();
      for (const user of s.model.users) {
        const cookie = cookies.get(`${tenantOf(n)}/${user.id}`) as string;
        for (const object of objects) {
          const records = s.records.filter((r) => r.object === object);
          const expected = records
            .filter((r) => decide(index, user.id, 'read', r, at))
            .map((r) => r.id)
            .sort();
          const response = await app.inject({
            method: 'GET',
            url: `/v1/${OBJECT_CATALOGUE[object].path}?limit=200`,
            headers: { cookie },
          });
          const label = `${user.id} ${object} @${new Date(at).toISOString()}`;
          if (user.status !== 'active') {
            if (response.statusCode !== 403) mismatches.push(`${label}: ${response.statusCode}`);
            continue;
          }
          const body = response.json<{ items: { id: string }[]; total: number }>();
          const listed = body.items.map((i) => i.id).sort();
          if (JSON.stringify(listed) !== JSON.stringify(expected) || body.total !== expected.length)
            mismatches.push(
              `${label}: list ${JSON.stringify(listed)} decide ${JSON.stringify(expected)}`,
            );
          const exportable = records
            .filter((r) => expected.includes(r.id) && decide(index, user.id, 'export', r, at))
            .map((r) => r.id)
            .sort();
          const exported = await app.inject({
            method: 'GET',
            url: `/v1/${OBJECT_CATALOGUE[object].path}/export?format=json`,
            headers: { cookie },
          });
          if (!hasFunction(index, user.id, 'export')) {
            if (exported.statusCode !== 403)
              mismatches.push(`${label}: export ${exported.statusCode} without the function`);
          } else {
            const ids = exported
              .json<{ items: { id: string }[] }>()
              .items.map((i) => i.id)
              .sort();
            if (JSON.stringify(ids) !== JSON.stringify(exportable))
              mismatches.push(
                `${label}: export ${JSON.stringify(ids)} decide ${JSON.stringify(exportable)}`,
              );
          }
          for (const r of records) {
            const one = await app.inject({
              method: 'GET',
              url: `/v1/${OBJECT_CATALOGUE[object].path}/${encodeURIComponent(r.id)}`,
              headers: { cookie },
            });
            const allowed = expected.includes(r.id);
            if (one.statusCode !== (allowed ? 200 : 404))
              mismatches.push(`${label} ${r.id}: GET ${one.statusCode}, decide ${allowed}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
