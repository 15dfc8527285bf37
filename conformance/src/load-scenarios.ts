/**
 * Loads the conformance scenarios (conformance/scenarios/*.yaml) into engine models, records and
 * checks, validating everything on the way: a malformed file fails loudly, naming the file, the
 * scenario and the field. The YAML format is described in conformance/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACCESS_LEVELS,
  CRITERION_OPS,
  DATA_SCOPES,
  ENGINE_ERROR_CODES,
  FIELD_LEVELS,
  MASK_KINDS,
  OBJECT_TYPES,
  ORG_WIDE_DEFAULTS,
  RECORD_ACTIONS,
  SENSITIVITIES,
  attachRecordFacts,
  splitGrants,
  defaultObjectSettings,
  validateModel,
  type AccessLevel,
  type CrmRecord,
  type Criterion,
  type DataScope,
  type Department,
  type EngineErrorCode,
  type FieldLevel,
  type FieldSetting,
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

export type { DecisionCheck, FieldCheck, ListCheck, Scenario } from './scenario.ts';

/** Every reason kind `explain` can give, allow and deny. */
export const REASON_KINDS: readonly ReasonKind[] = [
  'scope',
  'org_default',
  'team',
  'sharing_rule',
  'grant',
  'pool',
  'unknown_principal',
  'inactive',
  'clearance',
  'portal_object',
  'portal_account',
  'sod',
  'no_privilege',
  'parent_missing',
  'no_path',
];
const ALLOW_REASON_KINDS: readonly ReasonKind[] = REASON_KINDS.slice(0, 6);

const DEFAULT_DIR = fileURLToPath(new URL('../scenarios', import.meta.url));
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

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

type Obj = Record<string, unknown>;

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function obj(w: Where, v: unknown, path: string, allowed: readonly string[] | null): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    w.fail(path, `expected a mapping, got ${describeValue(v)}`);
  }
  const o = v as Obj;
  if (allowed !== null) {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) {
        w.fail(`${path}.${k}`, `unknown key "${k}" (expected one of: ${allowed.join(', ')})`);
      }
    }
  }
  return o;
}

function list(w: Where, v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) w.fail(path, `expected a list, got ${describeValue(v)}`);
  return v;
}

function str(w: Where, v: unknown, path: string): string {
  if (typeof v !== 'string' || v === '')
    w.fail(path, `expected a non-empty string, got ${describeValue(v)}`);
  return v;
}

function id(w: Where, v: unknown, path: string): string {
  const s = str(w, v, path);
  if (!ID_PATTERN.test(s)) w.fail(path, `"${s}" is not a valid id (letters, digits, _ . : -)`);
  return s;
}

function optStr(w: Where, v: unknown, path: string, fallback: string): string {
  return v === undefined ? fallback : str(w, v, path);
}

function nullableId(w: Where, v: unknown, path: string): string | null {
  return v === undefined || v === null ? null : id(w, v, path);
}

function bool(w: Where, v: unknown, path: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') w.fail(path, `expected true or false, got ${describeValue(v)}`);
  return v;
}

function oneOf<T extends string>(
  w: Where,
  values: readonly T[],
  v: unknown,
  path: string,
  fallback?: T,
): T {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    w.fail(path, `${describeValue(v)} is not one of: ${values.join(', ')}`);
  }
  return v as T;
}

function ids(w: Where, v: unknown, path: string): string[] {
  return list(w, v, path).map((x, i) => id(w, x, `${path}[${i}]`));
}

/** An ISO-8601 timestamp with a time zone, as ms since the epoch. */
function time(w: Where, v: unknown, path: string): number {
  if (typeof v !== 'string' || !ISO_PATTERN.test(v)) {
    w.fail(path, `expected an ISO-8601 time such as 2026-06-01T00:00:00Z, got ${describeValue(v)}`);
  }
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) w.fail(path, `"${v}" is not a valid time`);
  return ms;
}

function nullableTime(w: Where, v: unknown, path: string): number | null {
  return v === undefined || v === null ? null : time(w, v, path);
}

function fieldValue(w: Where, v: unknown, path: string): FieldValue {
  if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && isFinite(v))) {
    return v;
  }
  return w.fail(path, `expected a string, number or boolean, got ${describeValue(v)}`);
}

