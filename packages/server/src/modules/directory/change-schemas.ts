import { OBJECT_TYPES, ORG_WIDE_DEFAULTS, SENSITIVITIES } from '@custos/engine';
import {
  CLEARANCE,
  DEPARTMENT_CREATE,
  FIELD_NAME,
  FIELD_SETTING,
  FUNCTIONS,
  GRANT_CREATE,
  GROUP,
  GROUP_MEMBER,
  ID,
  NAME,
  NULLABLE_ID,
  ROLE_FIELDS,
  ROLE_OBJECTS,
  SHARING_RULE,
  UNIQUE_IDS,
} from './directory-schemas.ts';

/**
 * The JSON schema of a `PolicyChange` (`policy-change.ts`): what `POST /v1/admin/changes` commits
 * and `POST /v1/admin/changes/preview` previews, as a batch. A change names every id (no id is
 * generated), so a later change of a batch can refer to an entity an earlier one creates. Closed
 * objects: a misspelt property is a 400 naming it.
 */
type Schema = Record<string, unknown>;

function change(kind: string, properties: Schema, required: string[] = []): Schema {
  return {
    type: 'object',
    required: ['kind', ...required],
    additionalProperties: false,
    properties: { kind: { const: kind }, ...properties },
  };
}

/** An entity body with its id required. */
function withId(
  schema: { properties: Schema; required?: readonly string[] },
  extra: Schema = {},
): Schema {
  return {
    ...schema,
    properties: { ...schema.properties, ...extra },
    required: ['id', ...(schema.required ?? [])],
  };
}

const OBJECT = { type: 'string', enum: [...OBJECT_TYPES] } as const;

const USER = {
  type: 'object',
  required: ['id', 'name', 'kind', 'status', 'departmentId', 'managerId', 'roleIds', 'clearance'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    kind: { type: 'string', enum: ['internal', 'portal'] },
    status: { type: 'string', enum: ['active', 'suspended', 'departed'] },
    departmentId: NULLABLE_ID,
    managerId: NULLABLE_ID,
    roleIds: UNIQUE_IDS,
    clearance: CLEARANCE,
    portalAccountId: NULLABLE_ID,
  },
} as const;

const ROLE = {
  type: 'object',
  required: ['id', 'name', 'objects', 'functions', 'fields'],
  additionalProperties: false,
  properties: {
    id: ID,
    name: NAME,
    objects: ROLE_OBJECTS,
    functions: FUNCTIONS,
    fields: ROLE_FIELDS,
  },
} as const;

const GRANT = {
  ...withId(GRANT_CREATE),
  required: ['id', 'subject', 'object', 'target', 'access', 'expiresAt'],
};

const OWNED_RECORDS = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: { mode: { type: 'string', enum: ['keep', 'transfer_to'] }, userId: ID },
  if: { required: ['mode'], properties: { mode: { const: 'transfer_to' } } },
  then: { required: ['userId'] },
} as const;

export const POLICY_CHANGE = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [
    change('department.create', { department: withId(DEPARTMENT_CREATE) }, ['department']),
    change('department.rename', { id: ID, name: NAME }, ['id', 'name']),
    change('department.move', { id: ID, parentId: NULLABLE_ID }, ['id', 'parentId']),
    change('department.set_head', { id: ID, headId: NULLABLE_ID }, ['id', 'headId']),
    change('department.delete', { id: ID }, ['id']),
    change('user.create', { user: USER }, ['user']),
    change(
      'user.update',
      {
        id: ID,
        name: NAME,
        roleIds: UNIQUE_IDS,
        clearance: { type: 'string', enum: [...SENSITIVITIES] },
      },
      ['id'],
    ),
    change(
      'user.transfer',
      { id: ID, departmentId: ID, managerId: NULLABLE_ID, ownedRecords: OWNED_RECORDS },
      ['id', 'departmentId', 'ownedRecords'],
    ),
    change('user.set_manager', { id: ID, managerId: NULLABLE_ID }, ['id', 'managerId']),
    change(
      'user.deactivate',
      { id: ID, status: { type: 'string', enum: ['suspended', 'departed'] } },
      ['id', 'status'],
    ),
    change('user.reactivate', { id: ID }, ['id']),
    change('role.create', { role: ROLE }, ['role']),
    change(
      'role.update',
      { id: ID, name: NAME, objects: ROLE_OBJECTS, functions: FUNCTIONS, fields: ROLE_FIELDS },
      ['id'],
    ),
    change('role.delete', { id: ID }, ['id']),
    change(
      'object.set_org_wide_default',
      { object: OBJECT, orgWideDefault: { type: 'string', enum: [...ORG_WIDE_DEFAULTS] } },
      ['object', 'orgWideDefault'],
    ),
    change('object.set_field', { object: OBJECT, field: FIELD_NAME, setting: FIELD_SETTING }, [
      'object',
      'field',
      'setting',
    ]),
    change('object.remove_field', { object: OBJECT, field: FIELD_NAME }, ['object', 'field']),
    change('sharing_rule.create', { rule: withId(SHARING_RULE) }, ['rule']),
    change('sharing_rule.update', { rule: withId(SHARING_RULE) }, ['rule']),
    change('sharing_rule.delete', { id: ID }, ['id']),
    change('group.create', { group: withId(GROUP) }, ['group']),
    change('group.update', { group: withId(GROUP) }, ['group']),
    change('group.delete', { id: ID }, ['id']),
    change('group.add_member', { id: ID, member: GROUP_MEMBER }, ['id', 'member']),
    change('group.remove_member', { id: ID, member: GROUP_MEMBER }, ['id', 'member']),
    change('grant.create', { grant: GRANT }, ['grant']),
    change('grant.revoke', { id: ID, reason: { type: 'string', minLength: 1, maxLength: 1000 } }, [
      'id',
    ]),
  ],
} as const;

/** A batch: 1 … 500 changes, committed (or previewed) as one. */
export const CHANGE_BATCH = {
  type: 'object',
  required: ['changes'],
  additionalProperties: false,
  properties: {
    changes: { type: 'array', minItems: 1, maxItems: 500, items: POLICY_CHANGE },
  },
} as const;
