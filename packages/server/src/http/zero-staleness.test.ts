import { decide, type PolicyModel } from '@custos/engine';
import { DEMO_PASSWORD, openPgDatabase, savePolicyModel, type Database } from '@custos/store';
import { openPostgresTestDatabaseWithUrl } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { loadDemo, type LoadedDemo } from '../seed/load-demo.ts';
import { loginCookie, TEST_NOW } from '../test-app.ts';

const REP = 'lilei';

/**
 * Zero staleness across nodes: two app instances on two connection pools to one PostgreSQL
 * database. A policy change committed through node A is seen by the very next request on node B,
 * every time (B's cache is warm with the previous version before each change).
 */
describe('zero staleness across two nodes', () => {
  let first: Database;
  let second: Database;
  let closeFirst: () => Promise<void>;
  let nodeA: FastifyInstance;
  let nodeB: FastifyInstance;
  let demo: LoadedDemo;
  let cookie: string;
  let ownCustomer: string;

  beforeAll(async () => {
    const opened = await openPostgresTestDatabaseWithUrl();
    first = opened.database;
    closeFirst = () => opened.database.close();
    demo = await loadDemo(first, {
      customers: 120,
      now: TEST_NOW,
      sharedPasswordHash: await hashPassword(DEMO_PASSWORD),
    });
    second = await openPgDatabase({ connectionString: opened.connectionString });
    nodeA = await buildApp({ database: first, logger: false, clock: () => TEST_NOW });
    nodeB = await buildApp({ database: second, logger: false, clock: () => TEST_NOW });
    cookie = await loginCookie(nodeA, 'li.lei@yunshan.example');
    // A customer the rep reads through its role, and not without it.
    const target = demo.company.records.find(
      (r) =>
        r.object === 'customer' &&
        decide(withRepRoles(['sales-rep']), REP, 'read', r, TEST_NOW) &&
        !decide(withRepRoles([]), REP, 'read', r, TEST_NOW),
    );
    if (target === undefined) throw new Error('the demo rep reads no customer through its role');
    ownCustomer = target.id;
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await second?.close();
    await closeFirst?.();
  });

  const withRepRoles = (roleIds: string[]): PolicyModel => ({
    ...demo.company.model,
    users: demo.company.model.users.map((u) => (u.id === REP ? { ...u, roleIds } : u)),
  });

  async function allowedOnB(): Promise<boolean> {
    const r = await nodeB.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie },
      payload: {
        items: [{ subject: REP, action: 'read', object: 'customer', recordId: ownCustomer }],
      },
    });
    expect(r.statusCode).toBe(200);
    return (r.json() as { results: { allowed: boolean }[] }).results[0]!.allowed;
  }

  it('sees every committed grant and revoke on the other node at once (200 flips)', async () => {
    const granted = withRepRoles(['sales-rep']);
    const revoked = withRepRoles([]);
    expect(await allowedOnB()).toBe(true);
    for (let i = 0; i < 200; i += 1) {
      const grant = i % 2 === 1;
      // Committed through node A's connection pool before node B's request starts.
      await savePolicyModel(nodeA.custos.database.db, demo.tenantId, grant ? granted : revoked);
      expect(await allowedOnB(), `iteration ${i}: ${grant ? 'granted' : 'revoked'}`).toBe(grant);
    }
  });

  it('sees a suspension on the other node at once', async () => {
    const model = demo.company.model;
    await savePolicyModel(nodeA.custos.database.db, demo.tenantId, {
      ...model,
      users: model.users.map((u) => (u.id === REP ? { ...u, status: 'suspended' as const } : u)),
    });
    const r = await nodeB.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'AUTH_USER_INACTIVE' });
  });
});
