/**
 * Loads the conformance scenarios (conformance/scenarios/*.yaml) into engine models, records and
 * checks, validating everything on the way: a malformed file fails loudly, naming the file, the
 * scenario and the field. The YAML format is described in conformance/README.md.
 *
 * The shape of a file is checked at once against its TypeBox schema (`scenario-schema.ts`, built
 * from the engine's model schemas); what is written here is what is not shape: the defaults, the
 * references between records, users and checks, and the rules of a scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  OBJECT_TYPES,
  PolicyModelSchema,
  RECORD_ACTIONS,
  attachRecordFacts,
  defaultObjectSettings,
  isId,
  splitGrants,
  validateModel,
  type AccessLevel,
  type CrmRecord,
  type Department,
  type FieldLevel,
  type FieldValue,
  type Grant,
  type GrantTarget,
  type Group,
  type ObjectPermission,
  type ObjectSettings,
  type ObjectType,
  type PermissionRef,
  type PolicyModel,
  type Pool,
  type ReasonKind,
  type Role,
  type Sensitivity,
  type SharingRule,
  type SodRule,
  type TeamMember,
  type TenantSettings,
  type User,
} from '@custos/engine';
import { parse } from 'yaml';
import type { DecisionCheck, FieldCheck, ListCheck, Scenario } from './scenario.ts';
import {
  ALLOW_REASON_KINDS,
  REASON_KINDS,
  ScenarioFileSchema,
  type GrantInput,
  type GroupInput,
  type ObjectInput,
  type PartInput,
  type PermissionRefInput,
  type RecordInput,
  type RoleInput,
  type ScenarioFile,
  type ScenarioInput,
  type SharingRuleInput,
  type UserInput,
} from './scenario-schema.ts';
import { describeValue, firstProblem, formatPath, type SchemaProblem } from './schema-problem.ts';

export type { DecisionCheck, FieldCheck, ListCheck, Scenario } from './scenario.ts';
export { REASON_KINDS } from './scenario-schema.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../scenarios', import.meta.url));

/** A malformed scenario file. The message names the file, the scenario and the field. */
export class ScenarioFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFormatError';
  }
}

/** Where we are, for error messages. */
class Where {
  scenario: string | null = null;
  constructor(readonly file: string) {}
  fail(path: string, message: string): never {
    const scenario = this.scenario === null ? '' : ` scenario "${this.scenario}":`;
    throw new ScenarioFormatError(`${this.file}:${scenario} ${path}: ${message}`);
  }
}

/**
 * Fail with a problem of the file's shape: inside a scenario, named by its id (or `#n` while the
 * id itself is at fault) with the path from the scenario; elsewhere with the path from the top.
 */
function failShape(w: Where, doc: unknown, problem: SchemaProblem): never {
  const [top, n, ...rest] = problem.path;
  if (top === 'scenarios' && typeof n === 'number' && rest.length > 0) {
    const id = (doc as { scenarios: { id?: unknown }[] }).scenarios[n]?.id;
    w.scenario = isId(id) && rest[0] !== 'id' ? id : `#${n + 1}`;
    w.fail(formatPath(rest), problem.message);
  }
  w.fail(problem.path.length === 0 ? '(top)' : formatPath(problem.path), problem.message);
}

/** An ISO-8601 time (its shape already checked), as ms since the epoch. */
function time(w: Where, v: string, path: string): number {
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) w.fail(path, `"${v}" is not a valid time`);
  return ms;
}

function nullableTime(w: Where, v: string | null | undefined, path: string): number | null {
  return v === undefined || v === null ? null : time(w, v, path);
}

// ---------------------------------------------------------------------------------------------
// The model parts, with their defaults.

function user(w: Where, u: UserInput, path: string): User {
  const kind = u.kind ?? 'internal';
  const out: User = {
    id: u.id,
    name: u.name ?? u.id,
    kind,
    status: u.status ?? 'active',
    departmentId: u.departmentId ?? null,
    managerId: u.managerId ?? null,
    roleIds: u.roleIds ?? [],
    clearance: u.clearance ?? 'internal',
  };
  if (u.portalAccountId !== undefined) {
    if (kind !== 'portal') w.fail(`${path}.portalAccountId`, 'only portal users have an account');
    out.portalAccountId = u.portalAccountId;
  } else if (kind === 'portal') {
    out.portalAccountId = null;
  }
  return out;
}

