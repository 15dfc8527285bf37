/**
 * Separation of duties and least privilege over HTTP, on both backends: SoD rules administered
 * through the change path (catalogue-checked, role_admin), assignments that would put someone in
 * conflict refused with SOD_CONFLICT naming the rule, the user and the two members (nothing
 * written), the preview showing it, existing conflicts listed; and the least-privilege reports
 * from usage counters and audit events.
 */
import { appendAuditEvent, listAuditEvents, readPolicyVersion } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, createTestApp, type TestApp } from '../../test-app.ts';

let t: TestApp;
let admin: string;

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
) {
  const r = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(method === 'GET' ? {} : { payload: payload ?? {} }),
  });
  return { status: r.statusCode, body: r.json() };
}

const version = () => readPolicyVersion(t.database.db, t.demo.tenantId);

describe.each(['pglite', 'postgres'] as const)('separation of duties on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 30, backend });
    admin = await t.login(emailOf('zhoumin'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the demo rules and the existing conflict with how each side is held', async () => {
    const list = await call(admin, 'GET', '/v1/admin/sod-rules');
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { id: string }) => r.id).sort()).toEqual([
      'sod-finance-audit',
      'sod-order-approval',
    ]);
    const set = await call(admin, 'GET', '/v1/admin/sod-rules/sod-finance-audit');
    expect(set.body.data.others).toEqual([{ kind: 'role', roleId: 'marketing' }]);
    const conflicts = await call(admin, 'GET', '/v1/admin/sod/conflicts');
    expect(conflicts.status).toBe(200);
    const finance = conflicts.body.data.find(
      (r: { ruleId: string }) => r.ruleId === 'sod-finance-audit',
    );
    expect(finance.conflicts).toHaveLength(1);
    expect(finance.conflicts[0]).toMatchObject({
      userId: 'cuiying',
      held: [
        { key: 'role:finance', via: [{ kind: 'role', roleId: 'finance' }] },
        { key: 'role:auditor', via: [{ kind: 'role', roleId: 'auditor' }] },
      ],
    });
    const none = await call(admin, 'GET', '/v1/admin/sod/conflicts?ruleId=sod-order-approval');
    expect(none.body.data).toEqual([
      { ruleId: 'sod-order-approval', ruleName: '订单录入与折扣审批分离', conflicts: [] },
    ]);
    const missing = await call(admin, 'GET', '/v1/admin/sod/conflicts?ruleId=nope');
    expect(missing.status).toBe(404);
  });

  it('refuses a role assignment that would put a user in conflict, naming it; nothing written', async () => {
    const before = await version();
    const r = await call(admin, 'PATCH', '/v1/admin/users/yaoyuan', {
      roleIds: ['finance', 'auditor'],
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('SOD_CONFLICT');
    expect(r.body.message).toContain('财务、审计、市场至多其一');
    expect(r.body.message).toContain('yaoyuan');
    expect(r.body.details).toMatchObject({
      ruleId: 'sod-finance-audit',
      userIds: ['yaoyuan'],
      members: ['role:finance', 'role:auditor'],
    });
    expect(await version()).toBe(before);
    const user = await call(admin, 'GET', '/v1/admin/users/yaoyuan');
    expect(user.body.data.roleIds).toEqual(['finance']);
  });

  it('refuses a role gaining a function whose holders then conflict, and shows it in the preview', async () => {
    const change = {
      kind: 'role.update',
      id: 'finance',
      functions: ['export', 'approve_discount'],
    };
    const preview = await call(admin, 'POST', '/v1/admin/changes/preview', { changes: [change] });
    expect(preview.status).toBe(200);
    // The finance role would be a member and hold approve_discount on its own: the engine says so.
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors.map((e: { code: string }) => e.code)).toContain(
      'ENGINE_SOD_CONFLICT_IN_ROLE',
    );
    // A new role with approve_discount, given to a finance user: SOD_CONFLICT in the preview.
    const changes = [
      {
        kind: 'role.create',
        role: {
          id: 'transfer-approver',
          name: '折扣审批人',
          objects: {},
          functions: ['approve_discount'],
          fields: {},
        },
      },
      { kind: 'user.update', id: 'lujing', roleIds: ['finance', 'transfer-approver'] },
    ];
    const p2 = await call(admin, 'POST', '/v1/admin/changes/preview', { changes });
    expect(p2.body.valid).toBe(false);
    expect(p2.body.errors[0]).toMatchObject({
      code: 'SOD_CONFLICT',
      details: { ruleId: 'sod-order-approval', userIds: ['lujing'] },
    });
    expect(p2.body.errors[0].details.members).toEqual([
      'role:finance',
      'function:approve_discount',
    ]);
    const before = await version();
    const commit = await call(admin, 'POST', '/v1/admin/changes', { changes });
    expect(commit.status).toBe(409);
    expect(commit.body.code).toBe('SOD_CONFLICT');
    expect(await version()).toBe(before);
    const role = await call(admin, 'GET', '/v1/admin/roles/transfer-approver');
    expect(role.status).toBe(404);
  });

  it('refuses a grant and a group membership that bring the other side', async () => {
    // A rule: whoever may approve discounts may not read orders (a role with the function first).
    const made = await call(admin, 'POST', '/v1/admin/changes', {
      changes: [
        {
          kind: 'role.create',
          role: {
            id: 'discount-approver',
            name: '折扣审批',
            objects: {},
            functions: ['approve_discount'],
            fields: {},
          },
        },
        { kind: 'user.update', id: 'zhongkai', roleIds: ['marketing', 'discount-approver'] },
        {
          kind: 'sod_rule.create',
          rule: {
            id: 'sod-approve-vs-orders',
            name: '审批折扣与查看订单分离',
            left: { kind: 'role', roleId: 'discount-approver' },
            right: { kind: 'object', object: 'order', action: 'read' },
          },
        },
      ],
    });
    expect(made.status).toBe(200);
    const grant = await call(admin, 'POST', '/v1/admin/changes', {
      changes: [
        {
          kind: 'grant.create',
          grant: {
            id: 'g-zhongkai-orders',
            subject: { kind: 'user', userId: 'zhongkai' },
            object: 'order',
            target: { kind: 'all' },
            access: 'read',
            expiresAt: TEST_NOW + 86_400_000,
          },
        },
      ],
    });
    expect(grant.status).toBe(409);
    expect(grant.body.code).toBe('SOD_CONFLICT');
    expect(grant.body.details.conflicts[0].held[1].via[0].kind).toBe('grant');
    // A group with an order grant; adding the approver to it is refused too.
    const group = await call(admin, 'POST', '/v1/admin/changes', {
      changes: [
        {
          kind: 'group.create',
          group: {
            id: 'order-readers',
            name: '订单查阅',
            kind: 'public',
            userIds: [],
            groupIds: [],
          },
        },
        {
          kind: 'grant.create',
          grant: {
            id: 'g-order-readers',
            subject: { kind: 'group', groupId: 'order-readers' },
            object: 'order',
            target: { kind: 'all' },
            access: 'read',
            expiresAt: null,
          },
        },
      ],
    });
    expect(group.status).toBe(200);
    const join = await call(admin, 'POST', '/v1/admin/changes', {
      changes: [
        { kind: 'group.add_member', id: 'order-readers', member: { kind: 'user', id: 'zhongkai' } },
      ],
    });
    expect(join.status).toBe(409);
    expect(join.body.details.conflicts[0].held[1].via).toEqual([
      { kind: 'grant', grantId: 'g-order-readers', groupId: 'order-readers' },
    ]);
  });

  it('creates a rule existing holders violate (named in the answer), checks the catalogue, deletes it', async () => {
    const created = await call(admin, 'POST', '/v1/admin/sod-rules', {
      name: '营销与财务不相容',
      left: { kind: 'role', roleId: 'finance' },
      right: { kind: 'function', name: 'audit_view' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.conflicts.map((c: { userId: string }) => c.userId)).toEqual([
      'cuiying',
    ]);
    const id = created.body.data.id as string;
    const events = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'sod_rule.create',
      limit: 5,
    });
    expect(events.some((e) => e.target === `sod_rule/${id}`)).toBe(true);

    const unknownFn = await call(admin, 'PUT', `/v1/admin/sod-rules/${id}`, {
      name: 'x',
      left: { kind: 'function', name: 'exprot' },
      right: { kind: 'role', roleId: 'finance' },
    });
    expect(unknownFn.status).toBe(422);
    expect(unknownFn.body.details.errors[0].path).toMatch(/\.left\.name$/);
    const unknownRole = await call(admin, 'PUT', `/v1/admin/sod-rules/${id}`, {
      name: 'x',
      left: { kind: 'role', roleId: 'ghost' },
      right: { kind: 'role', roleId: 'finance' },
      others: [{ kind: 'role', roleId: 'auditor' }],
    });
    expect(unknownRole.status).toBe(422);
    expect(unknownRole.body.details.errors[0].path).toMatch(/\.left\.roleId$/);
    const badObject = await call(admin, 'POST', '/v1/admin/sod-rules', {
      name: 'x',
      left: { kind: 'object', object: 'planet', action: 'read' },
      right: { kind: 'role', roleId: 'finance' },
    });
    expect(badObject.status).toBe(400);
    expect(badObject.body.code).toBe('REQUEST_INVALID');
    const deleted = await call(admin, 'DELETE', `/v1/admin/sod-rules/${id}`);
    expect(deleted.status).toBe(200);
    expect((await call(admin, 'GET', `/v1/admin/sod-rules/${id}`)).status).toBe(404);
  });

  it('is role_admin only', async () => {
    const rep = await t.login(emailOf('lilei'));
    for (const url of [
      '/v1/admin/sod-rules',
      '/v1/admin/sod/conflicts',
      '/v1/admin/least-privilege/users',
    ])
      expect((await call(rep, 'GET', url)).status).toBe(403);
    const r = await call(rep, 'POST', '/v1/admin/sod-rules', {
      name: 'x',
      left: { kind: 'role', roleId: 'finance' },
      right: { kind: 'role', roleId: 'auditor' },
    });
    expect(r.status).toBe(403);
  });

  it('reports unused permissions, repeated denials and a smaller role, from usage and audit events', async () => {
    // Writes and refusals in the audit stream (the form the analytics read: <object>.<action>).
    for (let i = 0; i < 3; i++)
      await appendAuditEvent(t.database.db, {
        tenantId: t.demo.tenantId,
        actorId: 'dujuan',
        action: 'ticket.delete',
        target: `ticket/t-${i}`,
        outcome: 'denied',
        at: new Date(TEST_NOW - 1000 * (i + 1)),
      });
    await appendAuditEvent(t.database.db, {
      tenantId: t.demo.tenantId,
      actorId: 'lilei',
      action: 'customer.create',
      target: 'customer/x',
      at: new Date(TEST_NOW - 5000),
    });
    const users = await call(admin, 'GET', '/v1/admin/least-privilege/users?days=30');
    expect(users.status).toBe(200);
    const lilei = users.body.data.find((u: { userId: string }) => u.userId === 'lilei');
    expect(lilei.exercised.map((e: { permission: string }) => e.permission)).toEqual([
      'record:customer:create',
      'record:customer:read',
      'record:customer:update',
    ]);
    expect(lilei.unused).toContain('record:deal:read');
    expect(lilei.unused).not.toContain('record:customer:read');
    const roles = await call(admin, 'GET', '/v1/admin/least-privilege/roles?days=30');
    const rep = roles.body.data.find((r: { roleId: string }) => r.roleId === 'sales-rep');
    expect(rep.holders).toBeGreaterThan(1);
    expect(rep.unused).not.toContain('record:customer:read');
    const denials = await call(admin, 'GET', '/v1/admin/least-privilege/denials?days=30');
    const keys = denials.body.data.map(
      (d: { userId: string; permission: string }) => `${d.userId} ${d.permission}`,
    );
    expect(keys).toContain('lilei record:deal:update');
    expect(keys).toContain('dujuan record:ticket:delete');
    // A window that ends before the events: nothing.
    const short = await call(admin, 'GET', '/v1/admin/least-privilege/denials?days=1&minDenials=5');
    expect(short.body.data).toEqual([]);
    const suggestions = await call(admin, 'GET', '/v1/admin/least-privilege/suggestions?days=30');
    expect(suggestions.status).toBe(200);
    for (const s of suggestions.body.data as {
      suggestedPermissions: number;
      currentPermissions: number;
    }[])
      expect(s.suggestedPermissions).toBeLessThan(s.currentPermissions);
    const bad = await call(admin, 'GET', '/v1/admin/least-privilege/users?days=9999');
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toContain('days');
  });
});
