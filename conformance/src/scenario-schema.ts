/**
 * The shape of a scenario file (conformance/README.md, "Format"), as TypeBox schemas built from
 * the engine's one description of the policy (`model-schema.ts`). A model part is written as its
 * entity with the defaults left out (`name = id`, `kind = internal` …); a few are written flatter
 * than the model holds them (a grant's `userId | groupId` and target, a sharing rule's
 * `criteria | ownerGroupId`, an SoD side's `{ object, action } | { function }`); times are ISO-8601
 * strings. Records and checks are the scenario's own. Every object is closed: a misspelt key is an
 * error naming it.
 */
import {
  AccessLevelSchema,
  CLOSED,
  CriterionSchema,
  DepartmentSchema,
  DepartmentGroupSchema,
  DepartmentTargetSchema,
  ENGINE_ERROR_CODES,
  FieldLevelSchema,
  FieldSettingSchema,
  FieldNameSchema,
  FieldValueSchema,
  FunctionPermissionRefSchema,
  GrantSchema,
  IdSchema,
  NameSchema,
  ObjectPermissionRefSchema,
  ObjectPermissionSchema,
  ObjectSettingsSchema,
  ObjectTypeSchema,
  OwnerSourceSchema,
  PoolSchema,
  PublicGroupSchema,
  RecordActionSchema,
  RecordTargetSchema,
  RoleGroupSchema,
  RoleSchema,
  SensitivitySchema,
  SharingRuleSchema,
  SodRuleSchema,
  TeamMemberSchema,
  TenantSettingsSchema,
  UserSchema,
  UserSubjectSchema,
  GroupSubjectSchema,
  DataScopeSchema,
  NullableIdSchema,
  type ReasonKind,
} from '@custos/engine';
import Type, { type Static, type TProperties, type TSchema } from 'typebox';

/** Every reason kind `explain` can give: the allow reasons, then the deny reasons. */
export const REASON_KINDS = [
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
] as const satisfies readonly ReasonKind[];
/** The reasons of an allow (the rest are the reasons of a deny). */
export const ALLOW_REASON_KINDS = REASON_KINDS.slice(0, 6);

const closed = <P extends TProperties>(properties: P) => Type.Object(properties, CLOSED);
const optional = Type.Optional;
/** A list a scenario may leave empty (`key:` with nothing is null in YAML). */
const list = <T extends TSchema>(items: T) =>
  optional(Type.Union([Type.Array(items), Type.Null()]));

/** An ISO-8601 time with a time zone, e.g. `2026-06-01T00:00:00Z`. */
export const IsoTimeSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'an ISO-8601 time such as 2026-06-01T00:00:00Z',
});
const NullableTime = Type.Union([IsoTimeSchema, Type.Null()]);

// ── Model parts as written ──────────────────────────────────────────────────────────────────

const D = DepartmentSchema.properties;
export const DepartmentEntry = closed({
  id: D.id,
  name: optional(D.name),
  parentId: optional(D.parentId),
  headId: D.headId,
});

const U = UserSchema.properties;
export const UserEntry = closed({
  id: U.id,
  name: optional(U.name),
  kind: optional(U.kind),
  status: optional(U.status),
  departmentId: optional(U.departmentId),
  managerId: optional(U.managerId),
  roleIds: optional(U.roleIds),
  clearance: optional(U.clearance),
  portalAccountId: U.portalAccountId,
});

/** A role's permission on one object; `'*'` gives the scope of every action not listed. */
export const ObjectPermissionEntry = closed({
  ...ObjectPermissionSchema.properties,
  '*': optional(DataScopeSchema),
});
const R = RoleSchema.properties;
export const RoleEntry = closed({
  id: R.id,
  name: optional(R.name),
  objects: optional(Type.Partial(Type.Record(ObjectTypeSchema, ObjectPermissionEntry), CLOSED)),
  functions: optional(R.functions),
  fields: optional(R.fields),
});

const OS = ObjectSettingsSchema.properties;
/** An object's settings, by object; every part defaults as `defaultObjectSettings`. */
export const ObjectEntry = Type.Union([
  closed({
    orgWideDefault: optional(OS.orgWideDefault),
    controlledByParent: optional(OS.controlledByParent),
    portalExposed: optional(OS.portalExposed),
    fields: optional(
      Type.Record(FieldNameSchema, Type.Union([FieldSettingSchema, Type.Null()]), CLOSED),
    ),
  }),
  Type.Null(),
]);
export const ObjectsEntry = Type.Partial(Type.Record(ObjectTypeSchema, ObjectEntry), CLOSED);

const name = optional(NameSchema);
/** A group: `kind` defaults to `public`. */
export const GroupEntry = Type.Union([
  closed({
    ...DepartmentGroupSchema.properties,
    name,
    includeSubdepartments: optional(DepartmentGroupSchema.properties.includeSubdepartments),
  }),
  closed({ ...RoleGroupSchema.properties, name }),
  closed({
    ...PublicGroupSchema.properties,
    name,
    kind: optional(PublicGroupSchema.properties.kind),
    userIds: optional(PublicGroupSchema.properties.userIds),
    groupIds: optional(PublicGroupSchema.properties.groupIds),
  }),
]);

export const TeamEntry = TeamMemberSchema;

const S = SharingRuleSchema.properties;
/** A sharing rule: its source written as `criteria` (may be empty) or `ownerGroupId`. */
export const SharingRuleEntry = closed({
  id: S.id,
  name,
  object: S.object,
  criteria: optional(Type.Array(CriterionSchema)),
  ownerGroupId: optional(OwnerSourceSchema.properties.ownerGroupId),
  targetGroupId: S.targetGroupId,
  access: S.access,
});

