import {
  AccessLevelSchema,
  AllTargetSchema,
  BetweenCriterionSchema,
  CLOSED,
  CompareCriterionSchema,
  CriteriaSourceSchema,
  DepartmentGroupSchema,
  DepartmentSchema,
  DepartmentTargetSchema,
  FieldNameSchema,
  FieldSettingSchema,
  FieldValueSchema,
  FunctionNameSchema,
  GrantSchema,
  GrantSubjectSchema,
  ID_MAX_LENGTH,
  ID_PATTERN,
  IdSchema,
  InCriterionSchema,
  NameSchema,
  NullableIdSchema,
  ObjectSettingsSchema,
  ObjectTypeSchema,
  OwnerSourceSchema,
  OwnerTargetSchema,
  PublicGroupSchema,
  RecordTargetSchema,
  RoleGroupSchema,
  RoleSchema,
  SharingRuleSchema,
  Tagged,
  TimeSchema,
  UserSchema,
} from '@custos/engine';
import Type, { type Static, type TObject, type TUnsafe } from 'typebox';
import { AppError } from '../../http/app-error.ts';

/**
 * JSON schemas of the admin API's bodies and parameters, built from the engine's one description
 * of the policy (`model-schema.ts`): a body is its entity's schema with the id optional (the
 * server makes one), an update the entity's parts made optional. Every object is closed
 * (`additionalProperties: false`), so a misspelt or unknown property is a 400 naming the field.
 * References between entities (a parent department, a role id) are checked by `validateModel`,
 * which answers 422 with the model path.
 *
 * What a request adds to the model's shape are bounds on its size (`MAX_IDS`, `MAX_FUNCTIONS`,
 * `MAX_CRITERIA`, `MAX_VALUES`) and a sharing rule's criteria being at least one.
 */

/** At most this many ids in one list of a request (a user's roles, a group's members). */
const MAX_IDS = 1000;
/** At most this many function permissions in one role. */
const MAX_FUNCTIONS = 200;
/** At most this many criteria in one sharing rule. */
const MAX_CRITERIA = 50;
/** At most this many values in one `in` criterion. */
const MAX_VALUES = 1000;

/** An optional body: the object, or null (`type: ['object', 'null']`, so its defaults apply). */
function orNull<T extends TObject>(schema: T): TUnsafe<Static<T> | null> {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: ['object', 'null'] });
}

export const ID = IdSchema;
export const NULLABLE_ID = NullableIdSchema;
export const NAME = NameSchema;
export const FIELD_NAME = FieldNameSchema;
export const UNIQUE_IDS = Type.Array(IdSchema, { uniqueItems: true, maxItems: MAX_IDS });

export const ID_PARAMS = Type.Object({ id: ID }, CLOSED);
export const OBJECT_PARAMS = Type.Object({ object: ObjectTypeSchema }, CLOSED);
export const FIELD_PARAMS = Type.Object({ object: ObjectTypeSchema, field: FIELD_NAME }, CLOSED);
export const MEMBER_PARAMS = Type.Object(
  { id: ID, memberKind: Type.Enum(['user', 'group'], { type: 'string' }), memberId: ID },
  CLOSED,
);

export const IF_MATCH_HEADERS = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'The policy version the change is based on (ETag of a previous answer)',
    }),
  ),
});

/** The query of every admin list: a page in id order, optionally by name. */
export const ADMIN_LIST_QUERY = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'The nextCursor of the previous page (opaque)',
      }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Name contains, case-insensitive (a grant, which has no name: its id)',
      }),
    ),
  },
  CLOSED,
);

// ── Departments ─────────────────────────────────────────────────────────────────────────────

const D = DepartmentSchema.properties;
export const DEPARTMENT_CREATE = Type.Object({ ...D, id: Type.Optional(D.id) }, CLOSED);
export const DEPARTMENT_RENAME = Type.Pick(DepartmentSchema, ['name'], CLOSED);
export const DEPARTMENT_MOVE = Type.Pick(DepartmentSchema, ['parentId'], CLOSED);
export const DEPARTMENT_HEAD = Type.Object({ headId: NULLABLE_ID }, CLOSED);

// ── Users ───────────────────────────────────────────────────────────────────────────────────

const U = UserSchema.properties;
/** The user parts a request may set: a user's roles are bounded. */
const USER_PARTS = { name: U.name, roleIds: UNIQUE_IDS, clearance: U.clearance, title: U.title };

