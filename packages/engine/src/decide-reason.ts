import { checkAccess, Outcome, type PathHit } from './access-core.ts';
import type { ReasonKind } from './explanation.ts';
import type { CrmRecord, PolicyModel, RecordAction } from './model.ts';
import { indexOf, type PolicyIndex } from './policy-index.ts';

const DENY: Record<Exclude<Outcome, Outcome.Allow>, ReasonKind> = {
  [Outcome.UnknownPrincipal]: 'unknown_principal',
  [Outcome.Inactive]: 'inactive',
  [Outcome.Clearance]: 'clearance',
  [Outcome.PortalObject]: 'portal_object',
  [Outcome.PortalAccount]: 'portal_account',
  [Outcome.Sod]: 'sod',
  [Outcome.NoPrivilege]: 'no_privilege',
  [Outcome.ParentMissing]: 'parent_missing',
  [Outcome.NoPath]: 'no_path',
};

/**
 * `decide` with the kind of its first reason: the path that allowed it (`scope`, `team`,
 * `sharing_rule` …) or the rule that denied it — the same as `explain(…).allowedBy[0].kind` /
 * `deniedBy.kind`, without building the explanation's sentences (the authorization API's batch
 * check answers thousands of these).
 */
export function decideWithReason(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  action: RecordAction,
  record: CrmRecord,
  now: number,
): { allowed: boolean; reason: ReasonKind } {
  const hits: PathHit[] = [];
  const outcome = checkAccess(indexOf(policy), principalId, action, record, now, hits);
  if (outcome === Outcome.Allow) return { allowed: true, reason: hits[0]?.kind ?? 'scope' };
  return { allowed: false, reason: DENY[outcome] };
}
