import { createHmac, timingSafeEqual } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { ReviewCampaign, ReviewItem } from '@custos/store';

/**
 * Evidence of an access review campaign, as CSV or PDF, signed: the last line of the file is
 * `<comment> custos-evidence v1 hmac-sha256=<hex>`, an HMAC-SHA256 over every byte before that
 * line with a key derived from the server secret (never stored in the database). Changing any
 * byte of the file — content or signature — makes `verifyEvidence` fail. (A PDF reader ignores
 * the line after `%%EOF`; a CSV reader sees a comment line.)
 */

const MARK = 'custos-evidence v1 hmac-sha256=';
const PREFIX = { csv: '# ', pdf: '%' } as const;

export type EvidenceFormat = 'csv' | 'pdf';

export interface EvidenceSummary {
  items: number;
  kept: number;
  revoked: number;
  reduced: number;
  pending: number;
  defaulted: number;
  byReviewer: Record<
    string,
    { items: number; decided: number; kept: number; revoked: number; reduced: number }
  >;
}

export function summaryOf(items: readonly ReviewItem[]): EvidenceSummary {
  const s: EvidenceSummary = {
    items: items.length,
    kept: 0,
    revoked: 0,
    reduced: 0,
    pending: 0,
    defaulted: 0,
    byReviewer: {},
  };
  for (const i of items) {
    s[i.status] += 1;
    if (i.defaulted) s.defaulted += 1;
    const r = (s.byReviewer[i.reviewerId] ??= {
      items: 0,
      decided: 0,
      kept: 0,
      revoked: 0,
      reduced: 0,
    });
    r.items += 1;
    if (i.status !== 'pending') {
      r.decided += 1;
      r[i.status] += 1;
    }
  }
  return s;
}

function sign(key: Buffer, body: Buffer): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

function appendSignature(key: Buffer, body: Buffer, format: EvidenceFormat): Buffer {
  const nl = body.length > 0 && body[body.length - 1] !== 0x0a ? '\n' : '';
  const signed = Buffer.concat([body, Buffer.from(nl, 'utf8')]);
  return Buffer.concat([
    signed,
    Buffer.from(`${PREFIX[format]}${MARK}${sign(key, signed)}\n`, 'utf8'),
  ]);
}

export interface Verification {
  valid: boolean;
  format: EvidenceFormat | null;
  reason: string;
}

/** Verify a signed evidence file (CSV or PDF) with the key it was signed with. */
export function verifyEvidence(key: Buffer, file: Buffer): Verification {
  // The signature line is the last line: after the last newline but the final one.
  const end = file.length > 0 && file[file.length - 1] === 0x0a ? file.length - 1 : file.length;
  const start = file.lastIndexOf(0x0a, end - 1) + 1;
  const line = file.subarray(start, end).toString('utf8');
  const body = file.subarray(0, start);
  const format: EvidenceFormat | null = line.startsWith(PREFIX.csv + MARK)
    ? 'csv'
    : line.startsWith(PREFIX.pdf + MARK)
      ? 'pdf'
      : null;
  if (format === null || end !== file.length - 1)
    return { valid: false, format: null, reason: 'no signature line at the end of the file' };
  const given = line.slice(PREFIX[format].length + MARK.length);
  if (!/^[0-9a-f]{64}$/.test(given))
    return { valid: false, format, reason: 'the signature is not 64 hex digits' };
  const expected = Buffer.from(sign(key, body), 'hex');
  const ok = timingSafeEqual(expected, Buffer.from(given, 'hex'));
  return ok
    ? { valid: true, format, reason: 'the signature matches every byte of the file' }
    : {
        valid: false,
        format,
        reason: 'the file was changed after it was signed (or another key signed it)',
      };
}

const iso = (t: number | null): string => (t === null ? '' : new Date(t).toISOString());

function decisionRows(items: readonly ReviewItem[]): string[][] {
  return items.map((i) => [
    String(i.itemNo),
    i.kind,
    i.revieweeId ?? '',
    i.grantId ?? '',
    i.hash,
    i.reviewerId,
    i.status,
    i.defaulted ? 'yes' : 'no',
    i.reason ?? '',
    i.reduction === null ? '' : JSON.stringify(i.reduction),
    i.decidedBy ?? (i.status === 'pending' ? '' : 'system'),
    iso(i.decidedAt),
    (i.auditEventIds ?? []).join(' '),
    i.recheck === null ? '' : i.recheck.passed === true ? 'passed' : 'FAILED',
    i.recheck === null ? '' : JSON.stringify(i.recheck),
  ]);
}

const HEADER = [
  'item',
  'kind',
  'reviewee',
  'grant',
  'item_sha256',
  'reviewer',
  'status',
  'defaulted',
  'reason',
  'reduction',
  'decided_by',
  'decided_at',
  'audit_event_ids',
  'recheck',
  'recheck_evidence',
];

