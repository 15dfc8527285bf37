import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
import { buildIndex, decide, filter, SENSITIVITIES, type CrmRecord } from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecordsBy } from './count-records-by.ts';
import type { Database } from './database.ts';
import { demoCompany } from './demo/demo-company.ts';
import { listLiveGrantsTo } from './grants-to.ts';
import { loadTenantData } from './load-scenario.ts';
import { savePolicyModel } from './policy-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const TENANT = 'yunshan';
const demo = demoCompany({ customers: 150, now: NOW });
const customers = demo.records.filter((r) => r.object === 'customer');

/** The engine's answer: the customers the user may read, counted per key. */
function expected(
  user: string,
  keyOf: (r: CrmRecord) => string | null,
): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const r of customers) {
    if (!decide(demo.model, user, 'read', r, NOW)) continue;
    out.set(keyOf(r), (out.get(keyOf(r)) ?? 0) + 1);
  }
  return out;
}

describe.each(TEST_BACKENDS)('countRecordsBy and listLiveGrantsTo on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, demo.model, demo.records, TENANT, testKeyring);
    await savePolicyModel(database.db, TENANT, demo.model);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('counts per sensitivity and per owning department exactly what decide lets each user read', async () => {
    const mismatches: string[] = [];
    for (const user of demo.model.users) {
      const query = {
        tenantId: TENANT,
        object: 'customer' as const,
        predicate: filter(demo.model, user.id, 'read', 'customer', NOW),
      };
      for (const [by, keyOf] of [
        ['sensitivity', (r: CrmRecord) => r.sensitivity],
        ['department', (r: CrmRecord) => r.departmentId],
      ] as const) {
        const got = await countRecordsBy(database.db, query, by);
        const want = expected(user.id, keyOf);
        const gotMap = new Map(got.map((g) => [g.key, g.count]));
        if (JSON.stringify([...gotMap].sort()) !== JSON.stringify([...want].sort())) {
          mismatches.push(
            `${user.id} by ${by}: sql ${JSON.stringify(got)} decide ${JSON.stringify([...want])}`,
          );
        }
        // Largest first.
        expect(got.map((g) => g.count)).toEqual([...got.map((g) => g.count)].sort((a, b) => b - a));
        if (by === 'sensitivity') {
          for (const g of got) expect(SENSITIVITIES).toContain(g.key);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers nothing for a user who may read nothing', async () => {
    const query = {
      tenantId: TENANT,
      object: 'customer' as const,
      predicate: filter(demo.model, 'nobody', 'read', 'customer', NOW),
    };
    expect(await countRecordsBy(database.db, query, 'sensitivity')).toEqual([]);
  });

  it('lists the grants live now to a user or their groups, and not expired or future ones', async () => {
    const grants = [...demo.model.grants, ...demo.records.flatMap((r) => r.grants ?? [])];
    expect(grants.length).toBeGreaterThan(2);
    const index = new Map(demo.model.users.map((u) => [u.id, u]));
    const policyIndex = buildIndex(demo.model);
    let seen = 0;
    for (const user of index.values()) {
      const groupIds = [...(policyIndex.principals.get(user.id)?.groupIds ?? [])];
      const got = await listLiveGrantsTo(database.db, TENANT, {
        userId: user.id,
        groupIds,
        at: NOW,
        limit: 100,
      });
      const want = [...new Map(grants.map((g) => [g.id, g])).values()].filter(
        (g) =>
          (g.subject.kind === 'user'
            ? g.subject.userId === user.id
            : groupIds.includes(g.subject.groupId)) &&
          (g.startsAt === null || g.startsAt === undefined || g.startsAt <= NOW) &&
          (g.expiresAt === null || g.expiresAt > NOW),
      );
      expect(got.map((g) => g.grant.id).sort()).toEqual(want.map((g) => g.id).sort());
      seen += got.length;
    }
    expect(seen).toBeGreaterThan(0);
    // Not live: an expired grant is never listed, even to its subject.
    const expired = grants.find((g) => g.expiresAt !== null && g.expiresAt <= NOW);
    expect(expired).toBeDefined();
    const subject = expired!.subject;
    const got = await listLiveGrantsTo(database.db, TENANT, {
      userId: subject.kind === 'user' ? subject.userId : 'nobody',
      groupIds: subject.kind === 'group' ? [subject.groupId] : [],
      at: NOW,
      limit: 100,
    });
    expect(got.map((g) => g.grant.id)).not.toContain(expired!.id);
  });
});
