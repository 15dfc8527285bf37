import {
  ACCESS_LEVELS,
  CRITERION_OPS,
  DATA_SCOPES,
  FIELD_LEVELS,
  MASK_KINDS,
  OBJECT_TYPES,
  ORG_WIDE_DEFAULTS,
  RECORD_ACTIONS,
  SENSITIVITIES,
} from '@custos/engine';

/**
 * JSON schemas of the admin API's bodies and parameters. Every object is closed
 * (`additionalProperties: false`), so a misspelt or unknown property is a 400 naming the field.
 * References between entities (a parent department, a role id) are checked by `validateModel`,
 * which answers 422 with the model path.
 */

export const ID = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:@-]*$',
} as const;
export const NULLABLE_ID = { anyOf: [ID, { type: 'null' }] } as const;
export const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const FIELD_NAME = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' } as const;
export const TIME = { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] } as const;
export const UNIQUE_IDS = { type: 'array', items: ID, uniqueItems: true, maxItems: 1000 } as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: ID },
} as const;

export const OBJECT_PARAMS = {
  type: 'object',
  required: ['object'],
  additionalProperties: false,
  properties: { object: { type: 'string', enum: [...OBJECT_TYPES] } },
} as const;

export const FIELD_PARAMS = {
  type: 'object',
  required: ['object', 'field'],
  additionalProperties: false,
  properties: { object: { type: 'string', enum: [...OBJECT_TYPES] }, field: FIELD_NAME },
} as const;

export const MEMBER_PARAMS = {
  type: 'object',
  required: ['id', 'memberKind', 'memberId'],
  additionalProperties: false,
  properties: { id: ID, memberKind: { type: 'string', enum: ['user', 'group'] }, memberId: ID },
} as const;

export const IF_MATCH_HEADERS = {
  type: 'object',
  properties: {
    'if-match': {
      type: 'string',
      description: 'The policy version the change is based on (ETag of a previous answer)',
    },
  },
} as const;

/** The query of every admin list: a page in id order, optionally by name. */
export const ADMIN_LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      description: 'The nextCursor of the previous page (opaque)',
    },
    q: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Name contains, case-insensitive (a grant, which has no name: its id)',
    },
  },
} as const;

// ── Departments ─────────────────────────────────────────────────────────────────────────────

export const DEPARTMENT_CREATE = {
  type: 'object',
  required: ['name', 'parentId'],
  additionalProperties: false,
  properties: { id: ID, name: NAME, parentId: NULLABLE_ID, headId: NULLABLE_ID },
} as const;
export const DEPARTMENT_RENAME = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: NAME },
} as const;
export const DEPARTMENT_MOVE = {
  type: 'object',
  required: ['parentId'],
  additionalProperties: false,
  properties: { parentId: NULLABLE_ID },
} as const;
export const DEPARTMENT_HEAD = {
  type: 'object',
  required: ['headId'],
  additionalProperties: false,
  properties: { headId: NULLABLE_ID },
} as const;

// ── Users ───────────────────────────────────────────────────────────────────────────────────

export const CLEARANCE = { type: 'string', enum: [...SENSITIVITIES] } as const;

export const USER_CREATE = {
  type: 'object',
  required: ['name', 'departmentId'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    departmentId: ID,
    managerId: NULLABLE_ID,
    roleIds: UNIQUE_IDS,
    clearance: CLEARANCE,
  },
} as const;
export const USER_UPDATE = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { name: NAME, roleIds: UNIQUE_IDS, clearance: CLEARANCE },
} as const;
export const USER_TRANSFER = {
  type: 'object',
  required: ['departmentId'],
  additionalProperties: false,
  properties: {
    departmentId: ID,
    managerId: NULLABLE_ID,
    ownedRecords: {
      type: 'string',
      enum: ['keep', 'transfer_to'],
      default: 'keep',
      description: 'What happens to the records the user owns (acted on by the CRM module)',
    },
    transferToUserId: ID,
  },
  if: { required: ['ownedRecords'], properties: { ownedRecords: { const: 'transfer_to' } } },
  then: { required: ['transferToUserId'] },
} as const;
export const USER_MANAGER = {
  type: 'object',
  required: ['managerId'],
  additionalProperties: false,
  properties: { managerId: NULLABLE_ID },
} as const;
export const USER_DEACTIVATE = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['suspended', 'departed'], default: 'suspended' } },
} as const;

// ── Roles ───────────────────────────────────────────────────────────────────────────────────

const OBJECT_PERMISSION = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    RECORD_ACTIONS.map((a) => [a, { type: 'string', enum: [...DATA_SCOPES] }]),
  ),
} as const;
export const ROLE_OBJECTS = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(OBJECT_TYPES.map((o) => [o, OBJECT_PERMISSION])),
} as const;
export const ROLE_FIELDS = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    OBJECT_TYPES.map((o) => [
      o,
      {
        type: 'object',
        propertyNames: FIELD_NAME,
        additionalProperties: { type: 'string', enum: [...FIELD_LEVELS] },
      },
    ]),
  ),
} as const;
export const FUNCTIONS = {
  type: 'array',
  uniqueItems: true,
  maxItems: 200,
  items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
} as const;

export const ROLE_CREATE = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    objects: ROLE_OBJECTS,
    functions: FUNCTIONS,
    fields: ROLE_FIELDS,
  },
} as const;
export const ROLE_UPDATE = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { name: NAME, objects: ROLE_OBJECTS, functions: FUNCTIONS, fields: ROLE_FIELDS },
} as const;

