/**
 * The admin API over HTTP (the whole app, demo company, PGlite): a 系统管理员 changes the
 * directory and the next request sees it; others are refused; bad input names the field; an
 * invalid model names the path. On both backends.
 */
import { buildIndex, decide, type CrmRecord, type PolicyModel } from '@custos/engine';
import { listAuditEvents } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let admin: string;
let rep: string;

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie, ...headers },
    // Every state-changing request sends JSON (an empty object when it has no body).
    ...(payload === undefined
      ? method === 'GET'
        ? {}
        : { payload: {} }
      : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

async function allowed(userId: string, record: CrmRecord): Promise<boolean> {
  const cookie = await t.login(emailOf(userId));
  const { status, body } = await call(cookie, 'POST', '/v1/authz/check', {
    items: [{ subject: userId, action: 'read', object: 'customer', recordId: record.id }],
  });
  expect(status).toBe(200);
  return (body as { results: { allowed: boolean }[] }).results[0]!.allowed;
}

describe.each(['pglite', 'postgres'] as const)('admin API on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 50, backend });
    admin = await t.login(emailOf('zhoumin'));
    rep = await t.login(emailOf('zhangwei'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists with the policy version, for a 系统管理员', async () => {
    expect(t.demo.company.model.users.find((u) => u.id === 'zhoumin')?.roleIds).toEqual([
      'sys-admin',
    ]);
    const { status, body, headers } = await call(admin, 'GET', '/v1/admin/departments');
    expect(status).toBe(200);
    expect(body.data).toContainEqual(
      expect.objectContaining({ id: 'sales-east', name: '华东大区' }),
    );
    expect(body.version).toBeGreaterThanOrEqual(1);
    expect(headers.etag).toBe(`"${body.version}"`);
    const role = await call(admin, 'GET', '/v1/admin/roles/sales-rep');
    expect(role.body.data).toMatchObject({ id: 'sales-rep', name: '销售代表' });
  });

  it('pages a list in id order: limit (default 50, at most 500), cursor, q', async () => {
    const users = t.demo.company.model.users;
    expect(users.length).toBeGreaterThan(50);
    const ids = users.map((u) => u.id).sort((a, b) => (a < b ? -1 : 1));
    const first = await call(admin, 'GET', '/v1/admin/users');
    expect(first.status).toBe(200);
    expect(first.body.data.map((u: { id: string }) => u.id)).toEqual(ids.slice(0, 50));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.headers.etag).toBe(`"${first.body.version}"`);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await call(admin, 'GET', `/v1/admin/users?limit=25${query}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(25);
      walked.push(...page.body.data.map((u: { id: string }) => u.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(walked).toEqual(ids);

    const named = await call(admin, 'GET', `/v1/admin/users?q=${encodeURIComponent('李')}`);
    expect(named.body.data.length).toBeGreaterThan(0);
    expect(named.body.data.map((u: { id: string }) => u.id)).toEqual(
      users
        .filter((u) => u.name.includes('李'))
        .map((u) => u.id)
        .sort((a, b) => (a < b ? -1 : 1)),
    );
    const usersCursor = encodeURIComponent(first.body.nextCursor);
    for (const [url, field] of [
      ['/v1/admin/users?limit=501', 'querystring/limit'],
      ['/v1/admin/users?limit=0', 'querystring/limit'],
      ['/v1/admin/users?cursor=forged', 'querystring/cursor'],
      [`/v1/admin/roles?cursor=${usersCursor}`, 'querystring/cursor'],
    ] as const) {
      const { status, body } = await call(admin, 'GET', url);
      expect(status, url).toBe(400);
      expect(body).toMatchObject({ code: 'REQUEST_INVALID', details: { field } });
    }
  });

  it('refuses a 销售代表 with 403 PERMISSION_DENIED', async () => {
    for (const [method, url, payload] of [
      ['GET', '/v1/admin/users', undefined],
      ['POST', '/v1/admin/users/lilei/transfer', { departmentId: 'sales-north' }],
      ['PATCH', '/v1/admin/roles/sales-rep', { functions: ['export'] }],
    ] as const) {
      const { status, body } = await call(rep, method, url, payload);
      expect(status, `${method} ${url}`).toBe(403);
      expect(body.code).toBe('PERMISSION_DENIED');
    }
  });

  it('transfers a user, and the next request decides with the new department and manager', async () => {
    const model = t.demo.company.model;
    const moved: PolicyModel = {
      ...model,
      users: model.users.map((u) =>
        u.id === 'lilei' ? { ...u, departmentId: 'sales-north', managerId: 'zhaolei' } : u,
      ),
    };
    const [before, after] = [buildIndex(model), buildIndex(moved)];
    const record = t.demo.company.records.find(
      (r) =>
        r.object === 'customer' &&
        r.ownerId === 'lilei' &&
        decide(before, 'hanmeimei', 'read', r, TEST_NOW) &&
        !decide(before, 'zhaolei', 'read', r, TEST_NOW) &&
        !decide(after, 'hanmeimei', 'read', r, TEST_NOW) &&
        decide(after, 'zhaolei', 'read', r, TEST_NOW),
    );
    expect(record, 'a customer of 李雷 that only his manager reads').toBeDefined();
    expect(await allowed('hanmeimei', record!)).toBe(true);
    expect(await allowed('zhaolei', record!)).toBe(false);

    const current = await call(admin, 'GET', '/v1/admin/users/lilei');
    const { status, body } = await call(
      admin,
      'POST',
      '/v1/admin/users/lilei/transfer',
      { departmentId: 'sales-north', managerId: 'zhaolei', ownedRecords: 'keep' },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: expect.objectContaining({
        id: 'lilei',
        departmentId: 'sales-north',
        managerId: 'zhaolei',
      }),
      version: current.body.version + 1,
    });

    expect(await allowed('hanmeimei', record!)).toBe(false);
    expect(await allowed('zhaolei', record!)).toBe(true);
    const me = await call(await t.login(emailOf('lilei')), 'GET', '/v1/auth/me');
    expect(me.body.user.departmentId).toBe('sales-north');

    const [event] = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'user.transfer',
    });
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      target: 'user/lilei',
      before: { departmentId: 'sales-east' },
      after: { departmentId: 'sales-north', ownedRecords: { mode: 'keep' } },
    });
  });

  it('answers If-Match with 409 CONFLICT when that entity changed since, and not for others', async () => {
    const seen = await call(admin, 'GET', '/v1/admin/departments/finance');
    const etag = seen.headers.etag as string;
    // Another admin renames finance: the first admin's view of it is stale now.
    const first = await call(admin, 'PUT', '/v1/admin/departments/finance/name', {
      name: '财务部',
    });
    expect(first.status).toBe(200);
    const { status, body } = await call(
      admin,
      'PUT',
      '/v1/admin/departments/finance/name',
      { name: '财务中心' },
      { 'if-match': etag },
    );
    expect(status).toBe(409);
    expect(body).toMatchObject({
      code: 'CONFLICT',
      details: { entity: 'department', id: 'finance' },
    });
    // The same stale version still edits an entity that did not change since.
    const other = await call(
      admin,
      'PUT',
      '/v1/admin/departments/sales-north/name',
      { name: '华北销售区' },
      { 'if-match': etag },
    );
    expect(other.status).toBe(200);
  });

  it('answers a bad body with 400 naming the field', async () => {
    const unknown = await call(admin, 'POST', '/v1/admin/departments', {
      name: '研发部',
      parentId: 'yunshan',
      colour: 'red',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/colour' },
    });

    const wrongType = await call(admin, 'PATCH', '/v1/admin/roles/sales-rep', {
      objects: { customer: { read: 'everything' } },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details.field).toBe('body/objects/customer/read');

    const missing = await call(admin, 'POST', '/v1/admin/users/lilei/transfer', {
      departmentId: 'sales-south',
      ownedRecords: 'transfer_to',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.field).toBe('body/transferToUserId');

    // A union's variant is chosen by its tag: an unknown tag, a missing or foreign property.
    for (const [url, payload, field] of [
      ['/v1/admin/groups', { name: '组', kind: 'team' }, 'body/kind'],
      ['/v1/admin/groups', { name: '组', kind: 'role' }, 'body/roleId'],
      [
        '/v1/admin/groups',
        { name: '组', kind: 'role', roleId: 'sales-rep', userIds: [] },
        'body/userIds',
      ],
      [
        '/v1/admin/grants',
        {
          subject: { kind: 'robot' },
          object: 'customer',
          target: { kind: 'all' },
          access: 'read',
          expiresAt: null,
          reason: '测试',
        },
        'body/subject/kind',
      ],
      ['/v1/admin/departments', { id: 'Sales', name: '部门', parentId: null }, 'body/id'],
    ] as const) {
      const r = await call(admin, 'POST', url, payload);
      expect(r.status, field).toBe(400);
      expect(r.body).toMatchObject({ code: 'REQUEST_INVALID', details: { field } });
    }
  });

  it('answers a department cycle with 422 MODEL_INVALID and the path, writing nothing', async () => {
    const before = await call(admin, 'GET', '/v1/admin/departments');
    const { status, body } = await call(admin, 'PUT', '/v1/admin/departments/sales/parent', {
      parentId: 'sales-north',
    });
    expect(status).toBe(422);
    expect(body.code).toBe('MODEL_INVALID');
    expect(body.details.errors).toContainEqual(
      expect.objectContaining({
        code: 'ENGINE_HIERARCHY_CYCLE',
        path: expect.stringMatching(/^departments\[\d+\]\.parentId$/),
      }),
    );
    const after = await call(admin, 'GET', '/v1/admin/departments');
    expect(after.body.version).toBe(before.body.version);
  });

  it('creates, updates and deletes across the admin resources', async () => {
    const dept = await call(admin, 'POST', '/v1/admin/departments', {
      id: 'rnd',
      name: '研发部',
      parentId: 'yunshan',
    });
    expect(dept.status).toBe(201);
    const user = await call(admin, 'POST', '/v1/admin/users', {
      id: 'newhire',
      name: '新员工',
      departmentId: 'rnd',
      roleIds: ['sales-rep'],
    });
    expect(user.status).toBe(201);
    expect(user.body.data).toMatchObject({
      status: 'active',
      clearance: 'internal',
      managerId: null,
    });
    expect((await call(admin, 'DELETE', '/v1/admin/departments/rnd')).body.code).toBe(
      'DEPARTMENT_NOT_EMPTY',
    );

    const role = await call(admin, 'POST', '/v1/admin/roles', {
      id: 'analyst',
      name: '分析师',
      objects: { customer: { read: 'department_tree' } },
      functions: ['reports'],
      fields: { customer: { phone: 'masked' } },
    });
    expect(role.status).toBe(201);
    const patched = await call(admin, 'PATCH', '/v1/admin/users/newhire', { roleIds: ['analyst'] });
    expect(patched.body.data.roleIds).toEqual(['analyst']);
    expect((await call(admin, 'DELETE', '/v1/admin/roles/analyst')).status).toBe(409);

    const group = await call(admin, 'POST', '/v1/admin/groups', {
      id: 'rnd-all',
      name: '研发全员',
      kind: 'public',
    });
    expect(group.status).toBe(201);
    const member = await call(admin, 'POST', '/v1/admin/groups/rnd-all/members', {
      kind: 'user',
      id: 'newhire',
    });
    expect(member.body.data.userIds).toEqual(['newhire']);

    const rule = await call(admin, 'POST', '/v1/admin/sharing-rules', {
      id: 'rule-rnd',
      name: '研发读华东客户',
      object: 'customer',
      source: { kind: 'owner', ownerGroupId: 'rnd-all' },
      targetGroupId: 'rnd-all',
      access: 'read',
    });
    expect(rule.status).toBe(201);
    // The group is still named by the rule: the model would be invalid.
    const blocked = await call(admin, 'DELETE', '/v1/admin/groups/rnd-all');
    expect(blocked.status).toBe(422);
    expect(blocked.body.details.errors[0].path).toMatch(/^sharingRules\[\d+\]/);

    const grant = await call(admin, 'POST', '/v1/admin/grants', {
      subject: { kind: 'group', groupId: 'rnd-all' },
      object: 'customer',
      target: { kind: 'all' },
      access: 'read',
      startsAt: TEST_NOW,
      expiresAt: TEST_NOW + 7 * 86_400_000,
      reason: '项目支持',
    });
    expect(grant.status).toBe(201);
    const revoked = await call(admin, 'DELETE', `/v1/admin/grants/${grant.body.data.id}`, {
      reason: '项目结束',
    });
    expect(revoked.status).toBe(200);

    const owd = await call(admin, 'PUT', '/v1/admin/objects/deal/org-wide-default', {
      orgWideDefault: 'public_read',
    });
    expect(owd.body.data).toMatchObject({ object: 'deal', orgWideDefault: 'public_read' });
    const field = await call(admin, 'PUT', '/v1/admin/objects/customer/fields/phone', {
      sensitivity: 'confidential',
      mask: 'phone',
      label: '电话',
    });
    expect(field.body.data.fields.phone).toEqual({
      sensitivity: 'confidential',
      mask: 'phone',
      label: '电话',
    });

    // Empty the department, then delete it.
    expect((await call(admin, 'DELETE', '/v1/admin/sharing-rules/rule-rnd')).status).toBe(200);
    expect((await call(admin, 'DELETE', '/v1/admin/groups/rnd-all')).status).toBe(200);
    const departed = await call(admin, 'POST', '/v1/admin/users/newhire/deactivate', {
      status: 'departed',
    });
    expect(departed.body.data.status).toBe('departed');
    const moved = await call(admin, 'POST', '/v1/admin/users/newhire/transfer', {
      departmentId: 'sales',
    });
    expect(moved.status).toBe(200);
    expect((await call(admin, 'DELETE', '/v1/admin/departments/rnd')).status).toBe(200);
  });

  it('deactivates a user, whose sessions end at once, and reactivates', async () => {
    const cookie = await t.login(emailOf('zhangwei'));
    expect((await call(cookie, 'GET', '/v1/auth/me')).status).toBe(200);
    const deactivated = await call(admin, 'POST', '/v1/admin/users/zhangwei/deactivate');
    expect(deactivated.body.data).toMatchObject({ id: 'zhangwei', status: 'suspended' });
    const refused = await call(cookie, 'GET', '/v1/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH_REQUIRED');
    expect((await call(admin, 'POST', '/v1/admin/users/zhangwei/reactivate')).status).toBe(200);
    const again = await t.login(emailOf('zhangwei'));
    expect((await call(again, 'GET', '/v1/auth/me')).status).toBe(200);
  });

  it('documents every admin route in OpenAPI with its permission and tag', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/v1/admin/users/{id}/transfer']?.post).toMatchObject({
      'x-permission': 'function:user_admin',
      tags: ['admin: users'],
    });
    expect(paths['/v1/admin/roles/{id}']?.patch).toMatchObject({
      'x-permission': 'function:role_admin',
    });
  });

  it('answers 404 for an unknown entity', async () => {
    const { status, body } = await call(admin, 'PUT', '/v1/admin/users/nobody/manager', {
      managerId: null,
    });
    expect(status).toBe(404);
    expect(body.code).toBe('NOT_FOUND');
  });
});
