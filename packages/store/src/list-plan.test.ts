import type { Predicate } from '@custos/engine';
import { describe, expect, it } from 'vitest';
import { accessBranches } from './list-plan.ts';

const clearance: Predicate = { kind: 'sensitivity_at_most', level: 'internal' };
const owners = (...userIds: string[]): Predicate => ({ kind: 'owner_in', userIds });
const team: Predicate = { kind: 'team_member', userId: 'u1', minAccess: 'read' };

describe('accessBranches', () => {
  it('puts the mandatory conditions into every path', () => {
    expect(
      accessBranches({
        kind: 'and',
        items: [clearance, { kind: 'or', items: [owners('u1'), team] }],
      }),
    ).toEqual([
      { kind: 'and', items: [clearance, owners('u1')] },
      { kind: 'and', items: [clearance, team] },
    ]);
  });

  it('merges the sets of one column into one path, then splits a small one per value', () => {
    const p: Predicate = { kind: 'or', items: [owners('u1', 'u2'), team, owners('u2', 'u3')] };
    expect(accessBranches(p)).toEqual([owners('u1', 'u2', 'u3'), team]);
    expect(accessBranches(p, { splitSetsUpTo: 3 })).toEqual([
      owners('u1'),
      owners('u2'),
      owners('u3'),
      team,
    ]);
    // A large set stays one `= any` walk.
    expect(accessBranches(p, { splitSetsUpTo: 2 })).toEqual([owners('u1', 'u2', 'u3'), team]);
  });

  it('distributes parent over the paths of a child controlled by its customer', () => {
    const p: Predicate = { kind: 'parent', predicate: { kind: 'or', items: [owners('u1'), team] } };
    expect(accessBranches(p)).toEqual([
      { kind: 'parent', predicate: owners('u1') },
      { kind: 'parent', predicate: team },
    ]);
  });

  it('keeps constants and caps the number of branches', () => {
    expect(accessBranches({ kind: 'const', value: false })).toEqual([]);
    expect(accessBranches({ kind: 'const', value: true })).toEqual([
      { kind: 'const', value: true },
    ]);
    const many: Predicate = {
      kind: 'or',
      items: Array.from({ length: 5 }, (_, i): Predicate => ({
        kind: 'team_member',
        userId: `u${i}`,
        minAccess: 'read',
      })),
    };
    const capped = accessBranches(many, { maxBranches: 3 });
    expect(capped).toHaveLength(3);
    expect(capped[2]).toMatchObject({ kind: 'or' });
  });
});
