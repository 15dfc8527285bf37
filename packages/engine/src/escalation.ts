/**
 * No escalation (ADR 0010, docs/concepts.md "No escalation"): nobody grants what they do not
 * hold. Pure: the server asks it in the commit path of every admin change (and in the preview),
 * with the acting admin's effective privileges taken from the index of the policy *before* the
 * change.
 *
 * What an admin **holds** (their holdings): their effective function permissions (after SoD
 * blocks); per object and action the widest data scope of their roles (`none` < `own` <
 * `subordinates` < `department` < `department_tree` < `all`); per object field the most
 * permissive level of their roles that read the object (`hidden` < `masked` < `read` < `edit`; a
 * role that does not mention a field gives `edit`); their clearance (`public` < `internal` <
 * `confidential` < `restricted`). An inactive or unknown admin holds nothing.
 */
import { coveredActions } from './escalation-coverage.ts';
import { ADMIN_FUNCTION_NAMES } from './function-catalogue.ts';
import { decide } from './decide.ts';
import {
  FIELD_LEVELS,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  SENSITIVITIES,
  rank,
  type CrmRecord,
  type Grant,
  type ObjectType,
  type PolicyModel,
  type RecordAction,
  type Role,
  type SharingRule,
} from './model.ts';
import type { ModelDiff } from './model-diff.ts';
import { privilegeSlot, type PolicyIndex, type PrincipalContext } from './policy-index.ts';

/** One thing a change would give that the acting admin does not hold. */
export interface EscalationError {
  /** Where: `roles/<id>/functions`, `users/<id>/clearance`, `grants/<id>` … */
  field: string;
  /** What the admin lacks: `function user_admin`, `clearance restricted`, `scope all on customer.read` … */
  missing: string;
  message: string;
}

/** What one admin holds, as ranks. */
export interface Holdings {
  readonly ctx: PrincipalContext | undefined;
  readonly functions: ReadonlySet<string>;
  /** Per (object, action) slot: the widest scope rank (0 = none). */
  scope(object: ObjectType, action: RecordAction): number;
  /** The field level rank of a field (0 = hidden: no role of theirs reads the object). */
  fieldLevel(object: ObjectType, field: string): number;
  /** Clearance rank; -1 when they hold nothing. */
  readonly clearance: number;
}

const ALL = rank.scope('all');
const DEPARTMENT_TREE = rank.scope('department_tree');
const DEPARTMENT = rank.scope('department');
const SUBORDINATES = rank.scope('subordinates');
const OWN = rank.scope('own');
const EDIT = rank.field('edit');

/** The level a role gives a field: -1 when it does not read the object (it gives nothing). */
export function roleFieldLevel(role: Role, object: ObjectType, field: string): number {
  if ((role.objects[object]?.read ?? 'none') === 'none') return -1;
  const level = role.fields[object]?.[field];
  return level === undefined ? EDIT : rank.field(level);
}

/** The holdings of a principal in an index. */
export function holdingsOf(index: PolicyIndex, userId: string): Holdings {
  const ctx = index.principals.get(userId);
  const active = ctx !== undefined && ctx.active;
  const roles = active
    ? ctx.user.roleIds.map((id) => index.roles.get(id)).filter((r): r is Role => r !== undefined)
    : [];
  return {
    ctx: active ? ctx : undefined,
    functions: active
      ? new Set([...ctx.functions].filter((f) => !ctx.blockedFunctions.has(f)))
      : new Set(),
    scope: (object, action) => (active ? (ctx.privileges[privilegeSlot(object, action)] ?? 0) : 0),
    fieldLevel: (object, field) =>
      Math.max(0, ...roles.map((r) => roleFieldLevel(r, object, field))),
    clearance: active ? ctx.clearance : -1,
  };
}

/** The fields a role's field levels are compared on: the object's known fields and those named. */
function fieldsOf(
  model: PolicyModel,
  object: ObjectType,
  ...roles: (Role | undefined)[]
): string[] {
  const names = new Set(Object.keys(model.objects.find((o) => o.object === object)?.fields ?? {}));
  for (const role of roles) for (const f of Object.keys(role?.fields[object] ?? {})) names.add(f);
  return [...names];
}

/**
 * What `role` gives above `base` (what it gave before; undefined for a new role or one newly
 * assigned) that `actor` does not hold: added functions, scopes and field levels.
 */
