import type { CrmRecord } from '@custos/engine';
import {
  auditFieldValues,
  encryptedFieldsOf,
  hasEncryptedFields,
  openForWrite,
  sealRecordsForStore,
  subjectOf,
  type Database,
  type StoredRecord,
} from '@custos/store';
import type { WriteContext } from './write-context.ts';

type Db = Database['db'];

/**
 * A stored record with its encrypted fields opened, for the write's own logic only (comparisons,
 * edit checks, `unchanged` cells): the write's answer is rendered through the read path.
 */
export async function clearForWrite(
  tx: Db,
  ctx: WriteContext,
  stored: StoredRecord,
): Promise<StoredRecord> {
  const [clear] = await openForWrite(tx, ctx.keyring, ctx.model, ctx.tenantId, [stored]);
  return clear ?? stored;
}

/**
 * The record to store for `next` (clear values): an encrypted field whose value did not change
 * keeps its stored ciphertext (so an erased value stays erased and nothing is re-sealed for
 * nothing); a changed one is sealed and its blind index token replaced, in the write's
 * transaction.
 */
export async function storeForm(
  tx: Db,
  ctx: WriteContext,
  next: CrmRecord,
  current?: { stored: CrmRecord; clear: CrmRecord },
): Promise<CrmRecord> {
  if (!hasEncryptedFields(ctx.model)) return next;
  const fields = { ...next.fields };
  if (current !== undefined)
    for (const name of encryptedFieldsOf(ctx.model, next.object).fields) {
      if (
        Object.hasOwn(current.stored.fields, name) &&
        JSON.stringify(current.clear.fields[name]) === JSON.stringify(fields[name])
      )
        fields[name] = current.stored.fields[name];
    }
  const [stored] = await sealRecordsForStore(
    tx,
    ctx.keyring,
    ctx.model,
    ctx.tenantId,
    [{ ...next, fields }],
    new Date(ctx.now),
  );
  return stored ?? next;
}

/**
 * Field values as the write's audit event keeps them: stored (sealed) values of encrypted fields,
 * and for a contact every value sealed under the person's key (`auditFieldValues`).
 */
export async function auditValues(
  tx: Db,
  ctx: WriteContext,
  record: Pick<CrmRecord, 'object' | 'id'>,
  stored: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  if (ctx.keyring === undefined || subjectOf(record.object, record.id) === undefined)
    return { ...stored };
  const keys = await ctx.keyring.tenant(tx, ctx.tenantId);
  const subject = await ctx.keyring.ensureSubjectKey(
    tx,
    ctx.tenantId,
    record.id,
    new Date(ctx.now),
  );
  return auditFieldValues(keys, { object: record.object, recordId: record.id, subject }, stored);
}
