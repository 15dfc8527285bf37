import { decide, hasFunction } from '@custos/engine';
import { lockForAction, readableRecord, recordNotFound } from '@custos/records';
import {
  appendAuditEvent,
  getConsent,
  getRecord,
  insertConsent,
  listConsents,
  lockRecord,
  withdrawConsent,
  type Consent,
  type ConsentSource,
  type Database,
  type LawfulBasis,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { AuditContext } from '../../http/audit-context.ts';
import type { RequestContext } from '../../http/request-context.ts';

type Db = Database['db'];

export const PRIVACY_ADMIN = 'privacy_admin';

export interface ConsentView {
  id: string;
  contactId: string;
  purpose: string;
  lawfulBasis: LawfulBasis;
  source: ConsentSource;
  note: string | null;
  givenAt: string;
  withdrawnAt: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  withdrawnBy: string | null;
  withdrawnByName: string | null;
  withdrawReason: string | null;
  active: boolean;
}

export interface GiveConsentBody {
  purpose: string;
  lawfulBasis: LawfulBasis;
  source: ConsentSource;
  note?: string;
  givenAt?: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function consentView(ctx: Pick<RequestContext, 'index'>, c: Consent): ConsentView {
  const name = (id: string | null): string | null =>
    id === null ? null : (ctx.index.users.get(id)?.name ?? id);
  return {
    id: c.id,
    contactId: c.contactId,
    purpose: c.purpose,
    lawfulBasis: c.lawfulBasis,
    source: c.source,
    note: c.note,
    givenAt: new Date(c.givenAt).toISOString(),
    withdrawnAt: iso(c.withdrawnAt),
    recordedBy: c.recordedBy,
    recordedByName: name(c.recordedBy),
    withdrawnBy: c.withdrawnBy,
    withdrawnByName: name(c.withdrawnBy),
    withdrawReason: c.withdrawReason,
    active: c.withdrawnAt === null,
  };
}

/** A contact's consents: for whoever may read the contact (else NOT_FOUND, as reading it). */
export async function listContactConsents(
  db: Db,
  ctx: RequestContext,
  contactId: string,
): Promise<{ items: ConsentView[]; canWrite: boolean }> {
  const contact = await readableRecord(db, ctx, 'contact', contactId);
  const items = await listConsents(db, ctx.tenantId, contactId);
  const canWrite =
    hasFunction(ctx.index, ctx.userId, PRIVACY_ADMIN) ||
    decide(ctx.index, ctx.userId, 'update', contact, ctx.now);
  return { items: items.map((c) => consentView(ctx, c)), canWrite };
}

/**
 * Lock the contact for a consent change: a `privacy_admin` holder may record consents of any
 * contact (the compliance function acts on requests about anyone); anyone else needs `update` on
 * it (NOT_FOUND when they cannot read it, PERMISSION_DENIED when they read but may not update).
 */
async function lockContactForConsent(
  tx: Db,
  ctx: RequestContext,
  contactId: string,
): Promise<void> {
  if (hasFunction(ctx.index, ctx.userId, PRIVACY_ADMIN)) {
    if (!(await lockRecord(tx, ctx.tenantId, 'contact', contactId)))
      throw recordNotFound('contact', contactId);
    return;
  }
  await lockForAction(tx, ctx, 'contact', contactId, 'update');
}

export async function giveConsent(
  db: Db,
  ctx: RequestContext,
  audit: AuditContext,
  contactId: string,
  body: GiveConsentBody,
): Promise<ConsentView> {
  const givenAt = body.givenAt === undefined ? ctx.now : Date.parse(body.givenAt);
  if (givenAt > ctx.now)
    throw new AppError('REQUEST_INVALID', 'givenAt is in the future', { field: 'body/givenAt' });
  return db.transaction().execute(async (tx) => {
    await lockContactForConsent(tx, ctx, contactId);
    const consent = await insertConsent(tx, {
      tenantId: ctx.tenantId,
      contactId,
      purpose: body.purpose.trim(),
      lawfulBasis: body.lawfulBasis,
      source: body.source,
      note: body.note === undefined || body.note.trim() === '' ? null : body.note.trim(),
      givenAt,
      recordedBy: audit.actorId,
      now: ctx.now,
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'consent.give',
      target: `contact/${contactId}`,
      at: new Date(ctx.now),
      ...audit,
      before: null,
      after: {
        // No free text of the consent (its purpose): erasure clears that in the consent row, and
        // the immutable log must not keep it. The id leads to the row.
        consentId: consent.id,
        lawfulBasis: consent.lawfulBasis,
        source: consent.source,
        givenAt: new Date(consent.givenAt).toISOString(),
      },
    });
    return consentView(ctx, consent);
  });
}

export async function withdrawContactConsent(
  db: Db,
  ctx: RequestContext,
  audit: AuditContext,
  contactId: string,
  consentId: string,
  reason: string | undefined,
): Promise<ConsentView> {
  return db.transaction().execute(async (tx) => {
    await lockContactForConsent(tx, ctx, contactId);
    const consent = await getConsent(tx, ctx.tenantId, contactId, consentId, { forUpdate: true });
    if (consent === undefined)
      throw new AppError('NOT_FOUND', `no consent ${consentId} of contact ${contactId}`, {
        object: 'consent',
        id: consentId,
      });
    if (consent.withdrawnAt !== null)
      throw new AppError(
        'CONSENT_ALREADY_WITHDRAWN',
        `consent ${consentId} was withdrawn on ${new Date(consent.withdrawnAt).toISOString()}`,
        { consentId, withdrawnAt: new Date(consent.withdrawnAt).toISOString() },
      );
    const text = reason?.trim();
    const after = await withdrawConsent(tx, ctx.tenantId, consentId, {
      at: ctx.now,
      actorId: audit.actorId,
      reason: text === undefined || text === '' ? null : text,
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'consent.withdraw',
      target: `contact/${contactId}`,
      at: new Date(ctx.now),
      ...audit,
      before: { consentId, withdrawnAt: null },
      after: { consentId, withdrawnAt: new Date(ctx.now).toISOString() },
    });
    return consentView(ctx, after);
  });
}

/**
 * A data subject a request may name: a contact, or one deleted since (its audit events remain,
 * holding the person's values sealed under their key: erasure must still reach them). Anything
 * else is `NOT_FOUND` naming the field.
 */
export async function requireDataSubject(
  db: Db,
  tenantId: string,
  contactId: string,
  field: string,
): Promise<void> {
  if ((await getRecord(db, tenantId, 'contact', contactId)) !== undefined) return;
  const trace = await db
    .selectFrom('audit_events')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('target', '=', `contact/${contactId}`)
    .limit(1)
    .executeTakeFirst();
  if (trace === undefined)
    throw new AppError('NOT_FOUND', `no contact ${contactId}`, {
      object: 'contact',
      id: contactId,
      field,
    });
}
