import { decide, fieldAccess, type FieldAccessMap, type ObjectType } from '@custos/engine';
import {
  fieldAad,
  getRecords,
  isSealed,
  subjectsIn,
  type Database,
  type Keyring,
  type StoredAuditEvent,
} from '@custos/store';
import type { AuditReader } from './audit-event-view.ts';
import { recordOf } from './audit-event-view.ts';

/** A sealed value the reader is not shown in clear and that has no masked form to show instead. */
export const WITHHELD = Object.freeze({ $withheld: true as const });

/** Who reads the log, with the keys to open the values they may see. */
export type AuditValueReader = AuditReader & { tenantId: string; now: number; keyring?: Keyring };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function sealedFieldsOf(state: unknown): [string, unknown][] {
  if (!isPlainObject(state) || !isPlainObject(state.fields)) return [];
  return Object.entries(state.fields).filter(([, v]) => isSealed(v));
}

/**
 * Audit events with the sealed field values the reader may see in clear opened: an event keeps
 * the ciphertext of an encrypted field (and every value of a contact, under the person's key);
 * it is opened per the reader's field level on that record NOW — the record still exists, they
 * may read it, and `fieldAccess` gives the field `read` or `edit`. Anything else stays sealed
 * (shown masked, withheld, or left out by `viewAuditEvent`): a value is never decrypted for a
 * reader above whose clearance it is. An erased person's values open to `{ $redacted: true }`.
 */
export async function openAuditEvents(
  db: Database['db'],
  reader: AuditValueReader,
  events: readonly StoredAuditEvent[],
): Promise<StoredAuditEvent[]> {
  const wanted = new Map<ObjectType, Set<string>>();
  for (const e of events) {
    const record = recordOf(e.target);
    if (record === null) continue;
    if (sealedFieldsOf(e.before).length + sealedFieldsOf(e.after).length === 0) continue;
    wanted.set(record.object, (wanted.get(record.object) ?? new Set()).add(record.id));
  }
  if (wanted.size === 0) return [...events];
  if (reader.keyring === undefined) return [...events];
  const levels = new Map<string, FieldAccessMap>();
  for (const [object, ids] of wanted) {
    const records = await getRecords(db, reader.tenantId, object, [...ids], {
      factsFor: [reader.userId],
    });
    for (const record of records.values())
      if (decide(reader.index, reader.userId, 'read', record, reader.now))
        levels.set(
          `${object}/${record.id}`,
          fieldAccess(reader.index, reader.userId, object, record, reader.now),
        );
  }
  const readable = (target: string, field: string): boolean => {
    const level = levels.get(target)?.[field];
    return level === 'read' || level === 'edit';
  };
  const toOpen: unknown[] = [];
  for (const e of events) {
    if (e.target === null || !levels.has(e.target)) continue;
    for (const [field, value] of [...sealedFieldsOf(e.before), ...sealedFieldsOf(e.after)])
      if (readable(e.target, field)) toOpen.push(value);
  }
  if (toOpen.length === 0) return [...events];
  const keys = await reader.keyring.tenant(db, reader.tenantId);
  const subjects = await reader.keyring.subjectKeys(db, reader.tenantId, subjectsIn(toOpen));
  const openState = (state: unknown, object: ObjectType, id: string, target: string): unknown => {
    if (!isPlainObject(state) || !isPlainObject(state.fields)) return state;
    const fields: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(state.fields))
      fields[field] =
        isSealed(value) && readable(target, field)
          ? keys.open(fieldAad(reader.tenantId, object, id, field), value, subjects)
          : value;
    return { ...state, fields };
  };
  return events.map((e) => {
    const record = recordOf(e.target);
    if (record === null || e.target === null || !levels.has(e.target)) return e;
    return {
      ...e,
      before: openState(e.before, record.object, record.id, e.target),
      after: openState(e.after, record.object, record.id, e.target),
    };
  });
}
