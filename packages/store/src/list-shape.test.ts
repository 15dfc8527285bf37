import type { Predicate } from '@custos/engine';
import { describe, expect, it } from 'vitest';
import { accessBranches } from './list-plan.ts';
import {
  COUNT_INDEXED_SET,
  countBranchIndexesLargeSets,
  chooseCountShape,
  chooseListShape,
  equalShare,
  estimateBranch,
  type ColumnStatistics,
  type ListStatistics,
} from './list-shape.ts';

/** Statistics of a 50,000-customer tenant, as `pg_stats` would have them (no query is run). */
function column(
  distinct: number,
  common: Record<string, number> = {},
  nullFrac = 0,
): ColumnStatistics {
  return { distinct, nullFrac, common: new Map(Object.entries(common)) };
}
const STATS: ListStatistics = {
  rows: 50_000,
  columns: {
    owner_id: column(2_000, { big: 0.05 }, 0.03),
    department_id: column(260, {}, 0.03),
    pool_id: column(3, { pool_0: 0.01, pool_1: 0.01 }, 0.97),
    sensitivity: column(3, { '0': 0.05, '1': 0.93, '2': 0.02 }),
  },
  fields: {
    status: column(3, { '"active"': 0.32, '"dormant"': 0.36, '"churned"': 0.32 }),
    region: column(8, { '"central"': 0.14 }),
  },
  teamRowsPerUser: 10,
};

const clearance: Predicate = { kind: 'sensitivity_at_most', level: 'internal' };
const owners = (...userIds: string[]): Predicate => ({ kind: 'owner_in', userIds });
const team = (userId: string): Predicate => ({ kind: 'team_member', userId, minAccess: 'read' });
const pool: Predicate = { kind: 'pool_in', poolIds: ['pool_0'] };
const region: Predicate = {
  kind: 'field',
  criterion: { field: 'region', op: 'eq', value: 'central' },
};
/** A sharing rule with a range criterion: no index serves the range. */
const revenueRule: Predicate = {
  kind: 'and',
  items: [
    { kind: 'field', criterion: { field: 'annual_revenue', op: 'between', low: 1e6, high: 5e6 } },
    { kind: 'field', criterion: { field: 'status', op: 'eq', value: 'active' } },
  ],
};
const reader = (...paths: Predicate[]): Predicate => ({
  kind: 'and',
  items: [clearance, { kind: 'or', items: paths }],
});
const branchesOf = (p: Predicate): Predicate[] =>
  accessBranches(p, { maxBranches: 48, splitSetsUpTo: 16 });
const listShape = (p: Predicate, stats: ListStatistics | null = STATS) =>
  chooseListShape(branchesOf(p), stats, 'customers', { take: 51, canBound: true });

describe('statistics', () => {
  it('estimates an equality from the most common values, else spreads the rest', () => {
    const owner = STATS.columns.owner_id;
    expect(equalShare(owner, 'big')).toBe(0.05);
    expect(equalShare(owner, 'someone')).toBeCloseTo((1 - 0.03 - 0.05) / 1_999, 8);
    expect(equalShare(STATS.fields.status, '"active"')).toBe(0.32);
  });

  it('knows which paths walk an index in list order', () => {
    const one = estimateBranch(owners('u1'), STATS, 'customers');
    expect(one.accesses).toEqual([expect.objectContaining({ ordered: true })]);
    // A range criterion has no index; its branch reads `data` per row.
    const rule = estimateBranch(revenueRule, STATS, 'customers');
    expect(rule.heavy).toBe(true);
    expect(rule.accesses).toEqual([expect.objectContaining({ ordered: true, share: 0.32 })]);
    expect(rule.share).toBeCloseTo(0.32 * 0.005, 6);
  });
});

describe('chooseListShape', () => {
  it('walks the list order once when the user sees a large share (a big subtree, a broad rule)', () => {
    const subtree = owners(...Array.from({ length: 800 }, (_, i) => `u${i}`));
    expect(listShape(reader(subtree, team('me'))).kind).toBe('or');
    // A leaf rep whose region rule selects 14% of the customers: one walk finds a page in ~400 rows.
    expect(listShape(reader(owners('me'), team('me'), region, pool, revenueRule)).kind).toBe('or');
  });

  it('keeps one walk per path when every path is narrow', () => {
    const shape = listShape(reader(owners('me'), team('me'), owners('peer')));
    expect(shape).toMatchObject({ kind: 'union', bounded: [] });
    expect(shape.kind === 'union' && shape.branches).toHaveLength(3);
  });

  it('bounds a path that would read far more than a page by the other paths’ page', () => {
    // The rule's own walk reads the 16,000 active customers; the pool's page bounds it.
    const shape = listShape(reader(owners('me'), team('me'), revenueRule, pool));
    expect(shape.kind).toBe('union');
    if (shape.kind !== 'union') return;
    expect(shape.bounded).toEqual([
      { kind: 'and', items: [clearance, ...(revenueRule.kind === 'and' ? revenueRule.items : [])] },
    ]);
    expect(shape.branches).toHaveLength(3);
  });

  it('keeps the per-path union without statistics, and never bounds a name sort', () => {
    expect(listShape(reader(owners('me'), region), null)).toMatchObject({
      kind: 'union',
      bounded: [],
    });
    const byName = chooseListShape(
      branchesOf(reader(owners('me'), team('me'), revenueRule, pool)),
      STATS,
      'customers',
      { take: 51, canBound: false },
    );
    expect(byName.kind === 'union' ? byName.bounded : []).toEqual([]);
  });

  it('is deterministic: the same predicate and statistics give the same shape', () => {
    const p = reader(owners('me'), team('me'), revenueRule, pool);
    expect(listShape(p)).toEqual(listShape(p));
  });

  it('can be forced (benchmark, oracle)', () => {
    const branches = branchesOf(reader(owners('me'), team('me'), pool));
    const opts = { take: 51, canBound: true } as const;
    expect(chooseListShape(branches, STATS, 'customers', { ...opts, force: 'or' }).kind).toBe('or');
    expect(
      chooseListShape(branches, null, 'customers', { ...opts, force: 'bounded' }),
    ).toMatchObject({ kind: 'union', branches: branches.slice(0, 1), bounded: branches.slice(1) });
  });
});

describe('chooseCountShape', () => {
  it('counts a broad predicate with one scan that stops after the threshold', () => {
    const subtree = owners(...Array.from({ length: 800 }, (_, i) => `u${i}`));
    expect(
      chooseCountShape(branchesOf(reader(subtree, pool)), STATS, 'customers', 10_000).kind,
    ).toBe('or');
  });

  it('counts narrow paths as disjoint branches, indexed ones before a rule read row by row', () => {
    const shape = chooseCountShape(
      branchesOf(reader(revenueRule, owners('me'), team('me'))),
      STATS,
      'customers',
      10_000,
    );
    expect(shape.kind).toBe('disjoint');
    if (shape.kind !== 'disjoint') return;
    expect(shape.branches).toHaveLength(3);
    expect(shape.branches[2]).toMatchObject({ kind: 'and' });
    expect(JSON.stringify(shape.branches[2])).toContain('annual_revenue');
  });
});

describe('countBranchIndexesLargeSets', () => {
  it('keeps a set of more than COUNT_INDEXED_SET values a filter (planning would cost more)', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
    expect(countBranchIndexesLargeSets(reader(owners(...ids(COUNT_INDEXED_SET))))).toBe(true);
    expect(countBranchIndexesLargeSets(reader(owners(...ids(COUNT_INDEXED_SET + 1)), pool))).toBe(
      false,
    );
  });
});
