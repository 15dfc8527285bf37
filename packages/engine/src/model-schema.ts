/**
 * The one description of the policy's shape, as TypeBox schemas (plain JSON Schema at runtime).
 *
 * `model.ts` derives the model's TypeScript types from these schemas (`Static<typeof …>`), the
 * server builds the admin API's JSON schemas from them, and the conformance loader validates the
 * scenario files against them. Every object is closed (`additionalProperties: false`): a misspelt
 * property is an error naming it. References between entities (a parent department, a role id),
 * duplicate ids and cycles are not shape: `validateModel` checks them.
 */
import Type, {
  type Static,
  type TObject,
  type TSchemaOptions,
  type TUnion,
  type TUnsafe,
} from 'typebox';
import {
  ACCESS_LEVELS,
  DATA_SCOPES,
  FIELD_LEVELS,
  LOCALES,
  MASK_KINDS,
  OBJECT_TYPES,
  ORG_WIDE_DEFAULTS,
  PRINCIPAL_KINDS,
  RECORD_ACTIONS,
  SENSITIVITIES,
  SHARING_ACCESS_LEVELS,
  USER_STATUSES,
} from './model.ts';

/** Closed objects: an unknown property is an error naming it. */
export const CLOSED = { additionalProperties: false } as const;

// ── Ids and other scalars ───────────────────────────────────────────────────────────────────

/**
 * The one rule for an id (of a tenant, department, user, role, group, rule, grant, pool, SoD rule
 * and record): a lowercase letter, then lowercase letters and digits, words joined by single
 * `-`, `_` or `.` — `sales-east`, `role_executive_0`, `d0.1`, `cus-0b6e…` — at most 128
 * characters. The strictest rule every existing id satisfies (the demo company, the conformance
 * scenarios, the benchmark generator, the ids the server and the record write path generate).
 * Lowercase only, so two ids never differ by case alone; a leading letter, so YAML never reads an
 * id as a number or a date.
 */
export const ID_PATTERN = '^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$';
export const ID_MAX_LENGTH = 128;
export const ID_RULE =
  'a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters';

const ID_REGEX = new RegExp(ID_PATTERN);

/** Whether `value` is an id by the one rule (`IdSchema`). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ID_MAX_LENGTH && ID_REGEX.test(value);
}

export const IdSchema = Type.String({
  minLength: 1,
  maxLength: ID_MAX_LENGTH,
  pattern: ID_PATTERN,
  description: `an id (${ID_RULE})`,
});
export const NullableIdSchema = Type.Union([IdSchema, Type.Null()]);
/** A set of ids: no id twice. */
export const IdSetSchema = Type.Array(IdSchema, { uniqueItems: true });

/** A display name. */
export const NameSchema = Type.String({ minLength: 1, maxLength: 200 });
export const FIELD_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';
export const FIELD_NAME_RULE = 'a letter or _, then letters, digits or _; at most 64 characters';
/** The name of a field of an object (`phone`, `creditLimit`). */
export const FieldNameSchema = Type.String({
  maxLength: 64,
  pattern: FIELD_NAME_PATTERN,
  description: `a field name (${FIELD_NAME_RULE})`,
});
/** The name of a function permission (`export`, `user_admin`). */
export const FunctionNameSchema = Type.String({
  maxLength: 64,
  pattern: '^[a-z][a-z0-9_]{0,63}$',
  description: 'a function permission (lowercase letters, digits and _; at most 64 characters)',
});
/** The last millisecond of the year 9999: the latest time a model holds. */
export const MAX_TIME = 253_402_300_799_999;
/** A point in time: milliseconds since the Unix epoch. */
export const TimeSchema = Type.Integer({
  minimum: 0,
  maximum: MAX_TIME,
  description: 'ms since the Unix epoch (at most the end of the year 9999)',
});
/** A text a criterion compares with: at most this many characters. */
export const MAX_VALUE_LENGTH = 1000;
/** A number a criterion compares with: finite, at most this large either way. */
export const MAX_VALUE_MAGNITUDE = 1e15;
const ValueStringSchema = Type.String({ maxLength: MAX_VALUE_LENGTH });
const ValueNumberSchema = Type.Number({
  minimum: -MAX_VALUE_MAGNITUDE,
  maximum: MAX_VALUE_MAGNITUDE,
});
/** A field value a criterion compares with. */
export const FieldValueSchema = Type.Union([ValueStringSchema, ValueNumberSchema, Type.Boolean()]);

// ── Enumerations (the const arrays of model.ts) ─────────────────────────────────────────────