// ---------------------------------------------------------------------------------------------
// The model parts, with their defaults.

function department(w: Where, v: unknown, path: string): Department {
  const o = obj(w, v, path, ['id', 'name', 'parentId', 'headId']);
  const d: Department = {
    id: id(w, o.id, `${path}.id`),
    name: '',
    parentId: nullableId(w, o.parentId, `${path}.parentId`),
  };
  d.name = optStr(w, o.name, `${path}.name`, d.id);
  if (o.headId !== undefined) d.headId = nullableId(w, o.headId, `${path}.headId`);
  return d;
}

function user(w: Where, v: unknown, path: string): User {
  const o = obj(w, v, path, [
    'id',
    'name',
    'kind',
    'status',
    'departmentId',
    'managerId',
    'roleIds',
    'clearance',
    'portalAccountId',
  ]);
  const uid = id(w, o.id, `${path}.id`);
  const kind = oneOf(w, ['internal', 'portal'] as const, o.kind, `${path}.kind`, 'internal');
  const u: User = {
    id: uid,
    name: optStr(w, o.name, `${path}.name`, uid),
    kind,
    status: oneOf(
      w,
      ['active', 'suspended', 'departed'] as const,
      o.status,
      `${path}.status`,
      'active',
    ),
    departmentId: nullableId(w, o.departmentId, `${path}.departmentId`),
    managerId: nullableId(w, o.managerId, `${path}.managerId`),
    roleIds: ids(w, o.roleIds, `${path}.roleIds`),
    clearance: oneOf(w, SENSITIVITIES, o.clearance, `${path}.clearance`, 'internal'),
  };
  if (o.portalAccountId !== undefined) {
    if (kind !== 'portal') w.fail(`${path}.portalAccountId`, 'only portal users have an account');
    u.portalAccountId = nullableId(w, o.portalAccountId, `${path}.portalAccountId`);
  } else if (kind === 'portal') {
    u.portalAccountId = null;
  }
  return u;
}

function role(w: Where, v: unknown, path: string): Role {
  const o = obj(w, v, path, ['id', 'name', 'objects', 'functions', 'fields']);
  const rid = id(w, o.id, `${path}.id`);
  const objects: Role['objects'] = {};
  if (o.objects !== undefined) {
    const perObject = obj(w, o.objects, `${path}.objects`, OBJECT_TYPES);
    for (const [object, raw] of Object.entries(perObject)) {
      const p = `${path}.objects.${object}`;
      const actions = obj(w, raw, p, [...RECORD_ACTIONS, '*']);
      const perm: ObjectPermission = {};
      const all = actions['*'];
      for (const action of RECORD_ACTIONS) {
        const scope = actions[action] ?? all;
        if (scope === undefined) continue;
        const path2 = actions[action] === undefined ? `${p}.*` : `${p}.${action}`;
        perm[action] = oneOf<DataScope>(w, DATA_SCOPES, scope, path2);
      }
      objects[object as ObjectType] = perm;
    }
  }
  const fields: Role['fields'] = {};
  if (o.fields !== undefined) {
    const perObject = obj(w, o.fields, `${path}.fields`, OBJECT_TYPES);
    for (const [object, raw] of Object.entries(perObject)) {
      const p = `${path}.fields.${object}`;
      const levels: Record<string, FieldLevel> = {};
      for (const [field, level] of Object.entries(obj(w, raw, p, null))) {
        levels[field] = oneOf(w, FIELD_LEVELS, level, `${p}.${field}`);
      }
      fields[object as ObjectType] = levels;
    }
  }
  return {
    id: rid,
    name: optStr(w, o.name, `${path}.name`, rid),
    objects,
    functions: list(w, o.functions, `${path}.functions`).map((f, i) =>
      str(w, f, `${path}.functions[${i}]`),
    ),
    fields,
  };
}

