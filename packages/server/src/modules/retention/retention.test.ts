/**
 * CCPA "do not sell or share" and retention rules over the API (docs/privacy.md, docs/retention.md):
 * the flag is read as the contact is read and set by who may update it or holds privacy_admin,
 * audited; every export leaves flagged contacts out and says how many; retention rules are checked
 * against the policy, previewed with the job's own selection, applied in bounded resumable batches
 * (children first, legal holds kept), each record audited. PGlite and PostgreSQL.
 */
import { DEMO_ROLE_IDS, listAuditEvents, verifyAuditChain } from '@custos/store';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { runRetention, runTenantRetention } from './apply-retention.ts';

const TENANT = 'yunshan';
const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('do not sell and retention on %s', (backend) => {
  let t: TestApp;
  let admin = '';
  let rep = '';
  let service = '';
  let repContact = '';
  let otherContact = '';
  let demoOptOuts = 0;

  const emailOf = (userId: string): string => {
    const login = t.demo.logins.find((l) => l.userId === userId);
    if (login === undefined) throw new Error(`no demo login ${userId}`);
    return login.email;
  };
  const call = (
    cookie: string,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
  const exportContacts = async () => {
    const response = await call(admin, 'GET', '/v1/contacts/export?format=csv');
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body, { columns: true }) as { id: string }[];
    return {
      ids: rows.map((r) => r.id),
      withheld: Number(response.headers['x-custos-withheld-do-not-sell']),
    };
  };
  const db = () => t.database.db;

  beforeAll(async () => {
    t = await createTestApp({ backend });
    admin = await t.login(emailOf('zhoumin'));
    rep = await t.login(emailOf('lilei'));
    const serviceUser = t.demo.company.model.users.find((u) =>
      u.roleIds.includes(DEMO_ROLE_IDS.service),
    );
    service = await t.login(emailOf(serviceUser!.id));
    const mine = (await call(rep, 'GET', '/v1/contacts?limit=200'))
      .json<{ items: { id: string }[] }>()
      .items.map((i) => i.id);
    // A contact she may update (her own customer's; reps update their own contacts), not one
    // she only reads through a customer team.
    repContact = t.demo.company.records.find(
      (r) => r.object === 'contact' && r.ownerId === 'lilei',
    )!.id;
    expect(mine).toContain(repContact);
    // The demo flags one contact and records two rules (seed/demo-retention.ts): the rules are
    // removed here (through the API, audited) so each test's rules are the only ones run.
    demoOptOuts = (await listAuditEvents(db(), TENANT, { action: 'contact.do_not_sell' })).length;
    expect(demoOptOuts).toBe(1);
    const demoRules = (await call(admin, 'GET', '/v1/privacy/retention/rules')).json<{
      items: { id: string; enabled: boolean }[];
    }>().items;
    expect(demoRules.map((r) => r.enabled)).toEqual([true, false]);
    for (const rule of demoRules)
      expect(
        (await call(admin, 'DELETE', `/v1/privacy/retention/rules/${rule.id}`)).statusCode,
      ).toBe(204);
    otherContact = t.demo.company.records.find(
      (r) => r.object === 'contact' && !mine.includes(r.id),
    )!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the flag as the contact is read: unset by default, NOT_FOUND exactly as reading', async () => {
    const own = await call(rep, 'GET', `/v1/contacts/${repContact}/do-not-sell`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      contactId: repContact,
      optedOut: false,
      source: null,
      canChange: true,
    });
    const read = await call(rep, 'GET', `/v1/contacts/${otherContact}`);
    const flag = await call(rep, 'GET', `/v1/contacts/${otherContact}/do-not-sell`);
    expect(read.statusCode).toBe(404);
    expect(flag.statusCode).toBe(404);
    expect(flag.json().code).toBe(read.json().code);
    const missing = await call(admin, 'GET', '/v1/contacts/ct9-9999/do-not-sell');
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a reader who may not update the contact nor holds privacy_admin, and bad input, changing nothing', async () => {
    const viewed = await call(service, 'GET', `/v1/contacts/${repContact}/do-not-sell`);
    expect(viewed.json().canChange).toBe(false);
    const denied = await call(service, 'PUT', `/v1/contacts/${repContact}/do-not-sell`, {
      optedOut: true,
      source: 'phone',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('PERMISSION_DENIED');
    const badSource = await call(rep, 'PUT', `/v1/contacts/${repContact}/do-not-sell`, {
      optedOut: true,
      source: 'carrier-pigeon',
    });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().details.field).toBe('body/source');
    const future = await call(rep, 'PUT', `/v1/contacts/${repContact}/do-not-sell`, {
      optedOut: true,
      source: 'phone',
      receivedAt: new Date(TEST_NOW + DAY).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().details.field).toBe('body/receivedAt');
    const after = await call(rep, 'GET', `/v1/contacts/${repContact}/do-not-sell`);
    expect(after.json().optedOut).toBe(false);
    expect(await listAuditEvents(db(), TENANT, { action: 'contact.do_not_sell' })).toHaveLength(
      demoOptOuts,
    );
  });

  it('a flagged contact is left out of every export, counted in the answer and the audit event; cleared, it is back', async () => {
    const before = await exportContacts();
    expect(before.ids).toContain(repContact);
    // The demo's own opted-out contact is withheld already.
    expect(before.withheld).toBe(1);

    const set = await call(rep, 'PUT', `/v1/contacts/${repContact}/do-not-sell`, {
      optedOut: true,
      source: 'gpc',
      receivedAt: new Date(TEST_NOW - DAY).toISOString(),
      note: 'Sec-GPC: 1 on the web portal',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      optedOut: true,
      source: 'gpc',
      recordedBy: 'lilei',
      receivedAt: new Date(TEST_NOW - DAY).toISOString(),
    });
    const [event] = await listAuditEvents(db(), TENANT, { action: 'contact.do_not_sell' });
    expect(event).toMatchObject({
      actorId: 'lilei',
      target: `contact/${repContact}`,
      before: { optedOut: false },
      after: { optedOut: true, source: 'gpc' },
    });

    const flagged = await exportContacts();
    expect(flagged.ids).not.toContain(repContact);
    expect(flagged.ids).toHaveLength(before.ids.length - 1);
    expect(flagged.withheld).toBe(2);
    const [exported] = await listAuditEvents(db(), TENANT, { action: 'record.export' });
    expect(exported?.after).toMatchObject({
      object: 'contact',
      count: flagged.ids.length,
      withheld: { doNotSell: 2 },
    });

    const json = await call(admin, 'GET', '/v1/contacts/export?format=json');
    const body = json.json<{
      items: { id: string }[];
      count: number;
      withheld: { doNotSell: number };
    }>();
    expect(body.items.map((i) => i.id)).not.toContain(repContact);
    expect(body.withheld).toEqual({ doNotSell: 2 });
    // Nothing of the withheld person leaks: not in either export, not in any audit event; the
    // others' encrypted fields are opened for the admin (who reads them in clear), never sealed.
    const person = t.demo.company.records.find((r) => r.id === repContact)!;
    const csv = (await call(admin, 'GET', '/v1/contacts/export?format=csv')).body;
    const values = [person.fields.name, person.fields.phone, person.fields.email].map(String);
    for (const value of values) {
      expect(csv).not.toContain(value);
      expect(json.body).not.toContain(value);
    }
    expect(csv).not.toContain('$enc');
    expect(csv).not.toMatch(/v1\.[A-Za-z0-9_-]+\./);
    const other = t.demo.company.records.find(
      (r) => r.object === 'contact' && r.id === flagged.ids[0],
    )!;
    expect(csv).toContain(String(other.fields.phone));
    const events = await listAuditEvents(db(), TENANT, { limit: 500 });
    for (const value of values) expect(JSON.stringify(events)).not.toContain(value);
    // Other objects hold the company's records: the flag withholds only the contact's own row.
    const customers = await call(admin, 'GET', '/v1/customers/export?format=csv');
    expect(customers.headers['x-custos-withheld-do-not-sell']).toBe('0');
    // The list still shows the contact (the flag governs sale and sharing, not reading).
    expect((await call(rep, 'GET', `/v1/contacts/${repContact}`)).statusCode).toBe(200);

    const cleared = await call(admin, 'PUT', `/v1/contacts/${repContact}/do-not-sell`, {
      optedOut: false,
      source: 'phone',
    });
    expect(cleared.json()).toMatchObject({
      optedOut: false,
      source: 'phone',
      recordedBy: 'zhoumin',
    });
    const back = await exportContacts();
    expect(back.ids.sort()).toEqual(before.ids.sort());
    expect(back.withheld).toBe(1);
  });

  it('refuses rules naming unknown fields, encrypted or non-date fields, and callers without privacy_admin, writing nothing', async () => {
    const base = {
      name: 'Closed tickets',
      object: 'ticket',
      ageAmount: 3,
      ageUnit: 'years',
      action: 'delete',
    };
    const cases: [object, string][] = [
      [
        { ...base, condition: { field: 'stauts', op: 'in', values: ['已解决'] } },
        'body/condition/field',
      ],
      [{ ...base, ageField: 'closedOn' }, 'body/ageField'],
      [{ ...base, ageField: 'subject' }, 'body/ageField'],
      [{ ...base, action: 'anonymise' }, 'body/anonymiseFields'],
      [
        { ...base, action: 'anonymise', anonymiseFields: ['feedback', 'notes'] },
        'body/anonymiseFields/1',
      ],
      [{ ...base, anonymiseFields: ['feedback'] }, 'body/anonymiseFields'],
      [
        { ...base, condition: { field: 'status', op: 'eq', values: ['a', 'b'] } },
        'body/condition/values',
      ],
      [{ ...base, ageAmount: 101 }, 'body/ageAmount'],
      [{ ...base, ageUnit: 'weeks' }, 'body/ageUnit'],
    ];
    for (const [payload, field] of cases) {
      const response = await call(admin, 'POST', '/v1/privacy/retention/rules', payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().details.field, JSON.stringify(payload)).toBe(field);
    }
    const denied = await call(rep, 'POST', '/v1/privacy/retention/rules', base);
    expect(denied.statusCode).toBe(403);
    expect((await call(rep, 'GET', '/v1/privacy/retention/rules')).statusCode).toBe(403);
    const list = await call(admin, 'GET', '/v1/privacy/retention/rules');
    expect(list.json().items).toEqual([]);
    expect(await listAuditEvents(db(), TENANT, { action: 'retention_rule.create' })).toHaveLength(
      2, // the demo's two
    );
  });

  it('previews what the job then deletes: the same records, each audited, legal holds kept, lastRun recorded', async () => {
    // Age some solved tickets: four years since their last change.
    const solved = t.demo.company.records.filter(
      (r) => r.object === 'ticket' && r.fields.status === '已解决',
    );
    expect(solved.length).toBeGreaterThanOrEqual(2);
    const old = new Date(TEST_NOW - 4 * 365 * DAY);
    await db()
      .updateTable('tickets')
      .set({ updated_at: old })
      .where('tenant_id', '=', TENANT)
      .execute();
    const held = solved[0]!;
    const hold = await call(admin, 'PUT', `/v1/privacy/legal-holds/${held.customerId}`, {
      reason: 'Litigation 2026-17',
    });
    expect(hold.statusCode).toBe(200);

    const created = await call(admin, 'POST', '/v1/privacy/retention/rules', {
      name: 'Solved tickets after 3 years',
      object: 'ticket',
      condition: { field: 'status', op: 'in', values: ['已解决'] },
      ageAmount: 3,
      ageUnit: 'years',
      action: 'delete',
      enabled: true,
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json<{ id: string }>();
    const heldHere = solved.filter((r) => r.customerId === held.customerId).length;
    const preview = await call(admin, 'POST', `/v1/privacy/retention/rules/${rule.id}/preview`);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({
      ruleId: rule.id,
      total: solved.length - heldHere,
      byObject: { ticket: solved.length - heldHere },
      held: heldHere,
      byYear: [{ year: old.getUTCFullYear(), count: solved.length - heldHere }],
    });
    expect(p.sample.length).toBe(Math.min(10, solved.length - heldHere));
    // Nothing changed by the preview.
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('tenant_id', '=', TENANT)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const ticketsBefore = await count();
    expect(ticketsBefore).toBe(t.demo.company.records.filter((r) => r.object === 'ticket').length);

    // The scheduled pass: the same records go, one event each, and a summary.
    await runRetention({ database: t.database }, TEST_NOW);
    expect(await count()).toBe(ticketsBefore - p.total);
    const deleted = await listAuditEvents(db(), TENANT, { action: 'retention.delete', limit: 500 });
    expect(deleted.map((e) => e.target).sort()).toEqual(
      solved
        .filter((r) => r.customerId !== held.customerId)
        .map((r) => `ticket/${r.id}`)
        .sort(),
    );
    expect(deleted[0]?.after).toMatchObject({ ruleId: rule.id });
    expect(JSON.stringify(deleted[0]?.before)).not.toContain('feedback');
    const [summary] = await listAuditEvents(db(), TENANT, { action: 'retention.run' });
    expect(summary?.after).toMatchObject({ total: p.total, complete: true });
    const rules = (await call(admin, 'GET', '/v1/privacy/retention/rules')).json().items;
    expect(rules[0]).toMatchObject({
      lastCount: p.total,
      lastComplete: true,
      lastRunAt: new Date(TEST_NOW).toISOString(),
    });
    // Held records stay; a second run takes nothing.
    expect(
      (await db().selectFrom('tickets').select('id').where('id', '=', held.id).execute()).length,
    ).toBe(1);
    const again = await runTenantRetention(db(), TENANT, TEST_NOW);
    expect(again).toEqual([{ ruleId: rule.id, count: 0, complete: true }]);

    // Released, the held ticket goes on the next run (on demand, audited as the admin's).
    expect(
      (await call(admin, 'DELETE', `/v1/privacy/legal-holds/${held.customerId}`)).statusCode,
    ).toBe(204);
    const run = await call(admin, 'POST', '/v1/privacy/retention/run', { ruleIds: [rule.id] });
    expect(run.json().rules).toEqual([{ ruleId: rule.id, count: heldHere, complete: true }]);
    const [onDemand] = await listAuditEvents(db(), TENANT, { action: 'retention.run' });
    expect(onDemand?.actorId).toBe('zhoumin');
  });

  it('deletes a customer with its children first, in bounded batches a later run resumes', async () => {
    const customers = t.demo.company.records.filter(
      (r) => r.object === 'customer' && r.fields.level !== undefined,
    );
    const level = String(customers[0]!.fields.level);
    const targets = customers.filter((c) => String(c.fields.level) === level).slice(0, 3);
    const ids = targets.map((c) => c.id);
    await db()
      .updateTable('customers')
      .set({ updated_at: new Date(TEST_NOW - 800 * DAY) })
      .where('tenant_id', '=', TENANT)
      .where('id', 'in', ids)
      .execute();
    const created = await call(admin, 'POST', '/v1/privacy/retention/rules', {
      name: 'Dormant customers',
      object: 'customer',
      condition: { field: 'level', op: 'eq', values: [level] },
      ageAmount: 24,
      ageUnit: 'months',
      action: 'delete',
      enabled: false,
    });
    const rule = created.json<{ id: string }>();
    const preview = (
      await call(admin, 'POST', `/v1/privacy/retention/rules/${rule.id}/preview`)
    ).json();
    const children = await Promise.all(
      (['contacts', 'deals', 'orders', 'tickets', 'activities'] as const).map(
        async (table) =>
          (
            await db()
              .selectFrom(table)
              .select('id')
              .where('tenant_id', '=', TENANT)
              .where('customer_id', 'in', ids)
              .execute()
          ).length,
      ),
    );
    const childCount = children.reduce((a, b) => a + b, 0);
    expect(preview.total).toBe(ids.length);
    expect(
      Object.entries(preview.byObject as Record<string, number>).reduce((a, [, n]) => a + n, 0),
    ).toBe(ids.length + childCount);

    // A disabled rule is not run by the schedule.
    await runRetention({ database: t.database }, TEST_NOW);
    expect(
      (await db().selectFrom('customers').select('id').where('id', 'in', ids).execute()).length,
    ).toBe(3);

    const first = await runTenantRetention(db(), TENANT, TEST_NOW, {
      ruleIds: [rule.id],
      budget: 1,
    });
    expect(first[0]).toMatchObject({ complete: false });
    const rest = await runTenantRetention(db(), TENANT, TEST_NOW, { ruleIds: [rule.id] });
    expect(rest[0]?.complete).toBe(true);
    expect((first[0]?.count ?? 0) + (rest[0]?.count ?? 0)).toBe(ids.length + childCount);
    expect(
      (await db().selectFrom('customers').select('id').where('id', 'in', ids).execute()).length,
    ).toBe(0);
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from grants where tenant_id = ${TENANT} and record_id in (${sql.join(ids)})`.execute(
      db(),
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('anonymises by a date field: the fields cleared, the record kept, once', async () => {
    const created = await call(admin, 'POST', '/v1/privacy/retention/rules', {
      name: 'Activity summaries after 90 days',
      object: 'activity',
      ageField: 'occurredAt',
      ageAmount: 90,
      ageUnit: 'days',
      action: 'anonymise',
      anonymiseFields: ['summary'],
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json<{ id: string }>();
    const cutoff = new Date(TEST_NOW - 90 * DAY).toISOString().slice(0, 10);
    const { rows: due } = await sql<{
      id: string;
    }>`select id from activities where tenant_id = ${TENANT}
      and data->>'occurredAt' < ${cutoff} and data->>'summary' is not null`.execute(db());
    const preview = (
      await call(admin, 'POST', `/v1/privacy/retention/rules/${rule.id}/preview`)
    ).json();
    expect(preview.total).toBe(due.length);
    const run = (
      await call(admin, 'POST', '/v1/privacy/retention/run', { ruleIds: [rule.id] })
    ).json();
    expect(run.rules[0].count).toBe(due.length);
    if (due.length > 0) {
      const row = await db()
        .selectFrom('activities')
        .select('data')
        .where('id', '=', due[0]!.id)
        .executeTakeFirstOrThrow();
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
        string,
        unknown
      >;
      expect(data.summary).toBeNull();
      expect(data.occurredAt).not.toBeNull();
    }
    const again = (
      await call(admin, 'POST', '/v1/privacy/retention/run', { ruleIds: [rule.id] })
    ).json();
    expect(again.rules[0].count).toBe(0);
    expect(
      (
        await call(admin, 'POST', '/v1/privacy/retention/run', { ruleIds: ['rr-000000000000'] })
      ).json().details.field,
    ).toBe('body/ruleIds/0');
  });

  it('edits, disables and deletes rules, each audited, and the chain still verifies', async () => {
    const created = await call(admin, 'POST', '/v1/privacy/retention/preview', {
      name: 'x',
      object: 'order',
      ageAmount: 10,
      ageUnit: 'years',
      action: 'delete',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ ruleId: null, total: 0 });
    const rules = (await call(admin, 'GET', '/v1/privacy/retention/rules')).json().items as {
      id: string;
      name: string;
      object: string;
      ageAmount: number;
      ageUnit: string;
      action: string;
      condition: unknown;
    }[];
    const r = rules.find((rule) => rule.name === 'Solved tickets after 3 years')!;
    const put = await call(admin, 'PUT', `/v1/privacy/retention/rules/${r.id}`, {
      name: r.name,
      object: r.object,
      condition: r.condition,
      ageAmount: 5,
      ageUnit: 'years',
      action: r.action,
      enabled: false,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ ageAmount: 5, enabled: false });
    const [update] = await listAuditEvents(db(), TENANT, { action: 'retention_rule.update' });
    expect(update).toMatchObject({
      before: { age: '3 years', enabled: true },
      after: { age: '5 years', enabled: false },
    });
    expect((await call(admin, 'DELETE', `/v1/privacy/retention/rules/${r.id}`)).statusCode).toBe(
      204,
    );
    expect((await call(admin, 'DELETE', `/v1/privacy/retention/rules/${r.id}`)).statusCode).toBe(
      404,
    );
    expect(await listAuditEvents(db(), TENANT, { action: 'retention_rule.delete' })).toHaveLength(
      3, // the demo's two and this one
    );
    expect((await verifyAuditChain(db(), TENANT)).ok).toBe(true);
  });
});