function role(r: RoleInput): Role {
  const objects: Role['objects'] = {};
  for (const [object, given] of Object.entries(r.objects ?? {})) {
    if (given === undefined) continue;
    const { '*': all, ...listed } = given;
    const perm: ObjectPermission = {};
    for (const action of RECORD_ACTIONS) {
      const scope = listed[action] ?? all;
      if (scope !== undefined) perm[action] = scope;
    }
    objects[object as ObjectType] = perm;
  }
  return {
    id: r.id,
    name: r.name ?? r.id,
    objects,
    functions: r.functions ?? [],
    fields: r.fields ?? {},
  };
}

function objectSettings(
  w: Where,
  object: ObjectType,
  given: ObjectInput,
  path: string,
): ObjectSettings {
  const o = given ?? {};
  const d = defaultObjectSettings(object);
  const controlledByParent = o.controlledByParent ?? d.controlledByParent;
  if (object === 'customer' && controlledByParent) {
    w.fail(`${path}.controlledByParent`, 'a customer has no parent');
  }
  const fields: ObjectSettings['fields'] = {};
  for (const [name, setting] of Object.entries(o.fields ?? {})) fields[name] = { ...setting };
  return {
    object,
    orgWideDefault: o.orgWideDefault ?? d.orgWideDefault,
    controlledByParent,
    portalExposed: o.portalExposed ?? d.portalExposed,
    fields,
  };
}

function group(g: GroupInput): Group {
  const name = g.name ?? g.id;
  switch (g.kind) {
    case 'department':
      return {
        id: g.id,
        name,
        kind: g.kind,
        departmentId: g.departmentId,
        includeSubdepartments: g.includeSubdepartments ?? false,
      };
    case 'role':
      return { id: g.id, name, kind: g.kind, roleId: g.roleId };
    default:
      return {
        id: g.id,
        name,
        kind: 'public',
        userIds: g.userIds ?? [],
        groupIds: g.groupIds ?? [],
      };
  }
}

function sharingRule(w: Where, r: SharingRuleInput, path: string): SharingRule {
  if ((r.criteria === undefined) === (r.ownerGroupId === undefined)) {
    w.fail(path, 'give exactly one of "criteria" (a list, may be empty) or "ownerGroupId"');
  }
  return {
    id: r.id,
    name: r.name ?? r.id,
    object: r.object,
    source:
      r.criteria !== undefined
        ? { kind: 'criteria', criteria: r.criteria }
        : { kind: 'owner', ownerGroupId: r.ownerGroupId as string },
    targetGroupId: r.targetGroupId,
    access: r.access,
  };
}

function grant(w: Where, g: GrantInput, path: string): Grant {
  if ((g.userId === undefined) === (g.groupId === undefined)) {
    w.fail(path, 'give exactly one of "userId" or "groupId" (who the grant is to)');
  }
  const targets = [g.recordId, g.departmentId, g.ownerId, g.all].filter((t) => t !== undefined);
  if (targets.length !== 1) {
    w.fail(path, 'give exactly one target: "recordId", "departmentId", "ownerId" or "all: true"');
  }
  if (g.includeSubdepartments !== undefined && g.departmentId === undefined) {
    w.fail(`${path}.includeSubdepartments`, 'only a department grant includes subdepartments');
  }
  const target: GrantTarget =
    g.recordId !== undefined
      ? { kind: 'record', recordId: g.recordId }
      : g.departmentId !== undefined
        ? {
            kind: 'department',
            departmentId: g.departmentId,
            includeSubdepartments: g.includeSubdepartments ?? false,
          }
        : g.ownerId !== undefined
          ? { kind: 'owner', userId: g.ownerId }
          : { kind: 'all' };
  const out: Grant = {
    id: g.id,
    subject:
      g.userId !== undefined
        ? { kind: 'user', userId: g.userId }
        : { kind: 'group', groupId: g.groupId as string },
    object: g.object,
    target,
    access: g.access,
    startsAt: nullableTime(w, g.startsAt, `${path}.startsAt`),
    expiresAt: nullableTime(w, g.expiresAt, `${path}.expiresAt`),
  };
  if (g.reason !== undefined) out.reason = g.reason;
  return out;
}

function permissionRef(r: PermissionRefInput): PermissionRef {
  return 'function' in r
    ? { kind: 'function', name: r.function }
    : { kind: 'object', object: r.object, action: r.action };
}