function objectSettings(w: Where, object: ObjectType, v: unknown, path: string): ObjectSettings {
  const o = obj(w, v ?? {}, path, [
    'orgWideDefault',
    'controlledByParent',
    'portalExposed',
    'fields',
  ]);
  const d = defaultObjectSettings(object);
  const controlledByParent = bool(
    w,
    o.controlledByParent,
    `${path}.controlledByParent`,
    d.controlledByParent,
  );
  if (object === 'customer' && controlledByParent) {
    w.fail(`${path}.controlledByParent`, 'a customer has no parent');
  }
  const fields: Record<string, FieldSetting> = {};
  if (o.fields !== undefined) {
    for (const [name, raw] of Object.entries(obj(w, o.fields, `${path}.fields`, null))) {
      const p = `${path}.fields.${name}`;
      const f = obj(w, raw ?? {}, p, ['sensitivity', 'mask', 'internal', 'label']);
      const setting: FieldSetting = {};
      if (f.sensitivity !== undefined) {
        setting.sensitivity = oneOf(w, SENSITIVITIES, f.sensitivity, `${p}.sensitivity`);
      }
      if (f.mask !== undefined) setting.mask = oneOf(w, MASK_KINDS, f.mask, `${p}.mask`);
      if (f.internal !== undefined) setting.internal = bool(w, f.internal, `${p}.internal`, false);
      if (f.label !== undefined) setting.label = str(w, f.label, `${p}.label`);
      fields[name] = setting;
    }
  }
  return {
    object,
    orgWideDefault: oneOf(
      w,
      ORG_WIDE_DEFAULTS,
      o.orgWideDefault,
      `${path}.orgWideDefault`,
      d.orgWideDefault,
    ),
    controlledByParent,
    portalExposed: bool(w, o.portalExposed, `${path}.portalExposed`, d.portalExposed),
    fields,
  };
}

function group(w: Where, v: unknown, path: string): Group {
  const o = obj(w, v, path, null);
  const kind = oneOf(
    w,
    ['department', 'role', 'public'] as const,
    o.kind,
    `${path}.kind`,
    'public',
  );
  const gid = id(w, o.id, `${path}.id`);
  const name = optStr(w, o.name, `${path}.name`, gid);
  switch (kind) {
    case 'department':
      obj(w, v, path, ['id', 'name', 'kind', 'departmentId', 'includeSubdepartments']);
      return {
        id: gid,
        name,
        kind,
        departmentId: id(w, o.departmentId, `${path}.departmentId`),
        includeSubdepartments: bool(
          w,
          o.includeSubdepartments,
          `${path}.includeSubdepartments`,
          false,
        ),
      };
    case 'role':
      obj(w, v, path, ['id', 'name', 'kind', 'roleId']);
      return { id: gid, name, kind, roleId: id(w, o.roleId, `${path}.roleId`) };
    case 'public':
      obj(w, v, path, ['id', 'name', 'kind', 'userIds', 'groupIds']);
      return {
        id: gid,
        name,
        kind,
        userIds: ids(w, o.userIds, `${path}.userIds`),
        groupIds: ids(w, o.groupIds, `${path}.groupIds`),
      };
  }
}

function team(w: Where, v: unknown, path: string): TeamMember {
  const o = obj(w, v, path, ['customerId', 'userId', 'access']);
  return {
    customerId: id(w, o.customerId, `${path}.customerId`),
    userId: id(w, o.userId, `${path}.userId`),
    access: oneOf(w, ACCESS_LEVELS, o.access, `${path}.access`),
  };
}

function criterion(w: Where, v: unknown, path: string): Criterion {
  const o = obj(w, v, path, null);
  const field = str(w, o.field, `${path}.field`);
  const op = oneOf(w, CRITERION_OPS, o.op, `${path}.op`);
  switch (op) {
    case 'in':
      obj(w, v, path, ['field', 'op', 'values']);
      return {
        field,
        op,
        values: list(w, o.values, `${path}.values`).map((x, i) =>
          fieldValue(w, x, `${path}.values[${i}]`),
        ),
      };
    case 'between': {
      obj(w, v, path, ['field', 'op', 'low', 'high']);
      const bound = (x: unknown, p: string): number | string =>
        typeof x === 'number' || typeof x === 'string'
          ? x
          : w.fail(p, `expected a number or string, got ${describeValue(x)}`);
      return { field, op, low: bound(o.low, `${path}.low`), high: bound(o.high, `${path}.high`) };
    }
    default:
      obj(w, v, path, ['field', 'op', 'value']);
      return { field, op, value: fieldValue(w, o.value, `${path}.value`) };
  }
}

