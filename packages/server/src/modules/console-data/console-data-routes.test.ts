/**
 * "My access" and the admin overview over HTTP, on the demo company, PGlite and PostgreSQL: the
 * reach per path agrees with the engine's explanations record by record, its total with the list
 * endpoint's; the overview counts exactly the customers the admin may read; bad input and missing
 * permissions are refused.
 */
import {
  DATA_SCOPES,
  buildIndex,
  decide,
  explain,
  reachPathOf,
  type CrmRecord,
  type ObjectType,
  type PolicyModel,
} from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, createTestApp, type TestApp } from '../../test-app.ts';
import type { AdminOverview } from './admin-overview.ts';
import type { MyAccess } from './my-access.ts';

let t: TestApp;

async function get(cookie: string | null, url: string) {
  const response = await t.app.inject({
    method: 'GET',
    url,
    headers: cookie === null ? {} : { cookie },
  });
  return { status: response.statusCode, body: response.json() };
}

function records(object: ObjectType): CrmRecord[] {
  const all = t.demo.company.records;
  const customers = new Map(all.filter((r) => r.object === 'customer').map((r) => [r.id, r]));
  return all
    .filter((r) => r.object === object)
    .map((r) =>
      r.object === 'customer' || r.parent !== undefined
        ? r
        : { ...r, parent: customers.get(r.customerId) },
    );
}

let current: PolicyModel;

/** Per path, the records whose explanation names it; and how many records are readable. */
function oracle(userId: string, object: ObjectType) {
  const model = current;
  const perPath = new Map<string, number>();
  let allowed = 0;
  for (const record of records(object)) {
    const e = explain(model, userId, 'read', record, TEST_NOW);
    if (e.allowed) allowed++;
    for (const path of new Set(e.allowedBy.map(reachPathOf))) {
      perPath.set(path, (perPath.get(path) ?? 0) + 1);
    }
  }
  return { perPath, allowed };
}

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

