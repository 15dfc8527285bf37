import {
  ACCESS_LEVELS,
  FIELD_NAME_PATTERN,
  IdSchema,
  MAX_VALUE_MAGNITUDE,
  SENSITIVITIES,
} from '@custos/engine';
import { RECORD_SORTS } from '@custos/store';
import { FIELD_FILTER_PATTERN, MAX_FIELD_FILTERS } from './list-filters.ts';

/** JSON schemas of the CRM routes: inputs are closed (`additionalProperties: false`). */
/** A record (or user) id as the CRM and authz APIs take it: the engine's one id rule. */
export const ID = IdSchema;
/** A field value a record holds: text up to 4,000 characters, a finite number, true/false, null. */
export const MAX_FIELD_TEXT = 4000;
const FIELD_VALUE = {
  type: ['string', 'number', 'boolean', 'null'],
  maxLength: MAX_FIELD_TEXT,
  minimum: -MAX_VALUE_MAGNITUDE,
  maximum: MAX_VALUE_MAGNITUDE,
} as const;
const FIELDS = {
  type: 'object',
  maxProperties: 200,
  propertyNames: { maxLength: 64, pattern: FIELD_NAME_PATTERN },
  additionalProperties: FIELD_VALUE,
  description: 'Field values by field name (only fields the object has).',
} as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: ID },
} as const;

export const TEAM_MEMBER_PARAMS = {
  type: 'object',
  required: ['id', 'userId'],
  additionalProperties: false,
  properties: { id: ID, userId: ID },
} as const;

export const LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', minLength: 1, maxLength: 2000 },
    sort: { type: 'string', enum: [...RECORD_SORTS], default: '-updatedAt' },
    q: { type: 'string', minLength: 1, maxLength: 200, description: 'Name prefix' },
    count: { type: 'boolean', description: 'Count the total on a later page too' },
    ownerId: { ...ID, description: 'Only records owned by this user' },
    customerId: {
      ...ID,
      description:
        'Only records of this customer (a customer: itself; children: its contacts, deals…)',
    },
    departmentId: {
      ...ID,
      description: 'Only records whose owning department is this one (not its subdepartments)',
    },
    sensitivity: {
      type: 'string',
      enum: [...SENSITIVITIES],
      description: 'Only records of exactly this sensitivity',
    },
    updatedFrom: {
      type: 'string',
      format: 'date-time',
      maxLength: 64,
      description: 'Only records last changed at or after this ISO 8601 instant (inclusive)',
    },
    updatedTo: {
      type: 'string',
      format: 'date-time',
      maxLength: 64,
      description: 'Only records last changed before this ISO 8601 instant (exclusive)',
    },
    field: {
      type: 'array',
      maxItems: MAX_FIELD_FILTERS,
      items: { type: 'string', minLength: 2, maxLength: 300, pattern: FIELD_FILTER_PATTERN },
      description:
        'Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear.',
    },
  },
} as const;

export const CREATE_BODY = {
  type: 'object',
  required: ['fields'],
  additionalProperties: false,
  properties: {
    fields: FIELDS,
    customerId: { ...ID, description: 'Children: the customer they belong to' },
    ownerId: { ...ID, description: 'Default: the caller' },
    sensitivity: { type: 'string', enum: [...SENSITIVITIES] },
  },
} as const;

export const UPDATE_BODY = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: {
    fields: FIELDS,
    sensitivity: { type: 'string', enum: [...SENSITIVITIES] },
  },
} as const;

export const TRANSFER_BODY = {
  type: 'object',
  required: ['ownerId'],
  additionalProperties: false,
  properties: {
    ownerId: ID,
    includeChildren: {
      type: 'boolean',
      description: 'Customers: also hand over the related records the previous owner owned',
    },
  },
} as const;

export const TEAM_MEMBER_BODY = {
  type: 'object',
  required: ['access'],
  additionalProperties: false,
  properties: { access: { type: 'string', enum: [...ACCESS_LEVELS] } },
} as const;

export const RECORD_VIEW = {
  type: 'object',
  required: ['id', 'object', 'customerId', 'fields', 'permissions'],
  properties: {
    id: { type: 'string' },
    object: { type: 'string' },
    customerId: { type: 'string' },
    ownerId: { type: ['string', 'null'] },
    departmentId: { type: ['string', 'null'] },
    sensitivity: { type: 'string' },
    updatedAt: { type: 'string' },
    fields: { type: 'object', additionalProperties: true },
    maskedFields: { type: 'array', items: { type: 'string' } },
    permissions: { type: 'object', additionalProperties: { type: 'boolean' } },
    fieldLevels: { type: 'object', additionalProperties: { type: 'string' } },
    encryptedFields: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers)',
    },
    transferredChildren: { type: 'object', additionalProperties: { type: 'integer' } },
  },
} as const;

export const LIST_ANSWER = {
  type: 'object',
  required: ['items', 'nextCursor', 'total', 'totalExact'],
  properties: {
    items: { type: 'array', items: RECORD_VIEW },
    nextCursor: { type: ['string', 'null'] },
    total: {
      type: ['integer', 'null'],
      description:
        'Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound',
    },
    totalExact: {
      type: ['boolean', 'null'],
      description: 'False when `total` is a lower bound ("10,000+"); null when not counted',
    },
  },
} as const;

export const TEAM_ANSWER = {
  type: 'object',
  required: ['members'],
  properties: {
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          userId: { type: 'string' },
          name: { type: ['string', 'null'] },
          access: { type: 'string' },
        },
      },
    },
  },
} as const;
