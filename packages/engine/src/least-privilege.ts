import { isObjectType } from './field-access.ts';
import {
  RECORD_ACTIONS,
  type Grant,
  type PolicyModel,
  type RecordAction,
  type Role,
} from './model.ts';
import { isPortalRole } from './portal-roles.ts';

/**
 * Least-privilege analytics (最小权限原则; 权限过大/过小), pure. Permissions are named as the usage
 * counters name them: `record:<object>:<action>` and `function:<name>`.
 */

/** Use of one permission by one user in the window: from `usage_daily` or the audit stream. */
export interface PermissionUse {
  userId: string;
  permission: string;
  /** How many times (requests, or audited writes). */
  count: number;
  /** The last use, ms since the epoch. */
  lastAt: number;
}

/** Denials of one permission for one user in the window (audit events with outcome `denied`). */
export interface PermissionDenial {
  userId: string;
  permission: string;
  count: number;
  lastAt: number;
  /** A few of the targets refused (`customer/c-1`), newest first. */
  targets: string[];
}

const isRecordAction = (v: string): v is RecordAction =>
  (RECORD_ACTIONS as readonly string[]).includes(v);

/**
 * The permission an audit action exercises (or was denied): `<object>.<action>` (a record action
 * on an object, e.g. `customer.update`) → `record:customer:update`; `function.<name>` →
 * `function:<name>`. Anything else (sign-ins, policy changes, which the route counters already
 * count under their function) → null.
 */
export function permissionOfAuditAction(action: string): string | null {
  const dot = action.indexOf('.');
  if (dot <= 0) return null;
  const head = action.slice(0, dot);
  const tail = action.slice(dot + 1);
  if (head === 'function' && tail.length > 0) return `function:${tail}`;
  if (isObjectType(head) && isRecordAction(tail)) return `record:${head}:${tail}`;
  return null;
}

/** The permissions a role gives: every record action with a scope other than none, and functions. */
export function rolePermissions(role: Role): Set<string> {
  const result = new Set<string>();
  for (const [object, perms] of Object.entries(role.objects))
    for (const [action, scope] of Object.entries(perms ?? {}))
      if (scope !== undefined && scope !== 'none') result.add(`record:${object}:${action}`);
  for (const f of role.functions) result.add(`function:${f}`);
  return result;
}

export interface UnusedGrant {
  grantId: string;
  object: string;
  access: string;
  expiresAt: number | null;
  /** Through a group, when the grant is to a group the user is in. */
  groupId?: string;
}

export interface UserPrivilege {
  userId: string;
  userName: string;
  roleIds: string[];
  /** Permissions the user's roles give. */
  held: number;
  /** Held and used in the window, with how often. */
  exercised: { permission: string; count: number; lastAt: number }[];
  /** Held and not used in the window (over-privilege), sorted. */
  unused: string[];
  /** Grants whose object the user did not read or update in the window. */
  unusedGrants: UnusedGrant[];
}

export interface RolePrivilege {
  roleId: string;
  roleName: string;
  /** Active users holding the role. */
  holders: number;
  permissions: number;
  /** Permissions of the role none of its holders used in the window, sorted. */
  unused: string[];
}

export interface UnderPrivilege {
  userId: string;
  userName: string;
  permission: string;
  denials: number;
  lastAt: number;
  targets: string[];
}

export interface RoleSuggestion {
  userId: string;
  userName: string;
  currentRoleIds: string[];
  /** Permissions the current roles give. */
  currentPermissions: number;
  suggestedRoleId: string;
  suggestedRoleName: string;
  suggestedPermissions: number;
  /** The evidence: what the user used in the window, all within the suggested role. */
  exercised: string[];
}

export interface LeastPrivilegeReport {
  users: UserPrivilege[];
  roles: RolePrivilege[];
  underPrivileged: UnderPrivilege[];
  suggestions: RoleSuggestion[];
}

export interface LeastPrivilegeInput {
  model: PolicyModel;
  /** Group id → member user ids (the policy index's `groupMembers`). */
  groupMembers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Uses in the window: usage counters and audited writes (several rows per permission add up). */
  uses: readonly PermissionUse[];
  denials: readonly PermissionDenial[];
  /** "Now": grants expired at it are left out. */
  now: number;
  /** Repeated denials: at least this many for a (user, permission) (default 3). */
  minDenials?: number;
}

function grantsOf(
  model: PolicyModel,
  groupMembers: ReadonlyMap<string, ReadonlySet<string>>,
  userId: string,
  now: number,
): { grant: Grant; groupId?: string }[] {
  const result: { grant: Grant; groupId?: string }[] = [];
  for (const grant of model.grants) {
    if (grant.expiresAt !== null && grant.expiresAt <= now) continue;
    if (grant.subject.kind === 'user') {
      if (grant.subject.userId === userId) result.push({ grant });
    } else if (groupMembers.get(grant.subject.groupId)?.has(userId))
      result.push({ grant, groupId: grant.subject.groupId });
  }
  return result;
}

