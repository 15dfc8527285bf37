import {
  functionEntry,
  objectName,
  sodConflicts,
  sodConflictsIntroduced,
  type Grant,
  type PolicyIndex,
  type PolicyModel,
  type SodConflict,
  type SodRef,
} from '@custos/engine';
import { AppError } from '../../http/app-error.ts';
import type { PolicyChange } from './policy-change.ts';

/** A member of an SoD rule in words (English, for messages; the console words it itself). */
export function sodRefText(model: PolicyModel, ref: SodRef): string {
  switch (ref.kind) {
    case 'function':
      return `${functionEntry(ref.name)?.description['en-US'] ?? ref.name} (function:${ref.name})`;
    case 'object':
      return `${ref.action} ${objectName(ref.object, 'en-US')} (record:${ref.object}:${ref.action})`;
    case 'role':
      return `role ${model.roles.find((r) => r.id === ref.roleId)?.name ?? ref.roleId} (role:${ref.roleId})`;
  }
}

/** The rules a batch creates or replaces: their existing violators are named, not refused. */
export function rulesWritten(changes: readonly PolicyChange[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes)
    if (c.kind === 'sod_rule.create' || c.kind === 'sod_rule.update') ids.add(c.rule.id);
  return ids;
}

export interface SodCheck {
  /** Conflicts the batch would introduce (refused). */
  introduced: SodConflict[];
  /** Users already violating a rule the batch creates or replaces (allowed, named). */
  violations: SodConflict[];
}

/**
 * The SoD check of a batch (pure): users who would hold two members of a rule after it and did not
 * before — through a role assigned, a role gaining a permission, a group membership that brings a
 * grant, a grant (also one on a record, `recordGrants`). Grants expired at `now` do not count.
 */
export function sodCheck(
  before: PolicyModel,
  after: PolicyModel,
  changes: readonly PolicyChange[],
  now: number,
  recordGrants: readonly Grant[] = [],
  beforeIndex?: PolicyIndex,
): SodCheck {
  if (after.sodRules.length === 0) return { introduced: [], violations: [] };
  const written = rulesWritten(changes);
  const was = sodConflicts(before, {
    now,
    ...(beforeIndex === undefined ? {} : { index: beforeIndex }),
  });
  const will = sodConflicts(after, { now, grants: [...after.grants, ...recordGrants] });
  return {
    introduced: sodConflictsIntroduced(was, will, written),
    violations: will.filter((c) => written.has(c.ruleId)),
  };
}

/** A conflict as the API details carry it. */
export function conflictDetails(model: PolicyModel, c: SodConflict) {
  return {
    ruleId: c.ruleId,
    ruleName: c.ruleName,
    userId: c.userId,
    userName: c.userName,
    held: c.held.map((h) => ({
      ref: h.ref,
      key: h.key,
      text: sodRefText(model, h.ref),
      via: h.via,
    })),
  };
}

/**
 * SOD_CONFLICT naming the (first) rule, the user(s) and the two members; every conflict in
 * `details.conflicts`.
 */
export function sodConflictError(model: PolicyModel, introduced: readonly SodConflict[]): AppError {
  const first = introduced[0] as SodConflict;
  const sameRule = introduced.filter((c) => c.ruleId === first.ruleId);
  const users = sameRule.map((c) => `${c.userName} (${c.userId})`).join(', ');
  const [a, b] = first.held;
  return new AppError(
    'SOD_CONFLICT',
    `separation-of-duties rule "${first.ruleName}" (${first.ruleId}): ${users} would hold both ${
      a === undefined ? '' : sodRefText(model, a.ref)
    } and ${b === undefined ? '' : sodRefText(model, b.ref)}${
      introduced.length > sameRule.length
        ? ` (and ${introduced.length - sameRule.length} more)`
        : ''
    }`,
    {
      ruleId: first.ruleId,
      ruleName: first.ruleName,
      userIds: sameRule.map((c) => c.userId),
      members: [a?.key, b?.key],
      conflicts: introduced.map((c) => conflictDetails(model, c)),
    },
  );
}
