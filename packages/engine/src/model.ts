/**
 * The policy model: everything a decision depends on, as plain data.
 *
 * A model is a value. Build an index from it once per version (`buildIndex`) and every decision is
 * a handful of lookups. Nothing here reads a clock or does I/O: time is always a parameter
 * (`now`, milliseconds since the Unix epoch).
 *
 * The shape of the policy is described once, as the schemas of `model-schema.ts`; the entity
 * types here are derived from them.
 */
import type { Static } from 'typebox';
import type {
  CriterionSchema,
  DepartmentSchema,
  FieldSettingSchema,
  FieldValueSchema,
  GrantSchema,
  GrantTargetSchema,
  GroupSchema,
  ObjectPermissionSchema,
  ObjectSettingsSchema,
  PermissionRefSchema,
  PolicyModelSchema,
  PoolSchema,
  RoleSchema,
  SharingRuleSchema,
  SodRefSchema,
  SodRuleSchema,
  TeamMemberSchema,
  TenantSettingsSchema,
  UserSchema,
} from './model-schema.ts';

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

export const USER_STATUSES = ['active', 'suspended', 'departed'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const PRINCIPAL_KINDS = ['internal', 'portal'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** Kinds of value a field holds, for masking. */
export const MASK_KINDS = ['phone', 'email', 'id_number', 'bank_account', 'name', 'text'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** Sharing-rule access levels: a rule shares at most `edit`. */
export const SHARING_ACCESS_LEVELS = ['read', 'edit'] as const;

export const CRITERION_OPS = ['eq', 'ne', 'in', 'lt', 'gt', 'between'] as const;
export type CriterionOp = (typeof CRITERION_OPS)[number];

// The policy's entities: derived from their one description, the schemas of `model-schema.ts`
// (documented there, field by field).

export type TenantSettings = Static<typeof TenantSettingsSchema>;
/** 部门 */
export type Department = Static<typeof DepartmentSchema>;
/** 员工 or 客户门户用户 */
export type User = Static<typeof UserSchema>;
/** Per-action data scopes a role gives on one object. Missing actions are `none`. */
export type ObjectPermission = Static<typeof ObjectPermissionSchema>;
/** 角色: object permissions with data scopes, function permissions, field permissions. */
export type Role = Static<typeof RoleSchema>;
export type FieldSetting = Static<typeof FieldSettingSchema>;
/** One object's settings: 基础数据权限, parent control, portal exposure, its fields. */
export type ObjectSettings = Static<typeof ObjectSettingsSchema>;
/** 用户组 */
export type Group = Static<typeof GroupSchema>;
/**
 * One member of a customer's team (相关团队). A team is a fact of the customer, not of the policy:
 * it travels with the record (`CrmRecord.team`) and never moves the policy version.
 */
export type TeamMember = Static<typeof TeamMemberSchema>;
export type FieldValue = Static<typeof FieldValueSchema>;
export type Criterion = Static<typeof CriterionSchema>;
/** 数据共享规则. Records matching the source are shared with the target group. */
export type SharingRule = Static<typeof SharingRuleSchema>;
/** What a grant covers: one record, a department's records, one owner's records, or all. */
export type GrantTarget = Static<typeof GrantTargetSchema>;
/**
 * 临时授权: usually from an approved access request; expires by itself. A grant on one record
 * (`target.kind === 'record'`) is a fact of that record: the store keeps it with the record
 * (`CrmRecord.grants`), not in the node-wide model. Scope grants (department, owner, all) are
 * policy.
 */
export type Grant = Static<typeof GrantSchema>;
/** 公海: unowned customers that members may see and claim. */
export type Pool = Static<typeof PoolSchema>;
/** A permission that an SoD rule names. */
export type PermissionRef = Static<typeof PermissionRefSchema>;
/** A member of an SoD rule: a permission or a role. */
export type SodRef = Static<typeof SodRefSchema>;
/** 职责分离规则: nobody may hold two of its members; whoever does is denied the permissions. */
export type SodRule = Static<typeof SodRuleSchema>;
export type PolicyModel = Static<typeof PolicyModelSchema>;

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