/** A record as written: references not yet resolved, department not yet defaulted. */
interface RawRecord {
  path: string;
  id: string;
  object: ObjectType;
  customerId: string | null;
  ownerId: string | null;
  /** `undefined`: not written, defaults to the owner's department. */
  departmentId: string | null | undefined;
  sensitivity: Sensitivity;
  createdById: string | null;
  contactUserId: string | null;
  poolId: string | null;
  fields: Record<string, FieldValue | null>;
  team: Array<{ userId: string; access: AccessLevel }>;
}

function rawRecord(r: RecordInput, path: string): RawRecord {
  return {
    path,
    id: r.id,
    object: r.object,
    customerId: r.customerId ?? null,
    ownerId: r.ownerId ?? null,
    departmentId: r.departmentId,
    sensitivity: r.sensitivity ?? 'internal',
    createdById: r.createdById ?? null,
    contactUserId: r.contactUserId ?? null,
    poolId: r.poolId ?? null,
    fields: { ...r.fields },
    team: Object.entries(r.team ?? {}).map(([userId, access]) => ({ userId, access })),
  };
}

// ---------------------------------------------------------------------------------------------
// Parts (the file's `base` and each scenario), merged by id.

interface Part {
  now?: number;
  tenant?: TenantSettings;
  departments: Department[];
  users: User[];
  roles: Role[];
  objects: Map<ObjectType, ObjectSettings>;
  groups: Group[];
  teams: TeamMember[];
  sharingRules: SharingRule[];
  grants: Grant[];
  pools: Pool[];
  sodRules: SodRule[];
  records: RawRecord[];
}

function part(w: Where, o: PartInput, prefix: string): Part {
  const each = <I, T>(
    key: string,
    items: I[] | null | undefined,
    read: (v: I, path: string) => T,
  ): T[] => (items ?? []).map((x, i) => read(x, `${prefix}${key}[${i}]`));
  const p: Part = {
    departments: each('departments', o.departments, (d) => {
      const out: Department = { id: d.id, name: d.name ?? d.id, parentId: d.parentId ?? null };
      if (d.headId !== undefined) out.headId = d.headId;
      return out;
    }),
    users: each('users', o.users, (u, path) => user(w, u, path)),
    roles: each('roles', o.roles, role),
    objects: new Map(),
    groups: each('groups', o.groups, group),
    teams: each('teams', o.teams, (t) => ({ ...t })),
    sharingRules: each('sharingRules', o.sharingRules, (r, path) => sharingRule(w, r, path)),
    grants: each('grants', o.grants, (g, path) => grant(w, g, path)),
    pools: each('pools', o.pools, (x) => ({
      id: x.id,
      name: x.name ?? x.id,
      memberUserIds: x.memberUserIds ?? [],
      memberGroupIds: x.memberGroupIds ?? [],
    })),
    sodRules: each('sodRules', o.sodRules, (s) => ({
      id: s.id,
      name: s.name ?? s.id,
      left: permissionRef(s.left),
      right: permissionRef(s.right),
    })),
    records: each('records', o.records, rawRecord),
  };
  if (o.now !== undefined) p.now = time(w, o.now, `${prefix}now`);
  if (o.tenant !== undefined) p.tenant = { ...o.tenant };
  for (const [object, given] of Object.entries(o.objects ?? {})) {
    const type = object as ObjectType;
    p.objects.set(type, objectSettings(w, type, given, `${prefix}objects.${object}`));
  }
  return p;
}

/**
 * The base's items, each replaced by the scenario's items with the same key (in place), then the
 * scenario's new items. Duplicates within one list are kept (validateModel reports them).
 */
function mergeBy<T>(base: readonly T[], over: readonly T[], key: (t: T) => string): T[] {
  const overKeys = new Set(over.map(key));
  const out: T[] = [];
  const emitted = new Set<string>();
  for (const b of base) {
    const k = key(b);
    if (!overKeys.has(k)) out.push(b);
    else if (!emitted.has(k)) {
      emitted.add(k);
      out.push(...over.filter((x) => key(x) === k));
    }
  }
  const baseKeys = new Set(base.map(key));
  out.push(...over.filter((x) => !baseKeys.has(key(x))));
  return out;
}

