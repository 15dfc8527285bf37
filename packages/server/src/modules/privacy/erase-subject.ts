import {
  appendAuditEvent,
  clearConsentText,
  clearNotificationNames,
  deleteBlindIndex,
  getRecord,
  lockRecord,
  updateRecord,
  type Database,
  type ErasureEvidence,
  type Keyring,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { AuditContext } from '../../http/audit-context.ts';
import { requireDataSubject } from './consent-service.ts';
import { changeRequest, type PrivacyActor } from './privacy-request-service.ts';

type Db = Database['db'];

/** What an erased contact is called from now on (the row stays: the customer's history holds). */
export const ERASED_NAME = '已删除的联系人 (Erased contact)';
/** What an erased consent's free text (its purpose) reads. */
export const ERASED_TEXT = '已删除 (erased)';

/**
 * Erase the subject of an erasure request (GDPR Art. 17, CCPA §1798.105), in one transaction:
 * - the contact's row anonymised: `name` becomes `ERASED_NAME`, every other field null (the row,
 *   its id, customer and owner stay, so the customer's history and counts stay consistent);
 * - its blind-index tokens removed, its consents' free text cleared (the consent facts — basis,
 *   dates, source — stay as the record that consent existed);
 * - its subject key crypto-shredded (`Keyring.shredSubject`): every value ever sealed under it —
 *   in audit events, in backups — opens to `{ $redacted: true }` from now on, and the shred ledger
 *   outside the database keeps a restored backup from bringing the key back;
 * - one audit event `privacy.erase` (field names only, never values), and the evidence on the
 *   request: what was erased, when, by whom, the audit event ids and the chain head after them.
 *
 * Refused unless the request is an erasure request in progress (identity verified), linked to a
 * contact, not erased before, and `confirm` repeats the contact's id.
 */
export async function eraseRequestSubject(
  db: Db,
  keyring: Keyring,
  ctx: PrivacyActor,
  audit: AuditContext,
  requestId: string,
  confirm: string,
): Promise<ErasureEvidence> {
  let evidence: ErasureEvidence | undefined;
  await changeRequest(db, ctx, audit, requestId, 'erase', async (r, tx) => {
    if (r.kind !== 'erasure')
      throw new AppError(
        'PRIVACY_REQUEST_STATE',
        `request ${requestId} is a ${r.kind} request, not an erasure`,
        {
          id: requestId,
          kind: r.kind,
        },
      );
    if (r.status !== 'in_progress')
      throw new AppError(
        'PRIVACY_REQUEST_STATE',
        `request ${requestId} is ${r.status}: verify the requester's identity and set it in progress first`,
        { id: requestId, status: r.status },
      );
    if (r.contactId === null)
      throw new AppError(
        'PRIVACY_REQUEST_STATE',
        `request ${requestId} names no contact to erase`,
        {
          id: requestId,
          field: 'contactId',
        },
      );
    if (r.evidence.some((e) => e.kind === 'erasure'))
      throw new AppError('PRIVACY_REQUEST_STATE', `request ${requestId} was erased already`, {
        id: requestId,
      });
    if (confirm.trim() !== r.contactId)
      throw new AppError(
        'PRIVACY_CONFIRMATION_MISMATCH',
        `type the contact's id (${r.contactId}) to confirm the erasure: it cannot be undone`,
        { field: 'body/confirm' },
      );
    const contactId = r.contactId;
    const at = new Date(ctx.now);
    // The contact, or — deleted since — only its traces: the audit events that hold its values
    // sealed under the person's key, and its consents. Erasure reaches both.
    await requireDataSubject(tx, ctx.tenantId, contactId, 'contactId');
    const contact = (await lockRecord(tx, ctx.tenantId, 'contact', contactId))
      ? await getRecord(tx, ctx.tenantId, 'contact', contactId)
      : undefined;
    const fieldsErased = contact === undefined ? [] : Object.keys(contact.fields).sort();
    if (contact !== undefined) {
      const fields: Record<string, unknown> = Object.fromEntries(
        fieldsErased.map((f) => [f, null]),
      );
      fields.name = ERASED_NAME;
      await updateRecord(tx, ctx.tenantId, { ...contact, fields }, at);
    }
    await deleteBlindIndex(tx, ctx.tenantId, 'contact', contactId);
    const consentsCleared = await clearConsentText(tx, ctx.tenantId, contactId, ERASED_TEXT);
    await clearNotificationNames(tx, ctx.tenantId, 'contact', contactId);
    const event = await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'privacy.erase',
      target: `contact/${contactId}`,
      at,
      ...audit,
      before: { fields: fieldsErased },
      after: { erased: true, requestId, consentsCleared },
    });
    // Last: the ledger entry is written (and synced) before the key row goes, then the commit.
    const subjectKeyShredded = await keyring.shredSubject(tx, ctx.tenantId, contactId, at);
    evidence = {
      kind: 'erasure',
      erasedAt: ctx.now,
      erasedBy: audit.actorId ?? ctx.userId,
      contactId,
      customerId: contact?.customerId ?? null,
      recordDeleted: contact === undefined,
      fieldsErased,
      consentsCleared,
      subjectKeyShredded,
      auditEventIds: [event.id],
      // The chain's head right after the erasure's event: a verifier finds it in the chain.
      auditHead: { seq: String(event.seq), hash: event.hash },
    };
    r.evidence = [...r.evidence, evidence];
    return { contactId, fieldsErased, consentsCleared, subjectKeyShredded, auditEventId: event.id };
  });
  if (evidence === undefined) throw new Error('erasure wrote no evidence');
  return evidence;
}
