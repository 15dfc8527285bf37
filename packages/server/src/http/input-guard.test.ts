import { getRecord } from '@custos/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { toErrorResponse } from './error-handler.ts';

const REP = 'li.lei@yunshan.example';
const REP_ID = 'lilei';

describe('input that cannot hurt', () => {
  let t: TestApp;
  let rep: string;
  let own: { id: string; name: string };
  beforeAll(async () => {
    t = await createTestApp({ customers: 120 });
    rep = await t.login(REP);
    const record = t.demo.company.records.find(
      (r) => r.object === 'customer' && r.ownerId === REP_ID,
    );
    if (record === undefined) throw new Error('the rep owns no customer');
    own = { id: record.id, name: String(record.fields.name) };
  });
  afterAll(async () => {
    await t?.close();
  });

  const patchRaw = (payload: string | Buffer) =>
    t.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${own.id}`,
      headers: { cookie: rep, 'content-type': 'application/json' },
      payload,
    });
  const storedName = async () =>
    (await getRecord(t.database.db, t.demo.tenantId, 'customer', own.id))?.fields.name;

  it('refuses NUL in a JSON string or key, naming the field, and writes nothing', async () => {
    const inValue = await patchRaw(JSON.stringify({ fields: { name: 'A\u0000B' } }));
    expect(inValue.statusCode).toBe(400);
    expect(inValue.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/fields/name' },
    });
    const inKey = await patchRaw(JSON.stringify({ fields: { 'na\u0000me': 'x' } }));
    expect(inKey.statusCode).toBe(400);
    const surrogate = await patchRaw('{"fields":{"name":"A\\ud800B"}}');
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json()).toMatchObject({ details: { field: 'body/fields/name' } });
    expect(inKey.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/fields' },
    });
    expect(await storedName()).toBe(own.name);
  });

  it('refuses a body that is not UTF-8, or not JSON', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"fields":{"name":"'),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from('"}}'),
    ]);
    const invalid = await patchRaw(latin1);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body' } });
    expect(invalid.json<{ message: string }>().message).toContain('UTF-8');
    const broken = await patchRaw('{"fields":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body' } });
    expect(await storedName()).toBe(own.name);
  });

  it('refuses __proto__, constructor and toString as field names, naming them', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const response = await patchRaw(`{"fields":{"${name}":"x"}}`);
      expect(response.statusCode, name).toBe(400);
      expect(response.json(), name).toMatchObject({
        code: 'REQUEST_INVALID',
        details: { field: `body/fields/${name}` },
      });
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/customers',
        headers: { cookie: rep, 'content-type': 'application/json' },
        payload: `{"fields":{"name":"原型客户","${name}":{"polluted":true}}}`,
      });
      expect(created.statusCode, name).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await storedName()).toBe(own.name);
  });

  it('bounds strings and numbers: too long or not finite is refused, naming the field', async () => {
    const long = await patchRaw(JSON.stringify({ fields: { name: 'x'.repeat(4001) } }));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ details: { field: 'body/fields/name' } });
    // JSON has no Infinity, but 1e400 parses to it.
    const huge = await patchRaw('{"fields":{"name":"ok","vip":1e400}}');
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ details: { field: 'body/fields/vip' } });
    const query = await t.app.inject({
      method: 'GET',
      url: `/v1/customers?q=${'x'.repeat(201)}`,
      headers: { cookie: rep },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ details: { field: 'querystring/q' } });
    expect(await storedName()).toBe(own.name);
  });

  it('refuses NUL and invalid UTF-8 in the query string and in path parameters', async () => {
    const cases = [
      ['/v1/customers?q=a%00b', 'querystring/q'],
      ['/v1/customers?q=%ff%fe', 'querystring/q'],
      ['/v1/customers?q=%e4%b8', 'querystring/q'],
      [`/v1/customers/${own.id}%00`, 'params/id'],
      ['/v1/customers/%ff', 'params'],
    ] as const;
    for (const [url, field] of cases) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: rep } });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ code: 'REQUEST_INVALID', details: { field } });
    }
    // Valid UTF-8 text still searches.
    const ok = await t.app.inject({
      method: 'GET',
      url: `/v1/customers?q=${encodeURIComponent(own.name.slice(0, 2))}`,
      headers: { cookie: rep },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('parses an empty JSON body as no body', async () => {
    const other = await t.login(REP);
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: { cookie: other, 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(204);
    // A route that needs a body still says so, naming it.
    const missing = await t.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${own.id}`,
      headers: { cookie: rep, 'content-type': 'application/json' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body' } });
  });

  it('maps database input errors (SQLSTATE classes 22 and 23) to REQUEST_INVALID, never a 5xx', async () => {
    const db = t.database.db;
    await sql`create temp table if not exists input_probe (v varchar(3) unique)`.execute(db);
    await sql`insert into input_probe values ('abc') on conflict do nothing`.execute(db);
    const failures = [
      ['22P02', sql`select cast(${'abc'} as integer)`],
      ['22003', sql`select cast(${'99999999999'} as integer)`],
      ['22001', sql`insert into input_probe values (${'abcdef'})`],
      ['22007', sql`select cast(${'not a date'} as timestamptz)`],
      ['22008', sql`select cast(${'2026-13-45 00:00:00'} as timestamp)`],
      ['22021', sql`select convert_from(${Buffer.from([0xff, 0xfe])}, 'UTF8')`],
      ['23502', sql`insert into customers (tenant_id, id) values (${t.demo.tenantId}, null)`],
      ['23505', sql`insert into input_probe values (${'abc'})`],
    ] as const;
    for (const [state, query] of failures) {
      const error = await query.execute(db).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect((error as { code?: string } | undefined)?.code, state).toBe(state);
      const { status, body } = toErrorResponse(error);
      expect(status, state).toBe(400);
      expect(body).toEqual({
        code: 'REQUEST_INVALID',
        message: expect.any(String),
        details: { reason: `SQLSTATE ${state}` },
      });
      expect(body.message).not.toContain('abc');
    }
    // Anything else from the database is still INTERNAL.
    const other = await sql`select * from no_such_table`.execute(db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(toErrorResponse(other).status).toBe(500);
  });
});
