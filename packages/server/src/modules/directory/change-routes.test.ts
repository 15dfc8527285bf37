/**
 * Changes as data over HTTP, on both backends: a batch commits as one (one policy version, all or
 * nothing, each change with its own function permission); a preview answers validity and impact
 * without committing, and its record counts are what the lists show after the commit; admins
 * changing different entities do not stall each other; team edits do not move the policy version.
 */
import { listPolicyChanges, putTeamMember, readPolicyVersion } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, createTestApp, type TestApp } from '../../test-app.ts';
import { previewChanges } from './change-preview.ts';
import type { ChangePreview } from './change-preview.ts';
import type { PolicyChange } from './policy-change.ts';

let t: TestApp;
let admin: string;

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

async function post(cookie: string, url: string, changes: PolicyChange[], headers = {}) {
  const r = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, ...headers },
    payload: { changes },
  });
  return { status: r.statusCode, body: r.json(), headers: r.headers };
}

/** What a user's customer list says they may read (the total on the first page). */
async function visibleCustomers(userId: string): Promise<number> {
  const cookie = await t.login(emailOf(userId));
  const r = await t.app.inject({
    method: 'GET',
    url: '/v1/customers?limit=1',
    headers: { cookie },
  });
  expect(r.statusCode).toBe(200);
  return (r.json() as { total: number }).total;
}

const version = () => readPolicyVersion(t.database.db, t.demo.tenantId);

