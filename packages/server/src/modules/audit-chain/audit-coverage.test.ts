/**
 * Audit coverage (docs/audit.md, "What is recorded"): for each kind of thing a request does — a
 * record created, updated, transferred, deleted; a policy change; a sign-in, and a failed one for
 * an unknown e-mail and for a wrong password; a refusal on a function route; a 404 hiding a record
 * that exists; an export; a read as another user; a reveal — one audit event with its actor (and
 * the user acted as), action, target, outcome, request id, IP and user agent; a plain 404 and a
 * 401 are no event. The chain still verifies afterwards. PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { decide } from '@custos/engine';
import { loadPolicyModel, verifyAuditChain } from '@custos/store';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';

const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';
const MANAGER = 'han.meimei@yunshan.example';
const AGENT = 'coverage-test/1.0';
const TENANT = 'yunshan';

interface Expected {
  actorId: string | null;
  actingAsId?: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'denied' | 'failure';
  after?: Record<string, unknown>;
}

interface Case {
  name: string;
  status: number;
  run: (requestId: string) => Promise<LightMyRequestResponse>;
  expected: () => Expected;
}

interface Row {
  actor_id: string | null;
  acting_as_id: string | null;
  action: string;
  target: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  after: unknown;
}

describe.each(['pglite', 'postgres'] as const)('audit coverage on %s', (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let ownCustomer = '';
  let hiddenCustomer = '';
  let created = '';

  const call = (
    who: 'admin' | 'rep' | 'manager' | null,
    requestId: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        'user-agent': AGENT,
        'x-request-id': requestId,
        ...(who === null ? {} : { cookie: cookies[who] as string }),
        ...headers,
      },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });

  const eventsOf = async (requestId: string): Promise<Row[]> => {
    const { rows } = await sql<Row>`select actor_id, acting_as_id, action, target, outcome,
        request_id, ip, user_agent, after
      from audit_events where tenant_id = ${TENANT} and request_id = ${requestId}
      order by seq`.execute(t.database.db);
    return rows;
  };

  beforeAll(async () => {
    t = await createTestApp({ backend, customers: 40 });
    cookies.admin = await t.login(ADMIN);
    cookies.rep = await t.login(REP);
    // The manager may reveal id numbers, shown masked to them (a policy change by the admin).
    const role = await call('admin', randomUUID(), 'PATCH', '/v1/admin/roles/sales-manager', {
      functions: ['export', 'reports', 'reveal_masked'],
      fields: { customer: { idNumber: 'masked' } },
    });
    expect(role.statusCode, role.body).toBe(200);
    cookies.manager = await t.login(MANAGER);
    const model = await loadPolicyModel(t.database.db, TENANT);
    const customers = t.demo.company.records.filter((r) => r.object === 'customer');
    ownCustomer = customers.find((r) => r.ownerId === 'zhangwei')!.id;
    hiddenCustomer = customers.find((r) => !decide(model, 'lilei', 'read', r, TEST_NOW))!.id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const cases: Case[] = [
    {
      name: 'record create',
      status: 201,
      run: async (id) => {
        const response = await call('admin', id, 'POST', '/v1/customers', {
          fields: { name: '审计覆盖测试有限公司', industry: '软件', region: '华东' },
        });
        created = response.json<{ id: string }>().id;
        return response;
      },
      expected: () => ({
        actorId: 'zhoumin',
        action: 'customer.create',
        target: `customer/${created}`,
        outcome: 'success',
      }),
    },
    {
      name: 'record update',
      status: 200,
      run: (id) =>
        call('admin', id, 'PATCH', `/v1/customers/${created}`, { fields: { industry: '制造' } }),
      expected: () => ({
        actorId: 'zhoumin',
        action: 'customer.update',
        target: `customer/${created}`,
        outcome: 'success',
      }),
    },
    {
      name: 'record transfer',
      status: 200,
      run: (id) =>
        call('admin', id, 'POST', `/v1/customers/${created}/transfer`, { ownerId: 'zhangwei' }),
      expected: () => ({
        actorId: 'zhoumin',
        action: 'customer.transfer',
        target: `customer/${created}`,
        outcome: 'success',
      }),
    },
    {
      name: 'record delete',
      status: 204,
      run: (id) => call('admin', id, 'DELETE', `/v1/customers/${created}`),
      expected: () => ({
        actorId: 'zhoumin',
        action: 'customer.delete',
        target: `customer/${created}`,
        outcome: 'success',
      }),
    },
    {
      name: 'policy change',
      status: 200,
      run: (id) =>
        call('admin', id, 'PATCH', '/v1/admin/roles/sales-manager', {
          functions: ['export', 'reports', 'reveal_masked'],
        }),
      expected: () => ({
        actorId: 'zhoumin',
        action: 'role.update',
        target: 'role/sales-manager',
        outcome: 'success',
      }),
    },
    {
      name: 'sign-in',
      status: 200,
      run: (id) =>
        call(null, id, 'POST', '/v1/auth/login', { email: REP, password: 'Custos-Demo-2026' }),
      expected: () => ({
        actorId: 'lilei',
        action: 'auth.login',
        target: 'user/lilei',
        outcome: 'success',
      }),
    },
    {
      name: 'sign-in failure, unknown e-mail',
      status: 401,
      run: (id) =>
        call(null, id, 'POST', '/v1/auth/login', {
          email: 'nobody@yunshan.example',
          password: 'wrong-password-123',
          tenantId: TENANT,
        }),
      expected: () => ({
        actorId: null,
        action: 'auth.login_failed',
        target: null,
        outcome: 'failure',
        after: { reason: 'unknown_email' },
      }),
    },
    {
      name: 'sign-in failure, wrong password',
      status: 401,
      run: (id) =>
        call(null, id, 'POST', '/v1/auth/login', { email: REP, password: 'wrong-password-123' }),
      expected: () => ({
        actorId: null,
        action: 'auth.login_failed',
        target: 'user/lilei',
        outcome: 'failure',
        after: { reason: 'wrong_password' },
      }),
    },
    {
      name: '403 on a function route',
      status: 403,
      run: (id) => call('rep', id, 'GET', '/v1/audit/events'),
      expected: () => ({
        actorId: 'lilei',
        action: 'function.audit_view',
        target: 'function/audit_view',
        outcome: 'denied',
        after: { method: 'GET', route: '/v1/audit/events', code: 'PERMISSION_DENIED' },
      }),
    },
    {
      name: '404 hiding a record',
      status: 404,
      run: (id) => call('rep', id, 'GET', `/v1/customers/${hiddenCustomer}`),
      expected: () => ({
        actorId: 'lilei',
        action: 'customer.read',
        target: `customer/${hiddenCustomer}`,
        outcome: 'denied',
        after: { method: 'GET', route: '/v1/customers/:id', code: 'NOT_FOUND' },
      }),
    },
    {
      name: 'update refused on a hidden record',
      status: 404,
      run: (id) =>
        call('rep', id, 'PATCH', `/v1/customers/${hiddenCustomer}`, { fields: { industry: 'x' } }),
      expected: () => ({
        actorId: 'lilei',
        action: 'customer.update',
        target: `customer/${hiddenCustomer}`,
        outcome: 'denied',
      }),
    },
    {
      name: 'export',
      status: 200,
      run: (id) => call('admin', id, 'GET', '/v1/customers/export?format=json'),
      expected: () => ({
        actorId: 'zhoumin',
        action: 'record.export',
        target: 'customer',
        outcome: 'success',
        after: { object: 'customer', format: 'json', filters: {} },
      }),
    },
    {
      name: 'view-as read',
      status: 200,
      run: (id) =>
        call('admin', id, 'GET', `/v1/customers/${ownCustomer}`, undefined, {
          'x-custos-view-as': 'zhangwei',
        }),
      expected: () => ({
        actorId: 'zhoumin',
        actingAsId: 'zhangwei',
        action: 'view_as.read',
        target: 'user/zhangwei',
        outcome: 'success',
      }),
    },
    {
      name: 'view-as refused',
      status: 403,
      run: (id) =>
        call('rep', id, 'GET', `/v1/customers/${ownCustomer}`, undefined, {
          'x-custos-view-as': 'zhangwei',
        }),
      expected: () => ({
        actorId: 'lilei',
        action: 'view_as.read',
        target: 'user/zhangwei',
        outcome: 'denied',
        after: { code: 'VIEW_AS_DENIED' },
      }),
    },
    {
      name: 'reveal',
      status: 200,
      run: (id) =>
        call('manager', id, 'POST', `/v1/customers/${ownCustomer}/reveal`, { field: 'idNumber' }),
      expected: () => ({
        actorId: 'hanmeimei',
        action: 'customer.reveal',
        target: `customer/${ownCustomer}`,
        outcome: 'success',
        after: { field: 'idNumber' },
      }),
    },
  ];

  it.each(cases)('records $name with its context', async ({ run, status, expected }) => {
    const requestId = randomUUID();
    const response = await run(requestId);
    expect(response.statusCode, response.body).toBe(status);
    const want = expected();
    const events = await eventsOf(requestId);
    const matching = events.filter((e) => e.action === want.action && e.target === want.target);
    expect(matching, JSON.stringify(events)).toHaveLength(1);
    const [event] = matching as [Row];
    expect(event).toMatchObject({
      actor_id: want.actorId,
      acting_as_id: want.actingAsId ?? null,
      outcome: want.outcome,
      request_id: requestId,
      ip: '127.0.0.1',
      user_agent: AGENT,
    });
    if (want.after !== undefined) expect(event.after).toMatchObject(want.after);
    // A refusal is one event, never two.
    if (want.outcome === 'denied')
      expect(events.filter((e) => e.outcome === 'denied')).toHaveLength(1);
  });

  it('records no denial for a plain 404, a 401 or a bad request', async () => {
    for (const [who, url, code] of [
      ['rep', '/v1/customers/no-such-customer', 404],
      [null, '/v1/customers', 401],
      ['rep', '/v1/customers?limit=100000', 400],
    ] as const) {
      const requestId = randomUUID();
      const response = await call(who, requestId, 'GET', url);
      expect(response.statusCode, response.body).toBe(code);
      expect(await eventsOf(requestId)).toEqual([]);
    }
  });

  it('keeps the chain whole', async () => {
    const report = await verifyAuditChain(t.database.db, TENANT);
    expect(report.ok, JSON.stringify(report.issues)).toBe(true);
  });
});
