/**
 * The slice in CASL (`@casl/ability`): one Ability per principal, built once and cached, checked
 * with `ability.can(action, subject('Customer', record))` on plain objects (the `subject` helper
 * tags an object once; later calls only test the tag).
 *
 * Two ways to say "owner in my reporting subtree":
 * - `in-subtree`: `{ ownerId: { $in: [me, ...everyone below me] } }`, the textbook form. `$in` is a
 *   linear scan, so it costs O(subtree) per check: cheap for a rep, thousands of compares for a
 *   senior manager.
 * - `owner-chain`: the subject carries its owner's manager chain and the rule is
 *   `{ ownerChain: me }` (array membership, O(reporting depth)). Faster; CASL's best case.
 */
import { AbilityBuilder, createMongoAbility, subject, type MongoAbility } from '@casl/ability';
import type { SliceInput, SlicePeer, SliceSubject } from '../slice.ts';
import type { SliceAction, SliceTriples } from '../triples.ts';

export type CaslVariant = 'in-subtree' | 'owner-chain';

type SliceAbility = MongoAbility<[SliceAction, 'Customer' | SliceSubject]>;

const ACTIONS: SliceAction[] = ['read', 'update'];

export function defineSliceAbility(
  input: SliceInput,
  userId: string,
  variant: CaslVariant,
): SliceAbility {
  const { can, cannot, build } = new AbilityBuilder<SliceAbility>(createMongoAbility);
  if (variant === 'in-subtree') {
    can(ACTIONS, 'Customer', { ownerId: { $in: [...(input.reportingSubtree.get(userId) ?? [])] } });
  } else {
    can(ACTIONS, 'Customer', { ownerChain: userId });
  }
  can(ACTIONS, 'Customer', { teamUserIds: userId });
  // Mandatory: never above clearance. Defined last, so it takes precedence.
  cannot(ACTIONS, 'Customer', { sensitivity: { $gt: input.clearance.get(userId) ?? -1 } });
  return build();
}

export function createCaslSlice(input: SliceInput, variant: CaslVariant): SlicePeer {
  const abilities = new Map<string, SliceAbility>();
  for (const userId of input.userIds)
    abilities.set(userId, defineSliceAbility(input, userId, variant));
  const subjects = input.subjects;
  // Tag every subject once, as an application would when it loads a record.
  for (const s of subjects) subject('Customer', s);
  const none = createMongoAbility<SliceAbility>([]);

  return {
    name: `CASL (${variant})`,
    check: (principalId, action, customerIndex) =>
      (abilities.get(principalId) ?? none).can(
        action,
        subject('Customer', subjects[customerIndex] as SliceSubject),
      ),
    run(triples: SliceTriples, start: number, end: number): number {
      const { principals, actions, customerIndex } = triples;
      let count = 0;
      for (let i = start; i < end; i++) {
        const ability = abilities.get(principals[i] as string) ?? none;
        if (
          ability.can(
            actions[i] as SliceAction,
            subject('Customer', subjects[customerIndex[i] as number] as SliceSubject),
          )
        ) {
          count++;
        }
      }
      return count;
    },
  };
}