// ── Object settings ─────────────────────────────────────────────────────────────────────────

export const ORG_WIDE_DEFAULT = {
  type: 'object',
  required: ['orgWideDefault'],
  additionalProperties: false,
  properties: { orgWideDefault: { type: 'string', enum: [...ORG_WIDE_DEFAULTS] } },
} as const;
export const FIELD_SETTING = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sensitivity: { type: 'string', enum: [...SENSITIVITIES] },
    mask: { type: 'string', enum: [...MASK_KINDS] },
    internal: { type: 'boolean' },
    label: { type: 'string', maxLength: 200 },
  },
} as const;

// ── Sharing rules ───────────────────────────────────────────────────────────────────────────

const VALUE = {
  anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
} as const;
const BOUND = { anyOf: [{ type: 'string' }, { type: 'number' }] } as const;
const CRITERION = {
  type: 'object',
  required: ['field', 'op'],
  additionalProperties: false,
  properties: {
    field: FIELD_NAME,
    op: { type: 'string', enum: [...CRITERION_OPS] },
    value: VALUE,
    values: { type: 'array', items: VALUE, maxItems: 1000 },
    low: BOUND,
    high: BOUND,
  },
  allOf: [
    {
      if: { required: ['op'], properties: { op: { enum: ['eq', 'ne', 'lt', 'gt'] } } },
      then: { required: ['value'] },
    },
    {
      if: { required: ['op'], properties: { op: { const: 'in' } } },
      then: { required: ['values'] },
    },
    {
      if: { required: ['op'], properties: { op: { const: 'between' } } },
      then: { required: ['low', 'high'] },
    },
  ],
} as const;
export const SHARING_RULE = {
  type: 'object',
  required: ['name', 'object', 'source', 'targetGroupId', 'access'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    source: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['criteria', 'owner'] },
        criteria: { type: 'array', items: CRITERION, minItems: 1, maxItems: 50 },
        ownerGroupId: ID,
      },
      allOf: [
        {
          if: { required: ['kind'], properties: { kind: { const: 'criteria' } } },
          then: { required: ['criteria'] },
        },
        {
          if: { required: ['kind'], properties: { kind: { const: 'owner' } } },
          then: { required: ['ownerGroupId'] },
        },
      ],
    },
    targetGroupId: ID,
    access: { type: 'string', enum: ['read', 'edit'] },
  },
} as const;

// ── Groups ──────────────────────────────────────────────────────────────────────────────────

export const GROUP = {
  type: 'object',
  required: ['name', 'kind'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    kind: { type: 'string', enum: ['department', 'role', 'public'] },
    departmentId: ID,
    includeSubdepartments: { type: 'boolean' },
    roleId: ID,
    userIds: UNIQUE_IDS,
    groupIds: UNIQUE_IDS,
  },
  allOf: [
    {
      if: { required: ['kind'], properties: { kind: { const: 'department' } } },
      then: { required: ['departmentId'] },
    },
    {
      if: { required: ['kind'], properties: { kind: { const: 'role' } } },
      then: { required: ['roleId'] },
    },
  ],
} as const;
export const GROUP_MEMBER = {
  type: 'object',
  required: ['kind', 'id'],
  additionalProperties: false,
  properties: { kind: { type: 'string', enum: ['user', 'group'] }, id: ID },
} as const;

// ── Grants ──────────────────────────────────────────────────────────────────────────────────

export const GRANT_CREATE = {
  type: 'object',
  required: ['subject', 'object', 'target', 'access', 'expiresAt', 'reason'],
  additionalProperties: false,
  properties: {
    id: ID,
    subject: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { type: 'string', enum: ['user', 'group'] }, userId: ID, groupId: ID },
      allOf: [
        {
          if: { required: ['kind'], properties: { kind: { const: 'user' } } },
          then: { required: ['userId'] },
        },
        {
          if: { required: ['kind'], properties: { kind: { const: 'group' } } },
          then: { required: ['groupId'] },
        },
      ],
    },
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    target: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['record', 'department', 'owner', 'all'] },
        recordId: ID,
        departmentId: ID,
        includeSubdepartments: { type: 'boolean' },
        userId: ID,
      },
      allOf: [
        {
          if: { required: ['kind'], properties: { kind: { const: 'record' } } },
          then: { required: ['recordId'] },
        },
        {
          if: { required: ['kind'], properties: { kind: { const: 'department' } } },
          then: { required: ['departmentId'] },
        },
        {
          if: { required: ['kind'], properties: { kind: { const: 'owner' } } },
          then: { required: ['userId'] },
        },
      ],
    },
    access: { type: 'string', enum: [...ACCESS_LEVELS] },
    startsAt: {
      ...TIME,
      description: 'Effective from (inclusive), ms since the epoch; null = now',
    },
    expiresAt: { ...TIME, description: 'Expires at (exclusive), ms since the epoch; null = never' },
    reason: { type: 'string', minLength: 1, maxLength: 1000 },
  },
} as const;
export const GRANT_REVOKE = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 1000 } },
} as const;

/** The grant list's query: the admin list's, and the grants on one record. */
export const GRANT_LIST_QUERY = {
  ...ADMIN_LIST_QUERY,
  properties: {
    ...ADMIN_LIST_QUERY.properties,
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    recordId: { ...ID, description: 'Only the grants on this record (with `object`)' },
  },
} as const;
