import type { PolicyModel } from '@custos/engine';
import type { Static } from 'typebox';
import type { OWNED_RECORDS, POLICY_CHANGE } from './change-schemas.ts';
import type { GROUP_MEMBER } from './directory-schemas.ts';

/**
 * What happens to the records a transferred user owns: `keep` moves them with the user to the new
 * department (归属部门), `transfer_to` hands them to a successor (and the successor's department).
 * `commitChange` does it in the change's transaction and audits the counts.
 */
export type OwnedRecordsOption = Static<typeof OWNED_RECORDS>;

/** A member of a public group. */
export type GroupMemberRef = Static<typeof GROUP_MEMBER>;

/**
 * Every admin change to a tenant's policy, as data: derived from its JSON schema
 * (`change-schemas.ts`), which builds each change from the engine's model schemas. `kind` is also
 * the audit action (`user.transfer`, `role.update` …). `applyChange` turns the current model into
 * the next one.
 */
export type PolicyChange = Static<typeof POLICY_CHANGE>;

export type PolicyChangeKind = PolicyChange['kind'];

/** The result of applying a change: the next model and what to audit and answer. */
export interface ChangeOutcome {
  model: PolicyModel;
  /** The audit action, e.g. `user.transfer`. */
  action: string;
  /** The audit target, e.g. `user/u-1`. */
  target: string;
  /** The changed entity before the change (null when created). */
  before: unknown;
  /** The changed entity after the change (null when deleted). */
  after: unknown;
  /** What the API answers: the entity after the change, or the deleted one. */
  entity: unknown;
}
