import { buildIndex, filter, selectRecords } from '@custos/engine';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../engine/generate-model.ts';
import { updatedAtSpread } from './load-dataset.ts';
import { parseOptions } from './options.ts';
import { pickPersonas, PersonaError, userPaths } from './personas.ts';

const SMALL = {
  seed: 7,
  users: 600,
  portalUsers: 60,
  customers: 6_000,
  teamMemberships: 3_000,
  grants: 600,
  customerFields: 13,
} as const;

describe('pickPersonas', () => {
  const ds = generateDataset(SMALL);
  const index = buildIndex(ds.model);
  const personas = pickPersonas(ds, index);
  const byKey = new Map(personas.map((p) => [p.key, p]));

  it('picks the eight personas of DESIGN §8, each a different active user', () => {
    expect(personas.map((p) => p.key)).toEqual([
      'ceo',
      'senior-manager',
      'mid-manager',
      'leaf-rep',
      'rule-agent',
      'grants-only',
      'portal',
      'skewed-owner',
    ]);
    expect(new Set(personas.map((p) => p.userId)).size).toBe(8);
    for (const p of personas) {
      const user = ds.model.users.find((u) => u.id === p.userId);
      expect(user?.status, p.key).toBe('active');
    }
  });

  it('picks them by their properties', () => {
    expect(byKey.get('ceo')?.userId).toBe(ds.ceoId);
    expect(byKey.get('skewed-owner')?.userId).toBe(ds.skewedOwnerId);
    const leaf = byKey.get('leaf-rep')!.userId;
    expect(ds.reportingSubtree.get(leaf)).toEqual([leaf]);
    expect(userPaths(ds, index, byKey.get('rule-agent')!.userId).rules).toBeGreaterThan(0);
    const granted = userPaths(ds, index, byKey.get('grants-only')!.userId);
    expect(granted.rules).toBe(0);
    expect(granted.liveGrants).toBeGreaterThan(0);
    const portal = byKey.get('portal')!;
    expect(portal.object).toBe('contact');
    expect(ds.model.users.find((u) => u.id === portal.userId)?.kind).toBe('portal');
  });

  it('gives every persona something to list, the CEO everything', () => {
    const contacts = ds.children.filter((c) => c.object === 'contact');
    for (const p of personas) {
      const records = p.object === 'customer' ? ds.customers : contacts;
      const seen = selectRecords(index, filter(index, p.userId, 'read', p.object, ds.now), records);
      expect(seen.length, p.key).toBeGreaterThan(0);
      if (p.key === 'ceo') expect(seen.length).toBe(ds.customers.length);
    }
  });

  it('fails loudly when a persona is missing', () => {
    const noPortal = {
      ...ds,
      model: { ...ds.model, users: ds.model.users.filter((u) => u.kind !== 'portal') },
    };
    expect(() => pickPersonas(noPortal, buildIndex(noPortal.model))).toThrow(PersonaError);
    const noRules = { ...ds, model: { ...ds.model, sharingRules: [] } };
    expect(() => pickPersonas(noRules, buildIndex(noRules.model))).toThrow(/sharing rule/);
  });
});

describe('bench helpers', () => {
  it('spreads updatedAt deterministically over the past three years, mostly recent', () => {
    const now = Date.UTC(2025, 5, 1);
    const a = updatedAtSpread(10_000, now, 1);
    expect(updatedAtSpread(10_000, now, 1)).toEqual(a);
    const ages = Array.from(a, (t) => (now - t) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(3 * 365 + 1);
    const recent = ages.filter((d) => d < 365).length / ages.length;
    expect(recent).toBeGreaterThan(0.5);
  });

  it('reads sizes from flags over environment over defaults', () => {
    const full = parseOptions([], {});
    expect(full.dataset.customers).toBe(1_000_000);
    expect(full.dataset.customerFields).toBe(13);
    const quick = parseOptions(['--quick'], { BENCH_CUSTOMERS: '60_000' });
    expect(quick.dataset.customers).toBe(60_000);
    expect(
      parseOptions(['--quick', '--customers=1000'], { BENCH_CUSTOMERS: '60000' }).dataset.customers,
    ).toBe(1000);
    expect(parseOptions(['--skip-http'], {}).backends).toEqual({
      postgres: true,
      pglite: true,
      http: false,
      encryption: true,
    });
    expect(parseOptions(['--skip-encryption'], {}).backends.encryption).toBe(false);
    expect(() => parseOptions([], { BENCH_RUNS: 'many' })).toThrow(/BENCH_RUNS/);
  });

  it('reads --sizes (after a space or an equals sign); default: the one dataset size', () => {
    expect(parseOptions(['--quick'], {}).sizes).toEqual([50_000]);
    expect(parseOptions(['--quick', '--sizes', '10000,50_000,200000'], {}).sizes).toEqual([
      10_000, 50_000, 200_000,
    ]);
    expect(parseOptions(['--sizes=10000,10000'], {}).sizes).toEqual([10_000]);
    expect(parseOptions([], { BENCH_SIZES: '20000' }).sizes).toEqual([20_000]);
  });
});