export function roleExcess(
  model: PolicyModel,
  actor: Holdings,
  role: Role,
  base: Role | undefined,
): { where: string; missing: string }[] {
  const out: { where: string; missing: string }[] = [];
  for (const f of role.functions)
    if (!(base?.functions.includes(f) ?? false) && !actor.functions.has(f))
      out.push({ where: 'functions', missing: `function ${f}` });
  for (const object of OBJECT_TYPES) {
    for (const action of RECORD_ACTIONS) {
      const scope = role.objects[object]?.[action] ?? 'none';
      const r = rank.scope(scope);
      const was = rank.scope(base?.objects[object]?.[action] ?? 'none');
      if (r > was && r > actor.scope(object, action))
        out.push({
          where: `objects/${object}/${action}`,
          missing: `scope ${scope} on ${object}.${action}`,
        });
    }
    if ((role.objects[object]?.read ?? 'none') === 'none') continue;
    for (const field of fieldsOf(model, object, role, base)) {
      const level = roleFieldLevel(role, object, field);
      const was = base === undefined ? -1 : roleFieldLevel(base, object, field);
      if (level > was && level > actor.fieldLevel(object, field))
        out.push({
          where: `fields/${object}/${field}`,
          missing: `field level ${FIELD_LEVELS[level] ?? level} on ${object}.${field}`,
        });
    }
  }
  return out;
}

/** Whether the actor's scope on (object, action) reaches every record of a grant's target. */
function reaches(
  actor: Holdings,
  index: PolicyIndex,
  object: ObjectType,
  action: RecordAction,
  grant: Grant,
): boolean {
  const r = actor.scope(object, action);
  if (r >= ALL) return true;
  const ctx = actor.ctx;
  if (ctx === undefined) return false;
  const target = grant.target;
  switch (target.kind) {
    case 'all':
    case 'record':
      // A record grant is checked on the record itself (`recordGrantExcess`).
      return false;
    case 'department':
      return (
        (r >= DEPARTMENT_TREE && ctx.departmentTree.has(target.departmentId)) ||
        (r >= DEPARTMENT &&
          !target.includeSubdepartments &&
          ctx.user.departmentId === target.departmentId)
      );
    case 'owner': {
      const owner = index.users.get(target.userId);
      const dept = owner?.departmentId ?? null;
      return (
        (r >= DEPARTMENT_TREE && dept !== null && ctx.departmentTree.has(dept)) ||
        (r >= DEPARTMENT && dept !== null && dept === ctx.user.departmentId) ||
        (r >= SUBORDINATES && ctx.subordinates.has(target.userId)) ||
        (r >= OWN && target.userId === ctx.user.id)
      );
    }
  }
}

function describeTarget(grant: Grant): string {
  const t = grant.target;
  switch (t.kind) {
    case 'all':
      return `every ${grant.object}`;
    case 'record':
      return `${grant.object} ${t.recordId}`;
    case 'department':
      return `the ${grant.object} records of department ${t.departmentId}${t.includeSubdepartments ? ' and below' : ''}`;
    case 'owner':
      return `the ${grant.object} records owned by ${t.userId}`;
  }
}

/** What a scope grant (department, owner, all) gives that the actor does not reach. */
export function grantExcess(actor: Holdings, index: PolicyIndex, grant: Grant): string[] {
  return coveredActions(grant.access)
    .filter((action) => !reaches(actor, index, grant.object, action, grant))
    .map((action) => `${grant.object}.${action} on ${describeTarget(grant)}`);
}

/** What a sharing rule gives that the actor does not hold: it needs scope `all` on each action. */
export function sharingRuleExcess(actor: Holdings, rule: SharingRule): string[] {
  return coveredActions(rule.access)
    .filter((action) => actor.scope(rule.object, action) < ALL)
    .map((action) => `scope all on ${rule.object}.${action}`);
}

/**
 * Everything a change (`before` → `after`, `diff`) would give that the acting admin does not
 * hold. Empty when the change stays within the admin's holdings. The rules:
 * - a role created or updated may not gain a function, a scope or a field level above the admin's;
 * - a role newly held by a user (assigned, a new user, a reactivated user) may not give anything
 *   above the admin's holdings;
 * - a clearance may not be raised above the admin's own;
 * - the admin's own roles (which roles they hold, and what those roles give) change only when the
 *   admin holds every admin function;
 * - a scope grant must stay within the admin's reach on each action it covers (`all` needs scope
 *   `all`, a department grant `department_tree` over it …); a sharing rule needs scope `all`;
 * - a user joining a group (membership, a department or a role) gains that group's sharing rules
 *   and grants: the admin must hold those as if granting them;
 * - an org-wide default may be opened only with scope `all` on the actions it opens, and a
 *   field's sensitivity lowered only below the admin's own clearance.
 * `prev` is the index of `before`; `next` (optional) the index of `after`, for group membership.
 */
