import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * The policy repository round-trips every valid conformance scenario and the demo company: save →
 * load gives the same model (up to the normalisations below) and the same decisions; a save bumps
 * the tenant's version; a failed save changes nothing.
 */
import {
  RECORD_ACTIONS,
  buildIndex,
  decide,
  type CrmRecord,
  type Grant,
  type PolicyModel,
} from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../conformance/src/load-scenarios.ts';
import type { Database } from './database.ts';
import { demoCompany } from './demo/demo-company.ts';
import { loadTenantData } from './load-scenario.ts';
import { loadPolicyModel, readPolicyVersion, savePolicyModel } from './policy-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const demo = demoCompany({ customers: 50, now: NOW });

interface Case {
  id: string;
  tenantId: string;
  model: PolicyModel;
  records: CrmRecord[];
  now: number;
}

const cases: Case[] = [
  ...loadScenarios()
    .filter((s) => s.expectInvalid === undefined)
    .map((s, n) => ({
      id: s.id,
      tenantId: `policy-${n}`,
      model: s.model,
      records: s.records,
      now: s.now,
    })),
  { id: 'demo company', tenantId: 'policy-demo', ...demo, now: NOW },
];

/**
 * What a stored model cannot tell apart, because it means the same to the engine:
 * - `version`: the stored version is the tenant's policy version, not the saved model's;
 * - `tenant.id`: the tenant is stored under the key it is saved for;
 * - `headId` / `portalAccountId` / `reason` null ≡ absent (both: none), read back as absent;
 * - `startsAt` absent ≡ null (effective at once), read back as null;
 * - an empty per-object map in a role's `objects` / `fields` ≡ no entry (every action `none`,
 *   every field following the object): it has no rows, so it reads back as absent.
 * `toEqual` also treats a property set to `undefined` as absent. Arrays keep their order: the
 * comparison checks it.
 */
function normalise(model: PolicyModel, tenantId: string): PolicyModel {
  const withoutEmpty = <V extends object>(map: Partial<Record<string, V>>) =>
    Object.fromEntries(
      Object.entries(map).filter(([, v]) => v !== undefined && Object.keys(v).length > 0),
    );
  return {
    ...model,
    version: 0,
    tenant: { ...model.tenant, id: tenantId },
    departments: model.departments.map(({ headId, ...d }) =>
      headId == null ? d : { ...d, headId },
    ),
    users: model.users.map(({ portalAccountId, ...u }) =>
      portalAccountId == null ? u : { ...u, portalAccountId },
    ),
    roles: model.roles.map((r) => ({
      ...r,
      objects: withoutEmpty(r.objects),
      fields: withoutEmpty(r.fields),
    })),
    grants: model.grants.map(({ reason, ...g }) => ({
      ...g,
      startsAt: g.startsAt ?? null,
      ...(reason == null ? {} : { reason }),
    })),
  };
}

/** Every user × record × action at the case's time; for large cases a deterministic sample. */
function decisionMismatches(c: Case, loaded: PolicyModel): string[] {
  const original = buildIndex(c.model);
  const reloaded = buildIndex(loaded);
  const users = c.model.users.filter((_, i) => c.model.users.length <= 20 || i % 3 === 0);
  const records = c.records.filter((_, i) => c.records.length <= 40 || i % 7 === 0);
  const mismatches: string[] = [];
  for (const user of users) {
    for (const record of records) {
      for (const action of RECORD_ACTIONS) {
        const expected = decide(original, user.id, action, record, c.now);
        if (decide(reloaded, user.id, action, record, c.now) !== expected) {
          mismatches.push(`${user.id} ${action} ${record.object}:${record.id}`);
        }
      }
    }
  }
  return mismatches;
}

describe.each(TEST_BACKENDS)('policy repository on $name', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await backend.open();
    // The customers first: team members reference them.
    for (const c of cases)
      await loadTenantData(database.db, c.model, c.records, c.tenantId, testKeyring);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it('covers the conformance suite and the demo company', () => {
    expect(cases.length).toBeGreaterThanOrEqual(46);
    expect(demo.model.grants.length).toBeGreaterThan(0);
  });

  it.each(cases)('round-trips $id', async (c) => {
    const before = await readPolicyVersion(database.db, c.tenantId);
    const version = await savePolicyModel(database.db, c.tenantId, c.model);
    expect(version).toBe(before + 1);
    const loaded = await loadPolicyModel(database.db, c.tenantId);
    expect(loaded.version).toBe(version);
    expect(normalise(loaded, c.tenantId)).toEqual(normalise(c.model, c.tenantId));
    expect(decisionMismatches(c, loaded)).toEqual([]);
  });

  it('bumps the version on every save', async () => {
    const c = cases[0]!;
    const tenantId = 'policy-versions';
    expect(await readPolicyVersion(database.db, tenantId)).toBe(0);
    const model = c.model;
    expect(await savePolicyModel(database.db, tenantId, model)).toBe(1);
    expect(await readPolicyVersion(database.db, tenantId)).toBe(1);
    expect(await savePolicyModel(database.db, tenantId, model)).toBe(2);
    expect(await readPolicyVersion(database.db, tenantId)).toBe(2);
    expect((await loadPolicyModel(database.db, tenantId)).version).toBe(2);
    // Another tenant's version is its own.
    expect(await readPolicyVersion(database.db, 'policy-nobody')).toBe(0);
    await expect(loadPolicyModel(database.db, 'policy-nobody')).rejects.toMatchObject({
      code: 'STORE_UNKNOWN_TENANT',
      message: expect.stringMatching(/unknown tenant/),
    });
  });

  it('rolls a failed save back, leaving the previous model and version', async () => {
    const c = cases.at(-1)!;
    const tenantId = 'policy-rollback';
    await loadTenantData(database.db, c.model, c.records, tenantId, testKeyring);
    const version = await savePolicyModel(database.db, tenantId, c.model);
    const grant: Grant = {
      id: 'duplicate',
      subject: { kind: 'user', userId: c.model.users[0]!.id },
      object: 'customer',
      target: { kind: 'all' },
      access: 'read',
      startsAt: null,
      expiresAt: null,
    };
    // Fails late (grants come after most tables), after the old rows were deleted in the save.
    const broken: PolicyModel = {
      ...c.model,
      tenant: { ...c.model.tenant, name: 'renamed' },
      users: c.model.users.slice(1),
      grants: [...c.model.grants, grant, grant],
    };
    await expect(savePolicyModel(database.db, tenantId, broken)).rejects.toThrow();
    // And a duplicate user id fails early.
    const duplicateUser = { ...c.model, users: [...c.model.users, c.model.users[0]!] };
    await expect(savePolicyModel(database.db, tenantId, duplicateUser)).rejects.toThrow();

    expect(await readPolicyVersion(database.db, tenantId)).toBe(version);
    const loaded = await loadPolicyModel(database.db, tenantId);
    expect(loaded.version).toBe(version);
    expect(normalise(loaded, tenantId)).toEqual(normalise(c.model, tenantId));
  });
});
