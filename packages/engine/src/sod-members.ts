import type { SodRef, SodRule } from './model.ts';

/** Every member of an SoD rule: `left`, `right`, then any `others` (a set rule). */
export function sodMembers(rule: SodRule): SodRef[] {
  return [rule.left, rule.right, ...(rule.others ?? [])];
}

/** A member's stable text: `record:refund:create`, `function:approve_refund`, `role:cashier`. */
export function sodRefKey(ref: SodRef): string {
  switch (ref.kind) {
    case 'object':
      return `record:${ref.object}:${ref.action}`;
    case 'function':
      return `function:${ref.name}`;
    case 'role':
      return `role:${ref.roleId}`;
  }
}