export function checkEscalation(
  prev: PolicyIndex,
  after: PolicyModel,
  diff: ModelDiff,
  actorId: string,
  next?: PolicyIndex,
): EscalationError[] {
  const actor = holdingsOf(prev, actorId);
  const errors: EscalationError[] = [];
  const add = (field: string, missing: string, message: string): void => {
    errors.push({ field, missing, message });
  };
  const roleById = new Map(after.roles.map((r) => [r.id, r]));

  const ownRoles = new Set(actor.ctx?.user.roleIds ?? []);
  const missingAdmin = ADMIN_FUNCTION_NAMES.filter((f) => !actor.functions.has(f));
  for (const [id, role] of diff.roles.upserted) {
    for (const e of roleExcess(after, actor, role, diff.roles.replaced.get(id)))
      add(
        `roles/${id}/${e.where}`,
        e.missing,
        `you may not give role "${role.name}" ${e.missing}: you do not hold it yourself`,
      );
    // The roles one holds are changed only by an admin holding every admin function.
    if (ownRoles.has(id))
      for (const f of missingAdmin)
        add(
          `roles/${id}`,
          `function ${f}`,
          `you may change a role you hold yourself only holding every admin function; you lack ${f}`,
        );
  }

  for (const [id, user] of diff.users.upserted) {
    const was = diff.users.replaced.get(id);
    const wasActive = was !== undefined && was.status === 'active';
    if (user.status === 'active') {
      const held = new Set(wasActive ? was.roleIds : []);
      for (const roleId of user.roleIds) {
        if (held.has(roleId)) continue;
        const role = roleById.get(roleId);
        if (role === undefined) continue; // an unknown role: validateModel names it
        const excess = roleExcess(after, actor, role, undefined);
        for (const e of excess.slice(0, 5))
          add(
            `users/${id}/roleIds`,
            `role ${roleId}: ${e.missing}`,
            `you may not give ${user.name} the role "${role.name}": it gives ${e.missing}, which you do not hold`,
          );
      }
      // A user who becomes active (created, reactivated) regains the scope grants made to them.
      if (!wasActive)
        for (const grant of after.grants)
          if (
            grant.subject.kind === 'user' &&
            grant.subject.userId === id &&
            grant.target.kind !== 'record' &&
            !diff.grants.upserted.has(grant.id)
          )
            for (const missing of grantExcess(actor, prev, grant))
              add(
                `users/${id}/status`,
                missing,
                `${user.name} would regain grant ${grant.id}, which gives ${missing}; you do not reach it yourself`,
              );
      const clearance = rank.sensitivity(user.clearance);
      const before = wasActive ? rank.sensitivity(was.clearance) : -1;
      if (clearance > before && clearance > actor.clearance)
        add(
          `users/${id}/clearance`,
          `clearance ${user.clearance}`,
          `you may not give ${user.name} the clearance ${user.clearance}: yours is ${SENSITIVITIES[actor.clearance] ?? 'none'}`,
        );
    }
    if (id === actorId && was !== undefined) {
      const same =
        was.roleIds.length === user.roleIds.length &&
        was.roleIds.every((r) => user.roleIds.includes(r));
      if (!same)
        for (const f of missingAdmin)
          add(
            `users/${id}/roleIds`,
            `function ${f}`,
            `you may change your own roles only holding every admin function; you lack ${f}`,
          );
    }
  }

  const checkedGrants = new Set<string>();
  for (const [id, grant] of diff.grants.upserted) {
    checkedGrants.add(id);
    if (grant.target.kind === 'record') continue; // checked on the record by the caller
    for (const missing of grantExcess(actor, prev, grant))
      add(`grants/${id}`, missing, `you may not grant ${missing}: you do not reach it yourself`);
  }
  const checkedRules = new Set<string>();
  for (const [id, rule] of diff.sharingRules.upserted) {
    checkedRules.add(id);
    for (const missing of sharingRuleExcess(actor, rule))
      add(
        `sharingRules/${id}/access`,
        missing,
        `sharing rule "${rule.name}" shares ${rule.access}; it needs ${missing}, which you do not hold`,
      );
  }

  for (const [key, settings] of diff.objects.upserted) {
    const object = settings.object;
    const was = diff.objects.replaced.get(key);
    const from = was?.orgWideDefault ?? 'private';
    const opens: RecordAction[] =
      settings.orgWideDefault === 'public_read_write'
        ? ['read', 'update']
        : settings.orgWideDefault === 'public_read'
          ? ['read']
          : [];
    const had: RecordAction[] =
      from === 'public_read_write' ? ['read', 'update'] : from === 'public_read' ? ['read'] : [];
    for (const action of opens)
      if (!had.includes(action) && actor.scope(object, action) < ALL)
        add(
          `objects/${object}/orgWideDefault`,
          `scope all on ${object}.${action}`,
          `opening ${object} to everyone (${settings.orgWideDefault}) needs scope all on ${object}.${action}, which you do not hold`,
        );
    for (const [field, setting] of Object.entries(was?.fields ?? {})) {
      const old = rank.sensitivity(setting.sensitivity ?? 'public');
      const now = rank.sensitivity(settings.fields[field]?.sensitivity ?? 'public');
      if (now < old && old > actor.clearance)
        add(
          `objects/${object}/fields/${field}/sensitivity`,
          `clearance ${setting.sensitivity ?? 'public'}`,
          `lowering the sensitivity of ${object}.${field} from ${setting.sensitivity ?? 'public'} needs that clearance`,
        );
    }
  }
  for (const [object, was] of diff.objects.removed)
    for (const [field, setting] of Object.entries(was.fields))
      if (rank.sensitivity(setting.sensitivity ?? 'public') > actor.clearance)
        add(
          `objects/${object}/fields/${field}/sensitivity`,
          `clearance ${setting.sensitivity ?? 'public'}`,
          `removing the settings of ${object} lowers the sensitivity of ${field}; it needs that clearance`,
        );

  // Group membership: a user who joins a group gains its sharing rules and grants.
  if (next !== undefined) {
    const rulesByGroup = new Map<string, SharingRule[]>();
    for (const rule of after.sharingRules)
      if (!checkedRules.has(rule.id))
        rulesByGroup.set(rule.targetGroupId, [
          ...(rulesByGroup.get(rule.targetGroupId) ?? []),
          rule,
        ]);
    const grantsByGroup = new Map<string, Grant[]>();
    for (const grant of after.grants)
      if (
        grant.subject.kind === 'group' &&
        grant.target.kind !== 'record' &&
        !checkedGrants.has(grant.id)
      )
        grantsByGroup.set(grant.subject.groupId, [
          ...(grantsByGroup.get(grant.subject.groupId) ?? []),
          grant,
        ]);
    if (rulesByGroup.size + grantsByGroup.size > 0) {
      const reported = new Set<string>();
      for (const [userId, ctx] of next.principals) {
        const before = prev.principals.get(userId);
        if (before === ctx || !ctx.active) continue;
        const had = before !== undefined && before.active ? before.groupIds : new Set<string>();
        for (const groupId of ctx.groupIds) {
          if (had.has(groupId) || reported.has(groupId)) continue;
          const gives = [
            ...(rulesByGroup.get(groupId) ?? []).flatMap((r) => sharingRuleExcess(actor, r)),
            ...(grantsByGroup.get(groupId) ?? []).flatMap((g) => grantExcess(actor, prev, g)),
          ];
          if (gives.length === 0) continue;
          reported.add(groupId);
          add(
            `groups/${groupId}`,
            gives[0] as string,
            `${ctx.user.name} would join group ${groupId}, whose sharing rules and grants give ${gives[0] as string}, which you do not hold`,
          );
        }
      }
    }
  }
  return errors;
}

