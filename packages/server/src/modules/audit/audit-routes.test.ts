/**
 * Reading the audit log over HTTP: the search (filters, keyset pages, sealed cursor), the export
 * (CSV and JSON, same filters), both audited and both showing record values only at the reader's
 * field levels; a record's history (NOT_FOUND exactly as reading the record); and the reveal of a
 * masked value (function, read access, masked only, audited without the value, rate-limited).
 * PGlite and PostgreSQL.
 */
import { listAuditEvents } from '@custos/store';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { AUDIT_CSV_COLUMNS } from './audit-export.ts';

interface EventView {
  id: string;
  action: string;
  actorId: string | null;
  target: string | null;
  outcome: string;
  ip: string | null;
  before: { fields?: Record<string, unknown> } | null;
  after: { fields?: Record<string, unknown>; field?: string; filters?: unknown } | null;
  maskedFields: string[];
  hiddenFields: number;
}
interface EventPage {
  items: EventView[];
  nextCursor: string | null;
}

const REVEALS_PER_HOUR = 3;

describe.each(['pglite', 'postgres'] as const)('audit log, history and reveal on %s', (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  /** A customer of 张伟 (so 韩梅梅, his manager, reads it), and one 韩梅梅 may not read. */
  let customerId = '';
  let foreignId = '';
  let clear: { phone: string; idNumber: string; creditLimit: number; bankAccount: string };

  const emailOf = (userId: string): string => {
    const login = t.demo.logins.find((l) => l.userId === userId);
    if (login === undefined) throw new Error(`no demo login ${userId}`);
    return login.email;
  };
  const get = (who: string, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] as string, ...headers } });
  const send = (who: string, method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who] as string } });
  const auditRows = async () =>
    t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('tenant_id', '=', 'yunshan')
      .execute();

  beforeAll(async () => {
    t = await createTestApp({
      customers: 40,
      backend,
      config: { revealRateLimitPerHour: REVEALS_PER_HOUR },
    });
    for (const id of ['zhoumin', 'sunli', 'lilei', 'zhangwei', 'hanmeimei', 'zhaolei'])
      cookies[id] = await t.login(emailOf(id));
    const records = t.demo.company.records.filter((r) => r.object === 'customer');
    customerId = records.find((r) => r.ownerId === 'zhangwei')!.id;
    foreignId = records.find((r) => r.departmentId === 'sales-north')!.id;
    // The managers may reveal; a bank account is hidden from them. The auditors see phones masked.
    for (const [role, body] of [
      [
        'sales-manager',
        {
          functions: ['export', 'reports', 'reveal_masked'],
          fields: { customer: { idNumber: 'masked', bankAccount: 'hidden' } },
        },
      ],
      ['auditor', { fields: { customer: { phone: 'masked' } } }],
    ] as const) {
      const changed = await send('zhoumin', 'PATCH', `/v1/admin/roles/${role}`, body);
      expect(changed.statusCode, changed.body).toBe(200);
    }
    clear = {
      phone: '13912345678',
      idNumber: '110101199003071234',
      creditLimit: 987_654,
      bankAccount: '6222020200112233445',
    };
    const updated = await send('zhoumin', 'PATCH', `/v1/customers/${customerId}`, {
      fields: clear,
    });
    expect(updated.statusCode, updated.body).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('searches only with audit_view, with every filter, paged newest first with a sealed cursor', async () => {
    const refused = await get('lilei', '/v1/audit/events');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PERMISSION_DENIED');

    const byTarget = await get('sunli', `/v1/audit/events?target=customer/${customerId}`);
    expect(byTarget.statusCode).toBe(200);
    const update = byTarget.json<EventPage>().items.find((e) => e.action === 'customer.update');
    expect(update).toMatchObject({
      actorId: 'zhoumin',
      outcome: 'success',
      target: `customer/${customerId}`,
    });

    const prefix = (
      await get('sunli', '/v1/audit/events?action=role.&limit=200')
    ).json<EventPage>();
    expect(prefix.items.length).toBeGreaterThanOrEqual(2);
    expect(prefix.items.every((e) => e.action.startsWith('role.'))).toBe(true);
    const byActor = (
      await get('sunli', '/v1/audit/events?actorId=zhoumin&limit=200')
    ).json<EventPage>();
    expect(byActor.items.every((e) => e.actorId === 'zhoumin')).toBe(true);
    const none = (
      await get('sunli', '/v1/audit/events?from=2030-01-01T00:00:00Z')
    ).json<EventPage>();
    expect(none.items).toEqual([]);

    const first = (
      await get('sunli', '/v1/audit/events?actorId=zhoumin&limit=2')
    ).json<EventPage>();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const next = (
      await get('sunli', `/v1/audit/events?actorId=zhoumin&limit=2&cursor=${first.nextCursor}`)
    ).json<EventPage>();
    expect(Number(next.items[0]!.id)).toBeLessThan(Number(first.items[1]!.id));
    // The cursor belongs to its filters and its reader.
    const otherList = await get('sunli', `/v1/audit/events?limit=2&cursor=${first.nextCursor}`);
    expect(otherList.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'querystring/cursor' },
    });
    const otherReader = await get(
      'zhoumin',
      `/v1/audit/events?actorId=zhoumin&limit=2&cursor=${first.nextCursor}`,
    );
    expect(otherReader.json().details.field).toBe('querystring/cursor');
  });

  it('lists users for the actor picker to audit_view holders only', async () => {
    const found = await get('sunli', '/v1/audit/actors?q=zhou');
    expect(found.json().users).toContainEqual({ id: 'zhoumin', name: '周敏' });
    expect((await get('lilei', '/v1/audit/actors')).statusCode).toBe(403);
  });

  it('refuses bad filters naming the field', async () => {
    const cases: [string, string][] = [
      ['from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 'querystring/to'],
      ['action=DROP%20TABLE', 'querystring/action'],
      ['outcome=maybe', 'querystring/outcome'],
      ['limit=1000', 'querystring/limit'],
      ['from=yesterday', 'querystring/from'],
    ];
    for (const [query, field] of cases) {
      const response = await get('sunli', `/v1/audit/events?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().details.field, query).toBe(field);
    }
  });

  it('shows record values only at the reader’s levels: hidden left out, masked masked, in search and export', async () => {
    // 孙丽 (auditor, clearance internal): the confidential credit limit is hidden, phones masked.
    const search = await get('sunli', `/v1/audit/events?target=customer/${customerId}`);
    const update = search.json<EventPage>().items.find((e) => e.action === 'customer.update')!;
    expect(update.after?.fields).not.toHaveProperty('creditLimit');
    expect(update.after?.fields?.phone).not.toBe(clear.phone);
    expect(String(update.after?.fields?.phone)).toContain('*');
    expect(update.after?.fields?.idNumber).toBe(clear.idNumber);
    expect(update.maskedFields).toEqual(['phone']);
    expect(update.hiddenFields).toBeGreaterThan(0);
    const csv = await get(
      'sunli',
      `/v1/audit/events/export?format=csv&target=customer/${customerId}`,
    );
    const json = await get(
      'sunli',
      `/v1/audit/events/export?format=json&target=customer/${customerId}`,
    );
    for (const body of [search.body, csv.body, json.body]) {
      expect(body).not.toContain(String(clear.creditLimit));
      expect(body).not.toContain(clear.phone);
      expect(body).toContain(clear.idNumber);
    }
    // The administrator reads every field in clear.
    const admin = await get(
      'zhoumin',
      `/v1/audit/events?target=customer/${customerId}&action=customer.update`,
    );
    expect(admin.json<EventPage>().items[0]?.after?.fields).toMatchObject(clear);
  });

  it('exports CSV and JSON with the search’s filters, streamed, no-store', async () => {
    const csv = await get('sunli', '/v1/audit/events/export?format=csv&action=role.update');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['cache-control']).toBe('no-store');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(csv.headers['x-custos-export-count']).toBe(String(rows.length));
    expect(Object.keys(rows[0] ?? {})).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.action === 'role.update')).toBe(true);
    const json = await get('sunli', '/v1/audit/events/export?format=json&action=role.update');
    const doc = json.json<{ items: EventView[]; count: number; truncated: boolean }>();
    expect(doc.count).toBe(rows.length);
    expect(doc.truncated).toBe(false);
    expect(doc.items.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect((await get('lilei', '/v1/audit/events/export')).statusCode).toBe(403);
    const bad = await get('sunli', '/v1/audit/events/export?format=xml');
    expect(bad.json().details.field).toBe('querystring/format');
  });

  it('audits reading the log: audit.search and audit.export with the filters used', async () => {
    await get('sunli', '/v1/audit/events?outcome=denied&actorId=lilei');
    await get('sunli', '/v1/audit/events/export?format=json&action=customer.');
    const searches = await listAuditEvents(t.database.db, 'yunshan', { action: 'audit.search' });
    expect(searches[0]).toMatchObject({
      actorId: 'sunli',
      outcome: 'success',
      after: { filters: { outcome: 'denied', actorId: 'lilei' }, page: 'first' },
    });
    expect(searches[0]?.requestId).toBeTruthy();
    const exports = await listAuditEvents(t.database.db, 'yunshan', { action: 'audit.export' });
    expect(exports[0]).toMatchObject({
      actorId: 'sunli',
      after: { filters: { action: 'customer.' }, format: 'json', truncated: false },
    });
  });

  it('gives a record’s history to whoever reads it, at their levels, and NOT_FOUND exactly as reading', async () => {
    const own = await get('zhangwei', `/v1/customers/${customerId}/history`);
    expect(own.statusCode).toBe(200);
    const update = own.json<EventPage>().items.find((e) => e.action === 'customer.update')!;
    // 张伟 (rep, clearance internal): the confidential credit limit hidden, the id number
    // masked; no request details (those are for audit_view holders).
    expect(update.after?.fields).not.toHaveProperty('creditLimit');
    expect(update.after?.fields?.name).toBeUndefined();
    expect(update.after?.fields?.idNumber).not.toBe(clear.idNumber);
    expect(update.maskedFields).toContain('idNumber');
    expect(update.ip).toBeNull();
    expect(own.body).not.toContain(clear.idNumber);
    expect(own.body).not.toContain(String(clear.creditLimit));
    // 韩梅梅 (his manager): the bank account is hidden from her.
    const manager = await get('hanmeimei', `/v1/customers/${customerId}/history`);
    expect(manager.body).not.toContain(clear.bankAccount);
    // 赵磊 (another region) may not read it: the same 404 as reading it, and as a record that
    // does not exist.
    for (const id of [customerId, 'no-such-customer']) {
      const read = await get('zhaolei', `/v1/customers/${id}`);
      const history = await get('zhaolei', `/v1/customers/${id}/history`);
      expect(read.statusCode).toBe(404);
      expect(history.statusCode).toBe(404);
      expect(history.json().code).toBe(read.json().code);
      expect(history.json().details).toEqual(read.json().details);
    }
    const changed = await send('zhangwei', 'PATCH', `/v1/customers/${customerId}`, {
      fields: { address: '上海市浦东新区世纪大道 100 号' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const paged = (
      await get('zhangwei', `/v1/customers/${customerId}/history?limit=1`)
    ).json<EventPage>();
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0]).toMatchObject({
      action: 'customer.update',
      actorId: 'zhangwei',
      after: { fields: { address: '上海市浦东新区世纪大道 100 号' } },
    });
    const more = await get(
      'zhangwei',
      `/v1/customers/${customerId}/history?limit=1&cursor=${paged.nextCursor}`,
    );
    expect(more.statusCode).toBe(200);
    expect(Number(more.json<EventPage>().items[0]?.id)).toBeLessThan(Number(paged.items[0]?.id));
    // The cursor is the reader's own.
    const elsewhere = await get(
      'hanmeimei',
      `/v1/customers/${customerId}/history?cursor=${paged.nextCursor}&limit=1`,
    );
    expect(elsewhere.json().details.field).toBe('querystring/cursor');
  });

  it('reveals a masked value once, audited by field name only, and refuses everything else', async () => {
    const url = `/v1/customers/${customerId}/reveal`;
    const revealed = await send('hanmeimei', 'POST', url, { field: 'idNumber' });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.json()).toMatchObject({
      field: 'idNumber',
      value: clear.idNumber,
      remaining: REVEALS_PER_HOUR - 1,
    });
    const events = await listAuditEvents(t.database.db, 'yunshan', { action: 'customer.reveal' });
    expect(events[0]).toMatchObject({
      actorId: 'hanmeimei',
      target: `customer/${customerId}`,
      after: { field: 'idNumber' },
    });
    // The value is nowhere in the audit table (the update by the admin wrote it, with other
    // fields: look at every event since).
    const since = (await auditRows()).filter((r) => Number(r.id) >= Number(events[0]!.id));
    expect(JSON.stringify(since)).not.toContain(clear.idNumber);
    // No function: 403; unreadable or unknown record: 404 as reading; unknown field; a field in
    // clear; a hidden field (refused and audited as denied).
    expect((await send('lilei', 'POST', url, { field: 'idNumber' })).json().code).toBe(
      'PERMISSION_DENIED',
    );
    const foreign = await send('hanmeimei', 'POST', `/v1/customers/${foreignId}/reveal`, {
      field: 'idNumber',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().details).toEqual(
      (await get('hanmeimei', `/v1/customers/${foreignId}`)).json().details,
    );
    const unknown = await send('hanmeimei', 'POST', url, { field: 'shoeSize' });
    expect(unknown.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/field' },
    });
    const inClear = await send('hanmeimei', 'POST', url, { field: 'name' });
    expect(inClear.statusCode).toBe(409);
    expect(inClear.json()).toMatchObject({
      code: 'REVEAL_NOT_MASKED',
      details: { field: 'body/field' },
    });
    const hidden = await send('hanmeimei', 'POST', url, { field: 'bankAccount' });
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().code).toBe('REVEAL_FIELD_HIDDEN');
    expect(hidden.body).not.toContain(clear.bankAccount);
    const denied = await listAuditEvents(t.database.db, 'yunshan', { action: 'customer.reveal' });
    expect(denied[0]).toMatchObject({
      outcome: 'denied',
      after: { field: 'bankAccount', reason: 'hidden' },
    });
    const missingField = await send('hanmeimei', 'POST', url, {});
    expect(missingField.statusCode).toBe(400);
  });

  it('limits reveals per user and hour: 429 REVEAL_RATE_LIMITED with Retry-After, audited', async () => {
    const url = `/v1/customers/${customerId}/reveal`;
    // One reveal of the hour is used by the test above.
    for (let i = 1; i < REVEALS_PER_HOUR; i++)
      expect((await send('hanmeimei', 'POST', url, { field: 'idNumber' })).statusCode).toBe(200);
    const limited = await send('hanmeimei', 'POST', url, { field: 'idNumber' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('REVEAL_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).not.toContain(clear.idNumber);
    const events = await listAuditEvents(t.database.db, 'yunshan', { action: 'customer.reveal' });
    expect(events[0]).toMatchObject({ outcome: 'denied', after: { reason: 'rate_limited' } });
    // Another user's budget is their own: 赵磊 reveals on a customer of his region.
    const other = await send('zhaolei', 'POST', `/v1/customers/${foreignId}/reveal`, {
      field: 'idNumber',
    });
    expect(other.statusCode, other.body).toBe(200);
  });
});