/** The campaign's evidence as signed CSV: campaign, summary, then one row per item. */
export function evidenceCsv(
  key: Buffer,
  campaign: ReviewCampaign,
  items: readonly ReviewItem[],
  exportedAt: number,
): Buffer {
  const s = summaryOf(items);
  const head: string[][] = [
    ['campaign', campaign.id],
    ['name', campaign.name],
    ['status', campaign.status],
    ['scope', JSON.stringify(campaign.scope)],
    ['reviewers', JSON.stringify(campaign.reviewers)],
    ['started_at', iso(campaign.startedAt)],
    ['deadline', iso(campaign.deadline)],
    ['closed_at', iso(campaign.closedAt)],
    ['default_decision', campaign.defaultDecision],
    ['snapshot_sha256', campaign.snapshotHash ?? ''],
    ['exported_at', iso(exportedAt)],
    ['items', String(s.items)],
    ['kept', String(s.kept)],
    ['revoked', String(s.revoked)],
    ['reduced', String(s.reduced)],
    ['pending', String(s.pending)],
    ['defaulted', String(s.defaulted)],
    ...Object.entries(s.byReviewer).map(([id, r]) => [
      `reviewer ${id}`,
      `${r.decided}/${r.items} decided; kept ${r.kept}, revoked ${r.revoked}, reduced ${r.reduced}`,
    ]),
    [],
  ];
  const body =
    stringify(head, { eof: true }) + stringify([HEADER, ...decisionRows(items)], { eof: true });
  return appendSignature(key, Buffer.from(body, 'utf8'), 'csv');
}

/** The campaign's evidence as a signed PDF (pdfkit): summary, then every decision. */
export async function evidencePdf(
  key: Buffer,
  campaign: ReviewCampaign,
  items: readonly ReviewItem[],
  exportedAt: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> {
  const s = summaryOf(items);
  // Fixed dates: the same evidence gives the same bytes.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    compress: true,
    info: {
      Title: `Access review evidence ${campaign.id}`,
      Author: 'Custos',
      CreationDate: new Date(exportedAt),
      ModDate: new Date(exportedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  // Built-in fonts are Latin-1: names are written as their ids (ASCII), free text escaped.
  const ascii = (t: string): string =>
    [...t]
      .map((ch) => (ch.charCodeAt(0) < 0x7f ? ch : `\\u{${ch.codePointAt(0)?.toString(16)}}`))
      .join('');
  doc.font('Helvetica-Bold').fontSize(16).text('Access review evidence');
  doc.font('Helvetica').fontSize(9);
  const line = (k: string, v: string): void => {
    doc.text(`${k}: ${ascii(v)}`);
  };
  line('Campaign', `${campaign.id} (${campaign.name})`);
  line('Status', campaign.status);
  line('Scope', JSON.stringify(campaign.scope));
  line('Reviewers', JSON.stringify(campaign.reviewers));
  line('Started', iso(campaign.startedAt));
  line('Deadline', iso(campaign.deadline));
  line('Closed', iso(campaign.closedAt));
  line('Default for undecided items', campaign.defaultDecision);
  line('Snapshot SHA-256', campaign.snapshotHash ?? '');
  line('Exported', iso(exportedAt));
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Summary');
  doc.font('Helvetica').fontSize(9);
  doc.text(
    `Items ${s.items}; kept ${s.kept}; revoked ${s.revoked}; reduced ${s.reduced}; pending ${s.pending}; defaulted ${s.defaulted}`,
  );
  for (const [id, r] of Object.entries(s.byReviewer))
    doc.text(
      `Reviewer ${ascii(id)}: ${r.decided}/${r.items} decided; kept ${r.kept}, revoked ${r.revoked}, reduced ${r.reduced}`,
    );
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text('Decisions');
  items.forEach((i, n) => {
    doc.moveDown(0.5);
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(
        `#${i.itemNo} ${i.kind} ${ascii(i.revieweeId ?? '')} ${ascii(i.grantId ?? '')} - ${i.status}${i.defaulted ? ' (default)' : ''}`,
      );
    doc.font('Helvetica').fontSize(8);
    doc.text(`Item SHA-256: ${i.hash}`);
    doc.text(
      `Reviewer: ${ascii(i.reviewerId)}; decided by ${ascii(i.decidedBy ?? (i.status === 'pending' ? '-' : 'system'))} at ${iso(i.decidedAt)}`,
    );
    if (i.reason !== null) doc.text(`Reason: ${ascii(i.reason)}`);
    if (i.reduction !== null) doc.text(`Reduction: ${ascii(JSON.stringify(i.reduction))}`);
    if (i.auditEventIds !== null && i.auditEventIds.length > 0)
      doc.text(`Audit events: ${i.auditEventIds.join(', ')}`);
    if (i.recheck !== null)
      doc.text(
        `Re-check ${i.recheck.passed === true ? 'PASSED' : 'FAILED'}: ${ascii(JSON.stringify(i.recheck.checks))}`,
      );
    onProgress?.(n + 1, items.length);
  });
  doc.end();
  await done;
  return appendSignature(key, Buffer.concat(chunks), 'pdf');
}
