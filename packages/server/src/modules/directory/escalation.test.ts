/**
 * No escalation over HTTP (the whole app, demo company, PGlite): an admin gives nobody — least of
 * all themselves — a function, a scope, a field level, a clearance, a grant or a sharing rule
 * beyond their own. The single routes, `POST /v1/admin/changes` and its preview refuse alike with
 * ESCALATION_DENIED naming the field and what is missing, and nothing is written.
 */
import { loadPolicyModel } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, createTestApp, type TestApp } from '../../test-app.ts';
import { commitChange } from './commit-change.ts';

let t: TestApp;
let admin: string;
/** 孙丽, given a role with only `role_admin` (and reading her own customers). */
let roleAdmin: string;
/** 姚远, given a role with only `user_admin`. */
let userAdmin: string;

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload: unknown = {},
) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(method === 'GET' ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() };
}

/** The change, refused alike by the batch route and its preview. */
async function refusedAsBatch(cookie: string, change: object, field: string, missing: string) {
  const batch = await call(cookie, 'POST', '/v1/admin/changes', { changes: [change] });
  expect(batch.status).toBe(403);
  expect(batch.body).toMatchObject({ code: 'ESCALATION_DENIED', details: { field, missing } });
  const preview = await call(cookie, 'POST', '/v1/admin/changes/preview', { changes: [change] });
  expect(preview.status).toBe(200);
  expect(preview.body.valid).toBe(false);
  expect(preview.body.errors[0]).toMatchObject({
    code: 'ESCALATION_DENIED',
    details: { field, missing },
  });
}

