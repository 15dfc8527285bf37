import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import {
  appendAuditEvent,
  auditEventPages,
  getRecord,
  isRedacted,
  listConsents,
  listPrivacyRequests,
  type ArchiveEvidence,
  type Database,
  type Keyring,
  type StoredAuditEvent,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { AuditContext } from '../../http/audit-context.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { consentView } from './consent-service.ts';
import { openFieldsForSubject } from './open-fields.ts';
import { changeRequest } from './privacy-request-service.ts';

type Db = Database['db'];
type Ctx = Pick<RequestContext, 'tenantId' | 'userId' | 'index' | 'model' | 'now'>;

/** At most this many audit events go into one archive's access log (then it says so). */
export const ARCHIVE_MAX_AUDIT_EVENTS = 20_000;

export interface SubjectArchive {
  zip: Uint8Array;
  files: string[];
  sha256: string;
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());
const csv = (header: string[], rows: unknown[][]): Uint8Array =>
  strToU8(stringify([header, ...rows.map((r) => r.map(cell))], { bom: true }));

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isRedacted(v)) return '已删除 / erased';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);

const README = `Custos — 个人数据副本 / copy of personal data

本压缩包包含本公司持有的关于该数据主体的全部数据(GDPR 第 15、20 条;CCPA 知情权):
This archive holds everything the company keeps about the data subject (GDPR Art. 15 and 20,
CCPA right to know), each part as JSON (machine-readable, for portability) and CSV:

  contact.json / contact.csv        the contact record, every field in clear
  consents.json / consents.csv      consents given and withdrawn: purpose, lawful basis, source, dates
  requests.json / requests.csv      the person's data-subject requests and their outcome
  access-log.json / access-log.csv  who accessed or changed the record, from the audit log
                                    (time, who, action, outcome)
  related.json                      other records linked to the person
  manifest.json                     what was produced, when, by whom, and each file's SHA-256

Values shown as "已删除 / erased" were erased and can no longer be read by anyone.
`;

/**
 * The subject's archive: one zip with the contact record (every field opened: a `privacy_admin`
 * holder producing the subject's own copy is the lawful path, docs/privacy.md), their consents,
 * their requests, what links to them, and who accessed the record (every audit event on it).
 */
export async function buildSubjectArchive(
  db: Db,
  keyring: Keyring | undefined,
  ctx: Ctx,
  contactId: string,
  producedBy: string,
): Promise<SubjectArchive> {
  const contact = await getRecord(db, ctx.tenantId, 'contact', contactId);
  if (contact === undefined)
    throw new AppError('NOT_FOUND', `no contact ${contactId}`, {
      object: 'contact',
      id: contactId,
    });
  const fields = await openFieldsForSubject(
    db,
    keyring,
    { tenantId: ctx.tenantId, object: 'contact', recordId: contactId },
    contact.fields,
  );
  const settings = ctx.model.objects.find((o) => o.object === 'contact')?.fields ?? {};
  const userName = (id: string | null): string | null =>
    id === null ? null : (ctx.index.users.get(id)?.name ?? id);
  const customerName = contact.parent?.fields.name;

  const contactDoc = {
    id: contact.id,
    customerId: contact.customerId,
    customerName: typeof customerName === 'string' ? customerName : null,
    owner: userName(contact.ownerId),
    updatedAt: contact.updatedAt,
    fields,
  };
  const consents = (await listConsents(db, ctx.tenantId, contactId)).map((c) =>
    consentView(ctx, c),
  );
  const requests = (await listPrivacyRequests(db, ctx.tenantId, { contactId })).map((r) => ({
    id: r.id,
    kind: r.kind,
    regime: r.regime,
    status: r.status,
    requesterName: r.requesterName,
    requesterEmail: r.requesterEmail,
    receivedAt: iso(r.receivedAt),
    dueAt: iso(r.dueAt),
    extendedAt: r.extendedAt === null ? null : iso(r.extendedAt),
    extensionReason: r.extensionReason,
    closedAt: r.closedAt === null ? null : iso(r.closedAt),
    closedReason: r.closedReason,
  }));

  const targets = [`contact/${contactId}`, ...requests.map((r) => `privacy_request/${r.id}`)];
  const events: StoredAuditEvent[] = [];
  let truncated = false;
  for (const target of targets) {
    const pages = auditEventPages(
      db,
      { tenantId: ctx.tenantId, target },
      { pageSize: 500, maxEvents: ARCHIVE_MAX_AUDIT_EVENTS },
    );
    for (;;) {
      const next = await pages.next();
      if (next.done === true) {
        truncated ||= next.value.truncated;
        break;
      }
      events.push(...next.value);
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.id) - Number(b.id));
  const accessLog = events.map((e) => ({
    at: e.at.toISOString(),
    who: userName(e.actorId) ?? 'system',
    whoId: e.actorId,
    actingAs: userName(e.actingAsId),
    action: e.action,
    target: e.target,
    outcome: e.outcome,
  }));

  const related = {
    linked: [] as unknown[],
    note: 'In this CRM, deals, orders, tickets and activities belong to the customer account, not to a contact: none of them is linked to this person. 商机、订单、服务记录和跟进记录属于客户(公司),不关联到联系人个人。',
  };

  const fieldNames = Object.keys(fields).sort();
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(README),
    'contact.json': json(contactDoc),
    'contact.csv': csv(
      ['field', 'label', 'value'],
      [
        ['id', 'ID', contact.id],
        ['customer', '客户 / customer', contactDoc.customerName ?? contact.customerId],
        ...fieldNames.map((f) => [f, settings[f]?.label ?? f, fields[f]]),
      ],
    ),
    'consents.json': json(consents),
    'consents.csv': csv(
      ['id', 'purpose', 'lawful_basis', 'source', 'given_at', 'withdrawn_at', 'recorded_by'],
      consents.map((c) => [
        c.id,
        c.purpose,
        c.lawfulBasis,
        c.source,
        c.givenAt,
        c.withdrawnAt,
        c.recordedByName,
      ]),
    ),
    'requests.json': json(requests),
    'requests.csv': csv(
      ['id', 'kind', 'regime', 'status', 'received_at', 'due_at', 'closed_at', 'closed_reason'],
      requests.map((r) => [
        r.id,
        r.kind,
        r.regime,
        r.status,
        r.receivedAt,
        r.dueAt,
        r.closedAt,
        r.closedReason,
      ]),
    ),
    'access-log.json': json({ events: accessLog, truncated }),
    'access-log.csv': csv(
      ['time', 'who', 'action', 'outcome', 'acting_as'],
      accessLog.map((e) => [e.at, e.who, e.action, e.outcome, e.actingAs]),
    ),
    'related.json': json(related),
  };
  const manifest = {
    subject: { contactId, customerId: contact.customerId },
    tenantId: ctx.tenantId,
    producedAt: new Date(ctx.now).toISOString(),
    producedBy: userName(producedBy),
    accessLogTruncated: truncated,
    files: Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [
        name,
        { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
      ]),
    ),
  };
  files['manifest.json'] = json(manifest);
  // A fixed time for every entry: the same content gives the same archive.
  const mtime = new Date(ctx.now);
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { mtime }]])),
    { level: 6 },
  );
  return {
    zip,
    files: Object.keys(files),
    sha256: createHash('sha256').update(zip).digest('hex'),
  };
}