/**
 * What a grant on one record gives that the acting admin may not do on that record themselves:
 * each action its level covers must be allowed to the admin by `decide` on the record (with its
 * facts) at `now`.
 */
export function recordGrantExcess(
  index: PolicyIndex,
  actorId: string,
  grant: Grant,
  record: CrmRecord,
  now: number,
): EscalationError[] {
  return coveredActions(grant.access)
    .filter((action) => !decide(index, actorId, action, record, now))
    .map((action) => ({
      field: `grants/${grant.id}`,
      missing: `${grant.object}.${action} on ${grant.object} ${record.id}`,
      message: `you may not grant ${action} on ${grant.object} ${record.id}: you may not ${action} it yourself`,
    }));
}

/**
 * What `targetId` holds that `actorId` does not: functions, data scopes, field levels, clearance.
 * An admin acts on another person's credentials (a reset link, an e-mail, an MFA reset, their
 * sessions, a service token in their name) only when this is empty: whoever controls an
 * account's credentials can act as it, so doing so for an account that holds more would be an
 * escalation. An inactive target holds nothing.
 */
export function holdingsExcess(
  model: PolicyModel,
  index: PolicyIndex,
  actorId: string,
  targetId: string,
): EscalationError[] {
  const actor = holdingsOf(index, actorId);
  const target = holdingsOf(index, targetId);
  const errors: EscalationError[] = [];
  const add = (field: string, missing: string): void => {
    errors.push({
      field,
      missing,
      message: `${targetId} holds ${missing}, which you do not: you cannot act on their credentials`,
    });
  };
  for (const f of target.functions) if (!actor.functions.has(f)) add('functions', `function ${f}`);
  for (const object of OBJECT_TYPES) {
    for (const action of RECORD_ACTIONS)
      if (target.scope(object, action) > actor.scope(object, action))
        add(`objects/${object}/${action}`, `a wider scope on ${object}.${action}`);
    for (const field of fieldsOf(model, object))
      if (target.fieldLevel(object, field) > actor.fieldLevel(object, field))
        add(`fields/${object}/${field}`, `a higher field level on ${object}.${field}`);
  }
  if (target.clearance > actor.clearance)
    add('clearance', `clearance ${target.ctx?.user.clearance}`);
  return errors;
}
