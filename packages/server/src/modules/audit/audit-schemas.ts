import { IdSchema } from '@custos/engine';

/** JSON schemas of the audit routes: inputs closed and bounded. */

/** An action, or a prefix of one ending with a dot: `customer.update`, `customer.`. */
export const ACTION_PATTERN = '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.?$';

const FILTER_PROPERTIES = {
  actorId: {
    ...IdSchema,
    description: 'Only events of this acting user (under view as: the viewer)',
  },
  actingAsId: { ...IdSchema, description: 'Only events served as this user (view as)' },
  action: {
    type: 'string',
    minLength: 1,
    maxLength: 100,
    pattern: ACTION_PATTERN,
    description: 'An exact action (`customer.update`), or a prefix ending with a dot (`customer.`)',
  },
  target: {
    type: 'string',
    minLength: 1,
    maxLength: 300,
    description: 'Only events on this target, e.g. `customer/c-42` or `role/sales-rep`',
  },
  outcome: { type: 'string', enum: ['success', 'denied', 'failure'] },
  from: {
    type: 'string',
    format: 'date-time',
    maxLength: 64,
    description: 'Events at or after this instant (ISO 8601, UTC)',
  },
  to: {
    type: 'string',
    format: 'date-time',
    maxLength: 64,
    description: 'Events before this instant (ISO 8601, UTC; exclusive)',
  },
} as const;

export const SEARCH_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...FILTER_PROPERTIES,
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const EXPORT_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...FILTER_PROPERTIES,
    format: { type: 'string', enum: ['csv', 'json'], default: 'csv' },
  },
} as const;

export const HISTORY_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const EVENT_VIEW = {
  type: 'object',
  required: ['id', 'at', 'action', 'outcome'],
  properties: {
    id: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    actorId: { type: ['string', 'null'] },
    actorName: { type: ['string', 'null'] },
    actingAsId: { type: ['string', 'null'] },
    actingAsName: { type: ['string', 'null'] },
    action: { type: 'string' },
    target: { type: ['string', 'null'] },
    record: {
      anyOf: [
        {
          type: 'object',
          required: ['object', 'id'],
          properties: { object: { type: 'string' }, id: { type: 'string' } },
        },
        { type: 'null' },
      ],
    },
    outcome: { type: 'string', enum: ['success', 'denied', 'failure'] },
    requestId: { type: ['string', 'null'] },
    ip: { type: ['string', 'null'] },
    userAgent: { type: ['string', 'null'] },
    before: {},
    after: {},
    maskedFields: { type: 'array', items: { type: 'string' } },
    hiddenFields: { type: 'integer' },
  },
} as const;

export const EVENT_PAGE = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: EVENT_VIEW },
    nextCursor: { type: ['string', 'null'] },
  },
} as const;

export const REVEAL_BODY = {
  type: 'object',
  required: ['field'],
  additionalProperties: false,
  properties: {
    field: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: 'The field to reveal: one shown masked to you',
    },
  },
} as const;

export const REVEAL_ANSWER = {
  type: 'object',
  required: ['object', 'id', 'field', 'value', 'revealedAt'],
  properties: {
    object: { type: 'string' },
    id: { type: 'string' },
    field: { type: 'string' },
    value: { type: ['string', 'number', 'boolean', 'null'] },
    revealedAt: { type: 'string', format: 'date-time' },
    remaining: {
      type: 'integer',
      description: 'Reveals you may still make in the current hour',
    },
  },
} as const;

export const ACTORS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const ACTORS_ANSWER = {
  type: 'object',
  required: ['users'],
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
    },
  },
} as const;
