/**
 * The floor: the slice as hand-written code over precomputed sets. No policy language, no
 * explanation, nothing general: the fastest this decision can reasonably be in JavaScript.
 */
import type { SliceInput, SlicePeer, SliceSubject } from '../slice.ts';
import type { SliceAction, SliceTriples } from '../triples.ts';

export function createSetSlice(input: SliceInput): SlicePeer {
  /** Reader → owners whose records the reader sees by reporting line (the reader included). */
  const subtree = new Map<string, Set<string>>();
  for (const [userId, members] of input.reportingSubtree) subtree.set(userId, new Set(members));
  /** Customer → team member ids. */
  const teams = new Map<string, Set<string>>();
  for (const [customerId, members] of input.teamMembers) teams.set(customerId, new Set(members));
  const clearance = input.clearance;
  const subjects = input.subjects;

  const allowed = (userId: string, action: SliceAction, s: SliceSubject): boolean => {
    if (action !== 'read' && action !== 'update') return false;
    const c = clearance.get(userId);
    if (c === undefined || s.sensitivity > c) return false;
    if (s.ownerId !== null && subtree.get(userId)?.has(s.ownerId) === true) return true;
    return teams.get(s.id)?.has(userId) === true;
  };

  return {
    name: 'hand-written Set code',
    check: (principalId, action, customerIndex) =>
      allowed(principalId, action, subjects[customerIndex] as SliceSubject),
    run(triples: SliceTriples, start: number, end: number): number {
      const { principals, actions, customerIndex } = triples;
      let count = 0;
      for (let i = start; i < end; i++) {
        if (
          allowed(
            principals[i] as string,
            actions[i] as SliceAction,
            subjects[customerIndex[i] as number] as SliceSubject,
          )
        ) {
          count++;
        }
      }
      return count;
    },
  };
}
