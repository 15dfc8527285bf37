import {
  decide,
  explain,
  type CrmRecord,
  type ObjectType,
  type RecordAction,
} from '@custos/engine';
import { loadPolicyModel } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';

const REP = { id: 'lilei', email: 'li.lei@yunshan.example' };
const ADMIN = { id: 'zhoumin', email: 'zhou.min@yunshan.example' };

describe.each(['pglite', 'postgres'] as const)('authz API on %s', (backend) => {
  let t: TestApp;
  let repCookie: string;
  let adminCookie: string;
  let byKey: Map<string, CrmRecord>;
  beforeAll(async () => {
    t = await createTestApp({ backend, customers: 120 });
    repCookie = await t.login(REP.email);
    adminCookie = await t.login(ADMIN.email);
    const records = t.demo.company.records;
    const customers = new Map(records.filter((r) => r.object === 'customer').map((r) => [r.id, r]));
    // The engine's view: children carry their customer.
    byKey = new Map(
      records.map((r) => [
        `${r.object}:${r.id}`,
        r.object === 'customer' ? r : { ...r, parent: customers.get(r.customerId) },
      ]),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const engineAllows = (subject: string, action: RecordAction, r: CrmRecord) =>
    decide(t.demo.company.model, subject, action, byKey.get(`${r.object}:${r.id}`)!, TEST_NOW);

  it('check answers what the engine decides (a rep reads only own customers)', async () => {
    const records = t.demo.company.records.slice(0, 400);
    const items = records.flatMap((r) =>
      (['read', 'update', 'delete'] as const).map((action) => ({
        subject: REP.id,
        action,
        object: r.object,
        recordId: r.id,
      })),
    );
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: repCookie },
      payload: { items: items.slice(0, 1000) },
    });
    expect(r.statusCode).toBe(200);
    const { results } = r.json() as { results: { allowed: boolean; reason: string }[] };
    expect(results).toHaveLength(Math.min(items.length, 1000));
    results.forEach((result, i) => {
      const item = items[i]!;
      const record = byKey.get(`${item.object}:${item.recordId}`)!;
      expect(result.allowed, `${item.action} ${item.object} ${item.recordId}`).toBe(
        engineAllows(REP.id, item.action, record),
      );
    });
    const readableCustomers = t.demo.company.records.filter(
      (c) => c.object === 'customer' && engineAllows(REP.id, 'read', c),
    );
    expect(readableCustomers.length).toBeGreaterThan(0);
    // A rep's own customers are readable through scope `own`; others' only through another path.
    for (const c of readableCustomers.filter((c) => c.ownerId === REP.id)) {
      const e = explain(t.demo.company.model, REP.id, 'read', c, TEST_NOW);
      expect(e.allowedBy.map((a) => a.kind)).toContain('scope');
    }
  });

  it('check answers not_found for a missing record', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: repCookie },
      payload: {
        items: [{ subject: REP.id, action: 'read', object: 'deal', recordId: 'no-such-deal' }],
      },
    });
    expect(r.json()).toEqual({ results: [{ allowed: false, reason: 'not_found' }] });
  });

  it('tells a self-check nothing about a record the caller may not read; authz_query may', async () => {
    const hidden = t.demo.company.records.find(
      (r) => r.object === 'customer' && !engineAllows(REP.id, 'read', r),
    )!;
    const item = { subject: REP.id, action: 'read', object: 'customer', recordId: hidden.id };
    const check = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: repCookie },
      payload: { items: [item] },
    });
    expect(check.json()).toEqual({ results: [{ allowed: false, reason: 'not_found' }] });
    const explained = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/explain',
      headers: { cookie: repCookie },
      payload: item,
    });
    expect(explained.statusCode).toBe(404);

    // The system administrator of a new tenant holds authz_query and learns the real reason.
    const model = await loadPolicyModel(t.database.db, 'yunshan');
    expect(model.roles.find((r) => r.id === 'sys-admin')?.functions).toContain('authz_query');
    const trusted = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: adminCookie },
      payload: { items: [item] },
    });
    const expected = explain(t.demo.company.model, REP.id, 'read', hidden, TEST_NOW);
    expect(trusted.json()).toEqual({
      results: [{ allowed: false, reason: expected.deniedBy?.kind ?? 'no_path' }],
    });
  });

  it('refuses to act for another user without authz_query, and bad batches', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: repCookie },
      payload: {
        items: [{ subject: ADMIN.id, action: 'read', object: 'customer', recordId: 'x' }],
      },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'PERMISSION_DENIED' });
    const empty = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: repCookie },
      payload: { items: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ details: { field: 'body/items' } });
    const badAction = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: repCookie },
      payload: { items: [{ subject: REP.id, action: 'fly', object: 'customer', recordId: 'x' }] },
    });
    expect(badAction.json()).toMatchObject({ details: { field: 'body/items/0/action' } });
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      payload: { items: [{ subject: REP.id, action: 'read', object: 'customer', recordId: 'x' }] },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('explain gives the engine explanation in the request locale', async () => {
    const record = t.demo.company.records.find(
      (r) => r.object === 'contact' && engineAllows(REP.id, 'read', r),
    )!;
    const expected = explain(
      t.demo.company.model,
      REP.id,
      'read',
      byKey.get(`contact:${record.id}`)!,
      TEST_NOW,
    );
    const payload = { subject: REP.id, action: 'read', object: 'contact', recordId: record.id };
    const zh = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/explain',
      headers: { cookie: repCookie, 'accept-language': 'zh-CN' },
      payload,
    });
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toMatchObject({
      allowed: expected.allowed,
      allowedBy: JSON.parse(JSON.stringify(expected.allowedBy)),
      deniedBy: expected.deniedBy,
      sentence: expected.text['zh-CN'],
      locale: 'zh-CN',
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/explain',
      headers: { cookie: repCookie, 'accept-language': 'en-US' },
      payload,
    });
    expect(en.json().sentence).toBe(expected.text['en-US']);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/explain',
      headers: { cookie: repCookie },
      payload: { ...payload, recordId: 'nope' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it.each([
    [REP, 'read', 'customer'],
    [REP, 'update', 'deal'],
    [ADMIN, 'read', 'contact'],
  ] as const)(
    'lookup pages for %s %s %s concatenate to exactly the engine set',
    async (who, action, object: ObjectType) => {
      const cookie = who === REP ? repCookie : adminCookie;
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r = await t.app.inject({
          method: 'POST',
          url: '/v1/authz/lookup',
          headers: { cookie },
          payload: { subject: who.id, action, object, limit: 7, cursor },
        });
        expect(r.statusCode).toBe(200);
        const page = r.json() as { ids: string[]; nextCursor: string | null };
        expect(page.ids.length).toBeLessThanOrEqual(7);
        ids.push(...page.ids);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 1000);
      const expected = t.demo.company.records
        .filter((r) => r.object === object && engineAllows(who.id, action, r))
        .map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      expect(expected.length).toBeGreaterThan(0);
    },
  );

  it('lookup refuses a forged cursor', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/lookup',
      headers: { cookie: repCookie },
      payload: { subject: REP.id, action: 'read', object: 'customer', cursor: '!!!' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body/cursor' } });
  });
});
