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
 * (`holdingsExcess`). Every record a user reads shows, in the list, the JSON export and
 * `GET /:id`, exactly the field values `fieldAccess` gives: hidden absent, masked in its masked
 * form, the rest in clear.
 *
 * Encryption at rest (docs/encryption.md): every scenario with a declared field that may be
 * encrypted (not `name`, not named by a sharing rule's criteria) runs a second time, in its own
 * tenant, with all such fields `encrypted: true`. The same checks must hold — encryption changes
 * nothing a caller is shown — and the stored values are ciphertext. A field filter on an encrypted
 * field is answered by the blind index: it returns exactly the records `decide` lets the user read
 * whose value equals the searched one after the index's normalisation (NFKC, lower case, no
 * spaces, dashes or brackets: `normaliseForIndex`), also when the search is spelled another way or
 * matches nothing; a user who sees the field masked or hidden cannot search it at all (403), so
 * a masked or hidden value cannot be probed by search. PGlite and PostgreSQL.
 */
import {
  buildIndex,
  decide,
  fieldAccess,
  fieldLevelOf,
  hasFunction,
  holdingsExcess,
  mask,
  matchesCriterion,
  OBJECT_CATALOGUE,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  SENSITIVITIES,
  type CrmRecord,
  type ObjectSettings,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import { randomBytes } from 'node:crypto';
import {
  createKeyring,
  createSession,
  isSealed,
  loadTenantData,
  normaliseForIndex,
  putDoNotSell,
  RECORD_TABLE,
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

/** The keys the scenarios' encrypted fields are sealed with, by the loader and the app alike. */
const testKeyring = createKeyring({ kek: randomBytes(32), cacheMs: 0 });

/** The viewer of the view-as oracle: not a user of any scenario. */
const VIEWER = 'oracle-viewer';

const runs = loadScenarios()
  .filter((s) => s.expectInvalid === undefined)
  .map((s) => ({ ...s, model: withViewer(withExportFunction(s.model)) }))
  .flatMap((s) => {
    const encrypted = withEncryption(s);
    return [
      { s, label: s.id, encrypted: false },
      // The mark first: a long title is cut short in the report.
      ...(encrypted === null
        ? []
        : [{ s: encrypted, label: `encrypted: ${s.id}`, encrypted: true }]),
    ];
  });

/**
 * The scenario with every declared field that may be encrypted (`encrypted-field-checks.ts`: not
 * `name`, not named by a sharing rule's criteria) marked `encrypted: true`; null when no record
 * holds a value of such a field (nothing would be encrypted).
 */
function withEncryption(s: Scenario): Scenario | null {
  const criteria = new Set(
    s.model.sharingRules.flatMap((r) =>
      r.source.kind === 'criteria' ? r.source.criteria.map((c) => `${r.object}.${c.field}`) : [],
    ),
  );
  const encryptable = (object: ObjectType, field: string) =>
    field !== 'name' && !criteria.has(`${object}.${field}`);
  const objects = s.model.objects.map((o) => ({
    ...o,
    fields: Object.fromEntries(
      Object.entries(o.fields).map(([name, setting]) => [
        name,
        encryptable(o.object, name) ? { ...setting, encrypted: true } : setting,
      ]),
    ),
  }));
  const used = s.records.some((r) =>
    Object.entries(r.fields).some(
      ([name, v]) =>
        v !== null &&
        v !== '' &&
        objects.find((o) => o.object === r.object)?.fields[name]?.encrypted === true,
    ),
  );
  return used ? { ...s, model: { ...s.model, objects } } : null;
}

/** The field settings of an object in a model. */
function settingsOf(model: PolicyModel, object: ObjectType): ObjectSettings['fields'] {
  return model.objects.find((o) => o.object === object)?.fields ?? {};
}

/** A record's fields as `fieldAccess` lets the user see them (hidden absent, masked masked). */
function expectedFields(
  index: PolicyIndex,
  model: PolicyModel,
  userId: string,
  r: CrmRecord,
  at: number,
): Record<string, unknown> {
  const levels = fieldAccess(index, userId, r.object, r, at);
  const settings = settingsOf(model, r.object);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(r.fields)) {
    const level = (Object.hasOwn(levels, name) ? levels[name] : undefined) ?? 'hidden';
    if (level === 'hidden') continue;
    out[name] =
      level === 'masked' && value !== null && value !== undefined
        ? mask(value, settings[name]?.mask ?? 'text')
        : value;
  }
  return out;
}

/** JSON with object keys sorted (field maps compared whatever their order). */
const canonical = (fields: Record<string, unknown>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))));

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
  /** A search on an encrypted field (through the blind index). */
  encrypted?: boolean;
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
  for (const [name, setting] of Object.entries(declared)) {
    const level = fieldLevelOf(index, userId, object, name);
    const refused = level !== 'read' && level !== 'edit';
    if (setting.encrypted === true) {
      // Through the blind index: equal after normalisation; numbers are searched as their text.
      const value = records
        .map((r) => r.fields[name])
        .find((v) => (typeof v === 'string' && v !== '') || typeof v === 'number');
      if (value === undefined) continue;
      const text = String(value);
      // The same value spelled another way (case, a dash), and a value no record holds.
      const spelled = `${text.slice(0, 1).toUpperCase()}-${text.slice(1).toUpperCase()}`;
      for (const probe of [text, spelled, `${text}9z`]) {
        out.push({
          query: `field=${encodeURIComponent(`${name}:${probe}`)}`,
          matches: (r) => {
            const v = r.fields[name];
            return (
              v !== null &&
              v !== undefined &&
              v !== '' &&
              normaliseForIndex(v) === normaliseForIndex(probe)
            );
          },
          refused,
          encrypted: true,
        });
      }
      continue;
    }
    const value = records.map((r) => r.fields[name]).find((v) => typeof v === 'string' && v !== '');
    if (typeof value !== 'string') continue;
    const criterion = { field: name, op: 'in' as const, values: fieldValuesOf(value) };
    out.push({
      query: `field=${encodeURIComponent(`${name}:${value}`)}`,
      matches: (r) => matchesCriterion(criterion, r.fields[name]),
      refused,
    });
  }
  return out;
}

