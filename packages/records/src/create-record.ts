import { decide, type ObjectType } from '@custos/engine';
import {
  appendAuditEvent,
  getRecord,
  insertRecord,
  type Database,
  type StoredRecord,
} from '@custos/store';
import { auditState } from './audit-state.ts';
import { auditValues, storeForm } from './record-crypto.ts';
import { inTransaction } from './in-transaction.ts';
import { RecordError } from './record-error.ts';
import { portalAccountOf, prepareCreate, type CreateInput } from './record-rules.ts';
import { writeAuditFields, type WriteContext } from './write-context.ts';

type Db = Database['db'];

export interface CreateRecordInput extends CreateInput {
  /** Children: the customer they belong to (a portal user's default: their own account). */
  customerId?: string;
}

/**
 * Create a record as the context's user: find the customer of a child (which the caller must be
 * able to read — a portal user: their own account — else NOT_FOUND naming `body/customerId`),
 * judge the record by `prepareCreate`, insert it and append `<object>.create`, in one transaction.
 * Returns the record as written.
 */
export async function createRecordAs(
  db: Db,
  ctx: WriteContext,
  object: ObjectType,
  input: CreateRecordInput,
): Promise<StoredRecord> {
  const portalAccountId = portalAccountOf(ctx);
  const at = new Date(ctx.now);
  return inTransaction(db, async (tx) => {
    let parent: StoredRecord | undefined;
    if (object !== 'customer') {
      const customerId = input.customerId ?? portalAccountId ?? undefined;
      if (customerId === undefined || customerId === null) {
        throw new RecordError('REQUEST_INVALID', `a ${object} belongs to a customer`, {
          field: 'body/customerId',
        });
      }
      parent = await getRecord(tx, ctx.tenantId, 'customer', customerId);
      const visible =
        parent !== undefined &&
        (portalAccountId === undefined
          ? decide(ctx.index, ctx.userId, 'read', parent, ctx.now)
          : parent.id === portalAccountId);
      if (!visible) {
        throw new RecordError(
          'NOT_FOUND',
          `no customer ${customerId}`,
          { field: 'body/customerId', object: 'customer', id: customerId },
          { hidden: parent !== undefined },
        );
      }
    } else if (input.customerId !== undefined) {
      throw new RecordError('REQUEST_INVALID', 'a customer belongs to no customer', {
        field: 'body/customerId',
      });
    }
    const clear = prepareCreate(ctx, object, input, parent);
    const record = await storeForm(tx, ctx, clear);
    await insertRecord(tx, ctx.tenantId, record, at);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...writeAuditFields(ctx),
      action: `${object}.create`,
      target: `${object}/${record.id}`,
      after: { ...auditState(record), fields: await auditValues(tx, ctx, record, record.fields) },
      at,
    });
    return { ...record, parent, updatedAt: at.toISOString() };
  });
}
