/**
 * Joiner / mover / leaver over HTTP, on both backends: offboarding previews and then does
 * everything in one transaction (records to successors, teams, groups, grants, positions,
 * sessions and tokens, the account) with one audit trail, refuses bad input naming the field and
 * changes nothing then; the transfer preview counts what the mover may read and edit before and
 * after, and changes nothing.
 */
import { OBJECT_TYPES } from '@custos/engine';
import {
  RECORD_TABLE,
  countOwnedRecords,
  listAuditEvents,
  listGrantsOfUser,
  listTeamMembershipsOf,
  listReviewItems,
  getPendingChange,
  insertPendingChange,
  putTeamMember,
} from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';

let t: TestApp;
let admin: string;

const TENANT = 'yunshan';

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie, 'user-agent': 'jml-test' },
    ...(method === 'GET' ? {} : { payload: payload ?? {} }),
  });
  return { status: response.statusCode, body: response.json() };
}

async function login(email: string): Promise<number> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password: 'Custos-Demo-2026' },
  });
  return response.statusCode;
}

/** Every record of every object, as (object, id, owner) — to show nothing else changed. */
async function owners(): Promise<string> {
  const out: string[] = [];
  for (const object of OBJECT_TYPES) {
    const rows = await t.database.db
      .selectFrom(RECORD_TABLE[object] as 'customers')
      .select(['id', 'owner_id', 'department_id'])
      .where('tenant_id', '=', TENANT)
      .orderBy('id')
      .execute();
    for (const r of rows) out.push(`${object}/${r.id}:${r.owner_id}:${r.department_id}`);
  }
  return out.join('\n');
}

async function userOf(id: string) {
  const { body } = await call(admin, 'GET', `/v1/admin/users/${id}`);
  return body.data as { status: string; managerId: string | null; departmentId: string };
}

