import { openAuditEvents, type AuditValueReader } from './audit-values.ts';
import type { ObjectType } from '@custos/engine';
import { auditEventPages, type AuditFilter, type Database } from '@custos/store';
import { stringify } from 'csv-stringify/sync';
import {
  objectFieldLevels,
  viewAuditEvent,
  type AuditEventView,
  type AuditReader,
  type FieldLevels,
} from './audit-event-view.ts';

export type AuditExportFormat = 'csv' | 'json';

/** Events read per page of an export: one page in memory at a time. */
const EXPORT_PAGE = 500;

/** The columns of the CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actorId',
  'actorName',
  'actingAsId',
  'actingAsName',
  'action',
  'target',
  'outcome',
  'ip',
  'userAgent',
  'requestId',
  'before',
  'after',
  'maskedFields',
] as const;

const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));

function csvRow(e: AuditEventView): (string | null)[] {
  return [
    e.id,
    e.at,
    e.actorId,
    e.actorName,
    e.actingAsId,
    e.actingAsName,
    e.action,
    e.target,
    e.outcome,
    e.ip,
    e.userAgent,
    e.requestId,
    json(e.before),
    json(e.after),
    e.maskedFields.join(' '),
  ];
}

/** Per object, the reader's levels (memoised for one request or export). */
export function levelsByObject(reader: AuditReader): (object: ObjectType) => FieldLevels {
  const cache = new Map<ObjectType, FieldLevels>();
  return (object) => {
    let levels = cache.get(object);
    if (levels === undefined) {
      levels = objectFieldLevels(reader, object);
      cache.set(object, levels);
    }
    return levels;
  };
}

/**
 * An audit export as text chunks, newest first: CSV (a header row, then one row per event with
 * before/after as JSON cells) or a JSON document `{ items, count, truncated }`. Events are read a
 * page at a time and each is shown at the reader's field levels; at most `maxEvents`, then
 * `truncated`. `onDone` gets the count when the last chunk is made (the caller audits it).
 */
export async function* auditExportChunks(
  db: Database['db'],
  reader: AuditValueReader,
  filter: AuditFilter,
  format: AuditExportFormat,
  maxEvents: number,
  onDone: (summary: { count: number; truncated: boolean }) => Promise<void>,
): AsyncGenerator<string> {
  const levels = levelsByObject(reader);
  const pages = auditEventPages(
    db,
    { tenantId: reader.tenantId, ...filter },
    { pageSize: EXPORT_PAGE, maxEvents },
  );
  if (format === 'csv') yield stringify([[...AUDIT_CSV_COLUMNS]]);
  else yield '{"items":[';
  let first = true;
  let step = await pages.next();
  while (step.done !== true) {
    const opened = await openAuditEvents(db, reader, step.value);
    const views = opened.map((e) => viewAuditEvent(reader, e, levels));
    if (format === 'csv') yield stringify(views.map(csvRow));
    else {
      yield `${first ? '' : ','}${views.map((v) => JSON.stringify(v)).join(',')}`;
      first = false;
    }
    step = await pages.next();
  }
  const { count, truncated } = step.value;
  if (format === 'json') yield `],"count":${count},"truncated":${truncated}}`;
  await onDone({ count, truncated });
}
