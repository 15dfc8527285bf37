import type { FieldSetting } from '@custos/engine';
import {
  createRecordAs,
  RecordError,
  updateRecordAs,
  type RecordErrorCode,
  type WriteContext,
} from '@custos/records';
import { appendAuditEvent, lockRecord, type Database } from '@custos/store';
import { parseCell, unchanged } from './field-values.ts';

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
  /** The file, for the summary audit event. */
  file: string;
}

/** Columns an import reads besides the object's fields. */
export const RECORD_COLUMNS = ['id', 'ownerId'] as const;

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
 * Write the rows of a customer import as the importer, each through the same write path as the
 * API (`@custos/records`: row lock, read and action checks, `prepareCreate`/`prepareUpdate`, the
 * audit event): an existing id is an update (`read` and `update` allowed, every changed field at
 * `edit`), anything else a create (owner an active internal user, `create` allowed, every given
 * field at `edit`). Empty cells and cells equal to the current value (or its masked form) change
 * nothing, so an export can be edited and imported back. Every row runs in one transaction, with a
 * `customer.import` event summing it up; all or nothing rolls it back when a row failed, and every
 * failing row is reported either way.
 */
export async function importCustomerRows(
  db: Database['db'],
  ctx: WriteContext,
  rows: readonly ImportRow[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const settings: Record<string, FieldSetting> =
    ctx.model.objects.find((o) => o.object === 'customer')?.fields ?? {};
  const outcome: ImportOutcome = { created: [], updated: [], failures: [], written: false };
  try {
    await db.transaction().execute(async (tx) => {
      const seen = new Set<string>();
      for (const { line, cells } of rows) {
        const fail = (f: Omit<ImportFailure, 'line'>): void =>
          void outcome.failures.push({ line, ...f });
        const id = (cells.id ?? '').trim();
        if (id !== '' && seen.has(id)) {
          fail({ code: 'REQUEST_INVALID', message: `customer ${id} appears twice in the file` });
          continue;
        }
        if (id !== '') seen.add(id);
        const given = Object.entries(cells).filter(
          ([column, cell]) =>
            cell !== '' && !(RECORD_COLUMNS as readonly string[]).includes(column),
        );
        const ownerId = (cells.ownerId ?? '').trim();
        try {
          if (id !== '' && (await lockRecord(tx, ctx.tenantId, 'customer', id))) {
            await updateRecordAs(tx, ctx, 'customer', id, (current) => {
              if (ownerId !== '' && ownerId !== (current.ownerId ?? '')) {
                throw new RecordError(
                  'REQUEST_INVALID',
                  'ownerId cannot be changed by an import (transfer the customer instead)',
                  { field: 'body/ownerId' },
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
          const created = await createRecordAs(tx, ctx, 'customer', {
            fields,
            ...(ownerId === '' ? {} : { ownerId }),
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
          actorId: ctx.userId,
          action: 'customer.import',
          target: 'customer',
          after: {
            file: options.file,
            created: outcome.created,
            updated: outcome.updated,
            failed: outcome.failures.length,
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