describe.each(['pglite', 'postgres'] as const)('console routes on %s', (backend) => {
  let admin: string;
  let rep: string;

  beforeAll(async () => {
    t = await createTestApp({ customers: 120, backend });
    // The policy as the demo left it (its governance demos commit changes of their own).
    current = (await t.app.custos.policy.current(t.demo.tenantId)).model;
    admin = await t.login(emailOf('zhoumin'));
    rep = await t.login(emailOf('lilei'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('reach per path == the explanations, and its total == the list total, for one user of every role', async () => {
    const personas = [...new Map(t.demo.logins.map((l) => [l.role, l.userId])).values()];
    expect(personas.length).toBeGreaterThanOrEqual(8);
    const mismatches: string[] = [];
    let reachedSomething = 0;
    for (const userId of personas) {
      const cookie = await t.login(emailOf(userId));
      for (const object of ['customer', 'deal', 'ticket'] as const) {
        const { status, body } = await get(cookie, `/v1/auth/me/access?object=${object}`);
        expect(status).toBe(200);
        const access = body as MyAccess;
        const list = await get(cookie, `/v1/${object}s?limit=1`);
        const expected = oracle(userId, object);
        const at = `${userId} ${object}`;
        if (list.status === 200 && access.reach.total !== list.body.total) {
          mismatches.push(
            `${at}: reach total ${access.reach.total}, list total ${list.body.total}`,
          );
        }
        if (access.reach.total !== expected.allowed || !access.reach.totalExact) {
          mismatches.push(`${at}: reach total ${access.reach.total}, engine ${expected.allowed}`);
        }
        for (const { path, count, exact } of access.reach.paths) {
          if (count !== (expected.perPath.get(path) ?? 0) || !exact) {
            mismatches.push(`${at} ${path}: ${count}, engine ${expected.perPath.get(path) ?? 0}`);
          }
          if (count > 0) reachedSomething++;
        }
        for (const path of expected.perPath.keys()) {
          if (!access.reach.paths.some((p) => p.path === path)) {
            mismatches.push(`${at}: no count for ${path}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(reachedSomething).toBeGreaterThan(10);
  }, 120_000);

  it("shows a rep's roles, scopes, clearance, field levels, teams and grants as the policy has them", async () => {
    const { status, body } = await get(rep, '/v1/auth/me/access');
    expect(status).toBe(200);
    const access = body as MyAccess;
    const model = current;
    const user = model.users.find((u) => u.id === 'lilei')!;
    expect(access.user).toMatchObject({ id: 'lilei', name: user.name, kind: 'internal' });
    expect(access.roles.map((r) => r.id)).toEqual(user.roleIds);
    expect(access.clearance).toBe(user.clearance);
    expect(access.reach.object).toBe('customer');
    // Scope per object and action: the widest of the user's roles, and the roles that give it.
    const roles = user.roleIds.map((id) => model.roles.find((r) => r.id === id)!);
    for (const o of access.objects) {
      for (const a of o.actions) {
        const scopes = roles.map((r) => r.objects[o.object]?.[a.action] ?? 'none');
        const widest = scopes.reduce(
          (w, s) => (DATA_SCOPES.indexOf(s) > DATA_SCOPES.indexOf(w) ? s : w),
          'none',
        );
        expect(a.scope, `${o.object} ${a.action}`).toBe(widest);
        expect(a.roles.length > 0).toBe(widest !== 'none');
      }
      expect(Object.values(o.fieldLevels)).not.toContain('edit');
    }
    expect(access.objects.find((o) => o.object === 'customer')?.actions[0]).toMatchObject({
      action: 'read',
      scope: 'own',
    });
    // Teams: the readable customers whose team he is on.
    const index = buildIndex(model);
    const onTeam = records('customer').filter(
      (r) =>
        (r.team ?? []).some((m) => m.userId === 'lilei') &&
        decide(index, 'lilei', 'read', r, TEST_NOW),
    );
    expect(access.teams).toMatchObject({ count: onTeam.length, countExact: true });
    expect(access.teams.customers.length).toBe(Math.min(onTeam.length, 20));
    for (const c of access.teams.customers) expect(onTeam.map((r) => r.id)).toContain(c.id);
    // Grants to him or his groups, live now.
    for (const g of access.grants) {
      expect(g.expiresAt === null || Date.parse(g.expiresAt) > TEST_NOW).toBe(true);
    }
  });

  it('names the grants that reach a user and the sharing rules and groups that include them', async () => {
    const model = current;
    const index = buildIndex(model);
    const holder = model.grants.find(
      (g) => g.subject.kind === 'user' && (g.expiresAt === null || g.expiresAt > TEST_NOW),
    );
    expect(holder).toBeDefined();
    const userId = (holder!.subject as { userId: string }).userId;
    const { body } = await get(await t.login(emailOf(userId)), '/v1/auth/me/access');
    const access = body as MyAccess;
    expect(access.grants.map((g) => g.id)).toContain(holder!.id);
    const principal = index.principals.get(userId)!;
    expect(access.groups.map((g) => g.id).sort()).toEqual([...principal.groupIds].sort());
    expect(access.sharingRules.map((r) => r.id).sort()).toEqual(
      principal.rules.flatMap((rs) => rs.map((r) => r.id)).sort(),
    );
  });

  it('refuses an unknown object naming the field, and a caller who is not signed in', async () => {
    const bad = await get(rep, '/v1/auth/me/access?object=planet');
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('querystring/object');
    const extra = await get(rep, '/v1/auth/me/access?userId=zhoumin');
    expect(extra.status).toBe(400);
    expect((await get(null, '/v1/auth/me/access')).status).toBe(401);
  });

  it('overview: users per role and department from the policy, customers the admin may read', async () => {
    const { status, body } = await get(admin, '/v1/admin/overview');
    expect(status).toBe(200);
    const overview = body as AdminOverview;
    // The policy as the demo left it (its governance demos commit changes of their own).
    const { model } = await t.app.custos.policy.current(t.demo.tenantId);
    const active = model.users.filter((u) => u.status === 'active');
    expect(overview.usersPerRole).toHaveLength(model.roles.length);
    for (const r of overview.usersPerRole) {
      expect(r.activeUsers).toBe(active.filter((u) => u.roleIds.includes(r.roleId)).length);
    }
    const rep = overview.usersPerRole.find((r) => r.roleId === 'sales-rep');
    expect(rep!.activeUsers).toBeGreaterThan(5);
    expect(overview.usersPerDepartment.reduce((n, d) => n + d.activeUsers, 0)).toBe(
      active.filter((u) => u.kind === 'internal').length,
    );
    const readable = records('customer').filter((r) =>
      decide(model, 'zhoumin', 'read', r, TEST_NOW),
    );
    for (const s of overview.customersPerSensitivity) {
      expect(s.customers, s.sensitivity).toBe(
        readable.filter((r) => r.sensitivity === s.sensitivity).length,
      );
    }
    for (const d of overview.customersPerDepartment) {
      expect(d.customers, String(d.departmentId)).toBe(
        readable.filter((r) => r.departmentId === d.departmentId).length,
      );
    }
    expect(overview.customersPerDepartment.reduce((n, d) => n + d.customers, 0)).toBe(
      readable.length,
    );
    expect(overview.customersPerSensitivity.map((s) => s.sensitivity)).toEqual([
      'public',
      'internal',
      'confidential',
      'restricted',
    ]);
    expect(overview.customersPerSensitivity.reduce((n, s) => n + s.customers, 0)).toBe(
      readable.length,
    );
  });

  it('overview: a committed permission change is the newest of the recent changes', async () => {
    const role = await get(admin, '/v1/admin/roles/marketing');
    expect(role.status).toBe(200);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/v1/admin/roles/marketing',
      headers: { cookie: admin, 'if-match': `"${role.body.version}"` },
      payload: { name: '市场专员(新)' },
    });
    expect(patched.statusCode).toBe(200);
    const { body } = await get(admin, '/v1/admin/overview');
    const [latest] = (body as AdminOverview).recentChanges;
    expect(latest).toMatchObject({
      kind: 'role.update',
      actor: { id: 'zhoumin' },
      entity: { kind: 'role', id: 'marketing', name: '市场专员(新)' },
    });
    expect(latest!.summary['zh-CN']).toContain('修改了角色「市场专员(新)」');
    expect(latest!.summary['en-US']).toContain('changed role “市场专员(新)”');
    expect(Date.parse(latest!.at)).not.toBeNaN();
    expect((body as AdminOverview).recentChanges.length).toBeLessThanOrEqual(20);
  });

  it('overview: refused without role_admin, and without a session', async () => {
    const refused = await get(rep, '/v1/admin/overview');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PERMISSION_DENIED');
    expect((await get(null, '/v1/admin/overview')).status).toBe(401);
  });
});
