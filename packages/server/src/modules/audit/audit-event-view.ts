import { fieldLevelOf, isObjectType, mask, type FieldLevel, type ObjectType } from '@custos/engine';
import { isSealed, type StoredAuditEvent } from '@custos/store';
import type { RequestContext } from '../../http/request-context.ts';

/** An audit event as the API shows it to one reader. */
export interface AuditEventView {
  id: string;
  /** UTC, ISO 8601. */
  at: string;
  actorId: string | null;
  actorName: string | null;
  actingAsId: string | null;
  actingAsName: string | null;
  action: string;
  target: string | null;
  /** The record's object and id when the target is a record (`customer/c-42`). */
  record: { object: ObjectType; id: string } | null;
  outcome: StoredAuditEvent['outcome'];
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  /** Record fields in `before`/`after` shown masked to this reader. */
  maskedFields: string[];
  /** Record fields in `before`/`after` left out because they are hidden from this reader. */
  hiddenFields: number;
}

/** Who reads the log: the user and the policy their levels come from. */
export type AuditReader = Pick<RequestContext, 'userId' | 'model' | 'index'>;

/** The level of each record field for the reader: the object's, or one record's levels. */
export type FieldLevels = (field: string) => FieldLevel;

/** `customer/c-42` → the object and id; anything else → null. */
export function recordOf(target: string | null): { object: ObjectType; id: string } | null {
  if (target === null) return null;
  const slash = target.indexOf('/');
  if (slash <= 0) return null;
  const object = target.slice(0, slash);
  const id = target.slice(slash + 1);
  return isObjectType(object) && id !== '' ? { object, id } : null;
}

/**
 * The reader's level of a field of `object` on a record they may read (`fieldLevelOf`, capped at
 * read: the log shows values, it edits nothing). The audit log shows an event's values at this
 * level whether or not the record still exists: a field hidden from the reader is left out of
 * every event, a masked one is masked.
 */
export function objectFieldLevels(ctx: AuditReader, object: ObjectType): FieldLevels {
  const cache = new Map<string, FieldLevel>();
  return (field) => {
    let level = cache.get(field);
    if (level === undefined) {
      level = fieldLevelOf(ctx.index, ctx.userId, object, field);
      cache.set(field, level);
    }
    return level;
  };
}

interface Filtered {
  value: unknown;
  masked: Set<string>;
  hidden: number;
}

/** A `fields` map with each value as the reader may see it. */
function filterFields(
  fields: Record<string, unknown>,
  levels: FieldLevels,
  maskOf: (field: string) => Parameters<typeof mask>[1],
  out: Filtered,
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const level = levels(name);
    if (level === 'hidden') {
      out.hidden += 1;
      continue;
    }
    // Still sealed (`openAuditEvents` opens only what the reader reads on the record now): its
    // masked form when masked and one was kept, else withheld — never the ciphertext.
    if (isSealed(value)) {
      shown[name] = level === 'masked' && value.m !== undefined ? value.m : { $withheld: true };
      out.masked.add(name);
      continue;
    }
    if (level === 'masked') {
      shown[name] = value === null || value === undefined ? value : mask(value, maskOf(name));
      out.masked.add(name);
    } else shown[name] = value;
  }
  return shown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The before or after of a record event as the reader may see it: the record's `fields` (create,
 * update, delete) and a revealed field's name (reveal: never a value) through the reader's levels.
 * Everything else in it (owner, department, sensitivity, team, grants) is not a field value.
 */
function filterState(
  state: unknown,
  levels: FieldLevels,
  maskOf: (field: string) => Parameters<typeof mask>[1],
  out: Filtered,
): unknown {
  if (!isPlainObject(state) || !isPlainObject(state.fields)) return state;
  return { ...state, fields: filterFields(state.fields, levels, maskOf, out) };
}

/**
 * An event for one reader: the names of the actor and the user acted as, and — for an event on a
 * record — each field value in before/after at the reader's level for it (`levelsFor`): hidden
 * left out, masked masked with the field's mask (the engine's `mask`, as the record itself shows).
 */
export function viewAuditEvent(
  ctx: AuditReader,
  event: StoredAuditEvent,
  levelsFor: (object: ObjectType) => FieldLevels,
): AuditEventView {
  const record = recordOf(event.target);
  const out: Filtered = { value: null, masked: new Set(), hidden: 0 };
  let before = event.before;
  let after = event.after;
  if (record !== null) {
    const levels = levelsFor(record.object);
    const settings = ctx.model.objects.find((o) => o.object === record.object)?.fields ?? {};
    const maskOf = (field: string) => settings[field]?.mask ?? 'text';
    before = filterState(before, levels, maskOf, out);
    after = filterState(after, levels, maskOf, out);
  }
  const nameOf = (id: string | null) =>
    id === null ? null : (ctx.index.users.get(id)?.name ?? null);
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: nameOf(event.actorId),
    actingAsId: event.actingAsId,
    actingAsName: nameOf(event.actingAsId),
    action: event.action,
    target: event.target,
    record,
    outcome: event.outcome,
    requestId: event.requestId,
    ip: event.ip,
    userAgent: event.userAgent,
    before: before ?? null,
    after: after ?? null,
    maskedFields: [...out.masked].sort(),
    hiddenFields: out.hidden,
  };
}
