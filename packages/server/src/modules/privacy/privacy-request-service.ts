import { hasFunction } from '@custos/engine';
import {
  appendAuditEvent,
  getPrivacyRequest,
  getRecords,
  insertPrivacyRequest,
  listPrivacyRequests,
  OPEN_PRIVACY_STATUSES,
  savePrivacyRequest,
  type Database,
  type PrivacyRegime,
  type PrivacyRequest,
  type PrivacyRequestKind,
  type PrivacyRequestStatus,
  type PrivacyTimelineEntry,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { AuditContext } from '../../http/audit-context.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { PRIVACY_ADMIN, requireDataSubject } from './consent-service.ts';
import { deadlineState, extendedDeadline, firstDeadline } from './privacy-deadlines.ts';

type Db = Database['db'];
/** Who acts on the queue: the tenant, the policy (for names and owners), now, and the audit part. */
export type PrivacyActor = Pick<RequestContext, 'tenantId' | 'userId' | 'index' | 'now'>;

export interface CreateRequestBody {
  kind: PrivacyRequestKind;
  regime: PrivacyRegime;
  contactId?: string;
  requesterName?: string;
  requesterEmail?: string;
  notes?: string;
  receivedAt?: string;
  ownerId?: string;
}

export interface RequestView {
  id: string;
  kind: PrivacyRequestKind;
  regime: PrivacyRegime;
  status: PrivacyRequestStatus;
  contactId: string | null;
  contactName: string | null;
  customerId: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
  notes: string | null;
  receivedAt: string;
  dueAt: string;
  deadline: 'overdue' | 'due_soon' | 'on_time' | null;
  canExtend: boolean;
  extendedAt: string | null;
  extensionReason: string | null;
  ownerId: string | null;
  ownerName: string | null;
  createdBy: string | null;
  closedAt: string | null;
  closedReason: string | null;
  evidence: PrivacyRequest['evidence'];
  timeline: (Omit<PrivacyTimelineEntry, 'at'> & { at: string; actorName: string | null })[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function isOpen(r: PrivacyRequest): boolean {
  return OPEN_PRIVACY_STATUSES.includes(r.status);
}

/** The active holders of `privacy_admin`: who may own a request. */
export function privacyOwners(ctx: Pick<RequestContext, 'index'>): { id: string; name: string }[] {
  return [...ctx.index.users.values()]
    .filter((u) => hasFunction(ctx.index, u.id, PRIVACY_ADMIN))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function requestViews(
  db: Db,
  ctx: PrivacyActor,
  requests: readonly PrivacyRequest[],
): Promise<RequestView[]> {
  const contactIds = requests.flatMap((r) => (r.contactId === null ? [] : [r.contactId]));
  const contacts = await getRecords(db, ctx.tenantId, 'contact', contactIds);
  const name = (id: string | null): string | null =>
    id === null ? null : (ctx.index.users.get(id)?.name ?? id);
  return requests.map((r) => {
    const contact = r.contactId === null ? undefined : contacts.get(r.contactId);
    const contactName = contact?.fields.name;
    return {
      id: r.id,
      kind: r.kind,
      regime: r.regime,
      status: r.status,
      contactId: r.contactId,
      contactName: typeof contactName === 'string' ? contactName : null,
      customerId: contact?.customerId ?? null,
      requesterName: r.requesterName,
      requesterEmail: r.requesterEmail,
      notes: r.notes,
      receivedAt: new Date(r.receivedAt).toISOString(),
      dueAt: new Date(r.dueAt).toISOString(),
      deadline: isOpen(r) ? deadlineState(r.dueAt, ctx.now) : null,
      canExtend: isOpen(r) && r.extendedAt === null,
      extendedAt: iso(r.extendedAt),
      extensionReason: r.extensionReason,
      ownerId: r.ownerId,
      ownerName: name(r.ownerId),
      createdBy: r.createdBy,
      closedAt: iso(r.closedAt),
      closedReason: r.closedReason,
      evidence: r.evidence,
      timeline: r.timeline.map((e) => ({
        ...e,
        at: new Date(e.at).toISOString(),
        actorName: name(e.actorId),
      })),
    };
  });
}

function requireOwner(ctx: PrivacyActor, ownerId: string): void {
  if (!hasFunction(ctx.index, ownerId, PRIVACY_ADMIN))
    throw new AppError(
      'PRIVACY_OWNER_INVALID',
      `${ownerId} cannot own a data-subject request: not an active holder of privacy_admin`,
      { field: 'body/ownerId', ownerId },
    );
}

export async function createPrivacyRequest(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  body: CreateRequestBody,
): Promise<PrivacyRequest> {
  const receivedAt = body.receivedAt === undefined ? ctx.now : Date.parse(body.receivedAt);
  if (receivedAt > ctx.now)
    throw new AppError('REQUEST_INVALID', 'receivedAt is in the future', {
      field: 'body/receivedAt',
    });
  if (
    body.contactId === undefined &&
    body.requesterName === undefined &&
    body.requesterEmail === undefined
  )
    throw new AppError(
      'REQUEST_INVALID',
      'a request names its subject: a contact, or the requester’s name or e-mail',
      { field: 'body/contactId' },
    );
  if (body.contactId !== undefined)
    await requireDataSubject(db, ctx.tenantId, body.contactId, 'body/contactId');
  const ownerId =
    body.ownerId ?? (hasFunction(ctx.index, ctx.userId, PRIVACY_ADMIN) ? ctx.userId : null);
  if (ownerId !== null) requireOwner(ctx, ownerId);
  return db.transaction().execute(async (tx) => {
    const created = await insertPrivacyRequest(tx, {
      tenantId: ctx.tenantId,
      kind: body.kind,
      regime: body.regime,
      contactId: body.contactId ?? null,
      requesterName: body.requesterName?.trim() ?? null,
      requesterEmail: body.requesterEmail?.trim() ?? null,
      notes: body.notes?.trim() || null,
      receivedAt,
      dueAt: firstDeadline(body.regime, receivedAt),
      ownerId,
      createdBy: audit.actorId,
      timeline: [
        {
          at: ctx.now,
          actorId: audit.actorId,
          what: 'created',
          detail: { kind: body.kind, regime: body.regime, ownerId },
        },
      ],
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'privacy_request.create',
      target: `privacy_request/${created.id}`,
      at: new Date(ctx.now),
      ...audit,
      after: {
        kind: created.kind,
        regime: created.regime,
        contactId: created.contactId,
        dueAt: new Date(created.dueAt).toISOString(),
        ownerId,
      },
    });
    return created;
  });
}

export async function listRequests(
  db: Db,
  ctx: PrivacyActor,
  filter: { status?: PrivacyRequestStatus | 'open'; kind?: PrivacyRequestKind; contactId?: string },
): Promise<PrivacyRequest[]> {
  const status =
    filter.status === undefined
      ? undefined
      : filter.status === 'open'
        ? OPEN_PRIVACY_STATUSES
        : [filter.status];
  return listPrivacyRequests(db, ctx.tenantId, {
    ...(status === undefined ? {} : { status }),
    ...(filter.kind === undefined ? {} : { kind: filter.kind }),
    ...(filter.contactId === undefined ? {} : { contactId: filter.contactId }),
  });
}

export async function getRequest(db: Db, tenantId: string, id: string): Promise<PrivacyRequest> {
  const r = await getPrivacyRequest(db, tenantId, id);
  if (r === undefined)
    throw new AppError('NOT_FOUND', `no data-subject request ${id}`, {
      object: 'privacy_request',
      id,
    });
  return r;
}

/**
 * One change to a request, in one transaction: the row locked, `change` applied (it may refuse),
 * a timeline entry and an audit event `privacy_request.<verb>` written.
 */
export async function changeRequest(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  verb: string,
  change: (r: PrivacyRequest, tx: Db) => Promise<Record<string, unknown>> | Record<string, unknown>,
  options: { allowClosed?: boolean } = {},
): Promise<PrivacyRequest> {
  return db.transaction().execute(async (tx) => {
    const r = await getPrivacyRequest(tx, ctx.tenantId, id, { forUpdate: true });
    if (r === undefined)
      throw new AppError('NOT_FOUND', `no data-subject request ${id}`, {
        object: 'privacy_request',
        id,
      });
    if (!isOpen(r) && options.allowClosed !== true)
      throw new AppError('PRIVACY_REQUEST_CLOSED', `request ${id} is ${r.status}`, {
        id,
        status: r.status,
      });
    const before = { status: r.status, ownerId: r.ownerId, dueAt: new Date(r.dueAt).toISOString() };
    const detail = await change(r, tx);
    r.timeline = [...r.timeline, { at: ctx.now, actorId: audit.actorId, what: verb, detail }];
    await savePrivacyRequest(tx, r);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: `privacy_request.${verb}`,
      target: `privacy_request/${id}`,
      at: new Date(ctx.now),
      ...audit,
      before,
      after: {
        status: r.status,
        ownerId: r.ownerId,
        dueAt: new Date(r.dueAt).toISOString(),
        ...detail,
      },
    });
    return r;
  });
}

export function assignRequest(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  ownerId: string,
) {
  requireOwner(ctx, ownerId);
  return changeRequest(db, ctx, audit, id, 'assign', (r) => {
    r.ownerId = ownerId;
    return { ownerId };
  });
}

export function setRequestStatus(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  status: 'verifying' | 'in_progress',
  note: string | undefined,
) {
  return changeRequest(db, ctx, audit, id, 'status', (r) => {
    if (r.status === status)
      throw new AppError('PRIVACY_REQUEST_STATE', `request ${id} is already ${status}`, {
        field: 'body/status',
        status,
      });
    r.status = status;
    return { status, ...(note?.trim() ? { note: note.trim() } : {}) };
  });
}

/** The one extension the law allows (GDPR Art. 12(3): two months; CCPA: 45 days), with a reason. */
export function extendRequest(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  reason: string,
) {
  return changeRequest(db, ctx, audit, id, 'extend', (r) => {
    if (r.extendedAt !== null)
      throw new AppError(
        'PRIVACY_EXTENSION_USED',
        `request ${id} was extended on ${new Date(r.extendedAt).toISOString()}: the law allows one extension`,
        { id, extendedAt: new Date(r.extendedAt).toISOString() },
      );
    const from = r.dueAt;
    r.dueAt = extendedDeadline(r.regime, r.receivedAt);
    r.extendedAt = ctx.now;
    r.extensionReason = reason.trim();
    // Reminders start again for the new deadline.
    r.remindersSent = [];
    return {
      from: new Date(from).toISOString(),
      to: new Date(r.dueAt).toISOString(),
      reason: r.extensionReason,
    };
  });
}

const NEEDS_EVIDENCE: Partial<Record<PrivacyRequestKind, 'archive' | 'erasure'>> = {
  access: 'archive',
  portability: 'archive',
  erasure: 'erasure',
};

/**
 * Close a request as done. An access or portability request is done once its archive was
 * produced, an erasure once the erasure ran (their evidence is on the request); other kinds
 * (rectification, restriction, objection, opt-out) are done when their owner says so.
 */
export function completeRequest(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  note: string | undefined,
) {
  return changeRequest(db, ctx, audit, id, 'complete', (r) => {
    const needed = NEEDS_EVIDENCE[r.kind];
    if (needed !== undefined && !r.evidence.some((e) => e.kind === needed))
      throw new AppError(
        'PRIVACY_REQUEST_STATE',
        needed === 'archive'
          ? `request ${id} asks for the subject's data: produce the archive before completing it`
          : `request ${id} asks for erasure: erase the subject before completing it`,
        { id, needs: needed },
      );
    r.status = 'completed';
    r.closedAt = ctx.now;
    r.closedReason = note?.trim() || null;
    return { status: 'completed', ...(r.closedReason === null ? {} : { note: r.closedReason }) };
  });
}

/** Refuse a request with the reason the subject is told (identity not verified, legal hold, …). */
export function rejectRequest(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  reason: string,
) {
  return changeRequest(db, ctx, audit, id, 'reject', (r) => {
    r.status = 'rejected';
    r.closedAt = ctx.now;
    r.closedReason = reason.trim();
    return { status: 'rejected', reason: r.closedReason };
  });
}

/** Link the request to the contact it is about (once the requester is identified). */
export function linkRequestSubject(
  db: Db,
  ctx: PrivacyActor,
  audit: AuditContext,
  id: string,
  contactId: string,
) {
  return changeRequest(db, ctx, audit, id, 'link', async (r, tx) => {
    if (r.evidence.length > 0)
      throw new AppError('PRIVACY_REQUEST_STATE', `request ${id} already acted on its subject`, {
        field: 'body/contactId',
      });
    await requireDataSubject(tx, ctx.tenantId, contactId, 'body/contactId');
    r.contactId = contactId;
    return { contactId };
  });
}
