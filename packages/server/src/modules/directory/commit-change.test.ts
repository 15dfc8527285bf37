import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from '@custos/store';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * The directory service on both backends: a change is applied, validated, written, versioned and
 * audited in one transaction; an invalid change writes nothing; a stale If-Match is a conflict.
 */
import {
  demoCompany,
  listAuditEvents,
  loadPolicyModel,
  loadTenantData,
  readPolicyVersion,
  savePolicyModel,
  type Database,
} from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import { commitChange } from './commit-change.ts';

const NOW = Date.UTC(2026, 5, 1);
const TENANT = 'yunshan';
const demo = demoCompany({ customers: 50, now: NOW });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(TEST_BACKENDS)('commitChange on $name', (backend) => {
  let database: Database;
  const options = { tenantId: TENANT, actorId: 'zhoumin', now: NOW };

  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, demo.model, demo.records, TENANT, testKeyring);
    await savePolicyModel(database.db, TENANT, demo.model);
  });
  afterAll(async () => {
    await database.close();
  });

  it('transfers a user: model, version and an audit event with before and after', async () => {
    const version = await readPolicyVersion(database.db, TENANT);
    const result = await commitChange(
      database.db,
      {
        kind: 'user.transfer',
        id: 'lilei',
        departmentId: 'sales-north',
        managerId: 'zhaolei',
        ownedRecords: { mode: 'keep' },
      },
      { ...options, expectedVersion: version },
    );
    expect(result.version).toBe(version + 1);
    expect(result.entity).toMatchObject({ id: 'lilei', departmentId: 'sales-north' });
    const model = await loadPolicyModel(database.db, TENANT);
    expect(model.version).toBe(version + 1);
    expect(model.users.find((u) => u.id === 'lilei')).toMatchObject({
      departmentId: 'sales-north',
      managerId: 'zhaolei',
    });
    const [event] = await listAuditEvents(database.db, TENANT, { action: 'user.transfer' });
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      action: 'user.transfer',
      target: 'user/lilei',
      before: { id: 'lilei', departmentId: 'sales-east', managerId: 'hanmeimei' },
      after: { id: 'lilei', departmentId: 'sales-north', ownedRecords: { mode: 'keep' } },
    });
    expect(event?.at.getTime()).toBe(NOW);
    // Kept records follow their owner to the new department (归属部门).
    const owned = demo.records.filter((r) => r.ownerId === 'lilei');
    expect(owned.length).toBeGreaterThan(0);
    const rows = await database.db
      .selectFrom('customers')
      .select(['owner_id', 'department_id'])
      .where('tenant_id', '=', TENANT)
      .where('owner_id', '=', 'lilei')
      .execute();
    expect(rows.length).toBe(owned.filter((r) => r.object === 'customer').length);
    expect(new Set(rows.map((r) => r.department_id))).toEqual(new Set(['sales-north']));
  });

  it('hands a transferred user’s records to the successor when asked', async () => {
    const owned = demo.records.filter((r) => r.ownerId === 'zhangwei');
    const customers = owned.filter((r) => r.object === 'customer').length;
    expect(customers).toBeGreaterThan(0);
    const result = await commitChange(
      database.db,
      {
        kind: 'user.transfer',
        id: 'zhangwei',
        departmentId: 'service',
        managerId: 'yuxiao',
        ownedRecords: { mode: 'transfer_to', userId: 'liuyang' },
      },
      options,
    );
    const left = await database.db
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', TENANT)
      .where('owner_id', '=', 'zhangwei')
      .execute();
    expect(left).toEqual([]);
    // The result says what moved (the console shows it), as the audit event does.
    expect(result.ownedRecordsMoved).toMatchObject({ customer: customers });
    const [event] = await listAuditEvents(database.db, TENANT, { action: 'user.transfer' });
    expect(event?.after).toMatchObject({
      ownedRecords: { mode: 'transfer_to', userId: 'liuyang', moved: { customer: customers } },
    });
  });

  it('refuses an invalid change with the engine errors and writes nothing', async () => {
    const version = await readPolicyVersion(database.db, TENANT);
    const audits = (await listAuditEvents(database.db, TENANT, { limit: 1000 })).length;
    // 销售部 under 华东大区, which is under 销售部: a cycle.
    const error = await rejection(
      commitChange(
        database.db,
        { kind: 'department.move', id: 'sales', parentId: 'sales-east' },
        options,
      ),
    );
    expect(error.code).toBe('MODEL_INVALID');
    const errors = error.details.errors as { code: string; path: string }[];
    expect(errors.some((e) => e.code === 'ENGINE_HIERARCHY_CYCLE')).toBe(true);
    expect(errors[0]?.path).toMatch(/^departments\[\d+\]\.parentId$/);
    expect(await readPolicyVersion(database.db, TENANT)).toBe(version);
    expect((await listAuditEvents(database.db, TENANT, { limit: 1000 })).length).toBe(audits);
    const model = await loadPolicyModel(database.db, TENANT);
    expect(model.departments.find((d) => d.id === 'sales')?.parentId).toBe('yunshan');
  });

  it('names the path of an unknown reference', async () => {
    const error = await rejection(
      commitChange(
        database.db,
        { kind: 'user.update', id: 'lilei', roleIds: ['no-such-role'] },
        options,
      ),
    );
    expect(error.code).toBe('MODEL_INVALID');
    expect(error.details.errors).toEqual([
      expect.objectContaining({
        code: 'ENGINE_UNKNOWN_REFERENCE',
        path: expect.stringMatching(/^users\[\d+\]\.roleIds\[0\]$/),
      }),
    ]);
  });

  it('refuses an edit of an entity changed after the expected version; racing edits of two entities both win', async () => {
    const version = await readPolicyVersion(database.db, TENANT);
    await commitChange(
      database.db,
      { kind: 'department.rename', id: 'finance', name: '财务部' },
      options,
    );
    const stale = await rejection(
      commitChange(
        database.db,
        { kind: 'department.rename', id: 'finance', name: '财务中心' },
        { ...options, expectedVersion: version },
      ),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details).toEqual({
      expectedVersion: version,
      currentVersion: version + 1,
      entity: 'department',
      id: 'finance',
    });

    // Two admins, each with the version they saw, each editing another department: both commit,
    // one version each (the later one re-applied on the newer policy), in either order.
    const results = await Promise.allSettled([
      commitChange(
        database.db,
        { kind: 'department.rename', id: 'service', name: '客户服务中心' },
        { ...options, expectedVersion: version + 1 },
      ),
      commitChange(
        database.db,
        { kind: 'department.rename', id: 'marketing', name: '品牌市场部' },
        { ...options, expectedVersion: version + 1 },
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await readPolicyVersion(database.db, TENANT)).toBe(version + 3);
    const model = await loadPolicyModel(database.db, TENANT);
    expect(model.departments.find((d) => d.id === 'service')?.name).toBe('客户服务中心');
    expect(model.departments.find((d) => d.id === 'marketing')?.name).toBe('品牌市场部');
  });

  it('applies changes without an expected version one after the other', async () => {
    const version = await readPolicyVersion(database.db, TENANT);
    await Promise.all([
      commitChange(
        database.db,
        { kind: 'department.rename', id: 'service', name: '客户服务部' },
        options,
      ),
      commitChange(
        database.db,
        { kind: 'user.set_manager', id: 'dujuan', managerId: 'zhangjianguo' },
        options,
      ),
    ]);
    const model = await loadPolicyModel(database.db, TENANT);
    expect(model.version).toBe(version + 2);
    expect(model.departments.find((d) => d.id === 'service')?.name).toBe('客户服务部');
    expect(model.users.find((u) => u.id === 'dujuan')?.managerId).toBe('zhangjianguo');
  });

  it('refuses to delete a department that is not empty, and deletes an empty one', async () => {
    const error = await rejection(
      commitChange(database.db, { kind: 'department.delete', id: 'sales-east' }, options),
    );
    expect(error.code).toBe('DEPARTMENT_NOT_EMPTY');
    await commitChange(
      database.db,
      { kind: 'department.create', department: { id: 'lab', name: '实验室', parentId: 'yunshan' } },
      options,
    );
    const result = await commitChange(
      database.db,
      { kind: 'department.delete', id: 'lab' },
      options,
    );
    expect(result.entity).toMatchObject({ id: 'lab' });
    const [event] = await listAuditEvents(database.db, TENANT, { action: 'department.delete' });
    expect(event).toMatchObject({ target: 'department/lab', before: { id: 'lab' }, after: null });
  });

  it('grants and revokes with time bounds and a reason', async () => {
    const grant = {
      id: 'g-test',
      subject: { kind: 'user' as const, userId: 'lilei' },
      object: 'customer' as const,
      target: { kind: 'owner' as const, userId: 'zhangwei' },
      access: 'read' as const,
      startsAt: NOW,
      expiresAt: NOW + 86_400_000,
      reason: '休假代管',
    };
    await commitChange(database.db, { kind: 'grant.create', grant }, options);
    expect((await loadPolicyModel(database.db, TENANT)).grants).toContainEqual(grant);
    await commitChange(
      database.db,
      { kind: 'grant.revoke', id: 'g-test', reason: '提前结束' },
      options,
    );
    expect((await loadPolicyModel(database.db, TENANT)).grants.some((g) => g.id === 'g-test')).toBe(
      false,
    );
    const [event] = await listAuditEvents(database.db, TENANT, { action: 'grant.revoke' });
    expect(event).toMatchObject({
      target: 'grant/g-test',
      before: grant,
      after: { reason: '提前结束' },
    });
  });

  it('refuses to delete a department that records still belong to', async () => {
    await commitChange(
      database.db,
      { kind: 'department.create', department: { id: 'lab2', name: '实验室', parentId: null } },
      options,
    );
    const customer = demo.records.find((r) => r.object === 'customer')!;
    await database.db
      .updateTable('customers')
      .set({ department_id: 'lab2' })
      .where('tenant_id', '=', TENANT)
      .where('id', '=', customer.id)
      .execute();
    const error = await rejection(
      commitChange(database.db, { kind: 'department.delete', id: 'lab2' }, options),
    );
    expect(error.code).toBe('DEPARTMENT_NOT_EMPTY');
    expect(error.details.records).toEqual({ customer: 1 });
  });

  it('refuses to deactivate the last active holder of user_admin', async () => {
    const admins = demo.model.users.filter((u) => u.roleIds.includes('sys-admin')).map((u) => u.id);
    expect(admins).toEqual(['zhoumin', 'wuhao']);
    await commitChange(
      database.db,
      { kind: 'user.deactivate', id: 'wuhao', status: 'suspended' },
      options,
    );
    const error = await rejection(
      commitChange(
        database.db,
        { kind: 'user.deactivate', id: 'zhoumin', status: 'departed' },
        options,
      ),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', details: { function: 'user_admin' } });
    await commitChange(database.db, { kind: 'user.reactivate', id: 'wuhao' }, options);
  });

  it('answers an unknown tenant with STORE_UNKNOWN_TENANT', async () => {
    await expect(
      commitChange(
        database.db,
        { kind: 'user.reactivate', id: 'x' },
        { ...options, tenantId: 'nope' },
      ),
    ).rejects.toMatchObject({ code: 'STORE_UNKNOWN_TENANT' });
  });
});