export const SensitivitySchema = Type.Enum(SENSITIVITIES, { type: 'string' });
export const DataScopeSchema = Type.Enum(DATA_SCOPES, { type: 'string' });
export const RecordActionSchema = Type.Enum(RECORD_ACTIONS, { type: 'string' });
export const FieldLevelSchema = Type.Enum(FIELD_LEVELS, { type: 'string' });
export const ObjectTypeSchema = Type.Enum(OBJECT_TYPES, { type: 'string' });
export const OrgWideDefaultSchema = Type.Enum(ORG_WIDE_DEFAULTS, { type: 'string' });
export const AccessLevelSchema = Type.Enum(ACCESS_LEVELS, { type: 'string' });
export const UserStatusSchema = Type.Enum(USER_STATUSES, { type: 'string' });
export const PrincipalKindSchema = Type.Enum(PRINCIPAL_KINDS, { type: 'string' });
export const MaskKindSchema = Type.Enum(MASK_KINDS, { type: 'string' });
export const LocaleSchema = Type.Enum(LOCALES, { type: 'string' });

// ── Tagged unions ───────────────────────────────────────────────────────────────────────────

/** A union of closed objects told apart by one property (`kind`, `op`, `mode`). */
export type TTagged<Variants extends TObject[]> = TUnsafe<Static<TUnion<Variants>>> & {
  type: 'object';
  required: [string];
  oneOf: Variants;
  discriminator: { propertyName: string };
};

/**
 * An object with `tag` that is `oneOf` the variants, with an OpenAPI `discriminator` on `tag`: a
 * validator that knows it (Ajv with `discriminator: true`, the conformance loader) checks only the
 * variant the tag names, so an error names that variant's field instead of every variant's.
 */
export function Tagged<Variants extends TObject[]>(
  tag: string,
  variants: [...Variants],
  options: TSchemaOptions = {},
): TTagged<Variants> {
  return Type.Unsafe<Static<TUnion<Variants>>>({
    ...options,
    type: 'object',
    required: [tag],
    oneOf: variants,
    discriminator: { propertyName: tag },
  }) as TTagged<Variants>;
}

// ── The policy's entities ───────────────────────────────────────────────────────────────────

export const TenantSettingsSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    defaultLocale: Type.Optional(
      Type.Enum(LOCALES, {
        type: 'string',
        description: 'Locale used for explanations when none is asked for',
      }),
    ),
  },
  CLOSED,
);

export const DepartmentSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    parentId: NullableIdSchema,
    headId: Type.Optional(Type.Union([IdSchema, Type.Null()], { description: '部门负责人' })),
  },
  CLOSED,
);

export const UserSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    kind: PrincipalKindSchema,
    status: UserStatusSchema,
    departmentId: NullableIdSchema,
    managerId: Type.Union([IdSchema, Type.Null()], { description: '汇报对象' }),
    roleIds: IdSetSchema,
    clearance: SensitivitySchema,
    portalAccountId: Type.Optional(
      Type.Union([IdSchema, Type.Null()], {
        description: 'For portal users: the customer (account) they belong to',
      }),
    ),
    title: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
        description: '职位 (e.g. 销售代表): with the department, picks the onboarding template',
      }),
    ),
  },
  CLOSED,
);

/** Per-action data scopes a role gives on one object. Missing actions are `none`. */
export const ObjectPermissionSchema = Type.Partial(
  Type.Record(RecordActionSchema, DataScopeSchema),
  CLOSED,
);
/** A role's object permissions: per object, per action, a data scope. */
export const RoleObjectsSchema = Type.Partial(
  Type.Record(ObjectTypeSchema, ObjectPermissionSchema),
  CLOSED,
);
/** A role's field permissions: per object, per field. Fields not mentioned follow the object. */
export const RoleFieldsSchema = Type.Partial(
  Type.Record(
    ObjectTypeSchema,
    Type.Record(FieldNameSchema, FieldLevelSchema, {
      ...CLOSED,
      maxProperties: 500,
      propertyNames: { maxLength: 64 },
    }),
  ),
  CLOSED,
);
/** A role's function permissions (功能权限), e.g. `export`, `import`, `user_admin`. */
export const FunctionsSchema = Type.Array(FunctionNameSchema, { uniqueItems: true });

export const RoleSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    objects: RoleObjectsSchema,
    functions: FunctionsSchema,
    fields: RoleFieldsSchema,
  },
  CLOSED,
);