describe('no escalation over HTTP', () => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 50 });
    admin = await t.login(emailOf('zhoumin'));
    const made = [
      await call(admin, 'POST', '/v1/admin/roles', {
        id: 'role-keeper',
        name: '角色管理员',
        objects: { customer: { read: 'own' } },
        functions: ['role_admin'],
      }),
      await call(admin, 'POST', '/v1/admin/roles', {
        id: 'user-keeper',
        name: '用户管理员',
        functions: ['user_admin'],
      }),
      await call(admin, 'POST', '/v1/admin/roles', { id: 'nothing', name: '无权限' }),
      await call(admin, 'PATCH', '/v1/admin/users/sunli', { roleIds: ['role-keeper'] }),
      await call(admin, 'PATCH', '/v1/admin/users/yaoyuan', { roleIds: ['user-keeper'] }),
    ];
    for (const r of made) expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    roleAdmin = await t.login(emailOf('sunli'));
    userAdmin = await t.login(emailOf('yaoyuan'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('a holder of only role_admin cannot add user_admin to their own role', async () => {
    const r = await call(roleAdmin, 'PATCH', '/v1/admin/roles/role-keeper', {
      functions: ['role_admin', 'user_admin'],
    });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      code: 'ESCALATION_DENIED',
      details: { field: 'roles/role-keeper/functions', missing: 'function user_admin' },
    });
    await refusedAsBatch(
      roleAdmin,
      { kind: 'role.update', id: 'role-keeper', functions: ['role_admin', 'user_admin'] },
      'roles/role-keeper/functions',
      'function user_admin',
    );
    const model = await loadPolicyModel(t.database.db, 'yunshan');
    expect(model.roles.find((x) => x.id === 'role-keeper')?.functions).toEqual(['role_admin']);
  });

  it('a role_admin cannot raise a scope or a field level above their own, in any role', async () => {
    const scope = await call(roleAdmin, 'PATCH', '/v1/admin/roles/nothing', {
      objects: { customer: { read: 'all' } },
    });
    expect(scope.status).toBe(403);
    expect(scope.body.details).toMatchObject({
      field: 'roles/nothing/objects/customer/read',
      missing: 'scope all on customer.read',
    });
    // The sales manager role, held by others: no wider scope than the admin's own `own`.
    await refusedAsBatch(
      roleAdmin,
      { kind: 'role.update', id: 'sales-manager', objects: { deal: { delete: 'all' } } },
      'roles/sales-manager/objects/deal/delete',
      'scope all on deal.delete',
    );
    // Within their own holdings: allowed (read own customers, a field they read masked).
    const within = await call(roleAdmin, 'POST', '/v1/admin/roles', {
      id: 'own-reader',
      name: '只读自己',
      objects: { customer: { read: 'own' } },
      fields: { customer: { phone: 'masked' } },
    });
    expect(within.status).toBe(201);
  });

  it('a holder of only user_admin cannot give themselves the system-administrator role or the highest clearance', async () => {
    const role = await call(userAdmin, 'PATCH', '/v1/admin/users/yaoyuan', {
      roleIds: ['user-keeper', 'sys-admin'],
    });
    expect(role.status).toBe(403);
    expect(role.body.code).toBe('ESCALATION_DENIED');
    expect(role.body.details.field).toBe('users/yaoyuan/roleIds');
    expect(role.body.details.missing).toMatch(/^role sys-admin: /);
    const clearance = await call(userAdmin, 'PATCH', '/v1/admin/users/yaoyuan', {
      clearance: 'restricted',
    });
    expect(clearance.status).toBe(403);
    expect(clearance.body.details).toMatchObject({
      field: 'users/yaoyuan/clearance',
      missing: 'clearance restricted',
    });
    await refusedAsBatch(
      userAdmin,
      { kind: 'user.update', id: 'yaoyuan', clearance: 'restricted' },
      'users/yaoyuan/clearance',
      'clearance restricted',
    );
    const model = await loadPolicyModel(t.database.db, 'yunshan');
    expect(model.users.find((u) => u.id === 'yaoyuan')).toMatchObject({
      roleIds: ['user-keeper'],
      clearance: 'internal',
    });
  });

  it('a user_admin cannot give another user a role or clearance above their own, nor create one so', async () => {
    const other = await call(userAdmin, 'PATCH', '/v1/admin/users/lvna', {
      roleIds: ['sys-admin'],
    });
    expect(other.status).toBe(403);
    expect(other.body.details.field).toBe('users/lvna/roleIds');
    const created = await call(userAdmin, 'POST', '/v1/admin/users', {
      id: 'mole',
      name: '卧底',
      departmentId: 'finance',
      roleIds: ['role-keeper'],
    });
    expect(created.status).toBe(403);
    expect(created.body.details.missing).toBe('role role-keeper: function role_admin');
    // A role within their holdings is fine for somebody else.
    const fine = await call(userAdmin, 'PATCH', '/v1/admin/users/lvna', { roleIds: ['nothing'] });
    expect(fine.status).toBe(200);
  });

  it('an admin changes their own roles only holding every admin function', async () => {
    const self = await call(userAdmin, 'PATCH', '/v1/admin/users/yaoyuan', {
      roleIds: ['user-keeper', 'nothing'],
    });
    expect(self.status).toBe(403);
    expect(self.body.details).toMatchObject({
      field: 'users/yaoyuan/roleIds',
      missing: 'function role_admin',
    });
    // Nor what a role they hold gives, even a mere rename.
    const rename = await call(roleAdmin, 'PATCH', '/v1/admin/roles/role-keeper', {
      name: '我的角色',
    });
    expect(rename.status).toBe(403);
    expect(rename.body.details).toMatchObject({
      field: 'roles/role-keeper',
      missing: 'function user_admin',
    });
    // The system administrator holds every admin function: their own roles are theirs to change.
    const sys = await call(admin, 'PATCH', '/v1/admin/users/zhoumin', {
      roleIds: ['sys-admin', 'nothing'],
    });
    expect(sys.status).toBe(200);
  });

  it('grants and sharing rules give nothing the admin does not reach', async () => {
    const all = await call(roleAdmin, 'POST', '/v1/admin/grants', {
      id: 'grant-all',
      subject: { kind: 'user', userId: 'sunli' },
      object: 'customer',
      target: { kind: 'all' },
      access: 'read',
      expiresAt: null,
      reason: '自己给自己',
    });
    expect(all.status).toBe(403);
    expect(all.body.details).toMatchObject({
      field: 'grants/grant-all',
      missing: 'customer.read on every customer',
    });
    const someone = t.demo.company.records.find(
      (r) => r.object === 'customer' && r.ownerId !== 'sunli',
    )!;
    const record = {
      id: 'grant-one',
      subject: { kind: 'user', userId: 'sunli' },
      object: 'customer',
      target: { kind: 'record', recordId: someone.id },
      access: 'read',
      expiresAt: null,
      reason: '看看',
    };
    const one = await call(roleAdmin, 'POST', '/v1/admin/grants', record);
    expect(one.status).toBe(403);
    expect(one.body.details.field).toBe('grants/grant-one');
    await refusedAsBatch(
      roleAdmin,
      { kind: 'grant.create', grant: { ...record, startsAt: null } },
      'grants/grant-one',
      `customer.read on customer ${someone.id}`,
    );
    const rule = await call(roleAdmin, 'POST', '/v1/admin/sharing-rules', {
      id: 'sr-mine',
      name: '全部共享给我',
      object: 'customer',
      source: { kind: 'criteria', criteria: [{ field: 'region', op: 'eq', value: '华东' }] },
      targetGroupId: 'g-marketing',
      access: 'read',
    });
    expect(rule.status).toBe(403);
    expect(rule.body.details).toMatchObject({
      field: 'sharingRules/sr-mine/access',
      missing: 'scope all on customer.read',
    });
  });

  it('moving a user into a group gives its sharing rules: refused to an admin who lacks them', async () => {
    // 市场部's department group is the target of a sharing rule on 华东 customers.
    const moved = await call(userAdmin, 'POST', '/v1/admin/users/lvna/transfer', {
      departmentId: 'marketing',
    });
    expect(moved.status).toBe(403);
    expect(moved.body.details).toMatchObject({
      field: 'groups/g-marketing',
      missing: 'scope all on customer.read',
    });
  });

  it('the system (no acting admin) is not limited', async () => {
    const result = await commitChange(
      t.database.db,
      { kind: 'user.update', id: 'yaoyuan', clearance: 'restricted' },
      { tenantId: 'yunshan', actorId: null, now: TEST_NOW, policy: t.app.custos.policy },
    );
    expect(result.entity).toMatchObject({ id: 'yaoyuan', clearance: 'restricted' });
  });

  it('a grant takes expiresAt as ISO 8601 or ms, and null for no expiry, on the route, the batch and the preview', async () => {
    const grant = (id: string, expiresAt: unknown) => ({
      id,
      subject: { kind: 'user', userId: 'lvna' },
      object: 'customer',
      target: { kind: 'all' },
      access: 'read',
      expiresAt,
      reason: '交接',
    });
    const iso = '2026-07-01T00:00:00+08:00';
    const single = await call(admin, 'POST', '/v1/admin/grants', grant('grant-iso', iso));
    expect(single.status).toBe(201);
    expect(single.body.data.expiresAt).toBe(Date.parse(iso));
    const never = await call(admin, 'POST', '/v1/admin/grants', grant('grant-never', null));
    expect(never.status).toBe(201);
    const stored = await call(admin, 'GET', '/v1/admin/grants/grant-never');
    expect(stored.body.data.expiresAt).toBeNull();
    const ms = TEST_NOW + 86_400_000;
    const batch = await call(admin, 'POST', '/v1/admin/changes', {
      changes: [
        { kind: 'grant.create', grant: grant('grant-batch-iso', '2026-06-02T00:00:00Z') },
        { kind: 'grant.create', grant: grant('grant-batch-ms', ms) },
      ],
    });
    expect(batch.status).toBe(200);
    expect(
      batch.body.data.map((d: { entity: { expiresAt: number } }) => d.entity.expiresAt),
    ).toEqual([Date.parse('2026-06-02T00:00:00Z'), ms]);
    const preview = await call(admin, 'POST', '/v1/admin/changes/preview', {
      changes: [{ kind: 'grant.create', grant: grant('grant-preview', '2027-01-01T00:00:00Z') }],
    });
    expect(preview.body).toMatchObject({ valid: true, errors: [] });
  });

  it('an already expired grant, or an expiresAt that is not a time, is refused on the route, the batch and the preview', async () => {
    const grant = {
      id: 'grant-past',
      subject: { kind: 'user', userId: 'lvna' },
      object: 'customer',
      target: { kind: 'all' },
      access: 'read',
      expiresAt: '2026-05-01T00:00:00Z',
      reason: '过期',
    };
    const single = await call(admin, 'POST', '/v1/admin/grants', grant);
    expect(single.status).toBe(422);
    expect(single.body.details.errors[0]).toMatchObject({ path: 'grant.expiresAt' });
    const batch = await call(admin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'grant.create', grant }],
    });
    expect(batch.status).toBe(422);
    expect(batch.body.details.errors[0]).toMatchObject({ path: 'grant.expiresAt' });
    const preview = await call(admin, 'POST', '/v1/admin/changes/preview', {
      changes: [{ kind: 'grant.create', grant }],
    });
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors[0]).toMatchObject({ path: 'grant.expiresAt' });
    const notATime = await call(admin, 'POST', '/v1/admin/grants', {
      ...grant,
      expiresAt: 'next tuesday',
    });
    expect(notATime.status).toBe(400);
    expect(notATime.body.code).toBe('REQUEST_INVALID');
    expect(notATime.body.details.field).toMatch(/^body\/expiresAt/);
    expect((await call(admin, 'GET', '/v1/admin/grants/grant-past')).status).toBe(404);
  });

  it('serves the function catalogue, saying which functions the caller holds', async () => {
    const list = await call(roleAdmin, 'GET', '/v1/admin/functions');
    expect(list.status).toBe(200);
    const byName = new Map(
      (list.body.data as { name: string; admin: boolean; held: boolean }[]).map((f) => [f.name, f]),
    );
    for (const name of ['user_admin', 'role_admin', 'authz_query', 'export', 'declassify'])
      expect(byName.has(name)).toBe(true);
    expect(byName.get('role_admin')).toMatchObject({ admin: true, held: true });
    expect(byName.get('user_admin')).toMatchObject({ admin: true, held: false });
    expect(byName.get('export')).toMatchObject({ admin: false, held: false });
    expect((await call(userAdmin, 'GET', '/v1/admin/functions')).body.code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('refuses a role naming an unknown function or field, or the name of another role, naming the field', async () => {
    const typo = await call(admin, 'POST', '/v1/admin/roles', {
      id: 'typo-fn',
      name: '拼错功能',
      functions: ['exprot'],
    });
    expect(typo.status).toBe(422);
    expect(typo.body.details.errors[0]).toMatchObject({
      code: 'ENGINE_UNKNOWN_REFERENCE',
      path: expect.stringMatching(/^roles\[\d+\]\.functions\[0\]$/),
    });
    const field = await call(admin, 'POST', '/v1/admin/roles', {
      id: 'typo-field',
      name: '拼错字段',
      objects: { customer: { read: 'own' } },
      fields: { customer: { phnoe: 'masked' } },
    });
    expect(field.status).toBe(422);
    expect(field.body.details.errors[0].path).toMatch(/\.fields\.customer\.phnoe$/);
    const twin = await call(admin, 'POST', '/v1/admin/roles', { id: 'twin', name: ' 销售代表 ' });
    expect(twin.status).toBe(422);
    expect(twin.body.details.errors[0]).toMatchObject({ code: 'ENGINE_DUPLICATE_NAME' });
    const model = await loadPolicyModel(t.database.db, 'yunshan');
    expect(model.roles.some((r) => ['typo-fn', 'typo-field', 'twin'].includes(r.id))).toBe(false);
  });

  it('a portal user is never given an internal role, nor made a manager, a department head or a successor', async () => {
    const role = await call(admin, 'PATCH', '/v1/admin/users/portal-1', { roleIds: ['finance'] });
    expect(role.status).toBe(422);
    expect(role.body.details.errors[0]).toMatchObject({ code: 'ENGINE_PORTAL_INTERNAL' });
    expect(role.body.details.errors[0].path).toMatch(/^users\[\d+\]\.roleIds\[0\]$/);
    const manager = await call(admin, 'PUT', '/v1/admin/users/lilei/manager', {
      managerId: 'portal-1',
    });
    expect(manager.status).toBe(422);
    expect(manager.body.details.errors[0]).toMatchObject({ code: 'ENGINE_PORTAL_INTERNAL' });
    const head = await call(admin, 'PUT', '/v1/admin/departments/sales-east/head', {
      headId: 'portal-1',
    });
    expect(head.status).toBe(422);
    expect(head.body.details.errors[0].path).toMatch(/^departments\[\d+\]\.headId$/);
    const successor = await call(admin, 'POST', '/v1/admin/users/lilei/transfer', {
      departmentId: 'sales-north',
      ownedRecords: 'transfer_to',
      transferToUserId: 'portal-1',
    });
    expect(successor.status).toBe(400);
    expect(successor.body.details.field).toBe('body/transferToUserId');
    const model = await loadPolicyModel(t.database.db, 'yunshan');
    expect(model.users.find((u) => u.id === 'lilei')).toMatchObject({
      managerId: 'hanmeimei',
      departmentId: 'sales-east',
    });
  });

  it('a user_admin cannot take over an account that holds more: no reset, e-mail, MFA reset, sessions or service token', async () => {
    const routes: [string, object][] = [
      ['/v1/admin/users/zhoumin/reset-password', {}],
      ['/v1/admin/users/zhoumin/invite', { email: 'takeover@evil.example' }],
      ['/v1/admin/users/zhoumin/end-sessions', {}],
      ['/v1/admin/users/zhoumin/mfa/reset', {}],
    ];
    for (const [url, payload] of routes) {
      const r = await call(userAdmin, 'POST', url, payload);
      expect(r.status, url).toBe(403);
      expect(r.body.code, url).toBe('ESCALATION_DENIED');
      expect(r.body.details.missing, url).toBe('function role_admin');
    }
    // 周敏 still signs in with her password; no link was issued for her.
    expect(await t.login(emailOf('zhoumin'))).toContain('custos_session=');
    const links = await t.database.db
      .selectFrom('password_links')
      .select('user_id')
      .where('user_id', '=', 'zhoumin')
      .execute();
    expect(links).toEqual([]);

    // A service principal holding more than the admin gets no token from them.
    expect(
      (
        await call(admin, 'POST', '/v1/admin/users', {
          id: 'svc-etl',
          name: 'ETL',
          departmentId: 'gm-office',
          roleIds: ['sys-admin'],
        })
      ).status,
    ).toBe(201);
    const token = await call(userAdmin, 'POST', '/v1/admin/users/svc-etl/tokens', {
      name: 'etl',
      scopes: ['records:read'],
      expiresAt: new Date(TEST_NOW + 86_400_000).toISOString(),
    });
    expect(token.status).toBe(403);
    expect(token.body.code).toBe('ESCALATION_DENIED');

    // One who holds no more than the admin: reset as before.
    expect(
      (await call(admin, 'PATCH', '/v1/admin/users/sunli', { roleIds: ['nothing'] })).status,
    ).toBe(200);
    const reset = await call(userAdmin, 'POST', '/v1/admin/users/sunli/reset-password', {});
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
  });
});