function merge(base: Part, over: Part): Part {
  const byId = (x: { id: string }): string => x.id;
  const merged: Part = {
    departments: mergeBy(base.departments, over.departments, byId),
    users: mergeBy(base.users, over.users, byId),
    roles: mergeBy(base.roles, over.roles, byId),
    objects: new Map([...base.objects, ...over.objects]),
    groups: mergeBy(base.groups, over.groups, byId),
    teams: mergeBy(base.teams, over.teams, (t) => `${t.customerId}\u0000${t.userId}`),
    sharingRules: mergeBy(base.sharingRules, over.sharingRules, byId),
    grants: mergeBy(base.grants, over.grants, byId),
    pools: mergeBy(base.pools, over.pools, byId),
    sodRules: mergeBy(base.sodRules, over.sodRules, byId),
    records: mergeBy(base.records, over.records, byId),
  };
  const now = over.now ?? base.now;
  if (now !== undefined) merged.now = now;
  const tenant = over.tenant ?? base.tenant;
  if (tenant !== undefined) merged.tenant = tenant;
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Records and checks: resolved against the finished model.

function resolveRecords(w: Where, p: Part): { records: CrmRecord[]; teams: TeamMember[] } {
  const users = new Map(p.users.map((u) => [u.id, u]));
  const departments = new Set(p.departments.map((d) => d.id));
  const pools = new Set(p.pools.map((x) => x.id));
  const raw = new Map<string, RawRecord>();
  for (const r of p.records) {
    if (raw.has(r.id)) w.fail(`${r.path}.id`, `duplicate record id "${r.id}"`);
    raw.set(r.id, r);
  }
  const knownUser = (v: string | null, path: string): void => {
    if (v !== null && !users.has(v)) w.fail(path, `unknown user "${v}"`);
  };
  const built = new Map<string, CrmRecord>();
  const build = (r: RawRecord, parent: CrmRecord | undefined): CrmRecord => {
    knownUser(r.ownerId, `${r.path}.ownerId`);
    knownUser(r.createdById, `${r.path}.createdById`);
    knownUser(r.contactUserId, `${r.path}.contactUserId`);
    const departmentId =
      r.departmentId !== undefined
        ? r.departmentId
        : r.ownerId !== null
          ? (users.get(r.ownerId)?.departmentId ?? null)
          : null;
    if (
      r.departmentId !== undefined &&
      r.departmentId !== null &&
      !departments.has(r.departmentId)
    ) {
      w.fail(`${r.path}.departmentId`, `unknown department "${r.departmentId}"`);
    }
    if (r.poolId !== null && !pools.has(r.poolId))
      w.fail(`${r.path}.poolId`, `unknown pool "${r.poolId}"`);
    const record: CrmRecord = {
      object: r.object,
      id: r.id,
      customerId: parent?.id ?? r.id,
      ownerId: r.ownerId,
      departmentId,
      sensitivity: r.sensitivity,
      createdById: r.createdById,
      contactUserId: r.contactUserId,
      poolId: r.poolId,
      fields: { ...r.fields },
    };
    if (parent !== undefined) record.parent = parent;
    return record;
  };
  for (const r of p.records) {
    if (r.object !== 'customer') continue;
    if (r.customerId !== null && r.customerId !== r.id) {
      w.fail(`${r.path}.customerId`, 'a customer belongs to itself; leave customerId out');
    }
    built.set(r.id, build(r, undefined));
  }
  for (const r of p.records) {
    if (r.object === 'customer') continue;
    if (r.customerId === null) w.fail(`${r.path}.customerId`, `a ${r.object} needs its customer`);
    const parent = built.get(r.customerId);
    if (parent === undefined || parent.object !== 'customer') {
      w.fail(`${r.path}.customerId`, `"${r.customerId}" is not a customer record of this scenario`);
    }
    if (r.poolId !== null) w.fail(`${r.path}.poolId`, 'only customers sit in a public pool');
    if (r.team.length > 0) w.fail(`${r.path}.team`, 'teams belong to customers');
    built.set(r.id, build(r, parent));
  }

  const teams = new Map<string, TeamMember>();
  const addTeam = (t: TeamMember, path: string): void => {
    if (built.get(t.customerId)?.object !== 'customer') {
      w.fail(path, `"${t.customerId}" is not a customer record of this scenario`);
    }
    knownUser(t.userId, `${path}.userId`);
    const key = `${t.customerId}\u0000${t.userId}`;
    if (teams.has(key)) {
      w.fail(path, `${t.userId} is already on the team of ${t.customerId}; list a member once`);
    }
    teams.set(key, t);
  };
  p.teams.forEach((t, i) => addTeam(t, `teams[${i}]`));
  for (const r of p.records) {
    for (const m of r.team) addTeam({ customerId: r.id, ...m }, `${r.path}.team`);
  }

  p.grants.forEach((g, i) => {
    if (g.target.kind !== 'record') return;
    const target = built.get(g.target.recordId);
    if (target === undefined) {
      w.fail(`grants[${i}].recordId`, `unknown record "${g.target.recordId}"`);
    }
    if (target.object !== g.object) {
      w.fail(
        `grants[${i}].object`,
        `the grant is on ${g.object} but ${target.id} is a ${target.object}`,
      );
    }
  });
  p.users.forEach((u, i) => {
    const account = u.portalAccountId;
    if (account != null && built.get(account)?.object !== 'customer') {
      w.fail(
        `users[${i}].portalAccountId`,
        `"${account}" is not a customer record of this scenario`,
      );
    }
  });

  return {
    records: p.records.map((r) => built.get(r.id) as CrmRecord),
    teams: [...teams.values()],
  };
}

interface Resolver {
  users: ReadonlySet<string>;
  records: ReadonlyMap<string, CrmRecord>;
  fieldsOf: (record: CrmRecord) => ReadonlySet<string>;
}

function checkUser(w: Where, r: Resolver, u: string, path: string): string {
  if (!r.users.has(u)) w.fail(path, `unknown user "${u}"`);
  return u;
}

function checkRecord(w: Where, r: Resolver, id: string, path: string): CrmRecord {
  const record = r.records.get(id);
  if (record === undefined) w.fail(path, `unknown record "${id}"`);
  return record;
}

const DENY_REASON_KINDS: readonly ReasonKind[] = REASON_KINDS.slice(ALLOW_REASON_KINDS.length);

function decisionChecks(
  w: Where,
  r: Resolver,
  given: ScenarioInput['checks'],
  path: string,
): DecisionCheck[] {
  const out: DecisionCheck[] = [];
  (given ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    const as = checkUser(w, r, c.as, `${p}.as`);
    const record = checkRecord(w, r, c.record, `${p}.record`).id;
    let reasons: ReasonKind[] | undefined;
    if (c.reasons !== undefined) {
      const allowed: readonly ReasonKind[] = c.allow ? ALLOW_REASON_KINDS : DENY_REASON_KINDS;
      reasons = [c.reasons].flat();
      reasons.forEach((k, j) => {
        if (!allowed.includes(k)) {
          w.fail(`${p}.reasons[${j}]`, `${describeValue(k)} is not one of: ${allowed.join(', ')}`);
        }
      });
      if (!c.allow && reasons.length !== 1) {
        w.fail(`${p}.reasons`, 'a deny has exactly one reason (the first rule that denied it)');
      }
      if (new Set(reasons).size !== reasons.length) w.fail(`${p}.reasons`, 'duplicate reason');
    }
    for (const action of [c.action].flat()) {
      const check: DecisionCheck = { as, action, record, allow: c.allow };
      if (reasons !== undefined) check.reasons = [...reasons];
      if (c.at !== undefined) check.at = time(w, c.at, `${p}.at`);
      out.push(check);
    }
  });
  return out;
}