describe.each(['pglite', 'postgres'] as const)('joiner / mover / leaver on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 60, backend });
    admin = await t.login('zhou.min@yunshan.example');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a caller without user_admin, and bad input naming the field, changing nothing', async () => {
    const rep = await t.login('li.lei@yunshan.example');
    const denied = await call(rep, 'POST', '/v1/admin/users/zhangwei/offboard', {
      successorId: 'lilei',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('PERMISSION_DENIED');
    const before = await owners();
    const cases: [object, number, string, string, string?][] = [
      [{ successorId: 'nobody' }, 422, 'SUCCESSOR_INVALID', 'body/successorId', 'unknown'],
      [{ successorId: 'xupeng' }, 422, 'SUCCESSOR_INVALID', 'body/successorId', 'inactive'],
      [{ successorId: 'zhangwei' }, 422, 'SUCCESSOR_INVALID', 'body/successorId', 'leaver'],
      [{ successorId: 'portal-1' }, 422, 'SUCCESSOR_INVALID', 'body/successorId', 'not_internal'],
      [{}, 422, 'SUCCESSOR_REQUIRED', 'body/successorId'],
      [
        {
          successorId: 'lilei',
          customers: [{ customerId: 'not-a-customer', successorId: 'lilei' }],
        },
        400,
        'REQUEST_INVALID',
        'body/customers/0/customerId',
      ],
      [
        { successorId: 'lilei', managers: [{ userId: 'lilei', managerId: 'hanmeimei' }] },
        400,
        'REQUEST_INVALID',
        'body/managers/0/userId',
      ],
      [{ successorId: 'lilei', surprise: 1 }, 400, 'REQUEST_INVALID', 'body/surprise'],
    ];
    for (const [payload, status, code, field, reason] of cases) {
      const r = await call(admin, 'POST', '/v1/admin/users/zhangwei/offboard', payload);
      expect(r.status, JSON.stringify(payload)).toBe(status);
      expect(r.body.code).toBe(code);
      if (code !== 'REQUEST_INVALID' || field !== 'body/surprise')
        expect(r.body.details.field).toBe(field);
      if (reason !== undefined) expect(r.body.details.reason).toBe(reason);
    }
    const unknown = await call(admin, 'POST', '/v1/admin/users/nobody/offboard', {
      successorId: 'lilei',
    });
    expect(unknown.status).toBe(404);
    const self = await call(admin, 'POST', '/v1/admin/users/zhoumin/offboard', {
      successorId: 'wuhao',
    });
    expect(self.status).toBe(400);
    expect(self.body.details.field).toBe('params/id');
    // The preview of bad input is an answer listing every error, not a failure.
    const preview = await call(admin, 'POST', '/v1/admin/users/zhangwei/offboard/preview', {
      successorId: 'nobody',
      newManagerId: 'xupeng',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.data.valid).toBe(false);
    expect(
      preview.body.data.errors.map((e: { details: { field: string } }) => e.details.field),
    ).toEqual(['body/successorId', 'body/newManagerId']);
    expect(await owners()).toBe(before);
    expect((await userOf('zhangwei')).status).toBe('active');
    expect(await login('zhang.wei@yunshan.example')).toBe(200);
  });

  it('offboards a rep: preview, then records to the successor, teams, grants, sessions, account — one audit trail', async () => {
    const db = t.database.db;
    const leaverCookie = await t.login('zhang.wei@yunshan.example');
    // zhangwei is on another rep's customer team too.
    const other = await db
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', TENANT)
      .where('owner_id', '=', 'lilei')
      .executeTakeFirstOrThrow();
    await putTeamMember(db, TENANT, { customerId: other.id, userId: 'zhangwei', access: 'read' });
    const owned = await countOwnedRecords(db, TENANT, 'zhangwei');
    expect(owned.customer ?? 0).toBeGreaterThan(0);
    const successorBefore = await countOwnedRecords(db, TENANT, 'liuyang');

    const preview = await call(admin, 'POST', '/v1/admin/users/zhangwei/offboard/preview', {
      successorId: 'liuyang',
    });
    expect(preview.status).toBe(200);
    const p = preview.body.data;
    expect(p.valid).toBe(true);
    expect(p.records.owned).toEqual(owned);
    expect(
      p.records.customers.every((c: { successorId: string }) => c.successorId === 'liuyang'),
    ).toBe(true);
    expect(p.teams).toContainEqual({ customerId: other.id, access: 'read' });
    expect(p.grants.map((g: { id: string }) => g.id)).toContain('grant-cover-leave');
    expect(p.positions).toEqual([]);
    expect(p.access.sessions).toBeGreaterThan(0);
    expect(p.steps).toContain('access_requests.cancel');

    const done = await call(admin, 'POST', '/v1/admin/users/zhangwei/offboard', {
      successorId: 'liuyang',
      reason: 'left the company',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data.grantsRevoked).toContain('grant-cover-leave');
    expect(done.body.data.teamsLeft).toBe(1);
    // The demo's pending role request of the leaver is cancelled with the offboarding.
    expect(done.body.data.accessRequestsCancelled).toBe(1);
    const requests = await db
      .selectFrom('access_requests')
      .select('status')
      .where('tenant_id', '=', TENANT)
      .where('requester_id', '=', 'zhangwei')
      .execute();
    expect(requests.map((r) => r.status)).toEqual(['cancelled']);

    // Nothing owned is left without an owner: the leaver owns nothing, the successor has it all.
    expect(await countOwnedRecords(db, TENANT, 'zhangwei')).toEqual({});
    const successorAfter = await countOwnedRecords(db, TENANT, 'liuyang');
    for (const object of OBJECT_TYPES)
      expect(successorAfter[object] ?? 0).toBe(
        (successorBefore[object] ?? 0) + (owned[object] ?? 0),
      );
    const orphans = await db
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', TENANT)
      .where('owner_id', '=', 'zhangwei')
      .execute();
    expect(orphans).toEqual([]);
    expect(await listTeamMembershipsOf(db, TENANT, 'zhangwei')).toEqual([]);
    expect(await listGrantsOfUser(db, TENANT, 'zhangwei')).toEqual([]);
    expect((await userOf('zhangwei')).status).toBe('departed');
    // Cannot sign in; the old session is over.
    expect(await login('zhang.wei@yunshan.example')).not.toBe(200);
    const old = await call(leaverCookie, 'GET', '/v1/auth/me');
    expect(old.status).toBe(401);

    // One audit trail: user.offboard with the summary, and its constituent events, all with the
    // request's context.
    const events = await listAuditEvents(db, TENANT, { limit: 50 });
    const offboard = events.find((e) => e.action === 'user.offboard');
    expect(offboard).toMatchObject({
      actorId: 'zhoumin',
      target: 'user/zhangwei',
      userAgent: 'jml-test',
    });
    expect(offboard?.requestId).toBeTruthy();
    const trail = events.filter((e) => e.requestId === offboard?.requestId).map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining([
        'user.offboard',
        'user.records_hand_over',
        'team.remove',
        'grant.revoke',
        'user.deactivate',
        'request.cancel',
      ]),
    );
    expect(
      events
        .filter((e) => e.requestId === offboard?.requestId)
        .every((e) => e.userAgent === 'jml-test'),
    ).toBe(true);
  });

  it('names the positions a manager holds and refuses until each has a new holder; hands customers one by one', async () => {
    const db = t.database.db;
    const before = await owners();
    const refused = await call(admin, 'POST', '/v1/admin/users/hanmeimei/offboard', {
      successorId: 'zhaolei',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('POSITIONS_UNASSIGNED');
    const positions = refused.body.details.positions as { kind: string; departmentId?: string }[];
    expect(positions).toContainEqual(
      expect.objectContaining({ kind: 'department_head', departmentId: 'sales-east' }),
    );
    const reports = positions.filter((p) => p.kind === 'manager').length;
    expect(reports).toBeGreaterThan(5);
    expect(refused.body.message).toContain(`manager of ${reports} people`);
    // Only the head named: still refused for the reports.
    const half = await call(admin, 'POST', '/v1/admin/users/hanmeimei/offboard', {
      successorId: 'zhaolei',
      departmentHeads: [{ departmentId: 'sales-east', headId: 'wangzhiqiang' }],
    });
    expect(half.body.code).toBe('POSITIONS_UNASSIGNED');
    expect(half.body.details.positions.every((p: { kind: string }) => p.kind === 'manager')).toBe(
      true,
    );
    const badHead = await call(admin, 'POST', '/v1/admin/users/hanmeimei/offboard', {
      successorId: 'zhaolei',
      departmentHeads: [{ departmentId: 'sales-east', headId: 'hanmeimei' }],
      newManagerId: 'wangzhiqiang',
    });
    expect(badHead.status).toBe(422);
    expect(badHead.body.details.field).toBe('body/departmentHeads/0/headId');
    expect(await owners()).toBe(before);
    expect((await userOf('hanmeimei')).status).toBe('active');

    const customers = await db
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', TENANT)
      .where('owner_id', '=', 'hanmeimei')
      .orderBy('id')
      .execute();
    expect(customers.length).toBeGreaterThan(0);
    const first = customers[0]!.id;
    // A rep cleared for internal records cannot take a manager's confidential customers.
    const uncleared = await call(admin, 'POST', '/v1/admin/users/hanmeimei/offboard', {
      successorId: 'lilei',
      departmentHeads: [{ departmentId: 'sales-east', headId: 'wangzhiqiang' }],
      newManagerId: 'wangzhiqiang',
    });
    expect(uncleared.status).toBe(422);
    expect(uncleared.body.details).toMatchObject({
      field: 'body/successorId',
      reason: 'clearance',
    });
    // Nor may the administrator hand them to themselves.
    const self = await call(admin, 'POST', '/v1/admin/users/hanmeimei/offboard', {
      successorId: 'zhoumin',
      departmentHeads: [{ departmentId: 'sales-east', headId: 'wangzhiqiang' }],
      newManagerId: 'wangzhiqiang',
    });
    expect(self.body.details).toMatchObject({ field: 'body/successorId', reason: 'self' });
    // A request waiting on the leaver (her report asks for a role): it must not wait on her.
    const asked = await call(
      await t.login('liu.yang@yunshan.example'),
      'POST',
      '/v1/access-requests',
      {
        kind: 'role',
        roleId: 'sales-manager',
        durationDays: 7,
        reason: 'acting manager',
      },
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const waitingBefore = await db
      .selectFrom('access_requests')
      .select('waiting_on')
      .where('tenant_id', '=', TENANT)
      .where('id', '=', asked.body.id)
      .executeTakeFirstOrThrow();
    expect(waitingBefore.waiting_on).toEqual(['hanmeimei']);
    const pendingReviews = () =>
      listReviewItems(db, TENANT, { reviewerId: 'hanmeimei', status: ['pending'], openOnly: true });
    // The demo's open review campaign has items for her to decide.
    const toReview = (await pendingReviews()).length;
    expect(toReview).toBeGreaterThan(0);
    // A four-eyes change she submitted (as a department head might, for her team's roles).
    const held = await insertPendingChange(db, {
      tenantId: TENANT,
      authorId: 'hanmeimei',
      changes: [{ kind: 'user.update', id: 'lilei', roleIds: ['sales-rep', 'sales-manager'] }],
      categories: ['roles'],
      baseVersion: 1,
      now: TEST_NOW,
      expiresAt: TEST_NOW + 7 * 86_400_000,
    });
    const ok = await call(admin, 'POST', '/v1/admin/users/hanmeimei/offboard', {
      successorId: 'zhaolei',
      customers: [{ customerId: first, successorId: 'huangxiaoyan' }],
      departmentHeads: [{ departmentId: 'sales-east', headId: 'wangzhiqiang' }],
      newManagerId: 'wangzhiqiang',
      managers: [{ userId: 'lilei', managerId: 'zhaolei' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // Rerouted: to her report's new manager (or up the line), audited, never to nobody.
    expect(ok.body.data.accessRequestsRerouted).toBe(1);
    const waitingAfter = await db
      .selectFrom('access_requests')
      .select(['waiting_on', 'status'])
      .where('tenant_id', '=', TENANT)
      .where('id', '=', asked.body.id)
      .executeTakeFirstOrThrow();
    expect(waitingAfter.status).toBe('pending');
    expect(waitingAfter.waiting_on).not.toContain('hanmeimei');
    expect((waitingAfter.waiting_on as string[]).length).toBeGreaterThan(0);
    // Her held change is withdrawn: nobody approves it after she left.
    expect(ok.body.data.pendingChangesWithdrawn).toBe(1);
    expect(await getPendingChange(db, TENANT, held.id)).toMatchObject({
      status: 'withdrawn',
      decidedBy: 'zhoumin',
      decisionReason: 'author offboarded',
    });
    // Her review items went to someone who may decide them, never to the reviewee.
    expect(ok.body.data.reviewItemsReassigned).toBe(toReview);
    expect(await pendingReviews()).toEqual([]);
    const moved = (await listAuditEvents(db, TENANT, { action: 'review.reassign' })).filter(
      (e) => (e.after as { reason?: string }).reason === 'reviewer_left',
    );
    expect(moved).toHaveLength(toReview);
    const rerouted = (await listAuditEvents(db, TENANT, { action: 'request.reroute' }))[0];
    expect(rerouted).toMatchObject({
      target: `access_request/${asked.body.id}`,
      after: { reason: 'approver_left' },
    });
    const owner = await db
      .selectFrom('customers')
      .select(['owner_id', 'department_id'])
      .where('tenant_id', '=', TENANT)
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(owner).toEqual({ owner_id: 'huangxiaoyan', department_id: 'sales-south' });
    expect(await countOwnedRecords(db, TENANT, 'hanmeimei')).toEqual({});
    expect((await userOf('lilei')).managerId).toBe('zhaolei');
    expect((await userOf('liuyang')).managerId).toBe('wangzhiqiang');
    const dept = await call(admin, 'GET', '/v1/admin/departments/sales-east');
    expect(dept.body.data.headId).toBe('wangzhiqiang');
    const group = await call(admin, 'GET', '/v1/admin/groups/g-key-accounts');
    expect(group.body.data.userIds).not.toContain('hanmeimei');
  });

  it('previews a transfer: records moving, read and edit counts before and after; nothing changes', async () => {
    const before = await owners();
    const { status, body } = await call(admin, 'POST', '/v1/admin/users/liuyang/transfer/preview', {
      departmentId: 'sales-north',
      managerId: 'zhaolei',
      ownedRecords: 'transfer_to',
      transferToUserId: 'chenjing',
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const p = body.data;
    expect(p.change.valid).toBe(true);
    expect(p.records).toMatchObject({ mode: 'transfer_to', toUserId: 'chenjing' });
    expect(p.records.owned.customer).toBeGreaterThan(0);
    const customer = p.access.find((a: { object: string }) => a.object === 'customer');
    expect(customer.read.before).toBeGreaterThan(0);
    // Their own customers go to the successor: a rep reads fewer after.
    expect(customer.read.after).toBeLessThan(customer.read.before);
    expect(p.roles).toEqual({ before: ['sales-rep'], after: ['sales-rep'] });
    expect(p.to).toEqual({ departmentId: 'sales-north', managerId: 'zhaolei' });
    // The preview rolled its trial back.
    expect(await owners()).toBe(before);
    expect((await userOf('liuyang')).departmentId).toBe('sales-east');
    const bad = await call(admin, 'POST', '/v1/admin/users/liuyang/transfer/preview', {
      departmentId: 'no-such-department',
    });
    expect(bad.status).toBe(200);
    expect(bad.body.data.change.valid).toBe(false);
    expect(bad.body.data.access).toEqual([]);
  });
});
