import type { Grant, PolicyModel } from '@custos/engine';
import { assertNewId, indexOfId, removeAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type GrantChange = Extract<PolicyChange, { kind: `grant.${string}` }>;

/**
 * Grant changes (临时授权): create with time bounds and a reason, revoke (removes the grant; the
 * audit event keeps it, with the revocation reason).
 */
export function applyGrantChange(model: PolicyModel, change: GrantChange): ChangeOutcome {
  if (change.kind === 'grant.create') {
    assertNewId(model.grants, change.grant.id, 'grant');
    return {
      model: { ...model, grants: [...model.grants, change.grant] },
      action: change.kind,
      target: `grant/${change.grant.id}`,
      before: null,
      after: change.grant,
      entity: change.grant,
    };
  }
  const i = indexOfId(model.grants, change.id, 'grant');
  const before = model.grants[i] as Grant;
  return {
    model: { ...model, grants: removeAt(model.grants, i) },
    action: change.kind,
    target: `grant/${change.id}`,
    before,
    after: change.reason === undefined ? null : { revoked: true, reason: change.reason },
    entity: before,
  };
}