function sharingRule(w: Where, v: unknown, path: string): SharingRule {
  const o = obj(w, v, path, [
    'id',
    'name',
    'object',
    'criteria',
    'ownerGroupId',
    'targetGroupId',
    'access',
  ]);
  const rid = id(w, o.id, `${path}.id`);
  if ((o.criteria === undefined) === (o.ownerGroupId === undefined)) {
    w.fail(path, 'give exactly one of "criteria" (a list, may be empty) or "ownerGroupId"');
  }
  const source: SharingRule['source'] =
    o.criteria !== undefined
      ? {
          kind: 'criteria',
          criteria: list(w, o.criteria, `${path}.criteria`).map((c, i) =>
            criterion(w, c, `${path}.criteria[${i}]`),
          ),
        }
      : { kind: 'owner', ownerGroupId: id(w, o.ownerGroupId, `${path}.ownerGroupId`) };
  return {
    id: rid,
    name: optStr(w, o.name, `${path}.name`, rid),
    object: oneOf(w, OBJECT_TYPES, o.object, `${path}.object`),
    source,
    targetGroupId: id(w, o.targetGroupId, `${path}.targetGroupId`),
    access: oneOf(w, ['read', 'edit'] as const, o.access, `${path}.access`),
  };
}

function grant(w: Where, v: unknown, path: string): Grant {
  const o = obj(w, v, path, [
    'id',
    'userId',
    'groupId',
    'object',
    'recordId',
    'departmentId',
    'includeSubdepartments',
    'ownerId',
    'all',
    'access',
    'startsAt',
    'expiresAt',
    'reason',
  ]);
  const gid = id(w, o.id, `${path}.id`);
  if ((o.userId === undefined) === (o.groupId === undefined)) {
    w.fail(path, 'give exactly one of "userId" or "groupId" (who the grant is to)');
  }
  const subject: Grant['subject'] =
    o.userId !== undefined
      ? { kind: 'user', userId: id(w, o.userId, `${path}.userId`) }
      : { kind: 'group', groupId: id(w, o.groupId, `${path}.groupId`) };
  const targets = ['recordId', 'departmentId', 'ownerId', 'all'].filter((k) => o[k] !== undefined);
  if (targets.length !== 1) {
    w.fail(path, 'give exactly one target: "recordId", "departmentId", "ownerId" or "all: true"');
  }
  if (o.includeSubdepartments !== undefined && o.departmentId === undefined) {
    w.fail(`${path}.includeSubdepartments`, 'only a department grant includes subdepartments');
  }
  let target: GrantTarget;
  if (o.recordId !== undefined)
    target = { kind: 'record', recordId: id(w, o.recordId, `${path}.recordId`) };
  else if (o.departmentId !== undefined) {
    target = {
      kind: 'department',
      departmentId: id(w, o.departmentId, `${path}.departmentId`),
      includeSubdepartments: bool(
        w,
        o.includeSubdepartments,
        `${path}.includeSubdepartments`,
        false,
      ),
    };
  } else if (o.ownerId !== undefined)
    target = { kind: 'owner', userId: id(w, o.ownerId, `${path}.ownerId`) };
  else {
    if (o.all !== true) w.fail(`${path}.all`, 'write "all: true" for a grant on every record');
    target = { kind: 'all' };
  }
  const g: Grant = {
    id: gid,
    subject,
    object: oneOf(w, OBJECT_TYPES, o.object, `${path}.object`),
    target,
    access: oneOf(w, ACCESS_LEVELS, o.access, `${path}.access`),
    startsAt: nullableTime(w, o.startsAt, `${path}.startsAt`),
    expiresAt: nullableTime(w, o.expiresAt, `${path}.expiresAt`),
  };
  if (o.reason !== undefined) g.reason = str(w, o.reason, `${path}.reason`);
  return g;
}

