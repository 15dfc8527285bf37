import { fieldAccess, filter, mask, selectRecords, type CrmRecord } from '@custos/engine';
import { listAuditEvents, listTeam, readPolicyVersion } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import type { RecordView } from './record-view.ts';

const REP = 'li.lei@yunshan.example';
const REP_ID = 'lilei';
const OTHER_REP_ID = 'zhangwei';
const MANAGER = 'han.meimei@yunshan.example';
const SERVICE = 'du.juan@yunshan.example';

describe('CRM API', () => {
  let t: TestApp;
  let rep: string;
  let manager: string;
  const records = () => t.demo.company.records;
  const model = () => t.demo.company.model;
  const withParent = (r: CrmRecord): CrmRecord =>
    r.object === 'customer'
      ? r
      : { ...r, parent: records().find((c) => c.id === r.customerId) as CrmRecord };

  beforeAll(async () => {
    t = await createTestApp({ customers: 120 });
    rep = await t.login(REP);
    manager = await t.login(MANAGER);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });

  async function listAll(url: string, cookie: string): Promise<RecordView[]> {
    const items: RecordView[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const sep = url.includes('?') ? '&' : '?';
      const response = await get(
        cursor === null ? url : `${url}${sep}cursor=${encodeURIComponent(cursor)}`,
        cookie,
      );
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ items: RecordView[]; nextCursor: string | null }>();
      items.push(...body.items);
      if (body.nextCursor === null) return items;
      cursor = body.nextCursor;
    }
    throw new Error('too many pages');
  }

  it('needs a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/customers' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    // Access is decided before the body is looked at.
    const bad = await t.app.inject({ method: 'POST', url: '/v1/customers', payload: { x: 1 } });
    expect(bad.statusCode).toBe(401);
  });

  it('a 销售代表 lists exactly their customers, with masked fields masked and hidden ones absent', async () => {
    const expected = selectRecords(
      model(),
      filter(model(), REP_ID, 'read', 'customer', TEST_NOW),
      records().filter((r) => r.object === 'customer'),
    );
    expect(expected.length).toBeGreaterThan(3);
    const first = await get('/v1/customers?limit=7', rep);
    expect(first.json<{ total: number; totalExact: boolean }>()).toMatchObject({
      total: expected.length,
      totalExact: true,
    });
    // A later page is not counted unless asked.
    const next = first.json<{ nextCursor: string }>().nextCursor;
    const later = await get(`/v1/customers?limit=7&cursor=${next}`, rep);
    expect(later.json()).toMatchObject({ total: null, totalExact: null });
    const items = await listAll('/v1/customers?limit=7', rep);
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const settings = model().objects.find((o) => o.object === 'customer')?.fields ?? {};
    for (const item of items) {
      const source = records().find((r) => r.id === item.id) as CrmRecord;
      const levels = fieldAccess(model(), REP_ID, 'customer', source, TEST_NOW);
      for (const [name, value] of Object.entries(source.fields)) {
        const level = levels[name];
        if (level === 'hidden') expect(item.fields).not.toHaveProperty(name);
        else if (level === 'masked')
          expect(item.fields[name]).toBe(mask(value, settings[name]?.mask ?? 'text'));
        else expect(item.fields[name]).toEqual(value);
      }
      expect(item.fields).not.toHaveProperty('creditLimit');
      // Their own, or unowned in the public pool (公海).
      expect(item.ownerId === REP_ID || source.poolId !== null).toBe(true);
      expect(item.permissions).toMatchObject({ update: item.ownerId === REP_ID, delete: false });
    }
    const masked = items.find((i) => i.maskedFields.includes('idNumber'));
    if (masked !== undefined) expect(String(masked.fields.idNumber)).toContain('*');
  });

  it('searches by name prefix and sorts by name', async () => {
    const all = await listAll('/v1/customers?limit=50&sort=name', rep);
    const names = all.map((i) => String(i.fields.name));
    expect(names).toEqual(
      [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    const prefix = names[0]?.slice(0, 2) ?? '';
    const found = await listAll(`/v1/customers?q=${encodeURIComponent(prefix)}`, rep);
    expect(found.map((i) => i.id).sort()).toEqual(
      all
        .filter((i) => String(i.fields.name).startsWith(prefix))
        .map((i) => i.id)
        .sort(),
    );
  });

  it('answers 404 for a record the caller may not read, and for a bad cursor 400', async () => {
    const other = records().find((r) => r.object === 'customer' && r.ownerId === OTHER_REP_ID);
    expect(other).toBeDefined();
    const response = await get(`/v1/customers/${other?.id}`, rep);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await get('/v1/customers?cursor=abc', rep);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'querystring/cursor' },
    });
    // An id against the one id rule (the engine's) names no record at all: 400, not 404.
    const malformed = await get('/v1/customers/C-0001', rep);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'params/id' },
    });
  });

  it('returns one record with the level of each field; children with their customer', async () => {
    const own = records().find((r) => r.object === 'customer' && r.ownerId === REP_ID) as CrmRecord;
    const response = await get(`/v1/customers/${own.id}`, rep);
    expect(response.statusCode).toBe(200);
    const view = response.json<RecordView>();
    expect(view.fieldLevels).toEqual(fieldAccess(model(), REP_ID, 'customer', own, TEST_NOW));
    const contact = records().find((r) => r.object === 'contact' && r.customerId === own.id);
    if (contact !== undefined) {
      const c = await get(`/v1/contacts/${contact.id}`, rep);
      expect(c.statusCode).toBe(200);
      expect(c.json<RecordView>().customerId).toBe(own.id);
    }
  });

  it('refuses a write to a field the caller may not edit, naming it, and writes nothing', async () => {
    const own = records().find(
      (r) => r.object === 'customer' && r.ownerId === REP_ID && r.fields.industry !== undefined,
    ) as CrmRecord;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${own.id}`,
      headers: { cookie: rep },
      payload: { fields: { industry: '制造业-改', idNumber: '110101199001011234' } },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'FIELD_NOT_EDITABLE',
      details: { field: 'body/fields/idNumber', level: 'masked' },
    });
    const after = (await get(`/v1/customers/${own.id}`, rep)).json<RecordView>();
    expect(after.fields.industry).toBe(own.fields.industry);
    // No update is recorded; the refusal is, once, as a denial.
    const events = await listAuditEvents(t.database.db, 'yunshan', { action: 'customer.update' });
    expect(events.filter((e) => e.outcome !== 'denied')).toEqual([]);
    expect(events.filter((e) => e.outcome === 'denied')).toMatchObject([
      { actorId: REP_ID, target: `customer/${own.id}`, after: { code: 'FIELD_NOT_EDITABLE' } },
    ]);

    const unknown = await t.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${own.id}`,
      headers: { cookie: rep },
      payload: { fields: { colour: 'red' } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/fields/colour' },
    });
  });

  it('updates editable fields and audits who, when, before and after', async () => {
    const own = records().find((r) => r.object === 'customer' && r.ownerId === REP_ID) as CrmRecord;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/v1/customers/${own.id}`,
      headers: { cookie: rep },
      payload: { fields: { address: '上海市浦东新区世纪大道 100 号' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<RecordView>().fields.address).toBe('上海市浦东新区世纪大道 100 号');
    const [event] = await listAuditEvents(t.database.db, 'yunshan', { action: 'customer.update' });
    expect(event).toMatchObject({
      actorId: REP_ID,
      target: `customer/${own.id}`,
      before: { fields: { address: own.fields.address ?? null } },
      after: { fields: { address: '上海市浦东新区世纪大道 100 号' } },
    });
    expect(event?.at.getTime()).toBe(TEST_NOW);
  });

  it('creates a customer owned by the caller and a contact under it; not for someone else', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie: rep },
      payload: { fields: { name: '苏州云帆科技有限公司', industry: '软件', region: '华东' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.json<RecordView>();
    expect(customer).toMatchObject({ ownerId: REP_ID, departmentId: 'sales-east' });
    const contact = await t.app.inject({
      method: 'POST',
      url: '/v1/contacts',
      headers: { cookie: rep },
      payload: { customerId: customer.id, fields: { name: '王经理', title: '采购经理' } },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json<RecordView>().customerId).toBe(customer.id);

    const forOther = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie: rep },
      payload: { ownerId: OTHER_REP_ID, fields: { name: '不该创建的客户' } },
    });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json()).toMatchObject({ code: 'PERMISSION_DENIED' });
    const missingName = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie: rep },
      payload: { fields: { industry: '软件' } },
    });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json()).toMatchObject({ details: { field: 'body/fields/name' } });
    const badBody = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie: rep },
      payload: { fields: { name: 'x' }, colour: 'red' },
    });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/colour' },
    });

    // A rep may not delete; a customer with children cannot be deleted by anyone.
    const del = await t.app.inject({
      method: 'DELETE',
      payload: {},
      url: `/v1/customers/${customer.id}`,
      headers: { cookie: rep },
    });
    expect(del.statusCode).toBe(403);
    const admin = await t.login('zhou.min@yunshan.example');
    const blocked = await t.app.inject({
      method: 'DELETE',
      payload: {},
      url: `/v1/customers/${customer.id}`,
      headers: { cookie: admin },
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'CONFLICT', details: { reason: 'has_children' } });
    const contactId = contact.json<RecordView>().id;
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          payload: {},
          url: `/v1/contacts/${contactId}`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          payload: {},
          url: `/v1/customers/${customer.id}`,
          headers: { cookie: admin },
        })
      ).statusCode,
    ).toBe(204);
    expect((await get(`/v1/customers/${customer.id}`, admin)).statusCode).toBe(404);
  });

  it('a manager transfers a customer with its children; the old owner loses it at once', async () => {
    const own = records().find(
      (r) =>
        r.object === 'customer' &&
        r.ownerId === REP_ID &&
        records().some((c) => c.object === 'deal' && c.customerId === r.id && c.ownerId === REP_ID),
    ) as CrmRecord;
    expect(own).toBeDefined();
    expect((await get(`/v1/customers/${own.id}`, rep)).statusCode).toBe(200);
    const denied = await t.app.inject({
      method: 'POST',
      url: `/v1/customers/${own.id}/transfer`,
      headers: { cookie: rep },
      payload: { ownerId: OTHER_REP_ID },
    });
    expect(denied.statusCode).toBe(403);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/v1/customers/${own.id}/transfer`,
      headers: { cookie: manager },
      payload: { ownerId: OTHER_REP_ID, includeChildren: true },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      ownerId: OTHER_REP_ID,
      transferredChildren: { deal: expect.any(Number) },
    });
    // Unless the team or another path still gives it, the rep no longer sees it.
    const still = selectRecords(model(), filter(model(), REP_ID, 'read', 'customer', TEST_NOW), [
      { ...own, ownerId: OTHER_REP_ID },
    ]);
    expect((await get(`/v1/customers/${own.id}`, rep)).statusCode).toBe(
      still.length === 1 ? 200 : 404,
    );
    const deal = records().find((c) => c.object === 'deal' && c.customerId === own.id) as CrmRecord;
    const dealView = (await get(`/v1/deals/${deal.id}`, manager)).json<RecordView>();
    expect(dealView.ownerId).toBe(OTHER_REP_ID);
  });

  it('team: adding a colleague gives access on the next request; removing takes it away', async () => {
    const own = records().find(
      (r) =>
        r.object === 'customer' &&
        ['zhangwei', 'liuyang', 'chenjing', 'yangfan'].includes(r.ownerId ?? '') &&
        !(r.team ?? []).some((m) => m.userId === 'wangyang'),
    ) as CrmRecord;
    expect(own).toBeDefined();
    const service = await t.login(SERVICE);
    const marketing = await t.login('wang.yang@yunshan.example');
    const before = await get(`/v1/customers/${own.id}`, marketing);
    const visibleBefore = before.statusCode === 200;
    const add = await t.app.inject({
      method: 'PUT',
      url: `/v1/customers/${own.id}/team/wangyang`,
      headers: { cookie: manager },
      payload: { access: 'read' },
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json()).toMatchObject({ members: [{ userId: 'wangyang', access: 'read' }] });
    expect((await get(`/v1/customers/${own.id}`, marketing)).statusCode).toBe(200);
    const byService = await t.app.inject({
      method: 'PUT',
      url: `/v1/customers/${own.id}/team/wangyang`,
      headers: { cookie: service },
      payload: { access: 'edit' },
    });
    expect(byService.statusCode).toBe(403);
    const remove = await t.app.inject({
      method: 'DELETE',
      payload: {},
      url: `/v1/customers/${own.id}/team/wangyang`,
      headers: { cookie: manager },
    });
    expect(remove.statusCode).toBe(204);
    expect((await get(`/v1/customers/${own.id}`, marketing)).statusCode).toBe(
      visibleBefore ? 200 : 404,
    );
    const events = await listAuditEvents(t.database.db, 'yunshan');
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['team.add', 'team.remove']),
    );
    expect(withParent(own).object).toBe('customer');
  });

  it('deleting a customer takes its team with it, audited, without moving the policy version', async () => {
    const admin = await t.login('zhou.min@yunshan.example');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { cookie: admin },
      payload: { fields: { name: '短期合作客户有限公司' } },
    });
    const id = created.json<RecordView>().id;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/v1/customers/${id}/team/dujuan`,
      headers: { cookie: admin },
      payload: { access: 'edit' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const granted = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/grants',
      headers: { cookie: admin },
      payload: {
        id: 'grant-short',
        subject: { kind: 'user', userId: 'lilei' },
        object: 'customer',
        target: { kind: 'record', recordId: id },
        access: 'read',
        expiresAt: null,
        reason: '短期合作',
      },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const version = await readPolicyVersion(t.database.db, 'yunshan');
    const del = await t.app.inject({
      method: 'DELETE',
      payload: {},
      url: `/v1/customers/${id}`,
      headers: { cookie: admin },
    });
    expect(del.statusCode).toBe(204);
    // The team was a fact of the record: the policy version stays.
    expect(await readPolicyVersion(t.database.db, 'yunshan')).toBe(version);
    expect(await listTeam(t.database.db, 'yunshan', id)).toEqual([]);
    const [event] = await listAuditEvents(t.database.db, 'yunshan', { action: 'customer.delete' });
    expect(event).toMatchObject({
      target: `customer/${id}`,
      before: {
        team: [{ customerId: id, userId: 'dujuan', access: 'edit' }],
        grants: [{ id: 'grant-short', subject: { kind: 'user', userId: 'lilei' } }],
      },
    });
    // The grant went with the record.
    const gone = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/grants/grant-short',
      headers: { cookie: admin },
    });
    expect(gone.statusCode).toBe(404);
  });

  it('a portal user files a ticket for their own account, never sees internal notes', async () => {
    const login = t.demo.logins.find((l) => l.userId === 'portal-1');
    expect(login).toBeDefined();
    const portal = await t.login(login?.email ?? '');
    const account = model().users.find((u) => u.id === 'portal-1')?.portalAccountId ?? '';
    const filed = await t.app.inject({
      method: 'POST',
      url: '/v1/tickets',
      headers: { cookie: portal },
      payload: { fields: { subject: '发票抬头需要修改', priority: '中', status: '新建' } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const ticket = filed.json<RecordView>();
    expect(ticket.customerId).toBe(account);
    const listed = await listAll('/v1/tickets', portal);
    expect(listed.map((i) => i.id)).toContain(ticket.id);
    for (const item of listed) {
      expect(item.customerId).toBe(account);
      expect(item.fields).not.toHaveProperty('internalNote');
    }
    const elsewhere = records().find((r) => r.object === 'customer' && r.id !== account);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/v1/tickets',
      headers: { cookie: portal },
      payload: { customerId: elsewhere?.id, fields: { subject: '别人的工单' } },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ details: { field: 'body/customerId' } });
    expect((await get('/v1/customers', portal)).json<{ total: number }>().total).toBe(0);
  });
});