function fieldChecks(
  w: Where,
  r: Resolver,
  given: ScenarioInput['fieldChecks'],
  path: string,
): FieldCheck[] {
  return (given ?? []).map((c, i) => {
    const p = `${path}[${i}]`;
    const record = checkRecord(w, r, c.record, `${p}.record`);
    const known = r.fieldsOf(record);
    const expect: Record<string, FieldLevel> = {};
    for (const [field, level] of Object.entries(c.expect)) {
      if (!known.has(field)) {
        w.fail(
          `${p}.expect.${field}`,
          `${record.id} has no field "${field}" (known: ${[...known].join(', ') || 'none'})`,
        );
      }
      expect[field] = level;
    }
    const check: FieldCheck = { as: checkUser(w, r, c.as, `${p}.as`), record: record.id, expect };
    if (c.at !== undefined) check.at = time(w, c.at, `${p}.at`);
    return check;
  });
}

function listChecks(
  w: Where,
  r: Resolver,
  given: ScenarioInput['listChecks'],
  path: string,
): ListCheck[] {
  return (given ?? []).map((c, i) => {
    const p = `${path}[${i}]`;
    const expect = c.expect.map((id, j) => {
      const record = checkRecord(w, r, id, `${p}.expect[${j}]`);
      if (record.object !== c.object) {
        w.fail(`${p}.expect[${j}]`, `${record.id} is a ${record.object}, not a ${c.object}`);
      }
      return record.id;
    });
    const check: ListCheck = {
      as: checkUser(w, r, c.as, `${p}.as`),
      action: c.action ?? 'read',
      object: c.object,
      expect,
    };
    if (c.at !== undefined) check.at = time(w, c.at, `${p}.at`);
    return check;
  });
}

