import type { ObjectType, TeamMember } from '@custos/engine';
import {
  appendAuditEvent,
  countChildren,
  deleteBlindIndex,
  deleteRecord,
  listTeam,
  type Database,
} from '@custos/store';
import { auditState } from './audit-state.ts';
import { auditValues } from './record-crypto.ts';
import { inTransaction } from './in-transaction.ts';
import { RecordError } from './record-error.ts';
import { lockForAction } from './readable-record.ts';
import { writeAuditFields, type WriteContext } from './write-context.ts';

type Db = Database['db'];

/**
 * Delete a record as the context's user: lock it, check `delete`, refuse a customer that still has
 * related records (CONFLICT, `has_children`), delete it and append `<object>.delete` with what it
 * was, in one transaction.
 */
export async function deleteRecordAs(
  db: Db,
  ctx: WriteContext,
  object: ObjectType,
  id: string,
): Promise<void> {
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    const current = await lockForAction(tx, ctx, object, id, 'delete');
    let team: TeamMember[] = [];
    if (object === 'customer') {
      const children = await countChildren(tx, ctx.tenantId, id);
      if (Object.keys(children).length > 0) {
        throw new RecordError('CONFLICT', `customer ${id} still has related records`, {
          reason: 'has_children',
          children,
        });
      }
      // Its team and the grants on it go with it (`deleteRecord`: facts of the record, so the
      // policy version stays), and the audit event keeps who was on the team.
      team = await listTeam(tx, ctx.tenantId, id);
    }
    // The grants on the record (read with it, whoever they are to) go too: the audit keeps them.
    const grants = current.grants ?? [];
    const fields = await auditValues(tx, ctx, current, current.fields);
    await deleteRecord(tx, ctx.tenantId, object, id);
    // Its blind index tokens go with it (they would tell a deleted value's equality otherwise).
    await deleteBlindIndex(tx, ctx.tenantId, object, id);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...writeAuditFields(ctx),
      action: `${object}.delete`,
      target: `${object}/${id}`,
      before: {
        ...auditState(current),
        fields,
        ...(team.length > 0 ? { team } : {}),
        ...(grants.length > 0 ? { grants } : {}),
      },
      at,
    });
  });
}
