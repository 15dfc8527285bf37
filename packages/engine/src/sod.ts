import type { Grant, PolicyModel, Role, SodRef, SodRule, User } from './model.ts';
import { indexOf, type PolicyIndex } from './policy-index.ts';
import { sodMembers, sodRefKey } from './sod-members.ts';

/** How a user holds one member of an SoD rule: through a role, or a grant (to them or a group). */
export type SodSource =
  { kind: 'role'; roleId: string } | { kind: 'grant'; grantId: string; groupId?: string };

/** One member of a rule a user holds, and every way they hold it. */
export interface SodHolding {
  ref: SodRef;
  key: string;
  via: SodSource[];
}

/** A user holding two or more members of one rule. */
export interface SodConflict {
  ruleId: string;
  ruleName: string;
  userId: string;
  userName: string;
  /** The members held (two or more), in the rule's order. */
  held: SodHolding[];
}

function roleGives(role: Role, ref: SodRef): boolean {
  switch (ref.kind) {
    case 'role':
      return role.id === ref.roleId;
    case 'function':
      return role.functions.includes(ref.name);
    case 'object':
      return (role.objects[ref.object]?.[ref.action] ?? 'none') !== 'none';
  }
}

/** A grant gives read (access `read`) or read and update (access `edit`) on its object. */
function grantGives(grant: Grant, ref: SodRef): boolean {
  if (ref.kind !== 'object' || grant.object !== ref.object) return false;
  return ref.action === 'read' || (ref.action === 'update' && grant.access === 'edit');
}

function groupsOf(index: PolicyIndex, userId: string): string[] {
  const result: string[] = [];
  for (const [groupId, members] of index.groupMembers)
    if (members.has(userId)) result.push(groupId);
  return result;
}

/**
 * What a user holds of one rule's members, through their roles and the grants in `grants` (the
 * model's scope grants, plus any grants on records the caller adds). A grant is held from its
 * creation (also before it starts) until it expires; callers leave out expired grants.
 */
export function sodHoldings(
  index: PolicyIndex,
  user: User,
  rule: SodRule,
  grants: readonly Grant[] = index.model.grants,
): SodHolding[] {
  const groups = new Set(groupsOf(index, user.id));
  const roles = user.roleIds
    .map((id) => index.roles.get(id))
    .filter((r): r is Role => r !== undefined);
  const mine = grants.filter((g) =>
    g.subject.kind === 'user' ? g.subject.userId === user.id : groups.has(g.subject.groupId),
  );
  const result: SodHolding[] = [];
  for (const ref of sodMembers(rule)) {
    const via: SodSource[] = [];
    for (const role of roles) if (roleGives(role, ref)) via.push({ kind: 'role', roleId: role.id });
    for (const g of mine) {
      if (!grantGives(g, ref)) continue;
      via.push(
        g.subject.kind === 'group'
          ? { kind: 'grant', grantId: g.id, groupId: g.subject.groupId }
          : { kind: 'grant', grantId: g.id },
      );
    }
    if (via.length > 0) result.push({ ref, key: sodRefKey(ref), via });
  }
  return result;
}

/**
 * Every active user holding two or more members of an SoD rule (pure): per rule, per user, what
 * they hold and how. `rules` narrows the rules checked (default: the model's); `grants` are the
 * grants that count (default: the model's; pass record grants too to count them).
 */
export function sodConflicts(
  model: PolicyModel,
  options: {
    rules?: readonly SodRule[];
    grants?: readonly Grant[];
    index?: PolicyIndex;
    /** When given, grants expired at this time do not count. */
    now?: number;
  } = {},
): SodConflict[] {
  const rules = options.rules ?? model.sodRules;
  if (rules.length === 0) return [];
  const index = options.index ?? indexOf(model);
  const now = options.now;
  const grants = (options.grants ?? model.grants).filter(
    (g) => now === undefined || g.expiresAt === null || g.expiresAt > now,
  );
  const conflicts: SodConflict[] = [];
  for (const rule of rules) {
    for (const user of model.users) {
      if (user.status !== 'active') continue;
      const held = sodHoldings(index, user, rule, grants);
      if (held.length >= 2)
        conflicts.push({
          ruleId: rule.id,
          ruleName: rule.name,
          userId: user.id,
          userName: user.name,
          held,
        });
    }
  }
  return conflicts;
}

/** A conflict's identity: the rule, the user and the members held. */
export function sodConflictKey(c: SodConflict): string {
  return `${c.ruleId}\u0000${c.userId}\u0000${c.held.map((h) => h.key).join('\u0000')}`;
}

/**
 * The conflicts a change introduces: those in `after` that were not in `before` (a user holding a
 * combination they did not hold before), leaving out the rules in `exempt` (rules the change
 * creates or replaces: existing holders may violate a new rule, and are named instead).
 */
export function sodConflictsIntroduced(
  before: readonly SodConflict[],
  after: readonly SodConflict[],
  exempt: ReadonlySet<string> = new Set(),
): SodConflict[] {
  const known = new Set(before.map(sodConflictKey));
  return after.filter((c) => !exempt.has(c.ruleId) && !known.has(sodConflictKey(c)));
}
