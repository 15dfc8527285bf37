import { decide, type ObjectType, type RecordAction } from '@custos/engine';
import { getRecord, lockRecord, type Database, type StoredRecord } from '@custos/store';
import { RecordError } from './record-error.ts';
import { requireAction } from './record-rules.ts';
import type { WriteContext } from './write-context.ts';

type Db = Database['db'];

/**
 * NOT_FOUND for a record that does not exist, or that the caller may not read (the same answer;
 * `hidden` — for the audit log only — says the record exists).
 */
export function recordNotFound(object: ObjectType, id: string, hidden = false): RecordError {
  return new RecordError('NOT_FOUND', `no ${object} ${id}`, { object, id }, { hidden });
}

/** A record the caller may read, or NOT_FOUND (an unreadable record does not exist for them). */
export async function readableRecord(
  db: Db,
  ctx: WriteContext,
  object: ObjectType,
  id: string,
): Promise<StoredRecord> {
  // Decided for the caller alone: only the caller's place on the team is read.
  const record = await getRecord(db, ctx.tenantId, object, id, { factsFor: [ctx.userId] });
  if (record === undefined) throw recordNotFound(object, id);
  if (!decide(ctx.index, ctx.userId, 'read', record, ctx.now))
    throw recordNotFound(object, id, true);
  return record;
}

/**
 * Inside a write's transaction: lock the record's row, read it, and check the caller may read it
 * (else NOT_FOUND) and, when given, take `action` on it (else PERMISSION_DENIED).
 */
export async function lockForAction(
  tx: Db,
  ctx: WriteContext,
  object: ObjectType,
  id: string,
  action?: RecordAction,
): Promise<StoredRecord> {
  if (!(await lockRecord(tx, ctx.tenantId, object, id))) throw recordNotFound(object, id);
  const current = await readableRecord(tx, ctx, object, id);
  if (action !== undefined) requireAction(ctx, action, current);
  return current;
}
