import type { CrmRecord, ObjectType } from '@custos/engine';
import {
  appendAuditEvent,
  transferChildren,
  updateRecord,
  type Database,
  type StoredRecord,
} from '@custos/store';
import { inTransaction } from './in-transaction.ts';
import { RecordError } from './record-error.ts';
import { ownerOf } from './record-rules.ts';
import { lockForAction } from './readable-record.ts';
import { writeAuditFields, type WriteContext } from './write-context.ts';

type Db = Database['db'];

export interface TransferInput {
  ownerId: string;
  /** Customers: also hand over the children the previous owner owned. */
  includeChildren?: boolean;
}

export interface TransferOutcome {
  record: StoredRecord;
  /** With `includeChildren`: how many children moved, per object. */
  children?: Partial<Record<ObjectType, number>>;
}

/**
 * Hand a record to another owner (an active internal user; its 归属部门 follows the owner) as the
 * context's user: lock it, check `transfer`, then the new owner, write it — with a customer's children that the
 * previous owner owned, when asked — and append `<object>.transfer`, in one transaction.
 */
export async function transferRecordAs(
  db: Db,
  ctx: WriteContext,
  object: ObjectType,
  id: string,
  input: TransferInput,
): Promise<TransferOutcome> {
  if (input.includeChildren === true && object !== 'customer') {
    throw new RecordError('REQUEST_INVALID', 'only a customer has related records to take along', {
      field: 'body/includeChildren',
    });
  }
  const at = new Date(ctx.now);
  return inTransaction(db, async (tx) => {
    const current = await lockForAction(tx, ctx, object, id, 'transfer');
    // Only now, with the record found and transferable: whether the new owner is an active
    // internal user (a caller who cannot see the record learns nothing about user ids).
    const owner = ownerOf(ctx, input.ownerId, 'body/ownerId');
    const next: CrmRecord = { ...current, ownerId: owner.id, departmentId: owner.departmentId };
    await updateRecord(tx, ctx.tenantId, next, at);
    const moved =
      input.includeChildren === true && current.ownerId !== null
        ? await transferChildren(
            tx,
            ctx.tenantId,
            {
              customerId: id,
              fromOwnerId: current.ownerId,
              toOwnerId: owner.id,
              toDepartmentId: owner.departmentId,
            },
            at,
          )
        : undefined;
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...writeAuditFields(ctx),
      action: `${object}.transfer`,
      target: `${object}/${id}`,
      before: { ownerId: current.ownerId, departmentId: current.departmentId },
      after: {
        ownerId: next.ownerId,
        departmentId: next.departmentId,
        ...(moved === undefined ? {} : { children: moved }),
      },
      at,
    });
    const record = { ...next, parent: current.parent, updatedAt: at.toISOString() };
    return moved === undefined ? { record } : { record, children: moved };
  });
}
