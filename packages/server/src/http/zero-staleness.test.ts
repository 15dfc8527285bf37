import { decide, type PolicyModel } from '@custos/engine';
import {
  DEMO_PASSWORD,
  openPgDatabase,
  putTeamMember,
  removeTeamMember,
  savePolicyModel,
  type Database,
} from '@custos/store';
import { openPostgresTestDatabaseWithUrl } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createKeyring } from '@custos/store';
import { buildApp } from '../app.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { commitChange } from '../modules/directory/commit-change.ts';
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
  let otherCustomer: string;

  beforeAll(async () => {
    const opened = await openPostgresTestDatabaseWithUrl();
    first = opened.database;
    closeFirst = () => opened.database.close();
    const keyring = createKeyring({ kek: randomBytes(32) });
    demo = await loadDemo(first, {
      keyring,
      customers: 120,
      now: TEST_NOW,
      sharedPasswordHash: await hashPassword(DEMO_PASSWORD),
    });
    second = await openPgDatabase({ connectionString: opened.connectionString });
    nodeA = await buildApp({ database: first, logger: false, clock: () => TEST_NOW, keyring });
    nodeB = await buildApp({ database: second, logger: false, clock: () => TEST_NOW, keyring });
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
    // A customer the rep reaches by no path at all: a team membership or a grant opens it.
    const other = demo.company.records.find(
      (r) =>
        r.object === 'customer' &&
        r.sensitivity === 'internal' &&
        r.poolId == null &&
        !decide(withRepRoles(['sales-rep']), REP, 'read', r, TEST_NOW),
    );
    if (other === undefined) throw new Error('no customer the rep cannot read');
    otherCustomer = other.id;
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

  /** Node B's answer for the rep reading [its own customer, the other customer]. */
  async function allowedOnB(): Promise<[boolean, boolean]> {
    const r = await nodeB.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie },
      payload: {
        items: [ownCustomer, otherCustomer].map((recordId) => ({
          subject: REP,
          action: 'read',
          object: 'customer',
          recordId,
        })),
      },
    });
    expect(r.statusCode).toBe(200);
    const [own, other] = (r.json() as { results: { allowed: boolean }[] }).results;
    return [own!.allowed, other!.allowed];
  }

  it('sees every committed role, team and grant change on the other node at once (200 changes)', async () => {
    const options = () => ({
      tenantId: demo.tenantId,
      actorId: 'zhoumin',
      now: TEST_NOW,
      policy: nodeA.custos.policy,
    });
    const db = nodeA.custos.database.db;
    expect(await allowedOnB()).toEqual([true, false]);
    const loadsBefore = nodeB.custos.policy.stats.fullLoads;
    for (let i = 0; i < 200; i += 1) {
      // Committed through node A before node B's request starts: a role taken away and given
      // back (policy version, log, NOTIFY), a team member added and removed, a record grant
      // given and revoked (record facts: no version, read with the record).
      let expected: [boolean, boolean];
      switch (i % 6) {
        case 0:
          await commitChange(db, { kind: 'user.update', id: REP, roleIds: [] }, options());
          expected = [false, false];
          break;
        case 1:
          await commitChange(
            db,
            { kind: 'user.update', id: REP, roleIds: ['sales-rep'] },
            options(),
          );
          expected = [true, false];
          break;
        case 2:
          await putTeamMember(db, demo.tenantId, {
            customerId: otherCustomer,
            userId: REP,
            access: 'read',
          });
          expected = [true, true];
          break;
        case 3:
          await removeTeamMember(db, demo.tenantId, otherCustomer, REP);
          expected = [true, false];
          break;
        case 4:
          await commitChange(
            db,
            {
              kind: 'grant.create',
              grant: {
                id: `grant-${i}`,
                subject: { kind: 'user', userId: REP },
                object: 'customer',
                target: { kind: 'record', recordId: otherCustomer },
                access: 'read',
                expiresAt: null,
              },
            },
            options(),
          );
          expected = [true, true];
          break;
        default:
          await commitChange(db, { kind: 'grant.revoke', id: `grant-${i - 1}` }, options());
          expected = [true, false];
      }
      expect(await allowedOnB(), `iteration ${i}`).toEqual(expected);
    }
    // Node B followed the change log: no whole reload of the policy.
    expect(nodeB.custos.policy.stats.fullLoads).toBe(loadsBefore);
    expect(nodeB.custos.policy.stats.changesApplied).toBeGreaterThanOrEqual(66);
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