/** An internal user: always in a department; active. */
export const USER_CREATE = Type.Object(
  {
    id: Type.Optional(U.id),
    name: U.name,
    departmentId: ID,
    managerId: Type.Optional(U.managerId),
    roleIds: Type.Optional(USER_PARTS.roleIds),
    clearance: Type.Optional(U.clearance),
    title: U.title,
    applyTemplate: Type.Optional(
      Type.Boolean({
        description:
          'Start from the onboarding template of the department and title: its roles, clearance and groups (roles and clearance given here take precedence)',
      }),
    ),
    email: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 320,
        pattern: '^[^\\s@]{1,64}@[^\\s@]{1,255}$',
        description:
          'The sign-in e-mail (unique in the tenant, case-insensitively): the answer carries a one-time set-password link',
      }),
    ),
  },
  CLOSED,
);
export const USER_UPDATE = Type.Partial(Type.Object(USER_PARTS), {
  ...CLOSED,
  minProperties: 1,
});
export const USER_TRANSFER = Type.Object(
  {
    departmentId: ID,
    managerId: Type.Optional(U.managerId),
    ownedRecords: Type.Optional(
      Type.Enum(['keep', 'transfer_to'], {
        type: 'string',
        default: 'keep',
        description: 'What happens to the records the user owns (acted on by the CRM module)',
      }),
    ),
    transferToUserId: Type.Optional(ID),
  },
  {
    ...CLOSED,
    if: { required: ['ownedRecords'], properties: { ownedRecords: { const: 'transfer_to' } } },
    then: { required: ['transferToUserId'] },
  },
);
export const USER_MANAGER = Type.Pick(UserSchema, ['managerId'], CLOSED);
export const DEACTIVATED_STATUS = Type.Enum(['suspended', 'departed'], { type: 'string' });
export const USER_DEACTIVATE = orNull(
  Type.Object(
    {
      status: Type.Optional(
        Type.Enum(['suspended', 'departed'], { type: 'string', default: 'suspended' }),
      ),
    },
    CLOSED,
  ),
);

// ── Roles ───────────────────────────────────────────────────────────────────────────────────

const R = RoleSchema.properties;
const FUNCTIONS = Type.Array(FunctionNameSchema, {
  uniqueItems: true,
  maxItems: MAX_FUNCTIONS,
});
/** The role parts a request may set: its functions are bounded. */
const ROLE_PARTS = { name: R.name, objects: R.objects, functions: FUNCTIONS, fields: R.fields };

/** A whole role, as `role.create` carries it. */
export const ROLE = Type.Object({ id: R.id, ...ROLE_PARTS }, CLOSED);
export const ROLE_CREATE = Type.Object(
  {
    id: Type.Optional(R.id),
    name: R.name,
    objects: Type.Optional(R.objects),
    functions: Type.Optional(FUNCTIONS),
    fields: Type.Optional(R.fields),
  },
  CLOSED,
);
export const ROLE_UPDATE = Type.Partial(Type.Object(ROLE_PARTS), { ...CLOSED, minProperties: 1 });

// ── Object settings ─────────────────────────────────────────────────────────────────────────

export const ORG_WIDE_DEFAULT = Type.Pick(ObjectSettingsSchema, ['orgWideDefault'], CLOSED);
export const FIELD_SETTING = FieldSettingSchema;

// ── Sharing rules ───────────────────────────────────────────────────────────────────────────

/** A criterion of a request: an `in` list is bounded. */
const CRITERION = Tagged('op', [
  CompareCriterionSchema,
  Type.Object(
    {
      ...InCriterionSchema.properties,
      values: Type.Array(FieldValueSchema, { maxItems: MAX_VALUES }),
    },
    CLOSED,
  ),
  BetweenCriterionSchema,
]);
/** The source of a request's rule: 1 … 50 criteria, or an owner group. */
const SOURCE = Tagged('kind', [
  Type.Object(
    {
      ...CriteriaSourceSchema.properties,
      criteria: Type.Array(CRITERION, { minItems: 1, maxItems: MAX_CRITERIA }),
    },
    CLOSED,
  ),
  OwnerSourceSchema,
]);
const S = SharingRuleSchema.properties;
/** A whole sharing rule, as `sharing_rule.create` and `.update` carry it. */
export const RULE = Type.Object({ ...S, source: SOURCE }, CLOSED);
export const SHARING_RULE = Type.Object({ ...S, id: Type.Optional(S.id), source: SOURCE }, CLOSED);

// ── Groups ──────────────────────────────────────────────────────────────────────────────────

const DG = DepartmentGroupSchema.properties;
const PG = PublicGroupSchema.properties;
/** A whole group, as `group.create` and `.update` carry it: a public group's lists bounded. */
export const WHOLE_GROUP = Tagged('kind', [
  DepartmentGroupSchema,
  RoleGroupSchema,
  Type.Object({ ...PG, userIds: UNIQUE_IDS, groupIds: UNIQUE_IDS }, CLOSED),
]);
/** A group of a request: the id, a department group's subtree flag and a public group's lists optional. */
export const GROUP = Tagged('kind', [
  Type.Object(
    {
      ...DG,
      id: Type.Optional(DG.id),
      includeSubdepartments: Type.Optional(DG.includeSubdepartments),
    },
    CLOSED,
  ),
  Type.Object(
    { ...RoleGroupSchema.properties, id: Type.Optional(RoleGroupSchema.properties.id) },
    CLOSED,
  ),
  Type.Object(
    {
      ...PG,
      id: Type.Optional(PG.id),
      userIds: Type.Optional(UNIQUE_IDS),
      groupIds: Type.Optional(UNIQUE_IDS),
    },
    CLOSED,
  ),
]);
export const GROUP_MEMBER = Type.Object(
  { kind: MEMBER_PARAMS.properties.memberKind, id: ID },
  CLOSED,
);

