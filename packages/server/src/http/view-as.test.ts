import { decide } from '@custos/engine';
import { listAuditEvents } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../test-app.ts';
import { VIEW_AS_HEADER, VIEWING_AS_HEADER } from './view-as.ts';

const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';
const REP_ID = 'lilei';
const ADMIN_ID = 'zhoumin';

interface Page {
  items: { id: string; fields: Record<string, unknown>; maskedFields: string[] }[];
  nextCursor: string | null;
  total: number | null;
}

describe('view as (查看为): reads served as another user, audited, read-only', () => {
  let t: TestApp;
  let admin: string;
  let rep: string;

  beforeAll(async () => {
    t = await createTestApp({ customers: 120 });
    admin = await t.login(ADMIN);
    rep = await t.login(REP);
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    cookie: string,
    viewAs?: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, ...(viewAs === undefined ? {} : { [VIEW_AS_HEADER]: viewAs }) },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
  /** Reads served as someone (refusals are `denied` events of the same action: `deniedEvents`). */
  const viewAsEvents = async () =>
    (
      await listAuditEvents(t.database.db, t.demo.tenantId, { action: 'view_as.read', limit: 1000 })
    ).filter((e) => e.outcome === 'success');
  const deniedEvents = async () =>
    (await listAuditEvents(t.database.db, t.demo.tenantId, { limit: 1000 })).filter(
      (e) => e.outcome === 'denied',
    );

  /** Every page of a list as `cookie` (optionally viewing as someone). */
  async function listAll(object: string, cookie: string, viewAs?: string) {
    const ids: string[] = [];
    const items: Page['items'] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const url = `/v1/${object}?limit=50${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = await send('GET', url, cookie, viewAs);
      expect(page.statusCode, page.body).toBe(200);
      if (viewAs !== undefined) expect(page.headers[VIEWING_AS_HEADER]).toBe(viewAs);
      const body = page.json<Page>();
      total ??= body.total;
      ids.push(...body.items.map((i) => i.id));
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor !== null);
    return { ids: ids.sort(), items, total };
  }

  it('the admin viewing as the rep sees exactly the rep’s lists, fields masked as for the rep', async () => {
    const { model, records } = t.demo.company;
    for (const [object, type] of [
      ['customers', 'customer'],
      ['deals', 'deal'],
      ['orders', 'order'],
    ] as const) {
      const expected = records
        .filter((r) => r.object === type && decide(model, REP_ID, 'read', r, TEST_NOW))
        .map((r) => r.id)
        .sort();
      const asRep = await listAll(object, admin, REP_ID);
      const own = await listAll(object, rep);
      const adminOwn = await listAll(object, admin);
      expect(asRep.ids, object).toEqual(expected);
      expect(asRep.total, object).toBe(expected.length);
      expect(asRep.items, object).toEqual(own.items);
      expect(adminOwn.ids.length, object).toBeGreaterThan(asRep.ids.length);
    }
    // The rep reads idNumber masked; the admin in clear: viewing as the rep shows it masked.
    const asRep = await listAll('customers', admin, REP_ID);
    const withId = asRep.items.find((i) => i.fields.idNumber !== undefined);
    expect(withId?.maskedFields).toContain('idNumber');
    // Filters apply as the viewed user: idNumber is masked for the rep, so filtering by it is refused.
    const probe = await send('GET', '/v1/customers?field=idNumber:1', admin, REP_ID);
    expect(probe.statusCode).toBe(403);
    expect(probe.json()).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { name: 'idNumber' },
    });
  });

  it('a record the viewed user may not read is not found; one they may read is shown, with its team; each read is audited', async () => {
    const { model, records } = t.demo.company;
    const customers = records.filter((r) => r.object === 'customer');
    const theirs = customers.find((r) => decide(model, REP_ID, 'read', r, TEST_NOW));
    const notTheirs = customers.find((r) => !decide(model, REP_ID, 'read', r, TEST_NOW));
    expect(theirs && notTheirs).toBeTruthy();
    const before = (await viewAsEvents()).length;
    expect((await send('GET', `/v1/customers/${notTheirs?.id}`, admin)).statusCode).toBe(200);
    const hidden = await send('GET', `/v1/customers/${notTheirs?.id}`, admin, REP_ID);
    expect(hidden.statusCode).toBe(404);
    const shown = await send('GET', `/v1/customers/${theirs?.id}`, admin, REP_ID);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().fieldLevels).toMatchObject({ idNumber: 'masked' });
    const team = await send('GET', `/v1/customers/${theirs?.id}/team`, admin, REP_ID);
    expect(team.statusCode, team.body).toBe(200);
    expect(team.headers[VIEWING_AS_HEADER]).toBe(REP_ID);

    const events = await viewAsEvents();
    expect(events.length - before).toBe(3);
    const [last] = events;
    expect(last).toMatchObject({
      actorId: ADMIN_ID,
      action: 'view_as.read',
      target: `user/${REP_ID}`,
    });
    const after = (e: (typeof events)[number]) =>
      (typeof e.after === 'string' ? JSON.parse(e.after) : e.after) as Record<string, unknown>;
    expect(after(last as (typeof events)[number])).toEqual({
      method: 'GET',
      route: '/v1/customers/:id/team',
      recordId: theirs?.id,
    });
    expect(events.slice(0, 3).map((e) => after(e).recordId)).toEqual([
      theirs?.id,
      theirs?.id,
      notTheirs?.id,
    ]);
  });

  it('my access (/v1/auth/me/access) answers as the viewed user: the rep’s roles, scopes and reach', async () => {
    for (const object of ['customer', 'contact']) {
      const asRep = await send('GET', `/v1/auth/me/access?object=${object}`, admin, REP_ID);
      expect(asRep.statusCode, asRep.body).toBe(200);
      expect(asRep.headers['x-custos-viewing-as']).toBe(REP_ID);
      const own = await send('GET', `/v1/auth/me/access?object=${object}`, rep);
      expect(asRep.json()).toEqual(own.json());
      const mine = await send('GET', `/v1/auth/me/access?object=${object}`, admin);
      expect(mine.json<{ user: { id: string } }>().user.id).toBe(ADMIN_ID);
    }
  });

  it('/v1/auth/me answers as the viewed user, naming the viewer; the authorization API decides as them', async () => {
    const me = await send('GET', '/v1/auth/me', admin, REP_ID);
    expect(me.statusCode, me.body).toBe(200);
    const body = me.json();
    expect(body.user.id).toBe(REP_ID);
    expect(body.functions).not.toContain('view_as');
    expect(body.viewAs).toEqual({ actorId: ADMIN_ID, actorName: '周敏' });
    expect(body.mfa).toBeUndefined();
    const plain = (await send('GET', '/v1/auth/me', admin)).json();
    expect(plain.viewAs).toBeUndefined();
    expect(plain.user.id).toBe(ADMIN_ID);

    const { model, records } = t.demo.company;
    const sample = records.filter((r) => r.object === 'customer').slice(0, 20);
    const check = await send('POST', '/v1/authz/check', admin, REP_ID, {
      items: sample.map((r) => ({
        subject: REP_ID,
        action: 'read',
        object: 'customer',
        recordId: r.id,
      })),
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().results.map((r: { allowed: boolean }) => r.allowed)).toEqual(
      sample.map((r) => decide(model, REP_ID, 'read', r, TEST_NOW)),
    );
    // As the rep, asking about someone else needs the rep's own permission to do so: refused.
    const other = await send('POST', '/v1/authz/check', admin, REP_ID, {
      items: [{ subject: ADMIN_ID, action: 'read', object: 'customer', recordId: sample[0]?.id }],
    });
    expect(other.statusCode).toBe(403);
  });

  it('refuses every state-changing request with the header, and changes nothing', async () => {
    const { model, records } = t.demo.company;
    const mine = records.find(
      (r) => r.object === 'customer' && decide(model, REP_ID, 'update', r, TEST_NOW),
    );
    const id = mine?.id ?? '';
    const before = (await send('GET', `/v1/customers/${id}`, rep)).json();
    const beforeCount = (await send('GET', '/v1/customers?limit=1', admin)).json().total;
    const all = async () => listAuditEvents(t.database.db, t.demo.tenantId, { limit: 1000 });
    const events = (await all()).filter((e) => e.outcome !== 'denied').length;
    const denied = (await deniedEvents()).length;
    const writes: [string, 'POST' | 'PATCH' | 'DELETE' | 'PUT', string, unknown][] = [
      ['update', 'PATCH', `/v1/customers/${id}`, { fields: { city: '苏州' } }],
      ['create', 'POST', '/v1/customers', { fields: { name: '新客户' } }],
      ['delete', 'DELETE', `/v1/customers/${id}`, {}],
      ['transfer', 'POST', `/v1/customers/${id}/transfer`, { ownerId: 'hanmeimei' }],
      ['team', 'PUT', `/v1/customers/${id}/team/hanmeimei`, { access: 'read' }],
      ['logout', 'POST', '/v1/auth/logout', {}],
      ['admin change', 'POST', '/v1/admin/users', { email: 'x@yunshan.example', name: 'X' }],
    ];
    for (const [why, method, url, payload] of writes) {
      for (const target of [REP_ID, ADMIN_ID]) {
        const refused = await send(method, url, admin, target, payload);
        expect(refused.statusCode, `${why} ${refused.body}`).toBe(403);
        expect(refused.json(), why).toMatchObject({
          code: 'VIEW_AS_READ_ONLY',
          details: { field: `headers/${VIEW_AS_HEADER}` },
        });
      }
    }
    expect((await send('GET', `/v1/customers/${id}`, rep)).json()).toEqual(before);
    expect((await send('GET', '/v1/customers?limit=1', admin)).json().total).toBe(beforeCount);
    // Nothing written; each refusal recorded once, as a denial by the admin viewing as the target.
    expect((await all()).filter((e) => e.outcome !== 'denied').length).toBe(events);
    const refusals = (await deniedEvents()).slice(0, (await deniedEvents()).length - denied);
    expect(refusals).toHaveLength(writes.length * 2);
    expect(refusals.every((e) => e.actorId === ADMIN_ID && e.action === 'view_as.read')).toBe(true);
    // The admin still signed in (the logout was refused).
    expect((await send('GET', '/v1/auth/me', admin)).statusCode).toBe(200);
  });

  it('refuses a caller without view_as, a bad target, an escalation and a read not served as someone else', async () => {
    const events = (await viewAsEvents()).length;
    const denied = (await deniedEvents()).length;
    const cases: [string, string, string, string, number, string, Record<string, unknown>][] = [
      [
        'no view_as',
        rep,
        '/v1/customers',
        'hanmeimei',
        403,
        'VIEW_AS_DENIED',
        { function: 'view_as' },
      ],
      ['no view_as, as himself', rep, '/v1/auth/me', REP_ID, 403, 'VIEW_AS_DENIED', {}],
      [
        'unknown',
        admin,
        '/v1/customers',
        'nobody',
        400,
        'VIEW_AS_TARGET_INVALID',
        { reason: 'unknown' },
      ],
      [
        'malformed',
        admin,
        '/v1/customers',
        'Li Lei',
        400,
        'VIEW_AS_TARGET_INVALID',
        { reason: 'malformed' },
      ],
      ['empty', admin, '/v1/customers', '', 400, 'VIEW_AS_TARGET_INVALID', { reason: 'malformed' }],
      [
        'suspended',
        admin,
        '/v1/customers',
        'xupeng',
        400,
        'VIEW_AS_TARGET_INVALID',
        { reason: 'inactive', status: 'suspended' },
      ],
      [
        'departed',
        admin,
        '/v1/customers',
        'cailin',
        400,
        'VIEW_AS_TARGET_INVALID',
        { reason: 'inactive', status: 'departed' },
      ],
      // 张建国 (auditor) has clearance restricted; the admin confidential.
      [
        'escalation',
        admin,
        '/v1/customers',
        'zhangjianguo',
        403,
        'ESCALATION_DENIED',
        { missing: 'clearance restricted' },
      ],
      ['admin list', admin, '/v1/admin/users', REP_ID, 403, 'VIEW_AS_NOT_SUPPORTED', {}],
      ['my sessions', admin, '/v1/auth/sessions', REP_ID, 403, 'VIEW_AS_NOT_SUPPORTED', {}],
      [
        'export',
        admin,
        '/v1/customers/export?format=json',
        REP_ID,
        403,
        'VIEW_AS_NOT_SUPPORTED',
        {},
      ],
    ];
    for (const [why, cookie, url, target, status, code, details] of cases) {
      const refused = await send('GET', url, cookie, target);
      expect(refused.statusCode, `${why} ${refused.body}`).toBe(status);
      expect(refused.json(), why).toMatchObject({
        code,
        details: { field: `headers/${VIEW_AS_HEADER}`, ...details },
      });
      expect(refused.headers[VIEWING_AS_HEADER], why).toBeUndefined();
    }
    expect((await viewAsEvents()).length).toBe(events);
    // The permission refusals (no view_as, an escalation) are denials; a bad target is not.
    const refusals = (await deniedEvents()).slice(0, (await deniedEvents()).length - denied);
    expect(refusals.map((e) => [e.actorId, e.target, (e.after as { code: string }).code])).toEqual([
      [ADMIN_ID, 'user/zhangjianguo', 'ESCALATION_DENIED'],
      [REP_ID, `user/${REP_ID}`, 'VIEW_AS_DENIED'],
      [REP_ID, 'user/hanmeimei', 'VIEW_AS_DENIED'],
    ]);
    // Without the header, nothing changes for anyone.
    expect(
      (await send('GET', '/v1/customers?limit=1', rep)).headers[VIEWING_AS_HEADER],
    ).toBeUndefined();
  });

  it('an API token views as someone only when it carries records:read (and the route’s own scope)', async () => {
    const token = async (scopes: string[]) => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/tokens',
        headers: { cookie: admin },
        payload: {
          name: scopes.join(' '),
          scopes,
          expiresAt: new Date(TEST_NOW + 86_400_000).toISOString(),
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      return `Bearer ${created.json().token as string}`;
    };
    const asRep = (
      authorization: string,
      method: 'GET' | 'POST',
      url: string,
      payload?: Record<string, unknown>,
    ) =>
      t.app.inject({
        method,
        url,
        headers: { authorization, [VIEW_AS_HEADER]: REP_ID },
        ...(payload === undefined ? {} : { payload }),
      });
    const reader = await token(['records:read']);
    const listed = await asRep(reader, 'GET', '/v1/customers?limit=200');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.headers[VIEWING_AS_HEADER]).toBe(REP_ID);
    expect(
      listed
        .json<Page>()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual((await listAll('customers', rep)).ids);
    const authzOnly = await token(['authz']);
    const refused = await asRep(authzOnly, 'POST', '/v1/authz/check', {
      items: [{ subject: REP_ID, action: 'read', object: 'customer', recordId: 'c-00001' }],
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'AUTH_TOKEN_SCOPE',
      details: { field: `headers/${VIEW_AS_HEADER}`, scope: 'records:read' },
    });
    const events = await viewAsEvents();
    const after = events[0]?.after;
    const parsed = (typeof after === 'string' ? JSON.parse(after) : after) as Record<
      string,
      unknown
    >;
    expect(parsed).toMatchObject({ route: '/v1/customers', apiTokenId: expect.any(String) });
  });
});
