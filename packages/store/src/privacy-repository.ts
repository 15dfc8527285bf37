import { sql, type Kysely, type Selectable } from 'kysely';
import type { PrivacyConsentRow, PrivacyRequestRow, StoreSchema } from './schema.ts';

type Db = Kysely<StoreSchema>;

/** GDPR Art. 6(1): the lawful bases of processing. */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** Where a consent was given. */
export const CONSENT_SOURCES = [
  'web_form',
  'phone',
  'email',
  'in_person',
  'import',
  'portal',
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** A consent record of a contact (0022-privacy). */
export interface Consent {
  id: string;
  tenantId: string;
  contactId: string;
  purpose: string;
  lawfulBasis: LawfulBasis;
  source: ConsentSource;
  note: string | null;
  givenAt: number;
  withdrawnAt: number | null;
  recordedBy: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
  createdAt: number;
}

export interface NewConsent {
  tenantId: string;
  contactId: string;
  purpose: string;
  lawfulBasis: LawfulBasis;
  source: ConsentSource;
  note: string | null;
  givenAt: number;
  recordedBy: string | null;
  now: number;
}

/** The kinds of data-subject request (GDPR Art. 15–21, CCPA §1798.100–.120). */
export const PRIVACY_REQUEST_KINDS = [
  'access',
  'portability',
  'erasure',
  'rectification',
  'restriction',
  'objection',
  'opt_out_of_sale',
] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
export const PRIVACY_REGIMES = ['gdpr', 'ccpa'] as const;
export type PrivacyRegime = (typeof PRIVACY_REGIMES)[number];
export const PRIVACY_REQUEST_STATUSES = [
  'received',
  'verifying',
  'in_progress',
  'completed',
  'rejected',
] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
/** The statuses of a request still running (its deadline still counts). */
export const OPEN_PRIVACY_STATUSES: readonly PrivacyRequestStatus[] = [
  'received',
  'verifying',
  'in_progress',
];

/** One step of a request's timeline, as it happened. */
export interface PrivacyTimelineEntry {
  at: number;
  actorId: string | null;
  /** `created`, `status`, `assigned`, `extended`, `archive`, `erased`, `completed`, `rejected`, `reminded`, `overdue`. */
  what: string;
  detail: Record<string, unknown>;
}

/** What an erasure did, kept on the request as evidence. */
export interface ErasureEvidence {
  kind: 'erasure';
  erasedAt: number;
  erasedBy: string;
  contactId: string;
  /** The contact's customer; null when the contact had been deleted before the erasure. */
  customerId: string | null;
  /** True when the contact had been deleted before: only its traces (audit log, consents) remained. */
  recordDeleted?: boolean;
  /** The contact's fields replaced (names only: the values are what was erased). */
  fieldsErased: string[];
  consentsCleared: number;
  /** True when the subject's key existed and was destroyed (crypto-shredding). */
  subjectKeyShredded: boolean;
  /** The audit events written by the erasure, and the chain head after them. */
  auditEventIds: string[];
  auditHead: { seq: string; hash: string };
}

/** What an access or portability archive held, kept on the request as evidence. */
export interface ArchiveEvidence {
  kind: 'archive';
  producedAt: number;
  producedBy: string;
  sha256: string;
  bytes: number;
  files: string[];
  auditEventId: string;
}

export interface PrivacyRequest {
  id: string;
  tenantId: string;
  kind: PrivacyRequestKind;
  regime: PrivacyRegime;
  status: PrivacyRequestStatus;
  contactId: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
  notes: string | null;
  receivedAt: number;
  dueAt: number;
  extendedAt: number | null;
  extensionReason: string | null;
  ownerId: string | null;
  createdBy: string | null;
  closedAt: number | null;
  closedReason: string | null;
  evidence: (ErasureEvidence | ArchiveEvidence)[];
  timeline: PrivacyTimelineEntry[];
  /** Which reminders the deadline job already sent (`due_soon`, `overdue`). */
  remindersSent: string[];
}

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const maybeMillis = (d: Date | string | null): number | null => (d === null ? null : millis(d));
const json = <T>(v: unknown, fallback: T): T =>
  v === null || v === undefined ? fallback : ((typeof v === 'string' ? JSON.parse(v) : v) as T);

function toConsent(r: Selectable<PrivacyConsentRow>): Consent {
  return {
    id: String(r.id),
    tenantId: r.tenant_id,
    contactId: r.contact_id,
    purpose: r.purpose,
    lawfulBasis: r.lawful_basis as LawfulBasis,
    source: r.source as ConsentSource,
    note: r.note,
    givenAt: millis(r.given_at),
    withdrawnAt: maybeMillis(r.withdrawn_at),
    recordedBy: r.recorded_by,
    withdrawnBy: r.withdrawn_by,
    withdrawReason: r.withdraw_reason,
    createdAt: millis(r.created_at),
  };
}

function toRequest(r: Selectable<PrivacyRequestRow>): PrivacyRequest {
  return {
    id: String(r.id),
    tenantId: r.tenant_id,
    kind: r.kind as PrivacyRequestKind,
    regime: r.regime as PrivacyRegime,
    status: r.status as PrivacyRequestStatus,
    contactId: r.contact_id,
    requesterName: r.requester_name,
    requesterEmail: r.requester_email,
    notes: r.notes,
    receivedAt: millis(r.received_at),
    dueAt: millis(r.due_at),
    extendedAt: maybeMillis(r.extended_at),
    extensionReason: r.extension_reason,
    ownerId: r.owner_id,
    createdBy: r.created_by,
    closedAt: maybeMillis(r.closed_at),
    closedReason: r.closed_reason,
    evidence: json(r.evidence, []),
    timeline: json(r.timeline, []),
    remindersSent: json(r.reminders_sent, []),
  };
}

export async function insertConsent(db: Db, c: NewConsent): Promise<Consent> {
  const row = await db
    .insertInto('privacy_consents')
    .values({
      tenant_id: c.tenantId,
      contact_id: c.contactId,
      purpose: c.purpose,
      lawful_basis: c.lawfulBasis,
      source: c.source,
      note: c.note,
      given_at: new Date(c.givenAt),
      recorded_by: c.recordedBy,
      created_at: new Date(c.now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConsent(row);
}

/** A contact's consents, oldest first. */
export async function listConsents(
  db: Db,
  tenantId: string,
  contactId: string,
): Promise<Consent[]> {
  const rows = await db
    .selectFrom('privacy_consents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .orderBy('id')
    .execute();
  return rows.map(toConsent);
}

/** One consent of a contact, locked for a change when `forUpdate`. */
export async function getConsent(
  db: Db,
  tenantId: string,
  contactId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Consent | undefined> {
  let query = db
    .selectFrom('privacy_consents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .where('id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toConsent(row);
}

export async function withdrawConsent(
  db: Db,
  tenantId: string,
  id: string,
  by: { at: number; actorId: string | null; reason: string | null },
): Promise<Consent> {
  const row = await db
    .updateTable('privacy_consents')
    .set({ withdrawn_at: new Date(by.at), withdrawn_by: by.actorId, withdraw_reason: by.reason })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConsent(row);
}

/** Erasure: the free text of a contact's consents cleared (purpose, note, reason); returns how many. */
export async function clearConsentText(
  db: Db,
  tenantId: string,
  contactId: string,
  redaction: string,
): Promise<number> {
  const result = await db
    .updateTable('privacy_consents')
    .set({ purpose: redaction, note: null, withdraw_reason: null })
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Erasure: the person's name taken out of notifications that carried it (an approver's "request
 * for access to 张三"); the notification stays, naming the record by id. Returns how many.
 */
export async function clearNotificationNames(
  db: Db,
  tenantId: string,
  object: string,
  recordId: string,
): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ params: sql`jsonb_set(params, '{recordName}', 'null'::jsonb)` })
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`params->>'object' = ${object}`)
    .where(sql<boolean>`params->>'recordId' = ${recordId}`)
    .where(sql<boolean>`params->>'recordName' is not null`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface NewPrivacyRequest {
  tenantId: string;
  kind: PrivacyRequestKind;
  regime: PrivacyRegime;
  contactId: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
  notes: string | null;
  receivedAt: number;
  dueAt: number;
  ownerId: string | null;
  createdBy: string | null;
  timeline: PrivacyTimelineEntry[];
}

export async function insertPrivacyRequest(db: Db, r: NewPrivacyRequest): Promise<PrivacyRequest> {
  const row = await db
    .insertInto('privacy_requests')
    .values({
      tenant_id: r.tenantId,
      kind: r.kind,
      regime: r.regime,
      status: 'received',
      contact_id: r.contactId,
      requester_name: r.requesterName,
      requester_email: r.requesterEmail,
      notes: r.notes,
      received_at: new Date(r.receivedAt),
      due_at: new Date(r.dueAt),
      extension_reason: null,
      owner_id: r.ownerId,
      created_by: r.createdBy,
      closed_reason: null,
      timeline: JSON.stringify(r.timeline),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRequest(row);
}

export async function getPrivacyRequest(
  db: Db,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PrivacyRequest | undefined> {
  let query = db
    .selectFrom('privacy_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toRequest(row);
}

/** Write back the mutable parts of a request. */
export async function savePrivacyRequest(db: Db, r: PrivacyRequest): Promise<void> {
  await db
    .updateTable('privacy_requests')
    .set({
      status: r.status,
      contact_id: r.contactId,
      notes: r.notes,
      requester_name: r.requesterName,
      requester_email: r.requesterEmail,
      due_at: new Date(r.dueAt),
      extended_at: r.extendedAt === null ? null : new Date(r.extendedAt),
      extension_reason: r.extensionReason,
      owner_id: r.ownerId,
      closed_at: r.closedAt === null ? null : new Date(r.closedAt),
      closed_reason: r.closedReason,
      evidence: JSON.stringify(r.evidence),
      timeline: JSON.stringify(r.timeline),
      reminders_sent: JSON.stringify(r.remindersSent),
    })
    .where('tenant_id', '=', r.tenantId)
    .where('id', '=', r.id)
    .execute();
}

export interface PrivacyRequestFilter {
  status?: readonly PrivacyRequestStatus[];
  kind?: PrivacyRequestKind;
  contactId?: string;
  ownerId?: string;
  limit?: number;
}

/** A tenant's requests, the nearest deadline first. */
export async function listPrivacyRequests(
  db: Db,
  tenantId: string,
  filter: PrivacyRequestFilter = {},
): Promise<PrivacyRequest[]> {
  let query = db
    .selectFrom('privacy_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('due_at')
    .orderBy('id')
    .limit(filter.limit ?? 500);
  if (filter.status !== undefined && filter.status.length > 0)
    query = query.where('status', 'in', [...filter.status]);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.contactId !== undefined) query = query.where('contact_id', '=', filter.contactId);
  if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
  const rows = await query.execute();
  return rows.map(toRequest);
}

/** The tenants with open requests due before `before` (for the deadline job). */
export async function tenantsWithOpenPrivacyRequests(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('privacy_requests')
    .select('tenant_id')
    .distinct()
    .where('status', 'in', [...OPEN_PRIVACY_STATUSES])
    .execute();
  return rows.map((r) => r.tenant_id);
}
