import { TEST_BACKENDS } from '@custos/store/test-backends';
import { loadPolicyModel } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { commitChanges } from '../directory/commit-change.ts';
import { advanceSweep } from './encryption-sweep.ts';
import { countValuesByKey } from './key-usage.ts';
import { runningSweep } from './sweep-store.ts';

const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';

describe.each(TEST_BACKENDS.map((b) => b.name))('key rotation and the sweep (%s)', (backend) => {
  let t: TestApp;
  let admin: string;
  const tenantId = () => t.demo.tenantId;
  const finish = async () => {
    const services = {
      database: t.database,
      keyring: t.app.custos.keyring,
      clock: t.app.custos.clock,
    };
    const sweep = await runningSweep(t.database.db, tenantId());
    if (sweep === undefined) return;
    for (let i = 0; i < 50; i++)
      if ((await advanceSweep(services, tenantId(), sweep.id, { pageSize: 50 })) === 'finished')
        return;
    throw new Error('the sweep did not finish');
  };

  beforeAll(async () => {
    t = await createTestApp({ backend: backend as 'pglite' | 'postgres', customers: 60 });
    admin = await t.login(ADMIN);
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses a rep and a rotation without a reason (naming the field), changing nothing', async () => {
    const rep = await t.login(REP);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/encryption',
      headers: { cookie: rep },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/encryption/rotate',
      headers: { cookie: admin },
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toContain('reason');
    const overview = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/encryption',
      headers: { cookie: admin },
    });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().activeVersion).toBe(1);
    expect(overview.json().sweep).toBeNull();
  });

  it('turning a field encrypted starts the sweep, which seals every value; rotation re-seals all under v2', async () => {
    const model = await loadPolicyModel(t.database.db, tenantId());
    const customer = model.objects.find((o) => o.object === 'customer');
    const sample = await t.database.db
      .selectFrom('customers')
      .select('data')
      .where('tenant_id', '=', tenantId())
      .executeTakeFirstOrThrow();
    const data = (
      typeof sample.data === 'string' ? JSON.parse(sample.data) : sample.data
    ) as Record<string, unknown>;
    const [field, setting] =
      Object.entries(customer?.fields ?? {}).find(
        ([name]) => name !== 'name' && typeof data[name] === 'string' && data[name] !== '',
      ) ?? [];
    expect(field).toBeDefined();
    await commitChanges(
      t.database.db,
      [
        {
          kind: 'object.set_field',
          object: 'customer',
          field: field as string,
          setting: { ...setting, encrypted: true },
        },
      ],
      { tenantId: tenantId(), actorId: 'zhoumin', now: t.app.custos.clock() },
    );
    expect(await runningSweep(t.database.db, tenantId())).toBeDefined();
    await finish();
    const after = await loadPolicyModel(t.database.db, tenantId());
    let usage = await countValuesByKey(t.database.db, tenantId(), after);
    const sealed = usage.find((u) => u.object === 'customer' && u.field === field);
    expect(sealed?.values.clear ?? 0).toBe(0);
    expect(sealed?.values.v1 ?? 0).toBeGreaterThan(0);

    const rotated = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/encryption/rotate',
      headers: { cookie: admin },
      payload: { reason: 'yearly rotation' },
    });
    expect(rotated.statusCode).toBe(202);
    expect(rotated.json().version).toBe(2);
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/encryption/rotate',
      headers: { cookie: admin },
      payload: { reason: 'again' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ENCRYPTION_SWEEP_RUNNING');
    await finish();
    usage = await countValuesByKey(t.database.db, tenantId(), after);
    const resealed = usage.find((u) => u.object === 'customer' && u.field === field);
    expect(resealed?.values.v1 ?? 0).toBe(0);
    expect(resealed?.values.v2).toBe(sealed?.values.v1);
    const progress = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/encryption/sweep',
      headers: { cookie: admin },
    });
    expect(progress.json().sweep.state).toBe('done');
    expect(progress.json().sweep.remaining).toBe(0);
    const actions = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('tenant_id', '=', tenantId())
      .where('action', 'like', 'encryption.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['encryption.rotate', 'encryption.sweep.complete']),
    );
  });
});
