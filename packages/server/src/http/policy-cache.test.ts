import { DEMO_TENANT_ID, demoCompany, savePolicyModel, type Database } from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PolicyCache } from './policy-cache.ts';

describe('policy cache', () => {
  let database: Database;
  const model = { ...demoCompany({ now: Date.UTC(2026, 5, 1), customers: 4 }).model, teams: [] };
  beforeAll(async () => {
    database = await TEST_BACKENDS[0]!.open();
    await savePolicyModel(database.db, DEMO_TENANT_ID, model);
  });
  afterAll(async () => {
    await database.close();
  });

  it('loads once for concurrent callers and again only when the version moves', async () => {
    const cache = new PolicyCache(database);
    const transactions = vi.spyOn(database.db, 'transaction');
    const snapshots = await Promise.all(
      Array.from({ length: 10 }, () => cache.current(DEMO_TENANT_ID)),
    );
    expect(new Set(snapshots).size).toBe(1);
    expect(snapshots[0]!.version).toBe(1);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(await cache.current(DEMO_TENANT_ID)).toBe(snapshots[0]);
    expect(transactions).toHaveBeenCalledTimes(1);
    const version = await savePolicyModel(database.db, DEMO_TENANT_ID, model);
    transactions.mockClear();
    const next = await cache.current(DEMO_TENANT_ID);
    expect(next.version).toBe(version);
    expect(next.users.get('lilei')?.name).toBeDefined();
    expect(transactions).toHaveBeenCalledTimes(1);
    transactions.mockRestore();
  });

  it('fails for an unknown tenant with the store error', async () => {
    await expect(new PolicyCache(database).current('nobody')).rejects.toMatchObject({
      code: 'STORE_UNKNOWN_TENANT',
    });
  });
});