describe.each(TEST_BACKENDS)('HTTP consistency oracle on $name', (backend) => {
  let database: Database;
  let app: FastifyInstance;
  let now = 0;
  /** What the encrypted runs exercised, and what disagreed there (checked after them all). */
  const encryptedRuns = { searches: 0, refused: 0, sealed: 0, mismatches: [] as string[] };
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    database = await backend.open();
    for (const [n, { s }] of runs.entries()) {
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
    app = await buildApp({ database, clock: () => now, logger: false, keyring: testKeyring });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.each(runs.map((run, n) => ({ ...run, n })))('$label', async ({ s, n, encrypted }) => {
    const index = buildIndex(s.model);
    const objects = [...new Set(s.records.map((r) => r.object))] as ObjectType[];
    const doNotSell = doNotSellOf(s);
    const mismatches: string[] = [];
    if (encrypted) {
      // At rest: every non-empty value of an encrypted field is ciphertext, the rest as given.
      for (const object of objects) {
        const settings = settingsOf(s.model, object);
        const rows = await database.db
          .selectFrom(RECORD_TABLE[object])
          .select(['id', 'data'])
          .where('tenant_id', '=', tenantOf(n))
          .execute();
        for (const row of rows) {
          const record = s.records.find((r) => r.id === row.id);
          for (const [name, value] of Object.entries(record?.fields ?? {})) {
            const sealed = isSealed(row.data[name]);
            const want = settings[name]?.encrypted === true && value !== null && value !== '';
            if (sealed) encryptedRuns.sealed++;
            if (sealed !== want)
              mismatches.push(`${object}/${row.id} ${name} stored ${sealed ? 'sealed' : 'clear'}`);
          }
        }
      }
    }
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
          const body = response.json<{
            items: { id: string; fields: Record<string, unknown> }[];
            total: number;
          }>();
          const listed = body.items.map((i) => i.id).sort();
          if (JSON.stringify(listed) !== JSON.stringify(expected) || body.total !== expected.length)
            mismatches.push(
              `${label}: list ${JSON.stringify(listed)} decide ${JSON.stringify(expected)}`,
            );
          for (const item of body.items) {
            const r = records.find((x) => x.id === item.id);
            if (r === undefined) continue;
            const want = canonical(expectedFields(index, s.model, user.id, r, at));
            if (canonical(item.fields) !== want)
              mismatches.push(
                `${label} ${r.id}: list fields ${canonical(item.fields)} want ${want}`,
              );
          }
          for (const f of filtersOf(index, user.id, object, records)) {
            const filtered = await app.inject({
              method: 'GET',
              url: `/v1/${OBJECT_CATALOGUE[object].path}?limit=200&${f.query}`,
              headers: { cookie },
            });
            if (f.encrypted === true) {
              if (f.refused) encryptedRuns.refused++;
              else encryptedRuns.searches++;
            }
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
              items: { id: string; fields: Record<string, unknown> }[];
              withheld: { doNotSell: number };
            }>();
            const items = body.items;
            const ids = items.map((i) => i.id).sort();
            if (JSON.stringify(ids) !== JSON.stringify(exportable))
              mismatches.push(
                `${label}: export ${JSON.stringify(ids)} decide ${JSON.stringify(exportable)}`,
              );
            // Exported as shown: the same field values as the list and the record.
            for (const item of items) {
              const r = records.find((x) => x.id === item.id);
              if (r === undefined) continue;
              const want = canonical(expectedFields(index, s.model, user.id, r, at));
              if (canonical(item.fields) !== want)
                mismatches.push(`${label} ${r.id}: export fields ${canonical(item.fields)}`);
            }
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
            if (allowed && one.statusCode === 200) {
              const got = canonical(one.json<{ fields: Record<string, unknown> }>().fields);
              const want = canonical(expectedFields(index, s.model, user.id, r, at));
              if (got !== want) mismatches.push(`${label} ${r.id}: GET fields ${got} want ${want}`);
            }
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
    if (encrypted) encryptedRuns.mismatches.push(...mismatches.map((m) => `${s.id}: ${m}`));
    expect(mismatches).toEqual([]);
  });

  it('searches encrypted fields only within what the engine lets the caller read, and never for a masked or hidden reader', () => {
    // The scenarios above ran with encryption on (`encrypted: …`): values stored sealed, searches
    // through the blind index answered for readers in clear and refused for masked/hidden ones.
    expect(runs.filter((r) => r.encrypted).length).toBeGreaterThanOrEqual(30);
    expect(encryptedRuns.sealed).toBeGreaterThan(100);
    expect(encryptedRuns.searches).toBeGreaterThan(100);
    expect(encryptedRuns.refused).toBeGreaterThan(10);
    expect(encryptedRuns.mismatches).toEqual([]);
  });
});