describe.each(['pglite', 'postgres'] as const)('admin changes on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 60, backend });
    admin = await t.login(emailOf('zhoumin'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('previews a role change: who gains what on how many records, nothing committed', async () => {
    const before = await version();
    const reps = t.demo.company.model.users.filter(
      (u) => u.roleIds.includes('sales-rep') && u.status === 'active',
    );
    const seen = new Map<string, number>();
    for (const u of reps.slice(0, 3)) seen.set(u.id, await visibleCustomers(u.id));
    const change: PolicyChange = {
      kind: 'role.update',
      id: 'sales-rep',
      objects: {
        customer: { read: 'department', update: 'own', create: 'own' },
        contact: { read: 'own', update: 'own', create: 'own' },
        deal: { read: 'own', update: 'own', create: 'own' },
        order: { read: 'own' },
        ticket: { read: 'own' },
        activity: { read: 'own', update: 'own', create: 'own' },
      },
    };
    const { status, body } = await post(admin, '/v1/admin/changes/preview', [change]);
    expect(status).toBe(200);
    const preview = body as ChangePreview;
    expect(preview).toMatchObject({ valid: true, errors: [], version: before, partial: false });
    expect(await version()).toBe(before);
    const summary = preview.summary.find((s) => s.object === 'customer' && s.action === 'read');
    expect(summary?.gained.users).toBeGreaterThan(0);
    expect(summary?.lost.users).toBe(0);
    expect(preview.text['en-US'][0]).toMatch(/^grants \d+ users read on [\d,]+ customer records/);
    expect(preview.text['zh-CN'][0]).toMatch(/位用户获得客户的读取权限/);

    // Commit it: each previewed count is what the user's list shows afterwards.
    const committed = await post(admin, '/v1/admin/changes', [change], {
      'if-match': `"${before}"`,
    });
    expect(committed.status).toBe(200);
    expect(committed.body.version).toBe(before + 1);
    for (const [userId, count] of seen) {
      const gained =
        preview.users
          .find((u) => u.userId === userId)
          ?.gains.find((g) => g.object === 'customer' && g.action === 'read')?.records ?? 0;
      expect(await visibleCustomers(userId), userId).toBe(count + gained);
    }
    const [logged] = await listPolicyChanges(t.database.db, t.demo.tenantId, { limit: 1 });
    expect(logged).toMatchObject({ version: before + 1, kind: 'role.update', actorId: 'zhoumin' });
  });

  it('answers a preview that runs out of time as partial, listing who is affected', async () => {
    // A clock that jumps a second at every look: the budget is spent at once.
    let t0 = 0;
    const preview = await previewChanges(
      t.database.db,
      [{ kind: 'role.update', id: 'sales-rep', objects: { customer: { read: 'all' } } }],
      {
        tenantId: t.demo.tenantId,
        now: TEST_NOW,
        policy: t.app.custos.policy,
        budgetMs: 1500,
        clock: () => (t0 += 1000),
        backend,
      },
    );
    expect(preview.valid).toBe(true);
    expect(preview.partial).toBe(true);
    expect(preview.text['en-US'].at(-1)).toMatch(/partial/);
    expect(preview.unexamined + preview.users.length).toBeGreaterThan(0);
  });

  it('previews an invalid change with the errors, and an unknown entity with its code', async () => {
    const bad = await post(admin, '/v1/admin/changes/preview', [
      { kind: 'user.update', id: 'lilei', roleIds: ['no-such-role'] },
    ]);
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({
      valid: false,
      errors: [{ code: 'ENGINE_UNKNOWN_REFERENCE', path: expect.stringMatching(/roleIds\[0\]$/) }],
    });
    const missing = await post(admin, '/v1/admin/changes/preview', [
      { kind: 'role.delete', id: 'nobody' },
    ]);
    expect(missing.body).toMatchObject({ valid: false, errors: [{ code: 'NOT_FOUND' }] });
  });

  it('commits a batch as one version, all or nothing', async () => {
    const before = await version();
    const customer = t.demo.company.records.find(
      (r) => r.object === 'customer' && r.ownerId !== 'lilei' && r.sensitivity === 'internal',
    )!;
    const batch: PolicyChange[] = [
      {
        kind: 'group.create',
        group: { id: 'g-batch', name: '批量组', kind: 'public', userIds: ['lilei'], groupIds: [] },
      },
      {
        kind: 'sharing_rule.create',
        rule: {
          id: 'rule-batch',
          name: '批量规则',
          object: 'customer',
          source: { kind: 'criteria', criteria: [{ field: 'level', op: 'eq', value: 'A' }] },
          targetGroupId: 'g-batch',
          access: 'read',
        },
      },
      {
        kind: 'grant.create',
        grant: {
          id: 'grant-batch',
          subject: { kind: 'group', groupId: 'g-batch' },
          object: 'customer',
          target: { kind: 'record', recordId: customer.id },
          access: 'read',
          expiresAt: null,
          reason: '批量授权',
        },
      },
    ];
    const ok = await post(admin, '/v1/admin/changes', batch);
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(before + 1);
    expect(ok.body.data.map((d: { action: string }) => d.action)).toEqual([
      'group.create',
      'sharing_rule.create',
      'grant.create',
    ]);
    const rule = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/sharing-rules/rule-batch',
      headers: { cookie: admin },
    });
    expect(rule.statusCode).toBe(200);
    // The grant on one record is a fact of the record, still listed with the others.
    const listed = await t.app.inject({
      method: 'GET',
      url: `/v1/admin/grants?object=customer&recordId=${customer.id}`,
      headers: { cookie: admin },
    });
    expect(listed.json().data.map((g: { id: string }) => g.id)).toContain('grant-batch');
    const one = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/grants/grant-batch',
      headers: { cookie: admin },
    });
    expect(one.json().data).toMatchObject({ id: 'grant-batch', target: { kind: 'record' } });

    // The third change names a group that does not exist: nothing of the batch is written.
    const failing = await post(admin, '/v1/admin/changes', [
      {
        kind: 'group.create',
        group: { id: 'g-never', name: '不会存在', kind: 'public', userIds: [], groupIds: [] },
      },
      { kind: 'group.add_member', id: 'g-never', member: { kind: 'user', id: 'lilei' } },
      { kind: 'group.add_member', id: 'g-nobody', member: { kind: 'user', id: 'lilei' } },
    ]);
    expect(failing.status).toBe(404);
    expect(await version()).toBe(before + 1);
    const never = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/groups/g-never',
      headers: { cookie: admin },
    });
    expect(never.statusCode).toBe(404);
  });

  it('takes a JSON body as it is: a null expiry stays null, a number is no name', async () => {
    const customer = t.demo.company.records.find((r) => r.object === 'customer')!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/grants',
      headers: { cookie: admin },
      payload: {
        subject: { kind: 'user', userId: 'lilei' },
        object: 'customer',
        target: { kind: 'record', recordId: customer.id },
        access: 'read',
        expiresAt: null,
        reason: '长期协作',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({ expiresAt: null });
    const stored = await t.app.inject({
      method: 'GET',
      url: `/v1/admin/grants/${created.json().data.id as string}`,
      headers: { cookie: admin },
    });
    expect(stored.json().data.expiresAt).toBeNull();
    // Grant ids are one namespace: a policy grant cannot take a record grant's id.
    const clash = await post(admin, '/v1/admin/changes', [
      {
        kind: 'grant.create',
        grant: {
          id: created.json().data.id as string,
          subject: { kind: 'user', userId: 'lilei' },
          object: 'customer',
          target: { kind: 'all' },
          access: 'read',
          expiresAt: null,
        },
      },
    ]);
    expect(clash.status).toBe(409);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/v1/admin/roles/sales-rep',
      headers: { cookie: admin },
      payload: { name: 123 },
    });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().details.field).toBe('body/name');
  });

  it('keeps record grants consistent with the policy: ids, groups, controlled children', async () => {
    const customer = t.demo.company.records.find((r) => r.object === 'customer')!;
    const deal = t.demo.company.records.find((r) => r.object === 'deal')!;
    const grant = (id: string, extra: Partial<Record<string, unknown>> = {}) => ({
      kind: 'grant.create' as const,
      grant: {
        id,
        subject: { kind: 'group' as const, groupId: 'g-keep' },
        object: 'customer' as const,
        target: { kind: 'record' as const, recordId: customer.id },
        access: 'read' as const,
        expiresAt: null,
        ...extra,
      },
    });
    // One id for a policy grant and a record grant in one batch: refused, nothing written.
    const same = await post(admin, '/v1/admin/changes', [
      {
        kind: 'group.create',
        group: { id: 'g-keep', name: '保留组', kind: 'public', userIds: ['lilei'], groupIds: [] },
      },
      grant('grant-twice'),
      {
        ...grant('grant-twice'),
        grant: { ...grant('grant-twice').grant, target: { kind: 'all' } },
      },
    ]);
    expect(same.status).toBe(409);
    // A grant on a deal, which its customer controls, would do nothing: refused, naming why.
    const onDeal = await post(admin, '/v1/admin/changes', [
      {
        kind: 'group.create',
        group: { id: 'g-keep', name: '保留组', kind: 'public', userIds: ['lilei'], groupIds: [] },
      },
      grant('grant-deal', { object: 'deal', target: { kind: 'record', recordId: deal.id } }),
    ]);
    expect(onDeal.status).toBe(422);
    expect(onDeal.body.details.errors[0].path).toBe('grant.object');
    // A group that a grant on a record names cannot be deleted from under it.
    const ok = await post(admin, '/v1/admin/changes', [
      {
        kind: 'group.create',
        group: { id: 'g-keep', name: '保留组', kind: 'public', userIds: ['lilei'], groupIds: [] },
      },
      grant('grant-keep'),
    ]);
    expect(ok.status).toBe(200);
    const drop = await post(admin, '/v1/admin/changes', [{ kind: 'group.delete', id: 'g-keep' }]);
    expect(drop.status).toBe(409);
    expect(drop.body.details).toMatchObject({ reason: 'group_in_use', grants: ['grant-keep'] });
  });

  it('refuses a grant already over, revokes a grant made earlier in the same batch, and previews what the commit would refuse', async () => {
    const customer = t.demo.company.records.find((r) => r.object === 'customer')!;
    const recordGrant = (id: string, expiresAt: number | null) => ({
      kind: 'grant.create' as const,
      grant: {
        id,
        subject: { kind: 'user' as const, userId: 'lilei' },
        object: 'customer' as const,
        target: { kind: 'record' as const, recordId: customer.id },
        access: 'read' as const,
        expiresAt,
      },
    });
    const over = await post(admin, '/v1/admin/changes', [recordGrant('grant-over', TEST_NOW - 1)]);
    expect(over.status).toBe(422);
    expect(over.body.details.errors[0].path).toBe('grant.expiresAt');
    const both = await post(admin, '/v1/admin/changes', [
      recordGrant('grant-brief', null),
      { kind: 'grant.revoke', id: 'grant-brief', reason: '误授' },
    ]);
    expect(both.status).toBe(200);
    expect(both.body.data.map((d: { action: string }) => d.action)).toEqual([
      'grant.create',
      'grant.revoke',
    ]);
    // Taking every admin role away from its holders: the preview says the commit would refuse.
    const admins = t.demo.company.model.users.filter((u) => u.roleIds.includes('sys-admin'));
    const lockout = await post(
      admin,
      '/v1/admin/changes/preview',
      admins.map((u) => ({ kind: 'user.update' as const, id: u.id, roleIds: ['auditor'] })),
    );
    expect(lockout.body).toMatchObject({
      valid: false,
      errors: [{ code: 'CONFLICT', details: { reason: 'last_admin' } }],
    });
  });

  it('refuses a change without its function, naming the change', async () => {
    const rep = await t.login(emailOf('zhangwei'));
    const r = await post(rep, '/v1/admin/changes', [{ kind: 'user.reactivate', id: 'lilei' }]);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('PERMISSION_DENIED');
    const unknown = await post(admin, '/v1/admin/changes', [
      { kind: 'role.rename', id: 'x' } as unknown as PolicyChange,
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.field).toBe('body/changes/0/kind');
  });

  it('takes an entity a change creates whole, as the model schema describes it', async () => {
    const before = await version();
    for (const [change, field] of [
      // A public group without its member lists (was stored half, and failed validation).
      [
        { kind: 'group.create', group: { id: 'g-half', name: '半个组', kind: 'public' } },
        'body/changes/0/group/userIds',
      ],
      // A property of another variant of the union.
      [
        {
          kind: 'grant.create',
          grant: {
            id: 'grant-x',
            subject: { kind: 'user', userId: 'lilei' },
            object: 'customer',
            target: { kind: 'owner', userId: 'zhangwei', departmentId: 'sales' },
            access: 'read',
            expiresAt: null,
          },
        },
        'body/changes/0/grant/target/departmentId',
      ],
      // An id against the one id rule.
      [
        { kind: 'department.create', department: { id: 'R&D', name: '研发部', parentId: null } },
        'body/changes/0/department/id',
      ],
    ] as const) {
      const r = await post(admin, '/v1/admin/changes', [change as unknown as PolicyChange]);
      expect(r.status, field).toBe(400);
      expect(r.body).toMatchObject({ code: 'REQUEST_INVALID', details: { field } });
    }
    expect(await version()).toBe(before);
  });

  it('lets two admins change different roles at once, and refuses a stale edit of the same one', async () => {
    const before = await version();
    const results = await Promise.all(
      ['sales-manager', 'customer-service'].map((id, i) =>
        post(admin, '/v1/admin/changes', [{ kind: 'role.update', id, name: `改名 ${i}` }], {
          'if-match': `"${before}"`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.version).sort()).toEqual([before + 1, before + 2]);
    const stale = await post(
      admin,
      '/v1/admin/changes',
      [{ kind: 'role.update', id: 'sales-manager', name: '过期的修改' }],
      { 'if-match': `"${before}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.details).toMatchObject({ entity: 'role', id: 'sales-manager' });
  });

  it('runs 100 concurrent team edits on different customers without moving the policy version', async () => {
    const before = await version();
    const customers = t.demo.company.records.filter((r) => r.object === 'customer').slice(0, 50);
    await Promise.all(
      customers.flatMap((c) =>
        ['lilei', 'hanmeimei'].map((userId) =>
          putTeamMember(t.database.db, t.demo.tenantId, {
            customerId: c.id,
            userId,
            access: 'read',
          }),
        ),
      ),
    );
    expect(await version()).toBe(before);
    const rows = await t.database.db
      .selectFrom('customer_team_members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', t.demo.tenantId)
      .where(
        'customer_id',
        'in',
        customers.map((c) => c.id),
      )
      .where('user_id', 'in', ['lilei', 'hanmeimei'])
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(100);
  });
});
