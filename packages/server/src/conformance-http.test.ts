import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from '@custos/store';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * The consistency oracle through HTTP: for every conformance scenario, user and object present (at
 * every time a check names), the list endpoint returns exactly the records `decide` lets the user
 * read, and `GET /:id` answers 200 for those and 404 for the others; the export endpoint
 * (`GET /:object/export?format=json`) returns exactly the records `decide` lets the user read and
 * export — minus the contacts flagged "do not sell or share" (every other contact of a scenario),
 * their number in `withheld` and the header — and `GET /:id/history` answers exactly as `GET /:id` (200, or the same 404). To exercise export, every role of the scenario also holds the `export` function (a
 * function changes no record decision); a user holding no role answers 403. The list filters
 * (owner, department, sensitivity, a field the user reads in clear) return exactly the records
 * `decide` lets the user read that match the filter, with `total` counting them; a field filter on
 * a field the user does not read in clear answers 403. View as: a viewer added to every scenario
 * (scope `all` everywhere, every function of the scenario and `view_as`, the highest clearance)
 * lists each active user's records with `x-custos-view-as` and gets exactly that user's list, or
 * `ESCALATION_DENIED` exactly when the user holds something the viewer does not
 * (`holdingsExcess`). PGlite and PostgreSQL.
 */
import {
  buildIndex,
  decide,
  fieldLevelOf,
  hasFunction,
  holdingsExcess,
  matchesCriterion,
  OBJECT_CATALOGUE,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  SENSITIVITIES,
  type CrmRecord,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import {
  createSession,
  loadTenantData,
  putDoNotSell,
  savePolicyModel,
  type Database,
} from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, type Scenario } from '../../../conformance/src/load-scenarios.ts';
import { buildApp } from './app.ts';
import { fieldValuesOf } from './modules/crm/list-filters.ts';
import { SESSION_COOKIE } from './http/session-cookie.ts';

/** The viewer of the view-as oracle: not a user of any scenario. */
const VIEWER = 'oracle-viewer';

const scenarios = loadScenarios()
  .filter((s) => s.expectInvalid === undefined)
  .map((s) => ({ ...s, model: withViewer(withExportFunction(s.model)) }));

/**
 * The model with a viewer added: a role reading and doing everything (`all`), holding every function
 * a role of the scenario names and `view_as`, and a user of the highest clearance holding it. The
 * role is held by no one else and the viewer owns no record, so no other decision changes.
 */
function withViewer(model: PolicyModel): PolicyModel {
  const functions = [...new Set([...model.roles.flatMap((r) => r.functions), 'view_as'])].sort();
  const everything = Object.fromEntries(RECORD_ACTIONS.map((a) => [a, 'all'])) as Record<
    (typeof RECORD_ACTIONS)[number],
    'all'
  >;
  return {
    ...model,
    roles: [
      ...model.roles,
      {
        id: VIEWER,
        name: 'Oracle viewer',
        objects: Object.fromEntries(OBJECT_TYPES.map((o) => [o, everything])),
        functions,
        fields: {},
      },
    ],
    users: [
      ...model.users,
      {
        id: VIEWER,
        name: 'Oracle viewer',
        kind: 'internal',
        status: 'active',
        departmentId: model.departments[0]?.id ?? null,
        managerId: null,
        roleIds: [VIEWER],
        clearance: SENSITIVITIES[SENSITIVITIES.length - 1] as (typeof SENSITIVITIES)[number],
      },
    ],
  };
}

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

/**
 * The contacts of a scenario flagged "do not sell or share" (CCPA): every other one, so an
 * export of contacts is checked as the engine's set minus the flagged, with the count withheld.
 */
const doNotSellOf = (s: Scenario): Set<string> =>
  new Set(
    s.records
      .filter((r) => r.object === 'contact')
      .map((r) => r.id)
      .sort()
      .filter((_, i) => i % 2 === 0),
  );

function timesOf(s: Scenario): number[] {
  const at = [...s.checks, ...s.fieldChecks, ...s.listChecks].map((c) => c.at);
  return [...new Set([s.now, ...at.filter((t): t is number => t !== undefined)])];
}

interface ListFilter {
  /** The query string (without `limit`). */
  query: string;
  /** Whether a record matches, as the engine's criteria say. */
  matches: (r: CrmRecord) => boolean;
  /** A field filter on a field the user does not read in clear: refused. */
  refused: boolean;
}

/**
 * Filters taken from the object's records: the first owner, department and sensitivity found, and
 * a text value of each field the tenant declares on the object.
 */
