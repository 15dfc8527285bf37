/**
 * Four eyes over HTTP, on both backends: the setting (role_admin; narrowing it waits for a second
 * admin), sensitive changes held as pending (202) through the batch route and the entity routes,
 * the non-sensitive path unchanged, approval by another admin committing as one transaction with
 * author and approver audited, the author refused, a stale change refused cleanly, reject,
 * withdraw, the history, and the expiry pass.
 */
import {
  listAuditEvents,
  listNotifications,
  readFourEyesSetting,
  readPolicyVersion,
} from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, createTestApp, type TestApp } from '../../test-app.ts';
import { commitChanges } from '../directory/commit-change.ts';
import { runPendingChangeExpiry } from './pending-change-expiry.ts';

let t: TestApp;
let zhoumin: string;
let wuhao: string;
let lilei: string;

const DAY = 86_400_000;

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const r = await t.app.inject({
    method,
    url,
    headers: { cookie, ...headers },
    ...(method === 'GET' ? {} : { payload: payload ?? {} }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, read loosely
  return { status: r.statusCode, body: r.json() as Record<string, any> };
}

const role = (id: string) =>
  t.app.custos.policy.current(t.demo.tenantId).then((s) => s.model.roles.find((r) => r.id === id));
const pendingOf = async (id: string) =>
  (await call(wuhao, 'GET', `/v1/admin/pending-changes/${id}`)).body.data;

describe.each(['pglite', 'postgres'] as const)('four eyes on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 40, backend });
    zhoumin = await t.login('zhou.min@yunshan.example');
    wuhao = await t.login('wu.hao@yunshan.example');
    lilei = await t.login('li.lei@yunshan.example');
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets four eyes: role_admin only, categories checked against the catalogue', async () => {
    const off = await call(zhoumin, 'GET', '/v1/admin/four-eyes');
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ categories: [], expiryDays: 14 });
    expect(off.body.available).toContain('sod_rules');

    const denied = await call(lilei, 'PUT', '/v1/admin/four-eyes', {
      categories: ['roles'],
      expiryDays: 7,
    });
    expect(denied.status).toBe(403);
    const bad = await call(zhoumin, 'PUT', '/v1/admin/four-eyes', {
      categories: ['roles', 'rolez'],
      expiryDays: 7,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toMatch(/categories/);
    const badDays = await call(zhoumin, 'PUT', '/v1/admin/four-eyes', {
      categories: ['roles'],
      expiryDays: 0,
    });
    expect(badDays.status).toBe(400);
    expect(badDays.body.details.field).toMatch(/expiryDays/);
    expect((await readFourEyesSetting(t.database.db, t.demo.tenantId)).categories).toEqual([]);

    const on = await call(zhoumin, 'PUT', '/v1/admin/four-eyes', {
      categories: ['sharing_rules', 'roles', 'clearance'],
      expiryDays: 7,
    });
    expect(on.status).toBe(200);
    expect(on.body.setting).toMatchObject({
      categories: ['roles', 'sharing_rules', 'clearance'],
      expiryDays: 7,
      updatedBy: 'zhoumin',
    });
    const audit = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'four_eyes.update',
    });
    expect(audit[0]).toMatchObject({ actorId: 'zhoumin', outcome: 'success' });
  });

  it('keeps the non-sensitive path as it is: commits at once', async () => {
    const r = await call(zhoumin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'department.rename', id: 'service', name: '客户服务部' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.data[0].action).toBe('department.rename');
  });

  it('holds giving a user an administrative role, not an ordinary one; a token never decides', async () => {
    const { model } = await t.app.custos.policy.current(t.demo.tenantId);
    const adminRole = model.roles.find((r) => r.functions.includes('role_admin'));
    const plainRole = model.roles.find(
      (r) => r.functions.length === 0 && !r.id.includes('portal') && r.id !== 'sales-rep',
    );
    expect(adminRole && plainRole).toBeTruthy();
    const lileiRoles = model.users.find((u) => u.id === 'lilei')?.roleIds ?? [];
    const held = await call(zhoumin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'user.update', id: 'sunli', roleIds: [adminRole?.id] }],
    });
    expect(held.status, JSON.stringify(held.body)).toBe(202);
    expect(held.body.pending.categories).toEqual(['roles']);
    const plain = await call(zhoumin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'user.update', id: 'lilei', roleIds: [...lileiRoles, plainRole?.id] }],
    });
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    // wuhao's API token with both admin scopes may not decide a held change: a person must.
    const token = await call(wuhao, 'POST', '/v1/auth/tokens', {
      name: 'automation',
      scopes: ['user_admin', 'role_admin'],
      expiresAt: new Date(TEST_NOW + 30 * DAY).toISOString(),
    });
    expect(token.status, JSON.stringify(token.body)).toBe(201);
    const byToken = await t.app.inject({
      method: 'POST',
      url: `/v1/admin/pending-changes/${held.body.pending.id}/approve`,
      headers: { authorization: `Bearer ${token.body.token}` },
      payload: {},
    });
    expect(byToken.statusCode).toBe(403);
    expect((await pendingOf(held.body.pending.id)).status).toBe('pending');
    // Withdrawn again, so the tests below start from the demo's own pending change only.
    const withdrawn = await call(
      zhoumin,
      'POST',
      `/v1/admin/pending-changes/${held.body.pending.id}/withdraw`,
      {},
    );
    expect(withdrawn.status).toBe(200);
  });

  it('holds a sensitive change; the author cannot approve; another admin sees the preview and approves', async () => {
    const before = await readPolicyVersion(t.database.db, t.demo.tenantId);
    const submitted = await call(
      zhoumin,
      'POST',
      '/v1/admin/changes',
      {
        changes: [{ kind: 'role.update', id: 'sales-rep', functions: ['reports'] }],
        reason: 'reps need reports',
      },
      { 'if-match': `"${before}"` },
    );
    expect(submitted.status).toBe(202);
    const id = submitted.body.pending.id as string;
    expect(submitted.body.pending).toMatchObject({
      status: 'pending',
      categories: ['roles'],
      link: `/admin/pending-changes/${id}`,
    });
    // Nothing committed.
    expect(await readPolicyVersion(t.database.db, t.demo.tenantId)).toBe(before);
    expect((await role('sales-rep'))?.functions).toEqual([]);
    // The other admin is told; the author is not.
    const told = await listNotifications(t.database.db, t.demo.tenantId, 'wuhao');
    expect(told[0]).toMatchObject({
      kind: 'change.submitted',
      params: { pendingChangeId: id, authorId: 'zhoumin' },
    });
    expect(
      (await listNotifications(t.database.db, t.demo.tenantId, 'zhoumin')).some(
        (n) => n.kind === 'change.submitted',
      ),
    ).toBe(false);

    const own = await call(zhoumin, 'POST', `/v1/admin/pending-changes/${id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES_OWN_CHANGE');
    const denials = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'change.approve',
    });
    expect(denials[0]).toMatchObject({ actorId: 'zhoumin', outcome: 'denied' });
    const rep = await call(lilei, 'POST', `/v1/admin/pending-changes/${id}/approve`, {});
    expect(rep.status).toBe(403);
    expect(rep.body.code).toBe('PERMISSION_DENIED');

    const detail = await pendingOf(id);
    expect(detail).toMatchObject({
      status: 'pending',
      authorId: 'zhoumin',
      reason: 'reps need reports',
      applies: true,
      conflicts: [],
    });
    expect(detail.preview.valid).toBe(true);
    expect(
      detail.preview.users.some((u: { functionsGained: string[] }) =>
        u.functionsGained.includes('reports'),
      ),
    ).toBe(true);
    expect(detail.diff[0]).toMatchObject({ kind: 'role.update', target: 'role/sales-rep' });
    expect(detail.diff[0].before.functions).toEqual([]);
    expect(detail.diff[0].after.functions).toEqual(['reports']);

    const approved = await call(wuhao, 'POST', `/v1/admin/pending-changes/${id}/approve`, {
      comment: 'ok',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.version).toBe(before + 1);
    expect(approved.body.data).toMatchObject({
      status: 'approved',
      decidedBy: 'wuhao',
      resultVersion: before + 1,
    });
    expect((await role('sales-rep'))?.functions).toEqual(['reports']);
    const [event] = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'change.approve',
    });
    expect(event).toMatchObject({ actorId: 'wuhao', outcome: 'success' });
    expect(event?.after).toMatchObject({
      authorId: 'zhoumin',
      approverId: 'wuhao',
      version: before + 1,
    });
    const [roleEvent] = await listAuditEvents(t.database.db, t.demo.tenantId, {
      action: 'role.update',
    });
    expect(roleEvent?.actorId).toBe('wuhao');
    expect((await listNotifications(t.database.db, t.demo.tenantId, 'zhoumin'))[0]).toMatchObject({
      kind: 'change.approved',
      params: { pendingChangeId: id },
    });

    const again = await call(wuhao, 'POST', `/v1/admin/pending-changes/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PENDING_CHANGE_DECIDED');
  });

  it('holds the entity routes too, and refuses at once a change that could not commit', async () => {
    const held = await call(zhoumin, 'PATCH', '/v1/admin/roles/sales-rep', { name: '销售代表 A' });
    expect(held.status).toBe(202);
    expect(held.body.pending.categories).toEqual(['roles']);
    // Beyond the author's own clearance: refused at once (the commit's own check), not held.
    const beyond = await call(zhoumin, 'PATCH', '/v1/admin/users/lilei', {
      clearance: 'restricted',
    });
    expect(beyond.status).toBe(403);
    expect(beyond.body.code).toBe('ESCALATION_DENIED');
    const clearance = await call(zhoumin, 'PATCH', '/v1/admin/users/lilei', {
      clearance: 'confidential',
    });
    expect(clearance.status).toBe(202);
    expect(clearance.body.pending.categories).toEqual(['clearance']);
    // A user's name is not sensitive.
    const name = await call(zhoumin, 'PATCH', '/v1/admin/users/lilei', { name: '李雷' });
    expect(name.status).toBe(200);

    const missing = await call(zhoumin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'role.update', id: 'no-such-role', name: 'x' }],
    });
    expect(missing.status).toBe(404);
    const all = await call(wuhao, 'GET', '/v1/admin/pending-changes?status=pending');
    expect(all.body.data.map((p: { kinds: string[] }) => p.kinds[0]).sort()).toEqual([
      'role.update',
      'user.update',
    ]);
    // Withdraw: the author only.
    const other = await call(
      wuhao,
      'POST',
      `/v1/admin/pending-changes/${held.body.pending.id}/withdraw`,
      {},
    );
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('PENDING_CHANGE_NOT_AUTHOR');
    const withdrawn = await call(
      zhoumin,
      'POST',
      `/v1/admin/pending-changes/${held.body.pending.id}/withdraw`,
      { reason: 'typo' },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.data.status).toBe('withdrawn');
    // Reject: a reason is required.
    const cid = clearance.body.pending.id as string;
    const noReason = await call(wuhao, 'POST', `/v1/admin/pending-changes/${cid}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.field).toMatch(/reason/);
    const rejected = await call(wuhao, 'POST', `/v1/admin/pending-changes/${cid}/reject`, {
      reason: 'not needed',
    });
    expect(rejected.body.data).toMatchObject({
      status: 'rejected',
      decidedBy: 'wuhao',
      decisionReason: 'not needed',
    });
    const lileiNow = (await t.app.custos.policy.current(t.demo.tenantId)).model.users.find(
      (u) => u.id === 'lilei',
    );
    expect(lileiNow?.clearance).toBe('internal');
    // History stays listed.
    const history = await call(zhoumin, 'GET', '/v1/admin/pending-changes?status=rejected');
    expect(history.body.data.map((p: { id: string }) => p.id)).toContain(cid);
    expect((await call(lilei, 'GET', '/v1/admin/pending-changes')).status).toBe(403);
    expect((await call(wuhao, 'GET', '/v1/admin/pending-changes/999999')).status).toBe(404);
  });

  it('refuses cleanly to approve a change the policy moved under, and shows why', async () => {
    const submitted = await call(zhoumin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'role.update', id: 'customer-service', name: '客服' }],
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body.pending.id as string;
    // Meanwhile the role changes (by the system: not held).
    await commitChanges(
      t.database.db,
      [{ kind: 'role.update', id: 'customer-service', name: '客服专员 (新)' }],
      { tenantId: t.demo.tenantId, actorId: null, now: TEST_NOW, policy: t.app.custos.policy },
    );
    const detail = await pendingOf(id);
    expect(detail.applies).toBe(false);
    expect(detail.conflicts).toEqual([
      expect.objectContaining({ entity: 'role', id: 'customer-service' }),
    ]);
    const version = await readPolicyVersion(t.database.db, t.demo.tenantId);
    const stale = await call(wuhao, 'POST', `/v1/admin/pending-changes/${id}/approve`, {});
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PENDING_CHANGE_STALE');
    expect(stale.body.details.cause.code).toBe('CONFLICT');
    expect(await readPolicyVersion(t.database.db, t.demo.tenantId)).toBe(version);
    expect((await pendingOf(id)).status).toBe('pending');
    expect((await role('customer-service'))?.name).toBe('客服专员 (新)');
  });

  it('holds narrowing the setting for a second admin; widening applies at once', async () => {
    const narrowed = await call(zhoumin, 'PUT', '/v1/admin/four-eyes', {
      categories: [],
      expiryDays: 7,
      reason: 'too slow',
    });
    expect(narrowed.status).toBe(202);
    expect(narrowed.body.pending.categories).toEqual(['four_eyes']);
    expect((await readFourEyesSetting(t.database.db, t.demo.tenantId)).categories).toHaveLength(3);
    const detail = await pendingOf(narrowed.body.pending.id);
    expect(detail.diff[0]).toMatchObject({ kind: 'four_eyes.update', after: { categories: [] } });
    const own = await call(zhoumin, 'POST', `/v1/admin/pending-changes/${detail.id}/approve`, {});
    expect(own.body.code).toBe('FOUR_EYES_OWN_CHANGE');
    const ok = await call(wuhao, 'POST', `/v1/admin/pending-changes/${detail.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect((await readFourEyesSetting(t.database.db, t.demo.tenantId)).categories).toEqual([]);
    // Off: a role change commits at once again.
    const direct = await call(zhoumin, 'PATCH', '/v1/admin/roles/sales-rep', { name: '销售代表' });
    expect(direct.status).toBe(200);
    // Turning on applies at once.
    const on = await call(zhoumin, 'PUT', '/v1/admin/four-eyes', {
      categories: ['roles'],
      expiryDays: 1,
    });
    expect(on.status).toBe(200);
  });

  it('expires changes not decided in time (one idempotent pass)', async () => {
    const submitted = await call(zhoumin, 'POST', '/v1/admin/changes', {
      changes: [{ kind: 'role.update', id: 'marketing', name: '市场' }],
    });
    const id = submitted.body.pending.id as string;
    const services = { database: t.database, clock: () => TEST_NOW };
    expect((await runPendingChangeExpiry(services, TEST_NOW + DAY - 1)).expired).toBe(0);
    const pass = await runPendingChangeExpiry(services, TEST_NOW + DAY);
    expect(pass.expired).toBeGreaterThanOrEqual(1);
    expect((await pendingOf(id)).status).toBe('expired');
    expect((await runPendingChangeExpiry(services, TEST_NOW + DAY)).expired).toBe(0);
    const approve = await call(wuhao, 'POST', `/v1/admin/pending-changes/${id}/approve`, {});
    expect(approve.body).toMatchObject({ code: 'PENDING_CHANGE_DECIDED' });
    expect(
      (await listNotifications(t.database.db, t.demo.tenantId, 'zhoumin')).some(
        (n) => n.kind === 'change.expired' && n.params.pendingChangeId === id,
      ),
    ).toBe(true);
  });
});