const G = GrantSchema.properties;
/**
 * A grant: to `userId` or `groupId`; on `recordId`, `departmentId` (+ `includeSubdepartments`),
 * `ownerId` or `all: true`; times as ISO-8601.
 */
export const GrantEntry = closed({
  id: G.id,
  userId: optional(UserSubjectSchema.properties.userId),
  groupId: optional(GroupSubjectSchema.properties.groupId),
  object: G.object,
  recordId: optional(RecordTargetSchema.properties.recordId),
  departmentId: optional(DepartmentTargetSchema.properties.departmentId),
  includeSubdepartments: optional(DepartmentTargetSchema.properties.includeSubdepartments),
  ownerId: optional(IdSchema),
  all: optional(Type.Literal(true)),
  access: G.access,
  startsAt: optional(NullableTime),
  expiresAt: optional(NullableTime),
  reason: G.reason,
});

const P = PoolSchema.properties;
export const PoolEntry = closed({
  id: P.id,
  name,
  memberUserIds: optional(P.memberUserIds),
  memberGroupIds: optional(P.memberGroupIds),
});

/** One side of an SoD rule: `{ object, action }` or `{ function }`. */
export const PermissionRefEntry = Type.Union([
  closed({ function: FunctionPermissionRefSchema.properties.name }),
  Type.Omit(ObjectPermissionRefSchema, ['kind'], CLOSED),
]);
const SOD = SodRuleSchema.properties;
export const SodRuleEntry = closed({
  id: SOD.id,
  name,
  left: PermissionRefEntry,
  right: PermissionRefEntry,
});

// ── Records and checks: the scenario's own ──────────────────────────────────────────────────

/** A record: references resolved and the department defaulted by the loader. */
export const RecordEntry = closed({
  id: IdSchema,
  object: ObjectTypeSchema,
  customerId: optional(NullableIdSchema),
  ownerId: optional(NullableIdSchema),
  departmentId: optional(NullableIdSchema),
  sensitivity: optional(SensitivitySchema),
  createdById: optional(NullableIdSchema),
  contactUserId: optional(NullableIdSchema),
  poolId: optional(NullableIdSchema),
  fields: optional(
    Type.Record(FieldNameSchema, Type.Union([FieldValueSchema, Type.Null()]), CLOSED),
  ),
  /** A customer's team: user id → access. */
  team: optional(Type.Record(IdSchema, AccessLevelSchema, CLOSED)),
});

const ReasonKindSchema = Type.Enum(REASON_KINDS, { type: 'string' });
export const DecisionCheckEntry = closed({
  as: IdSchema,
  action: Type.Union([RecordActionSchema, Type.Array(RecordActionSchema, { minItems: 1 })]),
  record: IdSchema,
  allow: Type.Boolean(),
  reasons: optional(Type.Union([ReasonKindSchema, Type.Array(ReasonKindSchema, { minItems: 1 })])),
  at: optional(IsoTimeSchema),
});
export const FieldCheckEntry = closed({
  as: IdSchema,
  record: IdSchema,
  expect: Type.Record(Type.String(), FieldLevelSchema, { minProperties: 1 }),
  at: optional(IsoTimeSchema),
});
export const ListCheckEntry = closed({
  as: IdSchema,
  action: optional(RecordActionSchema),
  object: ObjectTypeSchema,
  expect: Type.Array(IdSchema, { uniqueItems: true }),
  at: optional(IsoTimeSchema),
});

// ── A file ──────────────────────────────────────────────────────────────────────────────────

/** The model parts a file's `base` and each scenario may hold. */
const PART = {
  now: optional(IsoTimeSchema),
  tenant: optional(TenantSettingsSchema),
  departments: list(DepartmentEntry),
  users: list(UserEntry),
  roles: list(RoleEntry),
  objects: optional(Type.Union([ObjectsEntry, Type.Null()])),
  groups: list(GroupEntry),
  teams: list(TeamEntry),
  sharingRules: list(SharingRuleEntry),
  grants: list(GrantEntry),
  pools: list(PoolEntry),
  sodRules: list(SodRuleEntry),
  records: list(RecordEntry),
};
export const PartEntry = closed(PART);

export const ScenarioEntry = closed({
  id: IdSchema,
  name: NameSchema,
  description: optional(Type.String({ minLength: 1 })),
  checks: list(DecisionCheckEntry),
  fieldChecks: list(FieldCheckEntry),
  listChecks: list(ListCheckEntry),
  expectInvalid: optional(
    Type.Array(Type.Enum(ENGINE_ERROR_CODES, { type: 'string' }), { minItems: 1 }),
  ),
  ...PART,
});

export const ScenarioFileSchema = closed({
  base: optional(PartEntry),
  scenarios: Type.Array(ScenarioEntry, { minItems: 1 }),
});

export type ScenarioFile = Static<typeof ScenarioFileSchema>;
export type PartInput = Static<typeof PartEntry>;
export type ScenarioInput = Static<typeof ScenarioEntry>;
export type UserInput = Static<typeof UserEntry>;
export type RoleInput = Static<typeof RoleEntry>;
export type GroupInput = Static<typeof GroupEntry>;
export type SharingRuleInput = Static<typeof SharingRuleEntry>;
export type GrantInput = Static<typeof GrantEntry>;
export type PermissionRefInput = Static<typeof PermissionRefEntry>;
export type RecordInput = Static<typeof RecordEntry>;
export type ObjectInput = Static<typeof ObjectEntry>;