function filtersOf(
  index: PolicyIndex,
  userId: string,
  object: ObjectType,
  records: readonly CrmRecord[],
): ListFilter[] {
  const out: ListFilter[] = [];
  // Owner and department are internal to a portal user: refused.
  const portal = index.users.get(userId)?.kind === 'portal';
  const owner = records.find((r) => r.ownerId !== null)?.ownerId;
  if (owner)
    out.push({
      query: `ownerId=${encodeURIComponent(owner)}`,
      matches: (r) => r.ownerId === owner,
      refused: portal,
    });
  const dept = records.find((r) => r.departmentId !== null)?.departmentId;
  if (dept)
    out.push({
      query: `departmentId=${encodeURIComponent(dept)}`,
      matches: (r) => r.departmentId === dept,
      refused: portal,
    });
  // A customer's records (a customer: itself): what the console's customer tabs list.
  const customer = records[Math.floor(records.length / 2)]?.customerId;
  if (customer)
    out.push({
      query: `customerId=${encodeURIComponent(customer)}`,
      matches: (r) => r.customerId === customer,
      refused: false,
    });
  const sensitivity = records[0]?.sensitivity;
  if (sensitivity)
    out.push({
      query: `sensitivity=${sensitivity}`,
      matches: (r) => r.sensitivity === sensitivity,
      refused: false,
    });
  const declared = index.objects.find((o) => o.object === object)?.fields ?? {};
  for (const name of Object.keys(declared)) {
    const value = records.map((r) => r.fields[name]).find((v) => typeof v === 'string' && v !== '');
    if (typeof value !== 'string') continue;
    const criterion = { field: name, op: 'in' as const, values: fieldValuesOf(value) };
    const level = fieldLevelOf(index, userId, object, name);
    out.push({
      query: `field=${encodeURIComponent(`${name}:${value}`)}`,
      matches: (r) => matchesCriterion(criterion, r.fields[name]),
      refused: level !== 'read' && level !== 'edit',
    });
  }
  return out;
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
      await loadTenantData(database.db, s.model, s.records, tenantId, testKeyring);
      await savePolicyModel(database.db, tenantId, s.model);
      for (const contactId of doNotSellOf(s))
        await putDoNotSell(database.db, tenantId, {
          contactId,
          optedOut: true,
          source: 'gpc',
          receivedAt: 0,
          note: null,
          recordedBy: null,
          recordedAt: 0,
        });
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
    const doNotSell = doNotSellOf(s);
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
          for (const f of filtersOf(index, user.id, object, records)) {
            const filtered = await app.inject({
              method: 'GET',
              url: `/v1/${OBJECT_CATALOGUE[object].path}?limit=200&${f.query}`,
              headers: { cookie },
            });
            if (f.refused) {
              if (filtered.statusCode !== 403)
                mismatches.push(`${label} ${f.query}: ${filtered.statusCode}, expected 403`);
              continue;
            }
            const want = records
              .filter((r) => expected.includes(r.id) && f.matches(r))
              .map((r) => r.id)
              .sort();
            const got = filtered.json<{ items: { id: string }[]; total: number }>();
            const ids = got.items.map((i) => i.id).sort();
            if (JSON.stringify(ids) !== JSON.stringify(want) || got.total !== want.length)
              mismatches.push(
                `${label} ${f.query}: list ${JSON.stringify(ids)} (${got.total}) decide ${JSON.stringify(want)}`,
              );
          }
          if (user.id !== VIEWER) {
            const viewed = await app.inject({
              method: 'GET',
              url: `/v1/${OBJECT_CATALOGUE[object].path}?limit=200`,
              headers: {
                cookie: cookies.get(`${tenantOf(n)}/${VIEWER}`) as string,
                'x-custos-view-as': user.id,
              },
            });
            if (holdingsExcess(s.model, index, VIEWER, user.id).length > 0) {
              if (viewed.json<{ code?: string }>().code !== 'ESCALATION_DENIED')
                mismatches.push(
                  `${label}: view as ${viewed.statusCode}, expected ESCALATION_DENIED`,
                );
            } else {
              const got = viewed.json<{ items: { id: string }[]; total: number }>();
              const ids = (got.items ?? []).map((i) => i.id).sort();
              if (JSON.stringify(ids) !== JSON.stringify(listed) || got.total !== expected.length)
                mismatches.push(
                  `${label}: view as ${viewed.statusCode} ${JSON.stringify(ids)} decide ${JSON.stringify(expected)}`,
                );
            }
          }
          const readable = records
            .filter((r) => expected.includes(r.id) && decide(index, user.id, 'export', r, at))
            .map((r) => r.id);
          // Contacts who opted out of sale or sharing are withheld, and counted.
          const exportable = readable.filter((id) => !doNotSell.has(id)).sort();
          const withheld = readable.length - exportable.length;
          const exported = await app.inject({
            method: 'GET',
            url: `/v1/${OBJECT_CATALOGUE[object].path}/export?format=json`,
            headers: { cookie },
          });
          if (!hasFunction(index, user.id, 'export')) {
            if (exported.statusCode !== 403)
              mismatches.push(`${label}: export ${exported.statusCode} without the function`);
          } else {
            const body = exported.json<{
              items: { id: string }[];
              withheld: { doNotSell: number };
            }>();
            const ids = body.items.map((i) => i.id).sort();
            if (JSON.stringify(ids) !== JSON.stringify(exportable))
              mismatches.push(
                `${label}: export ${JSON.stringify(ids)} decide ${JSON.stringify(exportable)}`,
              );
            if (
              body.withheld.doNotSell !== withheld ||
              exported.headers['x-custos-withheld-do-not-sell'] !== String(withheld)
            )
              mismatches.push(
                `${label}: export withheld ${body.withheld.doNotSell}, expected ${withheld}`,
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
            // A record's history: readable exactly when the record is, the same 404 otherwise
            // (at the scenario's own time: the history route decides as the record route does).
            if (at !== s.now) continue;
            const history = await app.inject({
              method: 'GET',
              url: `/v1/${OBJECT_CATALOGUE[object].path}/${encodeURIComponent(r.id)}/history`,
              headers: { cookie },
            });
            if (history.statusCode !== one.statusCode || (!allowed && history.body !== one.body))
              mismatches.push(
                `${label} ${r.id}: history ${history.statusCode}, GET ${one.statusCode}`,
              );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
