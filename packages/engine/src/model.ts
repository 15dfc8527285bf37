/**
 * The policy model: everything a decision depends on, as plain data.
 *
 * A model is a value. Build an index from it once per version (`buildIndex`) and every decision is
 * a handful of lookups. Nothing here reads a clock or does I/O: time is always a parameter
 * (`now`, milliseconds since the Unix epoch).
 */

/** Sensitivity of a record or field, and a user's clearance. Ordered. */
export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Data scope of a role's object permission. Ordered; each scope includes every lower one. */
export const DATA_SCOPES = [
  'none',
  'own',
  'subordinates',
  'department',
  'department_tree',
  'all',
] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const RECORD_ACTIONS = [
  'read',
  'update',
  'delete',
  'create',
  'transfer',
  'share',
  'export',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** Field permission. Ordered: hidden < masked < read < edit. */
export const FIELD_LEVELS = ['hidden', 'masked', 'read', 'edit'] as const;
export type FieldLevel = (typeof FIELD_LEVELS)[number];

/** The customer and its children. */
export const OBJECT_TYPES = ['customer', 'contact', 'deal', 'order', 'ticket', 'activity'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export const ORG_WIDE_DEFAULTS = ['private', 'public_read', 'public_read_write'] as const;
export type OrgWideDefault = (typeof ORG_WIDE_DEFAULTS)[number];

/** Customer-team and grant access levels. Ordered: read ⊂ edit ⊂ manage. */
export const ACCESS_LEVELS = ['read', 'edit', 'manage'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export type UserStatus = 'active' | 'suspended' | 'departed';
export type PrincipalKind = 'internal' | 'portal';

/** Kinds of value a field holds, for masking. */
export const MASK_KINDS = ['phone', 'email', 'id_number', 'bank_account', 'name', 'text'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export interface TenantSettings {
  id: string;
  name: string;
  /** Locale used for explanations when none is asked for. */
  defaultLocale?: Locale;
}

export type Locale = 'zh-CN' | 'en-US';

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  /** 部门负责人 */
  headId?: string | null;
}

export interface User {
  id: string;
  name: string;
  kind: PrincipalKind;
  status: UserStatus;
  departmentId: string | null;
  /** 汇报对象 */
  managerId: string | null;
  roleIds: string[];
  clearance: Sensitivity;
  /** For portal users: the customer (account) they belong to. */
  portalAccountId?: string | null;
}

/** Per-action data scopes a role gives on one object. Missing actions are `none`. */
export type ObjectPermission = Partial<Record<RecordAction, DataScope>>;

export interface Role {
  id: string;
  name: string;
  /** Object permissions: per object, per action, a data scope. */
  objects: Partial<Record<ObjectType, ObjectPermission>>;
  /** Function permissions (功能权限), e.g. `export`, `import`, `reveal_masked`, `audit_view`. */
  functions: string[];
  /** Field permissions: per object, per field. Fields not mentioned follow the object. */
  fields: Partial<Record<ObjectType, Record<string, FieldLevel>>>;
}

export interface FieldSetting {
  /** Field sensitivity: above the reader's clearance the field is hidden. */
  sensitivity?: Sensitivity;
  /** How a masked value of this field is shown. */
  mask?: MaskKind;
  /** Internal-only field (内部备注): never shown to portal users. */
  internal?: boolean;
  /** Human label, for explanations and the console. */
  label?: string;
}

export interface ObjectSettings {
  object: ObjectType;
  /** 基础数据权限 */
  orgWideDefault: OrgWideDefault;
  /**
   * Children only: access to a record is access to its customer (the paths are evaluated on the
   * parent). A child object with `false` has its own configuration.
   */
  controlledByParent: boolean;
  /** Whether portal users may see this object at all. */
  portalExposed: boolean;
  /** Known fields of the object and their settings. */
  fields: Record<string, FieldSetting>;
}

export type Group =
  | {
      id: string;
      name: string;
      kind: 'department';
      departmentId: string;
      /** Include users of every department below. */
      includeSubdepartments: boolean;
    }
  | { id: string; name: string; kind: 'role'; roleId: string }
  | {
      id: string;
      name: string;
      kind: 'public';
      userIds: string[];
      /** Nested groups: members of these groups are members of this one. */
      groupIds: string[];
    };

/**
 * One member of a customer's team (相关团队). A team is a fact of the customer, not of the policy:
 * it travels with the record (`CrmRecord.team`) and never moves the policy version.
 */
export interface TeamMember {
  customerId: string;
  userId: string;
  access: AccessLevel;
}

export const CRITERION_OPS = ['eq', 'ne', 'in', 'lt', 'gt', 'between'] as const;
export type CriterionOp = (typeof CRITERION_OPS)[number];
export type FieldValue = string | number | boolean;

export type Criterion =
  | { field: string; op: 'eq' | 'ne' | 'lt' | 'gt'; value: FieldValue }
  | { field: string; op: 'in'; values: FieldValue[] }
  | { field: string; op: 'between'; low: number | string; high: number | string };

/** 数据共享规则. Records matching the source are shared with the target group. */
export interface SharingRule {
  id: string;
  name: string;
  object: ObjectType;
  /**
   * `criteria`: records whose fields match every criterion.
   * `owner`: records owned by a member of `ownerGroupId`.
   */
  source: { kind: 'criteria'; criteria: Criterion[] } | { kind: 'owner'; ownerGroupId: string };
  targetGroupId: string;
  access: 'read' | 'edit';
}

/** What a grant covers. */
export type GrantTarget =
  | { kind: 'record'; recordId: string }
  /** Every record of a department (and, with `includeSubdepartments`, its subtree). */
  | { kind: 'department'; departmentId: string; includeSubdepartments: boolean }
  /** Every record owned by a user (e.g. covering for a colleague on leave). */
  | { kind: 'owner'; userId: string }
  /** Every record of the object. */
  | { kind: 'all' };

/**
 * 临时授权: usually from an approved access request; expires by itself. A grant on one record
 * (`target.kind === 'record'`) is a fact of that record: the store keeps it with the record
 * (`CrmRecord.grants`), not in the node-wide model. Scope grants (department, owner, all) are
 * policy.
 */
export interface Grant {
  id: string;
  subject: { kind: 'user'; userId: string } | { kind: 'group'; groupId: string };
  object: ObjectType;
  target: GrantTarget;
  access: AccessLevel;
  /** Effective from (inclusive), ms since epoch; null = at once. */
  startsAt?: number | null;
  /** Expires at (exclusive), ms since epoch; null = never. */
  expiresAt: number | null;
  reason?: string;
}

/** 公海: unowned customers that members may see and claim. */
export interface Pool {
  id: string;
  name: string;
  memberGroupIds: string[];
  memberUserIds: string[];
}

/** A permission that an SoD rule names. */
export type PermissionRef =
  { kind: 'object'; object: ObjectType; action: RecordAction } | { kind: 'function'; name: string };

/** 职责分离规则: nobody may hold both; whoever does is denied both. */
export interface SodRule {
  id: string;
  name: string;
  left: PermissionRef;
  right: PermissionRef;
}

export interface PolicyModel {
  /** Bumped on every change; caches key on it. */
  version: number;
  tenant: TenantSettings;
  departments: Department[];
  users: User[];
  roles: Role[];
  objects: ObjectSettings[];
  groups: Group[];
  sharingRules: SharingRule[];
  /**
   * Scope grants (department, owner, all). A record grant may also be given here (small models,
   * tests); the store keeps record grants with their records instead (`CrmRecord.grants`).
   */
  grants: Grant[];
  pools: Pool[];
  sodRules: SodRule[];
}

/**
 * A record as the engine sees it: the access-relevant attributes and the field values.
 * For a child object that is controlled by its parent, `parent` is the customer.
 */
export interface CrmRecord {
  object: ObjectType;
  id: string;
  /** The customer this record belongs to; for a customer, its own id. */
  customerId: string;
  ownerId: string | null;
  /** 归属部门: set from the owner's department when the owner is set. */
  departmentId: string | null;
  sensitivity: Sensitivity;
  /** Who created it (portal `own` scope). */
  createdById?: string | null;
  /** The portal user this record is about (portal `own` scope). */
  contactUserId?: string | null;
  /** Customers only: the public pool it sits in, if any. */
  poolId?: string | null;
  fields: Record<string, unknown>;
  /** The parent customer; required for children controlled by their parent. */
  parent?: CrmRecord;
  /**
   * The team of the record's customer (相关团队), read with the record. Absent = no team. For a
   * child, its customer's team (a controlled child is decided on `parent`, whose team counts).
   */
  team?: readonly TeamMember[];
  /** Grants whose target is this record (to any user or group), read with the record. */
  grants?: readonly Grant[];
}

export const rank = {
  sensitivity: (s: Sensitivity): number => SENSITIVITIES.indexOf(s),
  scope: (s: DataScope): number => DATA_SCOPES.indexOf(s),
  field: (f: FieldLevel): number => FIELD_LEVELS.indexOf(f),
  access: (a: AccessLevel): number => ACCESS_LEVELS.indexOf(a),
};
