/** Our engine on the slice model: `decide` against a prebuilt index. */
import { buildIndex, decide, type CrmRecord, type PolicyIndex } from '@custos/engine';
import type { SliceInput, SlicePeer } from '../slice.ts';
import type { SliceTriples } from '../triples.ts';

export function createCustosSlice(input: SliceInput, index?: PolicyIndex): SlicePeer {
  const idx = index ?? buildIndex(input.model);
  const records = input.records;
  const now = input.now;
  return {
    name: 'custos decide',
    check: (principalId, action, customerIndex) =>
      decide(idx, principalId, action, records[customerIndex] as CrmRecord, now),
    run(triples: SliceTriples, start: number, end: number): number {
      const { principals, actions, customerIndex } = triples;
      let allowed = 0;
      for (let i = start; i < end; i++) {
        if (
          decide(
            idx,
            principals[i] as string,
            actions[i] as 'read',
            records[customerIndex[i] as number] as CrmRecord,
            now,
          )
        ) {
          allowed++;
        }
      }
      return allowed;
    },
  };
}
