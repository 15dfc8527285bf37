import {
  GrantSchema,
  isId,
  PolicyModelSchema,
  TeamMemberSchema,
  validateModel,
} from '@custos/engine';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { generateDataset, maxDepartmentDepth, maxReportingDepth } from './generate-model.ts';
import { createCasbinSlice } from './peers/casbin-slice.ts';
import { createCaslSlice } from './peers/casl-slice.ts';
import { createCustosSlice } from './peers/custos-slice.ts';
import { createSetSlice } from './peers/set-slice.ts';
import { sliceInput } from './slice.ts';
import { mixedTriples, sliceTriples } from './triples.ts';

const TINY = {
  seed: 42,
  users: 300,
  portalUsers: 30,
  customers: 3_000,
  teamMemberships: 3_000,
  grants: 300,
  departmentBranching: 2,
} as const;

describe('generateDataset', () => {
  const ds = generateDataset(TINY);

  it('produces a valid model', () => {
    const result = validateModel(ds.model);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has the shape the model schema describes, its record facts and ids too', () => {
    expect([...Value.Errors(PolicyModelSchema, ds.model)]).toEqual([]);
    expect(ds.teams.filter((t) => !Value.Check(TeamMemberSchema, t))).toEqual([]);
    expect(ds.recordGrants.filter((g) => !Value.Check(GrantSchema, g))).toEqual([]);
    expect(ds.records.map((r) => r.id).filter((id) => !isId(id))).toEqual([]);
  });

  it('reaches the requested depths and sizes', () => {
    expect(maxReportingDepth(ds.model)).toBe(8);
    expect(maxDepartmentDepth(ds.model)).toBe(6);
    expect(ds.internalUserIds).toHaveLength(TINY.users);
    expect(ds.portalUserIds).toHaveLength(TINY.portalUsers);
    expect(ds.model.roles).toHaveLength(40);
    expect(ds.model.sharingRules).toHaveLength(50);
    expect(ds.teams).toHaveLength(TINY.teamMemberships);
    expect(ds.customers).toHaveLength(TINY.customers);
    expect(Object.keys(ds.model.objects[0]?.fields ?? {})).toHaveLength(50);
    expect(ds.children.every((c) => c.parent !== undefined)).toBe(true);
  });

  it('is deterministic in its seed', () => {
    const again = generateDataset(TINY);
    expect(again.model).toEqual(ds.model);
    expect(again.records.map((r) => r.id)).toEqual(ds.records.map((r) => r.id));
    const other = generateDataset({ ...TINY, seed: 43 });
    expect(other.teams).not.toEqual(ds.teams);
  });

  it('samples mixed triples deterministically', () => {
    const a = mixedTriples(ds, 500, 1);
    const b = mixedTriples(ds, 500, 1);
    expect(a.principals).toEqual(b.principals);
    expect(a.records.map((r) => r.id)).toEqual(b.records.map((r) => r.id));
    expect(a.actions).toEqual(b.actions);
  });
});

describe('the CRM slice', () => {
  it('gets the same answer from our decide, hand-written Set code, CASL and Casbin', async () => {
    const ds = generateDataset(TINY);
    const input = sliceInput(ds);
    expect(validateModel(input.model).ok).toBe(true);
    const peers = [
      createCustosSlice(input),
      createSetSlice(input),
      createCaslSlice(input, 'in-subtree'),
      createCaslSlice(input, 'owner-chain'),
      await createCasbinSlice(input),
    ];
    const triples = sliceTriples(ds, 3_000, 7);
    let allowed = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < triples.length; i++) {
      const p = triples.principals[i] as string;
      const a = triples.actions[i] ?? 'read';
      const c = triples.customerIndex[i] as number;
      const answers = peers.map((peer) => peer.check(p, a, c));
      if (answers[0]) allowed++;
      if (answers.some((x) => x !== answers[0])) {
        disagreements.push(`${p} ${a} ${input.subjects[c]?.id}: ${answers.join(',')}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Both outcomes are well represented, so agreement means something.
    expect(allowed / triples.length).toBeGreaterThan(0.25);
    expect(allowed / triples.length).toBeLessThan(0.75);
    // The timed loops count the same allowed decisions.
    for (const peer of peers) expect(peer.run(triples, 0, triples.length)).toBe(allowed);
  });
});