// ── Grants ──────────────────────────────────────────────────────────────────────────────────

const G = GrantSchema.properties;
export const REASON = Type.String({ minLength: 1, maxLength: 1000 });
/**
 * A point in time as a request may give it: ms since the Unix epoch, or an ISO 8601 date-time
 * with its offset (RFC 3339, `2026-07-01T00:00:00+08:00`). `timeOf` turns either into ms.
 */
export const TIME_INPUT = Type.Union([
  TimeSchema,
  Type.String({
    format: 'date-time',
    maxLength: 64,
    description: 'ISO 8601 date-time with an offset (RFC 3339)',
  }),
]);
/** A grant's end: a time (exclusive), or null for no expiry. */
export const EXPIRES_AT_INPUT = Type.Union([TIME_INPUT, Type.Null()], {
  description:
    'Expires at (exclusive): ms since the epoch or an ISO 8601 date-time; null = never. An end already past is refused.',
});
/** A grant's start: a time (inclusive), or null for at once. */
export const STARTS_AT_INPUT = Type.Union([TIME_INPUT, Type.Null()], {
  description:
    'Effective from (inclusive): ms since the epoch or an ISO 8601 date-time; null = now',
});
/** A grant of a request: the id optional, a department target's subtree flag too; a reason. */
export const GRANT_CREATE = Type.Object(
  {
    id: Type.Optional(G.id),
    subject: GrantSubjectSchema,
    object: G.object,
    target: Tagged('kind', [
      RecordTargetSchema,
      Type.Object(
        {
          ...DepartmentTargetSchema.properties,
          includeSubdepartments: Type.Optional(
            DepartmentTargetSchema.properties.includeSubdepartments,
          ),
        },
        CLOSED,
      ),
      OwnerTargetSchema,
      AllTargetSchema,
    ]),
    access: AccessLevelSchema,
    startsAt: Type.Optional(STARTS_AT_INPUT),
    expiresAt: EXPIRES_AT_INPUT,
    reason: REASON,
  },
  CLOSED,
);
/** A whole grant as `grant.create` of a batch carries it: its times as ms or ISO 8601. */
export const GRANT_INPUT = Type.Object(
  {
    ...G,
    startsAt: Type.Optional(STARTS_AT_INPUT),
    expiresAt: EXPIRES_AT_INPUT,
  },
  CLOSED,
);

/** ms since the epoch from a request's time (a number, or an ISO 8601 string the schema checked). */
export function timeOf(value: number | string | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms) || ms < 0)
    throw new AppError('REQUEST_INVALID', `${field.split('/').pop() ?? field} is not a time`, {
      field,
    });
  return ms;
}

export const GRANT_REVOKE = orNull(Type.Object({ reason: Type.Optional(REASON) }, CLOSED));

/** The grant list's query: the admin list's, and the grants on one record. */
export const GRANT_LIST_QUERY = Type.Object(
  {
    ...ADMIN_LIST_QUERY.properties,
    object: Type.Optional(ObjectTypeSchema),
    recordId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: ID_MAX_LENGTH,
        pattern: ID_PATTERN,
        description: 'Only the grants on this record (with `object`)',
      }),
    ),
  },
  CLOSED,
);

export type DepartmentCreateBody = Static<typeof DEPARTMENT_CREATE>;
export type DepartmentRenameBody = Static<typeof DEPARTMENT_RENAME>;
export type DepartmentMoveBody = Static<typeof DEPARTMENT_MOVE>;
export type DepartmentHeadBody = Static<typeof DEPARTMENT_HEAD>;
export type UserManagerBody = Static<typeof USER_MANAGER>;
export type OrgWideDefaultBody = Static<typeof ORG_WIDE_DEFAULT>;
export type UserCreateBody = Static<typeof USER_CREATE>;
export type UserUpdateBody = Static<typeof USER_UPDATE>;
export type UserTransferBody = Static<typeof USER_TRANSFER>;
export type RoleCreateBody = Static<typeof ROLE_CREATE>;
export type RoleUpdateBody = Static<typeof ROLE_UPDATE>;
export type SharingRuleBody = Static<typeof SHARING_RULE>;
export type GroupBody = Static<typeof GROUP>;
export type GrantBody = Static<typeof GRANT_CREATE>;
export type GrantRevokeBody = Static<typeof GRANT_REVOKE>;
export type GroupMemberBody = Static<typeof GROUP_MEMBER>;
export type MemberParams = Static<typeof MEMBER_PARAMS>;
export type UserDeactivateBody = Static<typeof USER_DEACTIVATE>;
