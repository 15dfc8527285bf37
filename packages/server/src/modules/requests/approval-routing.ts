import {
  coveredActions,
  grantExcess,
  hasFunction,
  holdingsOf,
  recordGrantExcess,
  roleExcess,
  type CrmRecord,
  type Grant,
  type PolicyIndex,
} from '@custos/engine';
import type { ApprovalStepSpec, RequestStep, StepRoute } from '@custos/store';

/** What a request would give, as the approvers are judged on it. */
export type Requested =
  | { kind: 'record'; grant: Grant; record: CrmRecord | undefined }
  | { kind: 'scope'; grant: Grant }
  | { kind: 'role'; roleId: string };

/** How far up a line of managers a step goes before it falls to the role_admin holders. */
const MAX_HOPS = 20;

/**
 * Whether `userId` could give what is requested themselves — the change path's escalation rule:
 * nobody grants what they do not hold. A record grant: each action its level covers is allowed to
 * them on the record (`decide`); a scope grant: within their reach; a role: nothing in it above
 * their holdings. An unknown record: nobody.
 */
export function canGrant(index: PolicyIndex, userId: string, requested: Requested, now: number) {
  const holdings = holdingsOf(index, userId);
  if (holdings.ctx === undefined) return false;
  switch (requested.kind) {
    case 'record':
      return (
        requested.record !== undefined &&
        recordGrantExcess(index, userId, requested.grant, requested.record, now).length === 0
      );
    case 'scope':
      return grantExcess(holdings, index, requested.grant).length === 0;
    case 'role': {
      const role = index.roles.get(requested.roleId);
      return role !== undefined && roleExcess(index.model, holdings, role, undefined).length === 0;
    }
  }
}

/** Active holders of `role_admin` (the top of every line), by id. */
export function roleAdmins(index: PolicyIndex): string[] {
  return [...index.users.keys()].filter((id) => hasFunction(index, id, 'role_admin')).sort();
}

/** The candidates a step's kind names first (before any routing). */
function firstCandidates(
  index: PolicyIndex,
  spec: ApprovalStepSpec,
  requesterId: string,
  record: CrmRecord | undefined,
): (string | null)[] {
  const requester = index.users.get(requesterId);
  switch (spec.kind) {
    case 'manager':
      return [requester?.managerId ?? null];
    case 'department_head': {
      const departmentId = spec.of === 'record' ? record?.departmentId : requester?.departmentId;
      return [
        departmentId === undefined || departmentId === null
          ? null
          : (index.departments.get(departmentId)?.headId ?? null),
      ];
    }
    case 'data_owner':
      return [record?.ownerId ?? null];
    case 'user':
      return [spec.userId ?? null];
    case 'function': {
      const holders = [...index.users.keys()]
        .filter(
          (id) => spec.functionName !== undefined && hasFunction(index, id, spec.functionName),
        )
        .sort();
      return holders.length === 0 ? [null] : holders;
    }
  }
}

/**
 * Resolve one step to the people who may decide it. A candidate who cannot decide — nobody named,
 * the requester, an inactive user, one who does not hold what is asked, or one who already
 * approved an earlier step — is passed over for their manager, and so on up the line; at the top
 * (no manager, a loop, or too many hops) the step falls to the tenant's `role_admin` holders who
 * may decide. Every hop is recorded with its reason. When even they cannot grant (an unknown
 * record, say), the step falls to the role_admin holders other than the requester: they decide
 * (and will refuse) with the reason shown.
 */
export function resolveStep(
  index: PolicyIndex,
  spec: ApprovalStepSpec,
  input: {
    requesterId: string;
    requested: Requested;
    record: CrmRecord | undefined;
    approvedBefore: ReadonlySet<string>;
    now: number;
  },
): RequestStep {
  const routes: StepRoute[] = [];
  const approvers = new Set<string>();
  const reasonAgainst = (id: string | null): StepRoute['reason'] | null => {
    if (id === null || !index.users.has(id)) return 'none';
    if (id === input.requesterId) return 'requester';
    if (!(index.principals.get(id)?.active ?? false)) return 'inactive';
    if (input.approvedBefore.has(id)) return 'already_approved';
    if (!canGrant(index, id, input.requested, input.now)) return 'cannot_grant';
    return null;
  };
  const admins = (): string[] => roleAdmins(index).filter((id) => reasonAgainst(id) === null);
  for (const first of firstCandidates(index, spec, input.requesterId, input.record)) {
    let candidate = first;
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      const against = reasonAgainst(candidate);
      if (against === null) {
        approvers.add(candidate as string);
        break;
      }
      const next = candidate === null ? null : (index.users.get(candidate)?.managerId ?? null);
      if (next === null || seen.has(next) || hop >= MAX_HOPS) {
        const top = admins();
        routes.push({ from: candidate, reason: against, to: top });
        for (const id of top) approvers.add(id);
        break;
      }
      seen.add(candidate as string);
      routes.push({ from: candidate, reason: against, to: [next] });
      candidate = next;
    }
  }
  if (approvers.size === 0) {
    const fallback = roleAdmins(index).filter((id) => id !== input.requesterId);
    routes.push({ from: null, reason: 'top_of_line', to: fallback });
    for (const id of fallback) approvers.add(id);
  }
  return {
    spec,
    approverIds: [...approvers].sort(),
    routes,
    decision: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    days: null,
  };
}

/** The actions a requested level gives (for the words shown to approvers). */
export const actionsOf = coveredActions;
