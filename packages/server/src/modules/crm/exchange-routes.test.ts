/**
 * Export and import over the API: the export streams the list path's records and field values
 * (CSV or JSON), the import writes each row through the record write path and reports failing rows,
 * both need their function permission and are audited with counts.
 */
import { listAuditEvents } from '@custos/store';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let admin: string;
let director: string;
let rep: string;
let directorId = '';

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

interface View {
  id: string;
  ownerId: string | null;
  fields: Record<string, unknown>;
  permissions: { export: boolean };
}

async function get(cookie: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

async function post(cookie: string, url: string, payload: object) {
  const response = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  return { status: response.statusCode, body: response.json() };
}

describe('export and import over the API', () => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 40 });
    directorId = t.demo.company.model.users.find((u) => u.roleIds.includes('sales-director'))!.id;
    admin = await t.login(emailOf('zhoumin'));
    director = await t.login(emailOf(directorId));
    rep = await t.login(emailOf('lilei'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports as CSV and JSON exactly the listed records, each field as the list shows it, audited', async () => {
    // What the list shows and the engine lets the director export (a sharing rule lets them read
    // more than they may export).
    const readable = (await get(director, '/v1/customers?limit=200')).json<{ items: View[] }>()
      .items;
    const list = readable.filter((i) => i.permissions.export);
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThan(readable.length);
    const csv = await get(director, '/v1/customers/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="customers.csv"');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual(list.map((i) => i.id).sort());
    for (const row of rows) {
      const view = list.find((i) => i.id === row.id)!;
      expect(row.ownerId).toBe(view.ownerId ?? '');
      for (const [field, cell] of Object.entries(row)) {
        if (field === 'id' || field === 'ownerId') continue;
        const value = view.fields[field];
        expect(cell, `${row.id}.${field}`).toBe(
          value === undefined || value === null ? '' : String(value),
        );
      }
    }
    const json = await get(director, '/v1/customers/export?format=json');
    const body = json.json<{ items: View[]; count: number }>();
    expect(body.count).toBe(list.length);
    expect(body.items.map((i) => JSON.stringify([i.id, i.fields])).sort()).toEqual(
      list.map((i) => JSON.stringify([i.id, i.fields])).sort(),
    );
    const events = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'record.export',
    });
    expect(events.map((e) => e.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ object: 'customer', format: 'csv', count: list.length }),
        expect.objectContaining({ object: 'customer', format: 'json', count: list.length }),
      ]),
    );
    expect(events[0]?.actorId).toBe(directorId);
  });

  it('refuses an export without the export function, and an unknown format naming it', async () => {
    const denied = await get(rep, '/v1/customers/export');
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { function: 'export' },
    });
    const bad = await get(director, '/v1/customers/export?format=xlsx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('querystring/format');
  });

  it('imports rows through the write path: all or nothing by default, failing rows reported, audited with counts', async () => {
    const [target, second] = t.demo.company.records.filter((r) => r.object === 'customer');
    if (target === undefined || second === undefined) throw new Error('no demo customers');
    const rows = [
      { name: '导入新客户有限公司', level: null },
      { id: target.id, name: '导入改名有限公司' },
      { id: second.id, ownerId: 'nobody-at-all' },
    ];
    const refused = await post(admin, '/v1/customers/import', { rows });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ written: false, updated: [target.id] });
    expect(refused.body.failures).toEqual([
      expect.objectContaining({ row: 2, code: 'REQUEST_INVALID', field: 'ownerId' }),
    ]);
    const unchanged = await get(admin, `/v1/customers/${target.id}`);
    expect(unchanged.json().fields.name).toBe(target.fields.name);

    const partial = await post(admin, '/v1/customers/import', { rows, allOrNothing: false });
    expect(partial.body).toMatchObject({ written: true, updated: [target.id] });
    expect(partial.body.created).toHaveLength(1);
    const renamed = await get(admin, `/v1/customers/${target.id}`);
    expect(renamed.json().fields.name).toBe('导入改名有限公司');
    const created = await get(admin, `/v1/customers/${partial.body.created[0]}`);
    expect(created.json().fields.name).toBe('导入新客户有限公司');
    const [event] = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'record.import',
    });
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      target: 'customer',
      after: { via: 'api', counts: { rows: 3, created: 1, updated: 1, failed: 1 } },
    });
  });

  it('refuses an import with an unknown column naming it, or without the import function', async () => {
    const unknown = await post(admin, '/v1/customers/import', {
      rows: [{ name: 'A' }, { name: 'B', phnoe: '123' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/rows/1/phnoe' },
    });
    const denied = await post(rep, '/v1/customers/import', { rows: [{ name: 'A' }] });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { function: 'import' },
    });
    const notRows = await post(admin, '/v1/customers/import', { rows: [['a']] });
    expect(notRows.status).toBe(400);
    expect(notRows.body.details.field).toBe('body/rows/0');
  });
});
