import { listUsage } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../test-app.ts';

const DAY = '2026-06-01';

describe.each(['pglite', 'postgres'] as const)('permission usage on %s', (backend) => {
  let t: TestApp;
  let rep: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ backend });
    [rep, admin] = await Promise.all([
      t.login('li.lei@yunshan.example'),
      t.login('zhou.min@yunshan.example'),
    ]);
  });
  afterAll(() => t.close());

  const usage = async (userId: string) => {
    await t.app.custos.usage.flush();
    const rows = await listUsage(t.database.db, t.demo.tenantId, {
      fromDay: DAY,
      toDay: DAY,
      userId,
    });
    return Object.fromEntries(rows.map((r) => [r.permission, r]));
  };

  it('counts each exercised permission per user and day, with the records a list returned', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/customers?limit=5',
      headers: { cookie: rep },
    });
    expect(list.statusCode).toBe(200);
    const first = list.json().items[0].id as string;
    await t.app.inject({ method: 'GET', url: `/v1/customers/${first}`, headers: { cookie: rep } });
    const counted = await usage('lilei');
    expect(counted['record:customer:read']).toMatchObject({
      day: DAY,
      requests: 2,
      records: list.json().items.length + 1,
      lastAt: TEST_NOW,
    });
  });

  it('sums into the same row across flushes', async () => {
    await t.app.inject({ method: 'GET', url: '/v1/customers?limit=2', headers: { cookie: rep } });
    const counted = await usage('lilei');
    expect(counted['record:customer:read']?.requests).toBe(3);
  });

  it('counts functions; refused requests and requests served as another user count nothing', async () => {
    const users = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/users',
      headers: { cookie: admin },
    });
    expect(users.statusCode).toBe(200);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/users',
      headers: { cookie: rep },
    });
    expect(refused.statusCode).toBe(403);
    const viewed = await t.app.inject({
      method: 'GET',
      url: '/v1/customers?limit=1',
      headers: { cookie: admin, 'x-custos-view-as': 'lilei' },
    });
    expect(viewed.statusCode).toBe(200);
    const adminUse = await usage('zhoumin');
    expect(adminUse['function:user_admin']?.requests).toBe(1);
    expect(adminUse['record:customer:read']).toBeUndefined();
    expect((await usage('lilei'))['function:user_admin']).toBeUndefined();
    expect((await usage('lilei'))['record:customer:read']?.requests).toBe(3);
  });
});
