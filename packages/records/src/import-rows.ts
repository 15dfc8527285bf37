import type { FieldSetting, ObjectType } from '@custos/engine';
import { appendAuditEvent, lockRecord, type Database } from '@custos/store';
import { createRecordAs } from './create-record.ts';
import { parseCell, unchanged } from './field-values.ts';
import { RecordError, type RecordErrorCode } from './record-error.ts';
import { updateRecordAs } from './update-record.ts';
import { writeAuditFields, type WriteContext } from './write-context.ts';

/** One CSV row with the line it ends on (the header is line 1). */
export interface ImportRow {
  line: number;
  cells: Record<string, string>;
}

/** A row the importer may not write, and why (a code of the record write path). */
export interface ImportFailure {
  line: number;
  code: RecordErrorCode;
  message: string;
  field?: string;
}

export interface ImportOutcome {
  /** Ids of the customers the rows created and updated (committed only when `written`). */
  created: string[];
  updated: string[];
  failures: ImportFailure[];
  /** Whether the rows that passed were committed (not when all-or-nothing and a row failed). */
  written: boolean;
}

export interface ImportOptions {
  /** Write nothing when any row fails. */
  allOrNothing: boolean;
  /** The summary audit event: its action (`customer.import`, `record.import`) and source. */
  audit: { action: string; source: Record<string, unknown> };
}

/** Columns an import reads besides the object's fields (`customerId`: children only). */
export const RECORD_COLUMNS = ['id', 'ownerId', 'customerId'] as const;

/** The columns an import of `object` knows: the record columns and the object's fields. */
export function importColumns(ctx: Pick<WriteContext, 'model'>, object: ObjectType): Set<string> {
  return new Set([
    'id',
    'ownerId',
    ...(object === 'customer' ? [] : ['customerId']),
    ...Object.keys(ctx.model.objects.find((o) => o.object === object)?.fields ?? {}),
  ]);
}

/** An error of the write path as a row failure (`body/fields/creditLimit` → `creditLimit`). */
function failureOf(error: unknown): Omit<ImportFailure, 'line'> {
  if (!(error instanceof RecordError)) throw error;
  const where = error.details.field;
  const field = typeof where === 'string' ? where.replace(/^body\/(fields\/)?/, '') : undefined;
  return { code: error.code, message: error.message, ...(field === undefined ? {} : { field }) };
}

/** Thrown inside the import's transaction to roll it back (all or nothing, and a row failed). */
class RollBack extends Error {}

/**
 * Write the rows of an import of `object` as the importer, each through the same write path as the
 * API (`@custos/records`: row lock, read and action checks, `prepareCreate`/`prepareUpdate`, the
 * audit event): an existing id is an update (`read` and `update` allowed, every changed field at
 * `edit`), anything else a create (owner an active internal user, `create` allowed, every given
 * field at `edit`). Empty cells and cells equal to the current value (or its masked form) change
 * nothing, so an export can be edited and imported back. Every row runs in one transaction, with an
 * event summing it up (`options.audit.action`: `customer.import` from the CLI, `record.import` from
 * the API); all or nothing rolls it back when a row failed, and every failing row is reported
 * either way. The CLI (`custos import`) and the API (`POST /v1/<object>/import`) both import here.
 */
export async function importRows(
  db: Database['db'],
  ctx: WriteContext,
  object: ObjectType,
  rows: readonly ImportRow[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const settings: Record<string, FieldSetting> =
    ctx.model.objects.find((o) => o.object === object)?.fields ?? {};
  const outcome: ImportOutcome = { created: [], updated: [], failures: [], written: false };
  try {
    await db.transaction().execute(async (tx) => {
      const seen = new Set<string>();
      for (const { line, cells } of rows) {
        const fail = (f: Omit<ImportFailure, 'line'>): void =>
          void outcome.failures.push({ line, ...f });
        const id = (cells.id ?? '').trim();
        if (id !== '' && seen.has(id)) {
          fail({ code: 'REQUEST_INVALID', message: `${object} ${id} appears twice in the import` });
          continue;
        }
        if (id !== '') seen.add(id);
        const given = Object.entries(cells).filter(
          ([column, cell]) =>
            cell !== '' && !(RECORD_COLUMNS as readonly string[]).includes(column),
        );
        const ownerId = (cells.ownerId ?? '').trim();
        const customerId = object === 'customer' ? '' : (cells.customerId ?? '').trim();
        try {
          if (id !== '' && (await lockRecord(tx, ctx.tenantId, object, id))) {
            await updateRecordAs(tx, ctx, object, id, (current) => {
              if (ownerId !== '' && ownerId !== (current.ownerId ?? '')) {
                throw new RecordError(
                  'REQUEST_INVALID',
                  `ownerId cannot be changed by an import (transfer the ${object} instead)`,
                  { field: 'body/ownerId' },
                );
              }
              if (customerId !== '' && customerId !== current.customerId) {
                throw new RecordError(
                  'REQUEST_INVALID',
                  'customerId cannot be changed by an import',
                  { field: 'body/customerId' },
                );
              }
              const fields: Record<string, unknown> = {};
              for (const [field, cell] of given) {
                const value = current.fields[field];
                if (!unchanged(cell, value, settings[field])) {
                  fields[field] = parseCell(cell, value, settings[field]);
                }
              }
              return { fields };
            });
            outcome.updated.push(id);
            continue;
          }
          const fields: Record<string, unknown> = {};
          for (const [field, cell] of given) {
            fields[field] = parseCell(cell, undefined, settings[field]);
          }
          const created = await createRecordAs(tx, ctx, object, {
            fields,
            ...(ownerId === '' ? {} : { ownerId }),
            ...(customerId === '' ? {} : { customerId }),
            ...(id === '' ? {} : { id }),
          });
          outcome.created.push(created.id);
        } catch (error) {
          fail(failureOf(error));
        }
      }
      if (outcome.failures.length > 0 && options.allOrNothing) throw new RollBack();
      if (outcome.created.length + outcome.updated.length > 0) {
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...writeAuditFields(ctx),
          action: options.audit.action,
          target: object,
          after: {
            ...options.audit.source,
            object,
            created: outcome.created,
            updated: outcome.updated,
            failed: outcome.failures.length,
            counts: {
              rows: rows.length,
              created: outcome.created.length,
              updated: outcome.updated.length,
              failed: outcome.failures.length,
            },
          },
          at: new Date(ctx.now),
        });
      }
    });
    outcome.written = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return outcome;
}
