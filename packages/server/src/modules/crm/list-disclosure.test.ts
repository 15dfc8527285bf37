import type { CrmRecord } from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import type { RecordView } from './record-view.ts';

const REP = 'li.lei@yunshan.example';
const REP_ID = 'lilei';
const MANAGER = 'han.meimei@yunshan.example';
const ADMIN = 'zhou.min@yunshan.example';

interface Page {
  items: RecordView[];
  nextCursor: string | null;
}

describe('lists, cursors and what a caller may not see', () => {
  let t: TestApp;
  let rep: string;
  let manager: string;
  let admin: string;
  let portal: string;
  const records = () => t.demo.company.records;
  const model = () => t.demo.company.model;

  beforeAll(async () => {
    t = await createTestApp({ customers: 120 });
    rep = await t.login(REP);
    manager = await t.login(MANAGER);
    admin = await t.login(ADMIN);
    const portalLogin = t.demo.logins.find((l) => l.userId === 'portal-1');
    portal = await t.login(portalLogin?.email ?? '');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('a cursor is sealed: it carries no sort value, and a tampered, foreign or garbage cursor is refused naming querystring/cursor', async () => {
    const first = await get('/v1/customers?limit=2&sort=name', rep);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<Page>();
    const cursor = page.nextCursor ?? '';
    expect(cursor).not.toBe('');
    const last = page.items[page.items.length - 1] as RecordView;
    const bytes = Buffer.from(cursor, 'base64url');
    expect(bytes.includes(Buffer.from(String(last.fields.name)))).toBe(false);
    expect(bytes.includes(Buffer.from(last.id))).toBe(false);
    const next = await get(`/v1/customers?limit=2&sort=name&cursor=${cursor}`, rep);
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json<Page>().items[0]?.id).not.toBe(last.id);

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 0x40;
    const refusals = [
      ['tampered', `/v1/customers?limit=2&sort=name&cursor=${flipped.toString('base64url')}`, rep],
      ['another sort', `/v1/customers?limit=2&sort=-name&cursor=${cursor}`, rep],
      ['another search', `/v1/customers?limit=2&sort=name&q=a&cursor=${cursor}`, rep],
      ['another object', `/v1/contacts?limit=2&sort=name&cursor=${cursor}`, rep],
      ['another user', `/v1/customers?limit=2&sort=name&cursor=${cursor}`, manager],
      ['garbage', '/v1/customers?cursor=abc', rep],
      ['the old plain form', `/v1/customers?sort=name&cursor=${plainCursor(last)}`, rep],
    ] as const;
    for (const [why, url, cookie] of refusals) {
      const response = await get(url, cookie);
      expect(response.statusCode, why).toBe(400);
      expect(response.json(), why).toMatchObject({
        code: 'REQUEST_INVALID',
        details: { field: 'querystring/cursor' },
      });
    }
  });

  it('the authorization lookup cursor is sealed too', async () => {
    const lookup = (cookie: string, cursor?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/authz/lookup',
        headers: { cookie },
        payload: { subject: REP_ID, action: 'read', object: 'customer', limit: 1, cursor },
      });
    const first = await lookup(rep);
    expect(first.statusCode, first.body).toBe(200);
    const { ids, nextCursor } = first.json<{ ids: string[]; nextCursor: string }>();
    expect(Buffer.from(nextCursor, 'base64url').includes(Buffer.from(ids[0] ?? '-'))).toBe(false);
    expect((await lookup(rep, nextCursor)).statusCode).toBe(200);
    const forged = Buffer.from(JSON.stringify({ after: ids[0] })).toString('base64url');
    const refused = await lookup(rep, forged);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ details: { field: 'body/cursor' } });
  });

  it('admin list cursors are sealed and bound to the list and the caller', async () => {
    const first = await get('/v1/admin/users?limit=2', admin);
    expect(first.statusCode, first.body).toBe(200);
    const { data, nextCursor } = first.json<{ data: { id: string }[]; nextCursor: string }>();
    const lastId = data[data.length - 1]?.id ?? '';
    expect(Buffer.from(nextCursor, 'base64url').includes(Buffer.from(lastId))).toBe(false);
    const next = await get(`/v1/admin/users?limit=2&cursor=${nextCursor}`, admin);
    expect(next.statusCode).toBe(200);
    expect((next.json<{ data: { id: string }[] }>().data[0]?.id ?? '') > lastId).toBe(true);
    const plain = Buffer.from(JSON.stringify({ k: 'user', a: lastId })).toString('base64url');
    for (const url of [
      `/v1/admin/users?cursor=${plain}`,
      `/v1/admin/roles?cursor=${nextCursor}`,
      `/v1/admin/users?q=a&cursor=${nextCursor}`,
      `/v1/admin/grants?cursor=${nextCursor}`,
    ]) {
      const refused = await get(url, admin);
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json(), url).toMatchObject({ details: { field: 'querystring/cursor' } });
    }
  });

  it('a portal user is shown no internal owner, department or internal field name', async () => {
    const listed = await get('/v1/tickets', portal);
    expect(listed.statusCode, listed.body).toBe(200);
    const tickets = listed.json<Page>().items;
    expect(tickets.length).toBeGreaterThan(0);
    for (const item of tickets) {
      expect(item).not.toHaveProperty('ownerId');
      expect(item).not.toHaveProperty('departmentId');
      expect(item.maskedFields).not.toContain('internalNote');
    }
    const one = await get(`/v1/tickets/${tickets[0]?.id}`, portal);
    expect(one.statusCode).toBe(200);
    const view = one.json<RecordView>();
    expect(view).not.toHaveProperty('ownerId');
    expect(view).not.toHaveProperty('departmentId');
    expect(Object.values(view.fieldLevels ?? {})).not.toContain('hidden');
    expect(one.body).not.toContain('internalNote');
    expect(one.body).not.toContain((tickets[0] as { ownerId?: string }).ownerId ?? 'lilei');
    // Staff still see who owns it, and every field's level.
    const staff = await get(`/v1/tickets/${view.id}`, admin);
    expect(staff.json<RecordView>()).toMatchObject({ ownerId: expect.any(String) });
    expect(staff.json<RecordView>().fieldLevels).toHaveProperty('internalNote');
  });

  it('team and transfer answer an unreadable record the same NOT_FOUND whatever user id is given', async () => {
    const account = model().users.find((u) => u.id === 'portal-1')?.portalAccountId ?? '';
    const notRep = records().find(
      (r) =>
        r.object === 'customer' && r.ownerId !== null && r.ownerId !== REP_ID && r.poolId === null,
    ) as CrmRecord;
    const userIds = ['hanmeimei', 'zhouzhou-not-a-user', 'portal-1'];
    const answers = async (
      cookie: string,
      request: (userId: string) => {
        method: 'PUT' | 'DELETE' | 'POST';
        url: string;
        payload: object;
      },
    ) =>
      Promise.all(
        userIds.map(async (userId) => {
          const r = await t.app.inject({ ...request(userId), headers: { cookie } });
          return { status: r.statusCode, body: r.json<object>() };
        }),
      );
    const cases = [
      [
        portal,
        (u: string) => ({
          method: 'PUT' as const,
          url: `/v1/customers/${account}/team/${u}`,
          payload: { access: 'read' },
        }),
      ],
      [
        portal,
        (u: string) => ({
          method: 'DELETE' as const,
          url: `/v1/customers/${account}/team/${u}`,
          payload: {},
        }),
      ],
      [
        portal,
        (u: string) => ({
          method: 'POST' as const,
          url: `/v1/customers/${account}/transfer`,
          payload: { ownerId: u },
        }),
      ],
      [
        rep,
        (u: string) => ({
          method: 'PUT' as const,
          url: `/v1/customers/${notRep.id}/team/${u}`,
          payload: { access: 'read' },
        }),
      ],
      [
        rep,
        (u: string) => ({
          method: 'POST' as const,
          url: `/v1/customers/${notRep.id}/transfer`,
          payload: { ownerId: u },
        }),
      ],
    ] as const;
    for (const [cookie, request] of cases) {
      const [first, ...rest] = await answers(cookie, request);
      expect(first?.status, request('x').url).toBe(404);
      expect(first?.body).toMatchObject({ code: 'NOT_FOUND' });
      for (const other of rest) expect(other, request('x').url).toEqual(first);
    }
    // A portal user's own ticket is readable but not theirs to transfer: one answer for every id.
    const ticket = records().find((r) => r.object === 'ticket' && r.customerId === account);
    const transfers = await answers(portal, (u) => ({
      method: 'POST',
      url: `/v1/tickets/${ticket?.id}/transfer`,
      payload: { ownerId: u },
    }));
    expect(transfers[0]?.status).toBe(403);
    for (const other of transfers.slice(1)) expect(other).toEqual(transfers[0]);
    // Who may share it is told when an id is no colleague (the record was found first).
    const own = records().find(
      (r) => r.object === 'customer' && r.ownerId === REP_ID && r.poolId === null,
    ) as CrmRecord;
    const unknown = await t.app.inject({
      method: 'PUT',
      url: `/v1/customers/${own.id}/team/zhouzhou-not-a-user`,
      headers: { cookie: manager },
      payload: { access: 'read' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ details: { field: 'params/userId' } });
  });

  it('q and sort=name are refused where the name is masked or hidden: a hidden contact name does not leak through q', async () => {
    const contact = records().find(
      (r) => r.object === 'contact' && r.ownerId === REP_ID && typeof r.fields.name === 'string',
    ) as CrmRecord;
    const prefix = String(contact.fields.name).slice(0, 2);
    const search = `/v1/contacts?q=${encodeURIComponent(prefix)}`;
    const before = await get(search, rep);
    expect(before.statusCode).toBe(200);
    expect(before.json<Page>().items.map((i) => i.id)).toContain(contact.id);

    // The contact name becomes confidential: above the rep's clearance, hidden.
    const hide = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/objects/contact/fields/name',
      headers: { cookie: admin },
      payload: { label: '姓名', sensitivity: 'confidential' },
    });
    expect(hide.statusCode, hide.body).toBe(200);
    const listed = await get('/v1/contacts?limit=5', rep);
    expect(listed.statusCode).toBe(200);
    for (const item of listed.json<Page>().items) expect(item.fields).not.toHaveProperty('name');
    const refusals = [
      [search, 'querystring/q'],
      [`/v1/contacts?q=${encodeURIComponent('不存在的前缀')}`, 'querystring/q'],
      ['/v1/contacts?sort=name', 'querystring/sort'],
      ['/v1/contacts?sort=-name&limit=1', 'querystring/sort'],
    ] as const;
    for (const [url, field] of refusals) {
      const response = await get(url, rep);
      expect(response.statusCode, url).toBe(403);
      expect(response.json(), url).toMatchObject({ code: 'PERMISSION_DENIED', details: { field } });
    }
    // A caller cleared for it still searches.
    const cleared = await get(search, admin);
    expect(cleared.statusCode).toBe(200);

    // Masked (by the rep's role, the sensitivity back to normal): refused the same way.
    await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/objects/contact/fields/name',
      headers: { cookie: admin },
      payload: { label: '姓名' },
    });
    const role = model().roles.find((r) => r.id === 'sales-rep');
    const masked = await t.app.inject({
      method: 'PATCH',
      url: '/v1/admin/roles/sales-rep',
      headers: { cookie: admin },
      payload: {
        fields: { ...role?.fields, contact: { ...role?.fields.contact, name: 'masked' } },
      },
    });
    expect(masked.statusCode, masked.body).toBe(200);
    const maskedSearch = await get(search, rep);
    expect(maskedSearch.statusCode).toBe(403);
    expect(maskedSearch.json()).toMatchObject({ details: { field: 'querystring/q' } });
    expect((await get('/v1/contacts?sort=name', rep)).statusCode).toBe(403);
  });
});

/** A cursor as the store writes it, in the clear (what the API gave out before it sealed them). */
function plainCursor(last: RecordView): string {
  return Buffer.from(JSON.stringify(['name', String(last.fields.name), last.id])).toString(
    'base64url',
  );
}
