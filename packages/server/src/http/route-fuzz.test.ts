import { OBJECT_CATALOGUE, OBJECT_TYPES } from '@custos/engine';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import {
  operationsOf,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
} from './openapi-walk.ts';
import { invalidValue, validValue, type ArbitraryOptions } from './schema-arbitrary.ts';

/**
 * Every route, driven from its OpenAPI schema with generated valid and invalid path parameters,
 * query strings, headers and bodies (fast-check, seeded), signed in as the demo system
 * administrator and as a 销售代表: never a 5xx, and on every 4xx nothing changed (a digest of the
 * policy version, every record table, teams, grants, audit events, credentials and sessions). A
 * refusal for a permission reason is itself recorded (one audit event with outcome `denied`,
 * `denial-audit.ts`): the digest leaves denied events out, and each request adds at most one, only
 * when it is answered 403 or 404.
 * Sign-in routes (`/v1/auth/*`) may record a failed attempt: for them only "never a 5xx".
 */

const SEED = 8;
const RUNS = { admin: 8, user: 4 } as const;

interface FuzzRequest {
  params: unknown;
  query: unknown;
  headers: unknown;
  body: unknown;
}

/** A URL component, whatever the value: a lone surrogate goes as the invalid UTF-8 it would be. */
function component(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    return Buffer.from(text, 'utf8').toString('latin1') === text ? text : '%ED%A0%80';
  }
}