// ---------------------------------------------------------------------------------------------

const EMPTY_PART: Part = part(new Where('(none)'), {}, '');

function loadFile(dir: string, file: string): Scenario[] {
  const w: Where = new Where(join(dir, file));
  let doc: unknown;
  try {
    doc = parse(readFileSync(join(dir, file), 'utf8'), { merge: true, uniqueKeys: true });
  } catch (e) {
    w.fail('(yaml)', e instanceof Error ? e.message : String(e));
  }
  const problem = firstProblem(ScenarioFileSchema, doc);
  if (problem !== null) failShape(w, doc, problem);
  const input = doc as ScenarioFile;
  const base = input.base === undefined ? EMPTY_PART : part(w, input.base, 'base.');

  return input.scenarios.map((o) => {
    const sid = o.id;
    w.scenario = sid;
    const p = merge(base, part(w, o, ''));
    if (p.now === undefined) w.fail('now', 'every scenario needs a "now" (here or in the base)');
    const { records, teams } = resolveRecords(w, p);
    // Teams and grants on one record are facts of the records (as the store keeps them); the
    // model keeps the scope grants. Validation sees every grant.
    const grants = splitGrants(p.grants);
    attachRecordFacts(records, teams, grants.record);
    const model: PolicyModel = {
      version: 1,
      tenant: p.tenant ?? { id: sid, name: o.name },
      departments: p.departments,
      users: p.users,
      roles: p.roles,
      objects: OBJECT_TYPES.map((o2) => p.objects.get(o2) ?? defaultObjectSettings(o2)),
      groups: p.groups,
      sharingRules: p.sharingRules,
      // An invalid-model scenario is about validateModel: it sees every grant in the model.
      grants: o.expectInvalid === undefined ? grants.scope : p.grants,
      pools: p.pools,
      sodRules: p.sodRules,
    };
    // What the defaults made is a model by the engine's own description (a loader bug otherwise).
    const made = firstProblem(PolicyModelSchema, { ...model, grants: p.grants });
    if (made !== null) w.fail(`(model) ${formatPath(made.path)}`, made.message);
    const settings = new Map(model.objects.map((s) => [s.object, s]));
    const resolver: Resolver = {
      users: new Set(p.users.map((u) => u.id)),
      records: new Map(records.map((r) => [r.id, r])),
      fieldsOf: (r) =>
        new Set([...Object.keys(settings.get(r.object)?.fields ?? {}), ...Object.keys(r.fields)]),
    };
    const scenario: Scenario = {
      id: sid,
      file,
      name: o.name,
      now: p.now,
      model,
      records,
      checks: decisionChecks(w, resolver, o.checks, 'checks'),
      fieldChecks: fieldChecks(w, resolver, o.fieldChecks, 'fieldChecks'),
      listChecks: listChecks(w, resolver, o.listChecks, 'listChecks'),
    };
    if (o.description !== undefined) scenario.description = o.description;

    const result = validateModel({ ...model, grants: p.grants });
    if (o.expectInvalid !== undefined) {
      if (scenario.checks.length + scenario.fieldChecks.length + scenario.listChecks.length > 0) {
        w.fail('expectInvalid', 'an invalid-model scenario has no checks (they would be skipped)');
      }
      scenario.expectInvalid = [...o.expectInvalid];
    } else if (!result.ok) {
      const problems = result.errors.map((e) => `${e.path}: ${e.message} [${e.code}]`);
      w.fail('(model)', `the model is invalid:\n  ${problems.join('\n  ')}`);
    } else if (
      scenario.checks.length + scenario.fieldChecks.length + scenario.listChecks.length ===
      0
    ) {
      w.fail('checks', 'a scenario needs at least one check');
    }
    return scenario;
  });
}

/**
 * Every scenario in `dir` (default: conformance/scenarios), sorted by file name, then in file
 * order. Throws a `ScenarioFormatError` naming the file, scenario and field of the first problem.
 */
export function loadScenarios(dir: string = DEFAULT_DIR): Scenario[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const scenarios: Scenario[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    for (const s of loadFile(dir, file)) {
      const other = seen.get(s.id);
      if (other !== undefined) {
        throw new ScenarioFormatError(
          `${join(dir, file)}: scenario "${s.id}": id: duplicate scenario id (also in ${other})`,
        );
      }
      seen.set(s.id, file);
      scenarios.push(s);
    }
  }
  return scenarios;
}
