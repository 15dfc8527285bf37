/**
 * Access requests over HTTP, on PGlite and PostgreSQL: a record request that answers the same
 * whether the record exists, routing up the line past an approver who cannot grant, no
 * self-approval, approve shorter (longer refused), the grant through the change path effective
 * at the next request and gone after expiry; cancel, reject, a role request whose role is removed
 * at its end, approval chains checked against the catalogue, notifications, and the audit trail.
 */
import { decide, type PolicyIndex } from '@custos/engine';
import { cancelOpenRequestsOf, listAuditEvents, type DemoRecord } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { runAccessRequestExpiry } from './access-request-expiry.ts';
import { nameFor } from './access-request-service.ts';

const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('access requests on %s', (backend) => {
  let t: TestApp;
  let now = TEST_NOW;
  const cookies = new Map<string, string>();
  let index: PolicyIndex;
  let target: DemoRecord;

  /** Move the server's clock; sessions end with a jump (idle timeout), so sign in again. */
  const setNow = (at: number): void => {
    now = at;
    cookies.clear();
  };
  const emailOf = (userId: string): string => {
    const login = t.demo.logins.find((l) => l.userId === userId);
    if (login === undefined) throw new Error(`no demo login ${userId}`);
    return login.email;
  };
  async function as(userId: string): Promise<string> {
    let cookie = cookies.get(userId);
    if (cookie === undefined) {
      cookie = await t.login(emailOf(userId));
      cookies.set(userId, cookie);
    }
    return cookie;
  }
  async function call(
    userId: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie: await as(userId) },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
    return {
      status: response.statusCode,
      body: response.body === '' ? undefined : response.json(),
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ backend, customers: 120, clock: () => now });
    index = (await t.app.custos.policy.current(t.demo.tenantId)).index;
    // A customer of the north region that lilei (a rep in the east) may not read, with an owner.
    const found = t.demo.company.records.find(
      (r) =>
        r.object === 'customer' &&
        r.departmentId === 'sales-north' &&
        r.ownerId !== null &&
        r.sensitivity === 'internal' &&
        index.principals.get(r.ownerId)?.active === true &&
        !decide(index, 'lilei', 'read', r, now),
    );
    if (found === undefined) throw new Error('no north customer for the test');
    target = found;
  });
  afterAll(async () => {
    await t.close();
  });

  it("has the demo's pending requests, waiting on different approvers", async () => {
    const lilei = await call('wangzhiqiang', 'GET', '/v1/access-requests/approvals');
    const zhangwei = await call('hanmeimei', 'GET', '/v1/access-requests/approvals');
    expect(lilei.body.items.map((r: { requesterId: string }) => r.requesterId)).toEqual(['lilei']);
    expect(
      zhangwei.body.items.map((r: { requesterId: string; kind: string }) => [
        r.requesterId,
        r.kind,
      ]),
    ).toEqual([['zhangwei', 'role']]);
  });

  it('walks a record request up the line to approval, access at once, and expiry', async () => {
    expect((await call('lilei', 'GET', `/v1/customers/${target.id}`)).status).toBe(404);
    const submitted = await call('lilei', 'POST', '/v1/access-requests', {
      kind: 'record',
      object: 'customer',
      recordId: target.id,
      access: 'read',
      durationDays: 7,
      reason: '协助华北同事跟进续约',
    });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    // Nothing in the requester's answer depends on the record: no chain, no approvers, no name.
    expect(submitted.body).toMatchObject({
      status: 'pending',
      steps: [],
      recordName: null,
      recordExists: null,
      currentStep: null,
    });

    // hanmeimei (lilei's manager) cannot read a north customer: the step goes up the line.
    const inbox = await call('wangzhiqiang', 'GET', '/v1/access-requests/approvals');
    expect(inbox.status).toBe(200);
    const seen = inbox.body.items.find((r: { id: string }) => r.id === id);
    expect(seen.recordName).toBe(target.fields['name']);
    expect(seen.recordExists).toBe(true);
    expect(seen.steps[0].routes[0]).toMatchObject({
      from: 'hanmeimei',
      reason: 'cannot_grant',
      to: ['wangzhiqiang'],
    });
    expect(
      (await call('hanmeimei', 'GET', '/v1/access-requests/approvals')).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).not.toContain(id);

    // Nobody approves their own; a stranger does not even see it; longer is refused.
    const own = await call('lilei', 'POST', `/v1/access-requests/${id}/approve`, {});
    expect(own).toMatchObject({ status: 403, body: { code: 'ACCESS_REQUEST_SELF_APPROVAL' } });
    expect((await call('zhangwei', 'POST', `/v1/access-requests/${id}/approve`, {})).status).toBe(
      404,
    );
    expect((await call('zhangwei', 'GET', `/v1/access-requests/${id}`)).status).toBe(404);
    const longer = await call('wangzhiqiang', 'POST', `/v1/access-requests/${id}/approve`, {
      days: 8,
    });
    expect(longer).toMatchObject({
      status: 400,
      body: { code: 'REQUEST_INVALID', details: { field: 'body/days' } },
    });

    // Approve shorter: the next step (the data owner) waits; no access yet.
    const first = await call('wangzhiqiang', 'POST', `/v1/access-requests/${id}/approve`, {
      days: 5,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', currentStep: 1, grantedDays: 5 });
    expect(first.body.steps[0]).toMatchObject({
      decision: 'approved',
      decidedBy: 'wangzhiqiang',
      days: 5,
    });
    const ownerStep = first.body.steps[1];
    expect(ownerStep.approverIds.length).toBeGreaterThan(0);
    expect(ownerStep.approverIds).not.toContain('wangzhiqiang');
    const again = await call('wangzhiqiang', 'POST', `/v1/access-requests/${id}/approve`, {});
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', details: { reason: 'not_your_step' } },
    });
    expect((await call('lilei', 'GET', `/v1/customers/${target.id}`)).status).toBe(404);

    const approver = ownerStep.approverIds[0] as string;
    const last = await call(approver, 'POST', `/v1/access-requests/${id}/approve`, {
      reason: 'ok',
    });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({
      status: 'approved',
      grantedDays: 5,
      expiresAt: new Date(now + 5 * DAY).toISOString(),
    });
    // Effective at the next request.
    expect((await call('lilei', 'GET', `/v1/customers/${target.id}`)).status).toBe(200);
    const mine = await call('lilei', 'GET', '/v1/access-requests');
    expect(mine.body.items[0]).toMatchObject({ id, status: 'approved', steps: [] });

    // Notifications: the requester was told of the submission and the approval.
    const bell = await call('lilei', 'GET', '/v1/me/notifications');
    expect(bell.status).toBe(200);
    const about = bell.body.items.filter(
      (n: { params: { requestId?: string } }) => n.params.requestId === id,
    );
    expect(about.map((n: { kind: string }) => n.kind)).toEqual([
      'request.approved',
      'request.submitted',
    ]);
    // (The demo's own pending request of lilei's is unread too.)
    expect(bell.body.unread).toBe(bell.body.items.length);
    expect(about[0].params).toMatchObject({ requestId: id, days: 5 });
    // The approver of a record request (the data owner) is not named to the requester.
    expect(about[0].params).not.toHaveProperty('by');
    // An approver who may not read the record is not shown its name (a fallback approver).
    expect(nameFor(index, 'lilei', target, now)).toBeNull();
    expect(nameFor(index, target.ownerId ?? '', target, now)).toBe(target.fields['name']);
    // Another user never sees lilei's notifications.
    const others = await call('zhangwei', 'GET', '/v1/me/notifications?limit=100');
    expect(
      others.body.items.some((n: { params: { requestId?: string } }) => n.params.requestId === id),
    ).toBe(false);
    const both = await call('lilei', 'POST', '/v1/me/notifications/read', {
      all: true,
      ids: ['1'],
    });
    expect(both).toMatchObject({ status: 400, body: { details: { field: 'body/all' } } });
    const read = await call('lilei', 'POST', '/v1/me/notifications/read', { all: true });
    expect(read.body).toEqual({ marked: bell.body.unread, unread: 0 });
    const approverBell = await call('wangzhiqiang', 'GET', '/v1/me/notifications?unread=true');
    expect(approverBell.body.items[0]).toMatchObject({
      kind: 'request.awaiting_approval',
      params: { requestId: id, recordName: target.fields['name'] },
    });

    // Expiry: the grant lapses by itself; the pass marks the request, revokes the row and tells lilei.
    setNow(TEST_NOW + 5 * DAY + 1);
    expect((await call('lilei', 'GET', `/v1/customers/${target.id}`)).status).toBe(404);
    const services = { database: t.database, clock: () => now, policy: t.app.custos.policy };
    expect(await runAccessRequestExpiry(services, now)).toEqual({ expired: 1 });
    expect(await runAccessRequestExpiry(services, now)).toEqual({ expired: 0 });
    expect((await call('lilei', 'GET', `/v1/access-requests/${id}`)).body.status).toBe('expired');
    expect(
      (await call('lilei', 'GET', '/v1/me/notifications?unread=true')).body.items[0].kind,
    ).toBe('request.expired');
    const actions = (await listAuditEvents(t.database.db, t.demo.tenantId, { limit: 50 }))
      .filter((e) => e.target === `access_request/${id}` || e.target === `grant/request-${id}`)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'request.submit',
      'request.approve',
      'grant.create',
      'request.approve',
      'grant.revoke',
      'request.expire',
    ]);
    setNow(TEST_NOW);
  });

  it('answers a request for a record that does not exist exactly as for one that does', async () => {
    const body = {
      kind: 'record',
      object: 'customer',
      access: 'read',
      durationDays: 3,
      reason: 'x',
    };
    const real = await call('zhangwei', 'POST', '/v1/access-requests', {
      ...body,
      recordId: target.id,
    });
    const fake = await call('zhangwei', 'POST', '/v1/access-requests', {
      ...body,
      recordId: 'c-does-not-exist',
    });
    expect(fake.status).toBe(real.status);
    const strip = (b: Record<string, unknown>) => ({ ...b, id: null, recordId: null });
    expect(strip(fake.body)).toEqual(strip(real.body));
    // The approvers see that it does not exist.
    const view = await call('zhoumin', 'GET', `/v1/access-requests/${fake.body.id}`);
    expect(view.status === 200 ? view.body.recordExists : false).toBe(false);
  });

  it('cancels and rejects, refusing a closed request and bad input', async () => {
    const body = {
      kind: 'scope',
      object: 'customer',
      access: 'read',
      scope: { kind: 'department', departmentId: 'sales-north', includeSubdepartments: false },
      durationDays: 10,
      reason: '季度复盘',
    };
    const a = await call('lilei', 'POST', '/v1/access-requests', body);
    expect(a.status).toBe(201);
    expect(a.body.steps[0].kind).toBe('manager');
    const cancelled = await call('lilei', 'POST', `/v1/access-requests/${a.body.id}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await call('lilei', 'POST', `/v1/access-requests/${a.body.id}/cancel`, {})).body.code,
    ).toBe('ACCESS_REQUEST_CLOSED');
    expect(
      (await call('zhangwei', 'POST', `/v1/access-requests/${a.body.id}/cancel`, {})).status,
    ).toBe(404);

    const b = await call('lilei', 'POST', '/v1/access-requests', body);
    const waiting = b.body.steps[0].approverIds as string[];
    expect(waiting.length).toBeGreaterThan(0);
    const noReason = await call(
      waiting[0] as string,
      'POST',
      `/v1/access-requests/${b.body.id}/reject`,
      {},
    );
    expect(noReason).toMatchObject({ status: 400, body: { code: 'REQUEST_INVALID' } });
    const rejected = await call(
      waiting[0] as string,
      'POST',
      `/v1/access-requests/${b.body.id}/reject`,
      { reason: '范围过大' },
    );
    expect(rejected.body).toMatchObject({ status: 'rejected', closedReason: '范围过大' });
    expect(
      (await call('lilei', 'GET', '/v1/me/notifications?unread=true')).body.items[0],
    ).toMatchObject({ kind: 'request.rejected', params: { reason: '范围过大' } });

    // Bad input names the field and stores nothing.
    const before = (await call('lilei', 'GET', '/v1/access-requests?limit=100')).body.items.length;
    const cases: [object, string][] = [
      [
        {
          ...body,
          scope: { kind: 'department', departmentId: 'nowhere', includeSubdepartments: false },
        },
        'body/scope/departmentId',
      ],
      [{ ...body, durationDays: 91 }, 'body/durationDays'],
      [{ kind: 'role', roleId: 'no-such-role', durationDays: 3, reason: 'x' }, 'body/roleId'],
      [{ kind: 'role', roleId: 'sales-rep', durationDays: 3, reason: 'x' }, 'body/roleId'],
      [
        { kind: 'record', object: 'customer', durationDays: 3, reason: 'x', access: 'read' },
        'body/recordId',
      ],
    ];
    for (const [payload, field] of cases) {
      const r = await call('lilei', 'POST', '/v1/access-requests', payload);
      expect(r.body.details?.field, JSON.stringify(payload)).toBe(field);
    }
    expect((await call('lilei', 'GET', '/v1/access-requests?limit=100')).body.items.length).toBe(
      before,
    );
  });

  it('grants a role with an end and removes it when it expires', async () => {
    const r = await call('lilei', 'POST', '/v1/access-requests', {
      kind: 'role',
      roleId: 'sales-manager',
      durationDays: 2,
      reason: '代理经理两天',
    });
    expect(r.status).toBe(201);
    expect(r.body.steps.map((s: { kind: string }) => s.kind)).toEqual(['manager', 'function']);
    expect(r.body.steps[0].approverIds).toEqual(['hanmeimei']);
    expect(
      (await call('hanmeimei', 'POST', `/v1/access-requests/${r.body.id}/approve`, {})).body
        .currentStep,
    ).toBe(1);
    const admins = (await call('hanmeimei', 'GET', `/v1/access-requests/${r.body.id}`)).body
      .steps[1].approverIds;
    expect(admins).toContain('zhoumin');
    const done = await call('zhoumin', 'POST', `/v1/access-requests/${r.body.id}/approve`, {});
    expect(done.body.status).toBe('approved');
    const policy = t.app.custos.policy;
    expect(
      (await policy.current(t.demo.tenantId)).model.users.find((u) => u.id === 'lilei')?.roleIds,
    ).toContain('sales-manager');
    setNow(TEST_NOW + 2 * DAY);
    expect(
      await runAccessRequestExpiry({ database: t.database, clock: () => now, policy }, now),
    ).toEqual({ expired: 1 });
    expect(
      (await policy.current(t.demo.tenantId)).model.users.find((u) => u.id === 'lilei')?.roleIds,
    ).not.toContain('sales-manager');
    setNow(TEST_NOW);
  });

  it('administers approval chains for role_admin, checked against the catalogue, and follows them', async () => {
    expect((await call('lilei', 'GET', '/v1/admin/approval-chains')).status).toBe(403);
    const put = (body: object) =>
      call('zhoumin', 'PUT', '/v1/admin/approval-chains/north-customers', body);
    const chain = {
      name: '华北客户',
      requestKind: 'record',
      object: 'customer',
      sensitivity: 'internal',
      steps: [{ kind: 'user', userId: 'zhaolei' }],
    };
    expect(
      (await put({ ...chain, steps: [{ kind: 'function', functionName: 'no_such' }] })).body.details
        .field,
    ).toBe('body/steps/0/functionName');
    expect(
      (await put({ ...chain, steps: [{ kind: 'user', userId: 'nobody' }] })).body.details.field,
    ).toBe('body/steps/0/userId');
    expect((await put({ ...chain, steps: [{ kind: 'user' }] })).body.details.field).toBe(
      'body/steps/0/userId',
    );
    expect((await put({ ...chain, sensitivity: 'secretish' })).status).toBe(400);
    expect((await put({ ...chain, requestKind: 'role' })).body.details.field).toBe('body/object');
    expect((await call('zhoumin', 'GET', '/v1/admin/approval-chains')).body.items).toEqual([]);
    const saved = await put(chain);
    expect(saved.status).toBe(200);
    const list = await call('zhoumin', 'GET', '/v1/admin/approval-chains');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(['north-customers']);
    expect(list.body.defaults.record.map((s: { kind: string }) => s.kind)).toEqual([
      'manager',
      'data_owner',
    ]);

    const r = await call('chenjing', 'POST', '/v1/access-requests', {
      kind: 'record',
      object: 'customer',
      recordId: target.id,
      access: 'read',
      durationDays: 1,
      reason: 'x',
    });
    const view = await call('zhaolei', 'GET', `/v1/access-requests/${r.body.id}`);
    expect(
      view.body.steps.map((s: { kind: string; approverIds: string[] }) => [s.kind, s.approverIds]),
    ).toEqual([['user', ['zhaolei']]]);

    expect(
      (await call('zhoumin', 'DELETE', '/v1/admin/approval-chains/north-customers')).status,
    ).toBe(204);
    expect(
      (await call('zhoumin', 'DELETE', '/v1/admin/approval-chains/north-customers')).status,
    ).toBe(404);
    const audit = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'approval_chain.update',
    });
    expect(audit[0]).toMatchObject({
      actorId: 'zhoumin',
      target: 'approval_chain/north-customers',
    });
  });

  it('cancels the open requests of a leaver (offboarding)', async () => {
    const r = await call('yangfan', 'POST', '/v1/access-requests', {
      kind: 'role',
      roleId: 'finance',
      durationDays: 1,
      reason: 'x',
    });
    expect(r.status).toBe(201);
    const waiting = (r.body.steps[0].approverIds as string[])[0] as string;
    const ids = await t.database.db
      .transaction()
      .execute((tx) => cancelOpenRequestsOf(tx, t.demo.tenantId, 'yangfan', now, 'offboarded'));
    expect(ids).toEqual([r.body.id]);
    expect((await call('yangfan', 'GET', `/v1/access-requests/${r.body.id}`)).body).toMatchObject({
      status: 'cancelled',
      closedReason: 'offboarded',
    });
    expect(
      (await call(waiting, 'GET', '/v1/me/notifications?unread=true')).body.items[0],
    ).toMatchObject({ kind: 'request.cancelled' });
  });
});