/**
 * Produce a request's archive (access or portability): built, then in one transaction the
 * `privacy.export` audit event, the evidence on the request and its timeline entry.
 */
export async function produceRequestArchive(
  db: Db,
  keyring: Keyring | undefined,
  ctx: Ctx,
  audit: AuditContext,
  requestId: string,
  getRequestSubject: () => Promise<{ kind: string; contactId: string | null; status: string }>,
): Promise<SubjectArchive> {
  const r = await getRequestSubject();
  if (r.kind !== 'access' && r.kind !== 'portability')
    throw new AppError(
      'PRIVACY_REQUEST_STATE',
      `request ${requestId} is a ${r.kind} request: archives answer access and portability requests`,
      { id: requestId, kind: r.kind },
    );
  if (r.contactId === null)
    throw new AppError('PRIVACY_REQUEST_STATE', `request ${requestId} names no contact yet`, {
      id: requestId,
      field: 'contactId',
    });
  if (r.status === 'received' || r.status === 'verifying')
    throw new AppError(
      'PRIVACY_REQUEST_STATE',
      `request ${requestId} is ${r.status}: verify the requester's identity and set it in progress first`,
      { id: requestId, status: r.status },
    );
  const contactId = r.contactId;
  const producedBy = audit.actorId ?? ctx.userId;
  const archive = await buildSubjectArchive(db, keyring, ctx, contactId, producedBy);
  await changeRequest(
    db,
    ctx,
    audit,
    requestId,
    'archive',
    async (req, tx) => {
      const event = await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        action: 'privacy.export',
        target: `contact/${contactId}`,
        at: new Date(ctx.now),
        ...audit,
        after: {
          requestId,
          sha256: archive.sha256,
          bytes: archive.zip.length,
          files: archive.files,
        },
      });
      const evidence: ArchiveEvidence = {
        kind: 'archive',
        producedAt: ctx.now,
        producedBy,
        sha256: archive.sha256,
        bytes: archive.zip.length,
        files: archive.files,
        auditEventId: event.id,
      };
      req.evidence = [...req.evidence, evidence];
      return { sha256: archive.sha256, bytes: archive.zip.length, auditEventId: event.id };
    },
    { allowClosed: true },
  );
  return archive;
}