function pool(w: Where, v: unknown, path: string): Pool {
  const o = obj(w, v, path, ['id', 'name', 'memberUserIds', 'memberGroupIds']);
  const pid = id(w, o.id, `${path}.id`);
  return {
    id: pid,
    name: optStr(w, o.name, `${path}.name`, pid),
    memberUserIds: ids(w, o.memberUserIds, `${path}.memberUserIds`),
    memberGroupIds: ids(w, o.memberGroupIds, `${path}.memberGroupIds`),
  };
}

function permissionRef(w: Where, v: unknown, path: string): PermissionRef {
  const o = obj(w, v, path, ['object', 'action', 'function']);
  if (o.function !== undefined) {
    obj(w, v, path, ['function']);
    return { kind: 'function', name: str(w, o.function, `${path}.function`) };
  }
  return {
    kind: 'object',
    object: oneOf(w, OBJECT_TYPES, o.object, `${path}.object`),
    action: oneOf(w, RECORD_ACTIONS, o.action, `${path}.action`),
  };
}

function sodRule(w: Where, v: unknown, path: string): SodRule {
  const o = obj(w, v, path, ['id', 'name', 'left', 'right']);
  const sid = id(w, o.id, `${path}.id`);
  return {
    id: sid,
    name: optStr(w, o.name, `${path}.name`, sid),
    left: permissionRef(w, o.left, `${path}.left`),
    right: permissionRef(w, o.right, `${path}.right`),
  };
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

function rawRecord(w: Where, v: unknown, path: string): RawRecord {
  const o = obj(w, v, path, [
    'id',
    'object',
    'customerId',
    'ownerId',
    'departmentId',
    'sensitivity',
    'createdById',
    'contactUserId',
    'poolId',
    'fields',
    'team',
  ]);
  const fields: Record<string, FieldValue | null> = {};
  if (o.fields !== undefined) {
    for (const [k, x] of Object.entries(obj(w, o.fields, `${path}.fields`, null))) {
      fields[k] = x === null ? null : fieldValue(w, x, `${path}.fields.${k}`);
    }
  }
  const team: RawRecord['team'] = [];
  if (o.team !== undefined) {
    for (const [userId, access] of Object.entries(obj(w, o.team, `${path}.team`, null))) {
      team.push({ userId, access: oneOf(w, ACCESS_LEVELS, access, `${path}.team.${userId}`) });
    }
  }
  return {
    path,
    id: id(w, o.id, `${path}.id`),
    object: oneOf(w, OBJECT_TYPES, o.object, `${path}.object`),
    customerId: nullableId(w, o.customerId, `${path}.customerId`),
    ownerId: nullableId(w, o.ownerId, `${path}.ownerId`),
    departmentId:
      o.departmentId === undefined
        ? undefined
        : nullableId(w, o.departmentId, `${path}.departmentId`),
    sensitivity: oneOf(w, SENSITIVITIES, o.sensitivity, `${path}.sensitivity`, 'internal'),
    createdById: nullableId(w, o.createdById, `${path}.createdById`),
    contactUserId: nullableId(w, o.contactUserId, `${path}.contactUserId`),
    poolId: nullableId(w, o.poolId, `${path}.poolId`),
    fields,
    team,
  };
}

// ---------------------------------------------------------------------------------------------
// Parts (the file's `base` and each scenario), merged by id.

const MODEL_KEYS = [
  'now',
  'tenant',
  'departments',
  'users',
  'roles',
  'objects',
  'groups',
  'teams',
  'sharingRules',
  'grants',
  'pools',
  'sodRules',
  'records',
] as const;
const SCENARIO_KEYS = [
  'id',
  'name',
  'description',
  'checks',
  'fieldChecks',
  'listChecks',
  'expectInvalid',
  ...MODEL_KEYS,
] as const;

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

function part(w: Where, o: Obj, prefix: string): Part {
  const each = <T>(key: string, read: (w: Where, v: unknown, path: string) => T): T[] =>
    list(w, o[key], `${prefix}${key}`).map((x, i) => read(w, x, `${prefix}${key}[${i}]`));
  const p: Part = {
    departments: each('departments', department),
    users: each('users', user),
    roles: each('roles', role),
    objects: new Map(),
    groups: each('groups', group),
    teams: each('teams', team),
    sharingRules: each('sharingRules', sharingRule),
    grants: each('grants', grant),
    pools: each('pools', pool),
    sodRules: each('sodRules', sodRule),
    records: each('records', rawRecord),
  };
  if (o.now !== undefined) p.now = time(w, o.now, `${prefix}now`);
  if (o.tenant !== undefined) {
    const t = obj(w, o.tenant, `${prefix}tenant`, ['id', 'name', 'defaultLocale']);
    p.tenant = {
      id: id(w, t.id, `${prefix}tenant.id`),
      name: str(w, t.name, `${prefix}tenant.name`),
    };
    if (t.defaultLocale !== undefined) {
      p.tenant.defaultLocale = oneOf(
        w,
        ['zh-CN', 'en-US'] as const,
        t.defaultLocale,
        `${prefix}tenant.defaultLocale`,
      );
    }
  }
  if (o.objects !== undefined) {
    const perObject = obj(w, o.objects, `${prefix}objects`, OBJECT_TYPES);
    for (const [object, raw] of Object.entries(perObject)) {
      p.objects.set(
        object as ObjectType,
        objectSettings(w, object as ObjectType, raw, `${prefix}objects.${object}`),
      );
    }
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

function checkUser(w: Where, r: Resolver, v: unknown, path: string): string {
  const u = id(w, v, path);
  if (!r.users.has(u)) w.fail(path, `unknown user "${u}"`);
  return u;
}

function checkRecord(w: Where, r: Resolver, v: unknown, path: string): CrmRecord {
  const rid = id(w, v, path);
  const record = r.records.get(rid);
  if (record === undefined) w.fail(path, `unknown record "${rid}"`);
  return record;
}

function decisionChecks(w: Where, r: Resolver, v: unknown, path: string): DecisionCheck[] {
  const out: DecisionCheck[] = [];
  list(w, v, path).forEach((x, i) => {
    const p = `${path}[${i}]`;
    const o = obj(w, x, p, ['as', 'action', 'record', 'allow', 'reasons', 'at']);
    const actions = Array.isArray(o.action)
      ? o.action.map((a, j) => oneOf(w, RECORD_ACTIONS, a, `${p}.action[${j}]`))
      : [oneOf(w, RECORD_ACTIONS, o.action, `${p}.action`)];
    if (actions.length === 0) w.fail(`${p}.action`, 'name at least one action');
    if (typeof o.allow !== 'boolean')
      w.fail(`${p}.allow`, `expected true or false, got ${describeValue(o.allow)}`);
    const as = checkUser(w, r, o.as, `${p}.as`);
    const record = checkRecord(w, r, o.record, `${p}.record`).id;
    let reasons: ReasonKind[] | undefined;
    if (o.reasons !== undefined) {
      const given = Array.isArray(o.reasons) ? o.reasons : [o.reasons];
      reasons = given.map((k, j) =>
        oneOf(w, o.allow ? ALLOW_REASON_KINDS : REASON_KINDS.slice(6), k, `${p}.reasons[${j}]`),
      );
      if (reasons.length === 0) w.fail(`${p}.reasons`, 'name at least one reason');
      if (!o.allow && reasons.length !== 1) {
        w.fail(`${p}.reasons`, 'a deny has exactly one reason (the first rule that denied it)');
      }
      if (new Set(reasons).size !== reasons.length) w.fail(`${p}.reasons`, 'duplicate reason');
    }
    for (const action of actions) {
      const check: DecisionCheck = { as, action, record, allow: o.allow };
      if (reasons !== undefined) check.reasons = [...reasons];
      if (o.at !== undefined) check.at = time(w, o.at, `${p}.at`);
      out.push(check);
    }
  });
  return out;
}

function fieldChecks(w: Where, r: Resolver, v: unknown, path: string): FieldCheck[] {
  return list(w, v, path).map((x, i) => {
    const p = `${path}[${i}]`;
    const o = obj(w, x, p, ['as', 'record', 'expect', 'at']);
    const record = checkRecord(w, r, o.record, `${p}.record`);
    const known = r.fieldsOf(record);
    const expect: Record<string, FieldLevel> = {};
    const given = obj(w, o.expect, `${p}.expect`, null);
    if (Object.keys(given).length === 0) w.fail(`${p}.expect`, 'expect at least one field');
    for (const [field, level] of Object.entries(given)) {
      if (!known.has(field)) {
        w.fail(
          `${p}.expect.${field}`,
          `${record.id} has no field "${field}" (known: ${[...known].join(', ') || 'none'})`,
        );
      }
      expect[field] = oneOf(w, FIELD_LEVELS, level, `${p}.expect.${field}`);
    }
    const check: FieldCheck = { as: checkUser(w, r, o.as, `${p}.as`), record: record.id, expect };
    if (o.at !== undefined) check.at = time(w, o.at, `${p}.at`);
    return check;
  });
}

function listChecks(w: Where, r: Resolver, v: unknown, path: string): ListCheck[] {
  return list(w, v, path).map((x, i) => {
    const p = `${path}[${i}]`;
    const o = obj(w, x, p, ['as', 'action', 'object', 'expect', 'at']);
    const object = oneOf(w, OBJECT_TYPES, o.object, `${p}.object`);
    if (!Array.isArray(o.expect))
      w.fail(`${p}.expect`, `expected a list of record ids (may be [])`);
    const expect = o.expect.map((e, j) => {
      const record = checkRecord(w, r, e, `${p}.expect[${j}]`);
      if (record.object !== object) {
        w.fail(`${p}.expect[${j}]`, `${record.id} is a ${record.object}, not a ${object}`);
      }
      return record.id;
    });
    if (new Set(expect).size !== expect.length) w.fail(`${p}.expect`, 'duplicate record id');
    const check: ListCheck = {
      as: checkUser(w, r, o.as, `${p}.as`),
      action: oneOf(w, RECORD_ACTIONS, o.action ?? 'read', `${p}.action`),
      object,
      expect,
    };
    if (o.at !== undefined) check.at = time(w, o.at, `${p}.at`);
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
  const top = obj(w, doc, '(top)', ['base', 'scenarios']);
  const base =
    top.base === undefined ? EMPTY_PART : part(w, obj(w, top.base, 'base', MODEL_KEYS), 'base.');
  const entries = list(w, top.scenarios, 'scenarios');
  if (entries.length === 0) w.fail('scenarios', 'a scenario file holds at least one scenario');

  return entries.map((entry, n) => {
    w.scenario = `#${n + 1}`;
    const o = obj(w, entry, `scenarios[${n}]`, SCENARIO_KEYS);
    const sid = id(w, o.id, 'id');
    w.scenario = sid;
    const name = str(w, o.name, 'name');
    const p = merge(base, part(w, o, ''));
    if (p.now === undefined) w.fail('now', 'every scenario needs a "now" (here or in the base)');
    const { records, teams } = resolveRecords(w, p);
    // Teams and grants on one record are facts of the records (as the store keeps them); the
    // model keeps the scope grants. Validation sees every grant.
    const grants = splitGrants(p.grants);
    attachRecordFacts(records, teams, grants.record);
    const model: PolicyModel = {
      version: 1,
      tenant: p.tenant ?? { id: sid, name },
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
      name,
      now: p.now,
      model,
      records,
      checks: decisionChecks(w, resolver, o.checks, 'checks'),
      fieldChecks: fieldChecks(w, resolver, o.fieldChecks, 'fieldChecks'),
      listChecks: listChecks(w, resolver, o.listChecks, 'listChecks'),
    };
    if (o.description !== undefined) scenario.description = str(w, o.description, 'description');

    const result = validateModel({ ...model, grants: p.grants });
    if (o.expectInvalid !== undefined) {
      const codes = list(w, o.expectInvalid, 'expectInvalid').map((c, i) =>
        oneOf<EngineErrorCode>(w, ENGINE_ERROR_CODES, c, `expectInvalid[${i}]`),
      );
      if (codes.length === 0) w.fail('expectInvalid', 'name at least one error code');
      if (scenario.checks.length + scenario.fieldChecks.length + scenario.listChecks.length > 0) {
        w.fail('expectInvalid', 'an invalid-model scenario has no checks (they would be skipped)');
      }
      scenario.expectInvalid = codes;
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