/**
 * Over-privilege per user and per role, under-privilege (repeated denials), and role suggestions:
 * a user whose used permissions all fit one existing role that gives fewer permissions than their
 * current roles together, and nothing they do not hold already (the smallest such role; of equal
 * ones, the first). Only active internal users count; users who used nothing get no suggestion.
 */
export function leastPrivilege(input: LeastPrivilegeInput): LeastPrivilegeReport {
  const { model, now } = input;
  const minDenials = input.minDenials ?? 3;
  const rolePerms = new Map(model.roles.map((r) => [r.id, rolePermissions(r)]));
  const usedBy = new Map<string, Map<string, { count: number; lastAt: number }>>();
  for (const use of input.uses) {
    let mine = usedBy.get(use.userId);
    if (mine === undefined) usedBy.set(use.userId, (mine = new Map()));
    const was = mine.get(use.permission);
    mine.set(use.permission, {
      count: (was?.count ?? 0) + use.count,
      lastAt: Math.max(was?.lastAt ?? 0, use.lastAt),
    });
  }
  const active = model.users.filter((u) => u.status === 'active' && u.kind !== 'portal');
  const users: UserPrivilege[] = [];
  const suggestions: RoleSuggestion[] = [];
  const usedPerRole = new Map<string, Set<string>>();
  const holders = new Map<string, number>();
  for (const user of active) {
    const held = new Set<string>();
    for (const id of user.roleIds) for (const p of rolePerms.get(id) ?? []) held.add(p);
    const used = usedBy.get(user.id) ?? new Map<string, { count: number; lastAt: number }>();
    for (const id of user.roleIds) {
      holders.set(id, (holders.get(id) ?? 0) + 1);
      let set = usedPerRole.get(id);
      if (set === undefined) usedPerRole.set(id, (set = new Set()));
      for (const p of used.keys()) set.add(p);
    }
    const exercised = [...used]
      .filter(([p]) => held.has(p))
      .map(([permission, u]) => ({ permission, count: u.count, lastAt: u.lastAt }))
      .sort((a, b) => (a.permission < b.permission ? -1 : 1));
    const unusedGrants = grantsOf(model, input.groupMembers, user.id, now)
      .filter(
        ({ grant }) =>
          !used.has(`record:${grant.object}:read`) && !used.has(`record:${grant.object}:update`),
      )
      .map(({ grant, groupId }) => ({
        grantId: grant.id,
        object: grant.object,
        access: grant.access,
        expiresAt: grant.expiresAt,
        ...(groupId === undefined ? {} : { groupId }),
      }));
    users.push({
      userId: user.id,
      userName: user.name,
      roleIds: [...user.roleIds],
      held: held.size,
      exercised,
      unused: [...held].filter((p) => !used.has(p)).sort(),
      unusedGrants,
    });

    // Role suggestion: the smallest existing role holding everything used, smaller than now.
    const usedHeld = exercised.map((e) => e.permission);
    if (usedHeld.length === 0) continue;
    let best: Role | undefined;
    let bestSize = held.size;
    for (const role of model.roles) {
      if (isPortalRole(role)) continue;
      const perms = rolePerms.get(role.id) as Set<string>;
      if (perms.size >= bestSize) continue;
      if (!usedHeld.every((p) => perms.has(p))) continue;
      // Never a suggestion that gives something new: the role is within what the user holds.
      if (![...perms].every((p) => held.has(p))) continue;
      best = role;
      bestSize = perms.size;
    }
    if (best !== undefined)
      suggestions.push({
        userId: user.id,
        userName: user.name,
        currentRoleIds: [...user.roleIds],
        currentPermissions: held.size,
        suggestedRoleId: best.id,
        suggestedRoleName: best.name,
        suggestedPermissions: bestSize,
        exercised: usedHeld,
      });
  }
  const roleReport: RolePrivilege[] = model.roles.map((role) => {
    const perms = rolePerms.get(role.id) as Set<string>;
    const used = usedPerRole.get(role.id) ?? new Set<string>();
    return {
      roleId: role.id,
      roleName: role.name,
      holders: holders.get(role.id) ?? 0,
      permissions: perms.size,
      unused: [...perms].filter((p) => !used.has(p)).sort(),
    };
  });
  const names = new Map(model.users.map((u) => [u.id, u.name]));
  const underPrivileged = input.denials
    .filter((d) => d.count >= minDenials)
    .map((d) => ({
      userId: d.userId,
      userName: names.get(d.userId) ?? d.userId,
      permission: d.permission,
      denials: d.count,
      lastAt: d.lastAt,
      targets: d.targets,
    }))
    .sort((a, b) => b.denials - a.denials || (a.userId < b.userId ? -1 : 1));
  return { users, roles: roleReport, underPrivileged, suggestions };
}
