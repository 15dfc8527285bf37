import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';
import type { ObjectType } from '../shared/admin-types.ts';
import { pathOfObject } from '../shared/record-objects.ts';

/** A page of audit events (`GET /v1/audit/events`, a record's history). */
export type AuditEventPage =
  paths['/v1/audit/events']['get']['responses'][200]['content']['application/json'];
export type AuditEvent = AuditEventPage['items'][number];
export type AuditQuery = NonNullable<paths['/v1/audit/events']['get']['parameters']['query']>;
export type AuditFilters = Omit<AuditQuery, 'limit' | 'cursor'>;
export type RevealAnswer =
  paths['/v1/customers/{id}/reveal']['post']['responses'][200]['content']['application/json'];

export function searchAudit(query: AuditQuery) {
  return unwrap(api.GET('/v1/audit/events', { params: { query } }));
}

export function auditActors(q: string) {
  return unwrap(api.GET('/v1/audit/actors', { params: { query: q === '' ? {} : { q } } }));
}

/** The export's address with the filters: the browser downloads it (the session cookie). */
export function auditExportUrl(filters: AuditFilters, format: 'csv' | 'json'): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') query.set(key, String(value));
  return `/v1/audit/events/export?${query.toString()}`;
}

export function recordHistory(object: ObjectType, id: string, cursor?: string) {
  return unwrap(
    api.GET(`/v1/${pathOfObject(object)}/{id}/history` as '/v1/customers/{id}/history', {
      params: { path: { id }, query: cursor === undefined ? {} : { cursor } },
    }),
  );
}

export function revealField(object: ObjectType, id: string, field: string) {
  return unwrap(
    api.POST(`/v1/${pathOfObject(object)}/{id}/reveal` as '/v1/customers/{id}/reveal', {
      params: { path: { id } },
      body: { field },
    }),
  );
}

/** The record fields of an event's before/after (create, update, delete), else undefined. */
export function eventFields(state: unknown): Record<string, unknown> | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const fields = (state as { fields?: unknown }).fields;
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields)
    ? (fields as Record<string, unknown>)
    : undefined;
}

/** One line of a diff: a key, its value before and after (undefined: absent on that side). */
export interface DiffLine {
  key: string;
  before: unknown;
  after: unknown;
}

/**
 * Before and after as lines: on a record, its fields by name when they are field states, else the
 * top-level keys of each (a policy change, a transfer, a team change).
 */
export function diffLines(event: Pick<AuditEvent, 'before' | 'after' | 'record'>): DiffLine[] {
  const { before, after } = event;
  const onRecord = event.record !== null && event.record !== undefined;
  const b = (onRecord ? eventFields(before) : undefined) ?? asObject(before);
  const a = (onRecord ? eventFields(after) : undefined) ?? asObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({ key, before: b[key], after: a[key] }));
}

function asObject(v: unknown): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  return v === null || v === undefined ? {} : { value: v };
}

/** A value in one line of text. */
export function valueText(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return '∅';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
