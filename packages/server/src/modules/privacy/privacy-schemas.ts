import { IdSchema } from '@custos/engine';
import {
  CONSENT_SOURCES,
  LAWFUL_BASES,
  PRIVACY_REGIMES,
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
} from '@custos/store';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';

/** JSON schemas of the privacy routes (docs/privacy.md): inputs closed, every string bounded. */
export const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
  422: ERROR_BODY_SCHEMA,
} as const;

/** A purpose of processing: free text (the console offers the usual ones), 1–200 characters. */
export const PURPOSE = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } as const;
export const REASON = { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } as const;
const NOTE = { type: 'string', maxLength: 2000 } as const;
const DATE_TIME = { type: 'string', format: 'date-time', maxLength: 40 } as const;
export const NUMERIC_ID = { type: 'string', maxLength: 18, pattern: '^[0-9]{1,18}$' } as const;

export const CONTACT_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: IdSchema },
} as const;

export const CONSENT_PARAMS = {
  type: 'object',
  required: ['id', 'consentId'],
  additionalProperties: false,
  properties: { id: IdSchema, consentId: NUMERIC_ID },
} as const;

export const REQUEST_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: NUMERIC_ID },
} as const;

export const GIVE_CONSENT_BODY = {
  type: 'object',
  required: ['purpose', 'lawfulBasis', 'source'],
  additionalProperties: false,
  properties: {
    purpose: PURPOSE,
    lawfulBasis: { type: 'string', enum: [...LAWFUL_BASES] },
    source: { type: 'string', enum: [...CONSENT_SOURCES] },
    note: NOTE,
    /** Default: now. Not in the future. */
    givenAt: DATE_TIME,
  },
} as const;

export const WITHDRAW_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 1000 } },
} as const;

export const CONSENT_VIEW = {
  type: 'object',
  required: ['id', 'contactId', 'purpose', 'lawfulBasis', 'source', 'givenAt', 'active'],
  properties: {
    id: { type: 'string' },
    contactId: { type: 'string' },
    purpose: { type: 'string' },
    lawfulBasis: { type: 'string' },
    source: { type: 'string' },
    note: { type: ['string', 'null'] },
    givenAt: { type: 'string' },
    withdrawnAt: { type: ['string', 'null'] },
    recordedBy: { type: ['string', 'null'] },
    recordedByName: { type: ['string', 'null'] },
    withdrawnBy: { type: ['string', 'null'] },
    withdrawnByName: { type: ['string', 'null'] },
    withdrawReason: { type: ['string', 'null'] },
    active: { type: 'boolean' },
  },
} as const;

export const CONSENT_LIST = {
  type: 'object',
  required: ['items', 'canWrite'],
  properties: {
    items: { type: 'array', items: CONSENT_VIEW },
    /** Whether the caller may give and withdraw consents of this contact. */
    canWrite: { type: 'boolean' },
  },
} as const;

export const CREATE_REQUEST_BODY = {
  type: 'object',
  required: ['kind', 'regime'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...PRIVACY_REQUEST_KINDS] },
    regime: { type: 'string', enum: [...PRIVACY_REGIMES] },
    contactId: IdSchema,
    requesterName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    requesterEmail: {
      type: 'string',
      minLength: 3,
      maxLength: 254,
      pattern: '^[^\\s@]{1,64}@[^\\s@]{1,189}$',
    },
    notes: NOTE,
    /** When the request reached the company (default: now); the deadline counts from it. */
    receivedAt: DATE_TIME,
    ownerId: IdSchema,
  },
} as const;

export const LIST_REQUESTS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...PRIVACY_REQUEST_STATUSES, 'open'] },
    kind: { type: 'string', enum: [...PRIVACY_REQUEST_KINDS] },
    contactId: IdSchema,
  },
} as const;

export const ASSIGN_BODY = {
  type: 'object',
  required: ['ownerId'],
  additionalProperties: false,
  properties: { ownerId: IdSchema },
} as const;

export const STATUS_BODY = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['verifying', 'in_progress'] },
    note: { type: 'string', maxLength: 1000 },
  },
} as const;

export const REASON_BODY = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: REASON },
} as const;

export const COMPLETE_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 1000 } },
} as const;

export const ERASE_BODY = {
  type: 'object',
  required: ['confirm'],
  additionalProperties: false,
  properties: {
    /** The contact's id typed again: an erasure cannot be undone. */
    confirm: { type: 'string', maxLength: 64 },
  },
} as const;

const EVIDENCE = {
  type: 'object',
  required: ['kind'],
  additionalProperties: true,
  properties: { kind: { type: 'string', enum: ['erasure', 'archive'] } },
} as const;

const TIMELINE_ENTRY = {
  type: 'object',
  required: ['at', 'what'],
  properties: {
    at: { type: 'string' },
    actorId: { type: ['string', 'null'] },
    actorName: { type: ['string', 'null'] },
    what: { type: 'string' },
    detail: { type: 'object', additionalProperties: true },
  },
} as const;

export const REQUEST_VIEW = {
  type: 'object',
  required: ['id', 'kind', 'regime', 'status', 'receivedAt', 'dueAt', 'deadline', 'timeline'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...PRIVACY_REQUEST_KINDS] },
    regime: { type: 'string', enum: [...PRIVACY_REGIMES] },
    status: { type: 'string', enum: [...PRIVACY_REQUEST_STATUSES] },
    contactId: { type: ['string', 'null'] },
    contactName: { type: ['string', 'null'] },
    customerId: { type: ['string', 'null'] },
    requesterName: { type: ['string', 'null'] },
    requesterEmail: { type: ['string', 'null'] },
    notes: { type: ['string', 'null'] },
    receivedAt: { type: 'string' },
    dueAt: { type: 'string' },
    /** overdue | due_soon | on_time while open; null once closed. */
    deadline: { type: ['string', 'null'], enum: ['overdue', 'due_soon', 'on_time', null] },
    /** Whether the one extension the law allows is still available. */
    canExtend: { type: 'boolean' },
    extendedAt: { type: ['string', 'null'] },
    extensionReason: { type: ['string', 'null'] },
    ownerId: { type: ['string', 'null'] },
    ownerName: { type: ['string', 'null'] },
    createdBy: { type: ['string', 'null'] },
    closedAt: { type: ['string', 'null'] },
    closedReason: { type: ['string', 'null'] },
    evidence: { type: 'array', items: EVIDENCE },
    timeline: { type: 'array', items: TIMELINE_ENTRY },
  },
} as const;

export const REQUEST_LIST = {
  type: 'object',
  required: ['items', 'owners'],
  properties: {
    items: { type: 'array', items: REQUEST_VIEW },
    /** Who may own a request: the active holders of privacy_admin. */
    owners: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' } },
      },
    },
  },
} as const;
