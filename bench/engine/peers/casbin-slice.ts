/**
 * The slice in Casbin (`casbin`): a model written in code, policies added through the API,
 * `enforceSync` per decision.
 *
 * - `g(owner, reader)`: the reporting line as a role hierarchy. Every user is linked to their
 *   manager, so `g(owner, reader)` holds when the reader is the owner or above them.
 * - `g2(reader, customer)`: team membership.
 * - clearance: compared on request attributes in the matcher (ABAC).
 */
import { newEnforcer, newModelFromString, type Enforcer } from 'casbin';
import type { SliceInput, SlicePeer, SliceSubject } from '../slice.ts';
import type { SliceAction, SliceTriples } from '../triples.ts';

export const CASBIN_SLICE_MODEL = `
[request_definition]
r = sub, obj, act

[policy_definition]
p = obj, act

[role_definition]
g = _, _
g2 = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.obj.type == p.obj && r.act == p.act && r.obj.sensitivity <= r.sub.clearance && (g(r.obj.ownerId, r.sub.id) || g2(r.sub.id, r.obj.id))
`;

interface CasbinSubject {
  readonly id: string;
  readonly clearance: number;
}

export async function createCasbinEnforcer(input: SliceInput): Promise<Enforcer> {
  const enforcer = await newEnforcer(newModelFromString(CASBIN_SLICE_MODEL));
  await enforcer.addPolicies([
    ['Customer', 'read'],
    ['Customer', 'update'],
  ]);
  const reporting: string[][] = [];
  for (const [userId, managerId] of input.managerOf) {
    if (managerId !== null) reporting.push([userId, managerId]);
  }
  await enforcer.addNamedGroupingPolicies('g', reporting);
  const team: string[][] = [];
  for (const [customerId, members] of input.teamMembers) {
    for (const userId of members) team.push([userId, customerId]);
  }
  await enforcer.addNamedGroupingPolicies('g2', team);
  return enforcer;
}

export async function createCasbinSlice(input: SliceInput): Promise<SlicePeer> {
  const enforcer = await createCasbinEnforcer(input);
  const subs = new Map<string, CasbinSubject>();
  for (const userId of input.userIds) {
    subs.set(userId, { id: userId, clearance: input.clearance.get(userId) ?? -1 });
  }
  const subjects = input.subjects;
  const sub = (id: string): CasbinSubject => subs.get(id) ?? { id, clearance: -1 };

  return {
    name: 'Casbin',
    check: (principalId, action, customerIndex) =>
      enforcer.enforceSync(sub(principalId), subjects[customerIndex] as SliceSubject, action),
    run(triples: SliceTriples, start: number, end: number): number {
      const { principals, actions, customerIndex } = triples;
      let count = 0;
      for (let i = start; i < end; i++) {
        if (
          enforcer.enforceSync(
            sub(principals[i] as string),
            subjects[customerIndex[i] as number] as SliceSubject,
            actions[i] as SliceAction,
          )
        ) {
          count++;
        }
      }
      return count;
    },
  };
}