export const FieldSettingSchema = Type.Object(
  {
    sensitivity: Type.Optional(
      Type.Enum(SENSITIVITIES, {
        type: 'string',
        description: "Field sensitivity: above the reader's clearance the field is hidden",
      }),
    ),
    mask: Type.Optional(
      Type.Enum(MASK_KINDS, {
        type: 'string',
        description: 'How a masked value of this field is shown',
      }),
    ),
    internal: Type.Optional(
      Type.Boolean({ description: 'Internal-only field (内部备注): never shown to portal users' }),
    ),
    encrypted: Type.Optional(
      Type.Boolean({
        description:
          'Stored encrypted at rest (存储加密, AES-256-GCM under the tenant data key): decrypted only for callers who read it in clear; exact-match search through a blind index',
      }),
    ),
    label: Type.Optional(
      Type.String({ maxLength: 200, description: 'Human label, for explanations and the console' }),
    ),
  },
  CLOSED,
);

export const ObjectSettingsSchema = Type.Object(
  {
    object: ObjectTypeSchema,
    orgWideDefault: Type.Enum(ORG_WIDE_DEFAULTS, { type: 'string', description: '基础数据权限' }),
    controlledByParent: Type.Boolean({
      description:
        'Children only: access to a record is access to its customer (the paths are evaluated on the parent)',
    }),
    portalExposed: Type.Boolean({ description: 'Whether portal users may see this object at all' }),
    fields: Type.Record(FieldNameSchema, FieldSettingSchema, {
      ...CLOSED,
      description: 'Known fields of the object and their settings',
    }),
  },
  CLOSED,
);

export const DepartmentGroupSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    kind: Type.Literal('department'),
    departmentId: IdSchema,
    includeSubdepartments: Type.Boolean({
      description: 'Include users of every department below',
    }),
  },
  CLOSED,
);
export const RoleGroupSchema = Type.Object(
  { id: IdSchema, name: NameSchema, kind: Type.Literal('role'), roleId: IdSchema },
  CLOSED,
);
export const PublicGroupSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    kind: Type.Literal('public'),
    userIds: IdSetSchema,
    groupIds: Type.Array(IdSchema, {
      uniqueItems: true,
      description: 'Nested groups: members of these groups are members of this one',
    }),
  },
  CLOSED,
);
/** 用户组: everyone in a department (tree), everyone holding a role, or a hand-made list. */
export const GroupSchema = Tagged('kind', [
  DepartmentGroupSchema,
  RoleGroupSchema,
  PublicGroupSchema,
]);

export const TeamMemberSchema = Type.Object(
  { customerId: IdSchema, userId: IdSchema, access: AccessLevelSchema },
  CLOSED,
);

export const CompareCriterionSchema = Type.Object(
  {
    field: FieldNameSchema,
    op: Type.Enum(['eq', 'ne', 'lt', 'gt'], { type: 'string' }),
    value: FieldValueSchema,
  },
  CLOSED,
);
export const InCriterionSchema = Type.Object(
  { field: FieldNameSchema, op: Type.Literal('in'), values: Type.Array(FieldValueSchema) },
  CLOSED,
);
export const BetweenCriterionSchema = Type.Object(
  {
    field: FieldNameSchema,
    op: Type.Literal('between'),
    low: Type.Union([ValueNumberSchema, ValueStringSchema]),
    high: Type.Union([ValueNumberSchema, ValueStringSchema]),
  },
  CLOSED,
);
export const CriterionSchema = Tagged('op', [
  CompareCriterionSchema,
  InCriterionSchema,
  BetweenCriterionSchema,
]);

export const CriteriaSourceSchema = Type.Object(
  {
    kind: Type.Literal('criteria'),
    criteria: Type.Array(CriterionSchema, {
      description: 'Records whose fields match every criterion (none: every record)',
    }),
  },
  CLOSED,
);
export const OwnerSourceSchema = Type.Object(
  {
    kind: Type.Literal('owner'),
    /** Records owned by a member of this group. */
    ownerGroupId: IdSchema,
  },
  CLOSED,
);

/** Which records a sharing rule shares: those matching criteria, or those a group's members own. */
export const SharingRuleSourceSchema = Tagged('kind', [CriteriaSourceSchema, OwnerSourceSchema]);

/** 数据共享规则: records matching the source are shared with the target group. */
export const SharingRuleSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    object: ObjectTypeSchema,
    source: SharingRuleSourceSchema,
    targetGroupId: IdSchema,
    access: Type.Enum(SHARING_ACCESS_LEVELS, { type: 'string' }),
  },
  CLOSED,
);

