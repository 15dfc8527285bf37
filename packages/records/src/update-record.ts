import type { ObjectType } from '@custos/engine';
import { appendAuditEvent, updateRecord, type Database, type StoredRecord } from '@custos/store';
import { changedFields } from './audit-state.ts';
import { auditValues, clearForWrite, storeForm } from './record-crypto.ts';
import { inTransaction } from './in-transaction.ts';
import { isDeclassification, prepareUpdate, type UpdateInput } from './record-rules.ts';
import { lockForAction } from './readable-record.ts';
import { writeAuditFields, type WriteContext } from './write-context.ts';

type Db = Database['db'];

/**
 * Change a record as the context's user: lock its row, read it (NOT_FOUND when the caller may not),
 * judge the change by `prepareUpdate`, write it and append `<object>.update` with the fields that
 * changed (and `<object>.declassify` when the sensitivity was lowered), in one transaction. `input` may be a function of the current record (the CSV import
 * leaves out cells equal to the stored value). Returns the record as written.
 */
export async function updateRecordAs(
  db: Db,
  ctx: WriteContext,
  object: ObjectType,
  id: string,
  input: UpdateInput | ((current: StoredRecord) => UpdateInput),
): Promise<StoredRecord> {
  const at = new Date(ctx.now);
  return inTransaction(db, async (tx) => {
    const stored = await lockForAction(tx, ctx, object, id);
    // The write compares clear values (never ciphertexts); what it stores and audits is sealed.
    const current = await clearForWrite(tx, ctx, stored);
    const clear = prepareUpdate(ctx, current, typeof input === 'function' ? input(current) : input);
    const next = await storeForm(tx, ctx, clear, { stored, clear: current });
    await updateRecord(tx, ctx.tenantId, next, at);
    const names = changedFields(current.fields, clear.fields);
    const pick = (fields: Record<string, unknown>, from: Record<string, unknown>) =>
      Object.fromEntries(Object.keys(from).map((f) => [f, fields[f] ?? null]));
    const diff = {
      before: await auditValues(tx, ctx, stored, pick(stored.fields, names.before)),
      after: await auditValues(tx, ctx, next, pick(next.fields, names.after)),
    };
    const relabelled = next.sensitivity !== current.sensitivity;
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...writeAuditFields(ctx),
      action: `${object}.update`,
      target: `${object}/${id}`,
      before: {
        fields: diff.before,
        ...(relabelled ? { sensitivity: current.sensitivity } : {}),
      },
      after: { fields: diff.after, ...(relabelled ? { sensitivity: next.sensitivity } : {}) },
      at,
    });
    // A declassification is audited as such too (it needs the `declassify` function).
    if (isDeclassification(current.sensitivity, next.sensitivity))
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        ...writeAuditFields(ctx),
        action: `${object}.declassify`,
        target: `${object}/${id}`,
        before: { sensitivity: current.sensitivity },
        after: { sensitivity: next.sensitivity },
        at,
      });
    return { ...next, parent: current.parent, updatedAt: at.toISOString() };
  });
}
