import { checkAccess, Outcome } from './access-core.ts';
import type { CrmRecord, PolicyModel, RecordAction } from './model.ts';
import { indexOf, type PolicyIndex } from './policy-index.ts';

/**
 * May `principalId` perform `action` on `record` at time `now` (ms since epoch)?
 * Default deny. Pass the model (its index is built once and cached) or a prebuilt index.
 */
export function decide(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  action: RecordAction,
  record: CrmRecord,
  now: number,
): boolean {
  return checkAccess(indexOf(policy), principalId, action, record, now, null) === Outcome.Allow;
}