export const UserSubjectSchema = Type.Object(
  { kind: Type.Literal('user'), userId: IdSchema },
  CLOSED,
);
export const GroupSubjectSchema = Type.Object(
  { kind: Type.Literal('group'), groupId: IdSchema },
  CLOSED,
);
export const GrantSubjectSchema = Tagged('kind', [UserSubjectSchema, GroupSubjectSchema]);

export const RecordTargetSchema = Type.Object(
  { kind: Type.Literal('record'), recordId: IdSchema },
  { ...CLOSED, description: 'One record' },
);
export const DepartmentTargetSchema = Type.Object(
  {
    kind: Type.Literal('department'),
    departmentId: IdSchema,
    includeSubdepartments: Type.Boolean(),
  },
  {
    ...CLOSED,
    description: 'Every record of a department (and, with includeSubdepartments, its subtree)',
  },
);
export const OwnerTargetSchema = Type.Object(
  { kind: Type.Literal('owner'), userId: IdSchema },
  {
    ...CLOSED,
    description: 'Every record owned by a user (e.g. covering for a colleague on leave)',
  },
);
export const AllTargetSchema = Type.Object(
  { kind: Type.Literal('all') },
  { ...CLOSED, description: 'Every record of the object' },
);
/** What a grant covers. */
export const GrantTargetSchema = Tagged('kind', [
  RecordTargetSchema,
  DepartmentTargetSchema,
  OwnerTargetSchema,
  AllTargetSchema,
]);

/** 临时授权: usually from an approved access request; expires by itself. */
export const GrantSchema = Type.Object(
  {
    id: IdSchema,
    subject: GrantSubjectSchema,
    object: ObjectTypeSchema,
    target: GrantTargetSchema,
    access: AccessLevelSchema,
    startsAt: Type.Optional(
      Type.Union([TimeSchema, Type.Null()], {
        description: 'Effective from (inclusive), ms since the epoch; null = at once',
      }),
    ),
    expiresAt: Type.Union([TimeSchema, Type.Null()], {
      description: 'Expires at (exclusive), ms since the epoch; null = never',
    }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  CLOSED,
);

/** 公海: unowned customers that members may see and claim. */
export const PoolSchema = Type.Object(
  { id: IdSchema, name: NameSchema, memberGroupIds: IdSetSchema, memberUserIds: IdSetSchema },
  CLOSED,
);

export const ObjectPermissionRefSchema = Type.Object(
  { kind: Type.Literal('object'), object: ObjectTypeSchema, action: RecordActionSchema },
  CLOSED,
);
export const FunctionPermissionRefSchema = Type.Object(
  { kind: Type.Literal('function'), name: FunctionNameSchema },
  CLOSED,
);
/** A permission that an SoD rule names. */
export const PermissionRefSchema = Tagged('kind', [
  ObjectPermissionRefSchema,
  FunctionPermissionRefSchema,
]);

export const RoleRefSchema = Type.Object(
  { kind: Type.Literal('role'), roleId: IdSchema },
  { ...CLOSED, description: 'Holding a role (assigned to the user)' },
);
/** A member of an SoD rule: a permission (record action or function) or a role. */
export const SodRefSchema = Tagged('kind', [
  ObjectPermissionRefSchema,
  FunctionPermissionRefSchema,
  RoleRefSchema,
]);

/**
 * 职责分离规则: one person may hold at most one of the rule's members (`left`, `right` and any
 * `others`: a pair, or a set of up to 10). Whoever holds two or more is denied every permission
 * member they hold; a change that would make anyone hold two is refused (ADR 0019).
 */
export const SodRuleSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    left: SodRefSchema,
    right: SodRefSchema,
    others: Type.Optional(
      Type.Array(SodRefSchema, {
        maxItems: 8,
        description: 'Further members: a set rule (at most one of all members)',
      }),
    ),
  },
  CLOSED,
);

export const PolicyModelSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 0, description: 'Bumped on every change; caches key on it' }),
    tenant: TenantSettingsSchema,
    departments: Type.Array(DepartmentSchema),
    users: Type.Array(UserSchema),
    roles: Type.Array(RoleSchema),
    objects: Type.Array(ObjectSettingsSchema),
    groups: Type.Array(GroupSchema),
    sharingRules: Type.Array(SharingRuleSchema),
    grants: Type.Array(GrantSchema, {
      description:
        'Scope grants (department, owner, all); record grants may be here too (small models, tests)',
    }),
    pools: Type.Array(PoolSchema),
    sodRules: Type.Array(SodRuleSchema),
  },
  CLOSED,
);