function queryString(query: unknown): string {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query))
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined) parts.push(`${component(key)}=${component(item)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

function pathOf(template: string, params: unknown): string {
  const values = (typeof params === 'object' && params !== null ? params : {}) as Record<
    string,
    unknown
  >;
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    Object.hasOwn(values, name) ? component(values[name]) : 'x',
  );
}

function headersOf(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [name, value] of Object.entries(headers))
    if (typeof value === 'string' && /^[\x20-\x7e]*$/.test(value)) out[name] = value;
  return out;
}

/** An object schema of the operation's parameters of one kind (path, query, header). */
function parameterSchema(
  operation: OpenApiOperation,
  kind: 'path' | 'query' | 'header',
): JsonSchema {
  const parameters = (operation.parameters ?? []).filter((p) => p.in === kind);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.required === true).map((p) => p.name),
    additionalProperties: false,
  };
}

describe('every route, fuzzed from its OpenAPI schema', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let optionsFor: (path: string) => ArbitraryOptions;
  const logins = { admin: '', user: '' };

  beforeAll(async () => {
    t = await createTestApp({ customers: 30 });
    document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
    const { model, records } = t.demo.company;
    const admin = model.users.find((u) => u.roleIds.includes('sys-admin'));
    const emailOf = (id: string | undefined) =>
      t.demo.logins.find((l) => l.userId === id)?.email ?? '';
    logins.admin = emailOf(admin?.id);
    logins.user = emailOf('lilei');
    const callers = new Set([admin?.id, 'lilei']);
    // Real ids, so valid requests reach real entities (never the callers or the admin role).
    const ids = [
      ...records.filter((_, i) => i % 25 === 0).map((r) => r.id),
      ...model.users.filter((u) => !callers.has(u.id)).map((u) => u.id),
      ...model.roles.filter((r) => r.id !== 'sys-admin').map((r) => r.id),
      ...model.departments.map((d) => d.id),
      ...model.groups.map((g) => g.id),
      ...model.sharingRules.map((r) => r.id),
      ...model.grants.slice(0, 5).map((g) => g.id),
    ];
    const fields = model.objects.flatMap((o) => Object.keys(o.fields));
    // On a CRM route: that object's records and fields first.
    optionsFor = (path) => {
      const object = OBJECT_TYPES.find((o) => path.startsWith(`/v1/${OBJECT_CATALOGUE[o].path}`));
      const own =
        object === undefined ? [] : records.filter((r) => r.object === object).map((r) => r.id);
      const ownFields =
        object === undefined
          ? fields
          : Object.keys(model.objects.find((o) => o.object === object)?.fields ?? {});
      return {
        known: (name) =>
          name === 'field' || name === '*'
            ? ownFields
            : name === 'id' && own.length > 0
              ? own.slice(0, 12)
              : /^(id|.*Id|subject|memberId)$/.test(name)
                ? ids
                : undefined,
      };
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** What a refused request must not change. */
  async function digest(): Promise<string> {
    const tenant = t.demo.tenantId;
    const tables = [
      'customers',
      'contacts',
      'deals',
      'orders',
      'tickets',
      'activities',
      'customer_team_members',
      'grants',
      'users',
      'user_roles',
      'roles',
      'credentials',
    ];
    const parts = tables.map(
      (table) =>
        sql<string>`(select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from ${sql.table(table)} as x where x.tenant_id = ${tenant})`,
    );
    const { rows } = await sql<{ d: string }>`select concat_ws('|',
        (select policy_version::text from tenants where id = ${tenant}),
        (select count(*)::text from audit_events where tenant_id = ${tenant} and outcome <> 'denied'),
        (select count(*)::text from sessions where tenant_id = ${tenant}),
        ${sql.join(parts, sql`, `)}) as d`.execute(t.database.db);
    return rows[0]?.d ?? '';
  }

  async function deniedCount(): Promise<number> {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from audit_events
      where tenant_id = ${t.demo.tenantId} and outcome = 'denied'`.execute(t.database.db);
    return Number(rows[0]?.n ?? 0);
  }

  function requestArbitrary(
    operation: OpenApiOperation,
    options: ArbitraryOptions,
  ): fc.Arbitrary<FuzzRequest> {
    const part = (schema: JsonSchema | undefined, validWeight: number) =>
      schema === undefined
        ? fc.constant(undefined)
        : fc.oneof(
            { weight: validWeight, arbitrary: validValue(document, schema, '', options) },
            { weight: 1, arbitrary: invalidValue(document, schema, options) },
          );
    const body = operation.requestBody?.content?.['application/json']?.schema;
    return fc.record({
      params: part(parameterSchema(operation, 'path'), 4),
      query: part(parameterSchema(operation, 'query'), 3),
      headers: part(parameterSchema(operation, 'header'), 4),
      body: part(body, 2),
    });
  }

  async function fuzzAs(who: 'admin' | 'user'): Promise<void> {
    const failures: string[] = [];
    let statuses = 0;
    const seen = new Map<number, number>();
    let cookie = await t.login(logins[who]);
    let before = await digest();
    for (const { method, path, operation } of operationsOf(document)) {
      if (path.startsWith('/docs')) continue;
      const bodyless = operation.requestBody === undefined;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation, optionsFor(path)), async (request) => {
          const url = `${pathOf(path, request.params)}${queryString(request.query)}`;
          const payload =
            method === 'GET' ? undefined : bodyless ? '{}' : JSON.stringify(request.body ?? {});
          const deniedBefore = await deniedCount();
          const response = await t.app.inject({
            method: method as 'GET',
            url,
            headers: {
              cookie,
              ...headersOf(request.headers),
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(payload === undefined ? {} : { payload }),
          });
          statuses++;
          seen.set(response.statusCode, (seen.get(response.statusCode) ?? 0) + 1);
          const after = await digest();
          const denials = (await deniedCount()) - deniedBefore;
          const label = `${method} ${url} ${payload ?? ''} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          if (response.statusCode >= 500) failures.push(label);
          if (denials > 1 || (denials === 1 && ![403, 404].includes(response.statusCode)))
            failures.push(`${denials} denied events on ${label}`);
          else if (response.statusCode >= 400 && !path.startsWith('/v1/auth/') && after !== before)
            failures.push(`changed on ${label}`);
          before = after;
          // Signed out (the logout route): sign in again for the next request.
          if (path === '/v1/auth/logout' && response.statusCode < 300)
            cookie = await t.login(logins[who]);
          return true;
        }),
        { numRuns: RUNS[who], seed: SEED, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
    expect(statuses).toBeGreaterThan(100);
    // The requests reached handlers, not only the schema: some succeeded, some were refused.
    expect([...seen.keys()].some((s) => s < 300)).toBe(true);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
  }

  it('as the system administrator: no route answers 5xx, and a 4xx changes nothing', async () => {
    await fuzzAs('admin');
  }, 120_000);

  it('as the 销售代表: no route answers 5xx, and a 4xx changes nothing', async () => {
    await fuzzAs('user');
  }, 120_000);
});
