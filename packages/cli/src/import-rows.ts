import {
  buildIndex,
  decide,
  type CrmRecord,
  type FieldSetting,
  type PolicyModel,
  type User,
} from '@custos/engine';
import { parseCell, unchanged } from './field-values.ts';
import type { ServerModule } from './server-bridge.ts';

/** One CSV row with the line it ends on (the header is line 1). */
export interface ImportRow {
  line: number;
  cells: Record<string, string>;
}

/** A row the importer may not write, and why. */
export interface ImportFailure {
  line: number;
  code: 'PERMISSION_DENIED' | 'FIELD_NOT_EDITABLE' | 'NOT_FOUND' | 'REQUEST_INVALID';
  message: string;
  field?: string;
}

export type ImportChange =
  | { kind: 'create'; line: number; record: CrmRecord }
  | { kind: 'update'; line: number; before: CrmRecord; record: CrmRecord };

export interface ImportPlan {
  changes: ImportChange[];
  failures: ImportFailure[];
}

/** Columns an import reads besides the object's fields. */
export const RECORD_COLUMNS = ['id', 'ownerId'] as const;

/** The record rules of the server (`prepareCreate`, `prepareUpdate`): one judge for every door. */
export type RecordRules = Pick<ServerModule, 'prepareCreate' | 'prepareUpdate' | 'AppError'>;

const FAILURE_CODES = new Set<ImportFailure['code']>([
  'PERMISSION_DENIED',
  'FIELD_NOT_EDITABLE',
  'NOT_FOUND',
  'REQUEST_INVALID',
]);

/** An error of the record rules as a row failure (`body/fields/creditLimit` → `creditLimit`). */
function failureOf(rules: RecordRules, error: unknown): Omit<ImportFailure, 'line'> {
  if (!(error instanceof rules.AppError)) throw error;
  const code = FAILURE_CODES.has(error.code as ImportFailure['code'])
    ? (error.code as ImportFailure['code'])
    : 'REQUEST_INVALID';
  const where = error.details.field;
  const field = typeof where === 'string' ? where.replace(/^body\/(fields\/)?/, '') : undefined;
  return { code, message: error.message, ...(field === undefined ? {} : { field }) };
}

/**
 * Check every row of a customer import against the importer's permissions, with the same record
 * rules as the API (`prepareCreate`, `prepareUpdate`): an existing id is an update (`update`
 * allowed, every changed field at `edit` level), anything else a create (owner an active internal
 * user, `create` allowed, every given field at `edit`). Empty cells and cells equal to the current
 * value (or its masked form) change nothing, so that an export can be edited and imported back.
 * Pure: the caller writes the plan.
 */
export function planCustomerImport(
  rules: RecordRules,
  model: PolicyModel,
  importer: User,
  rows: readonly ImportRow[],
  existing: ReadonlyMap<string, CrmRecord>,
  now: number,
): ImportPlan {
  const settings: Record<string, FieldSetting> =
    model.objects.find((o) => o.object === 'customer')?.fields ?? {};
  const ctx = { index: buildIndex(model), model, userId: importer.id, now };
  const changes: ImportChange[] = [];
  const failures: ImportFailure[] = [];
  const seen = new Set<string>();

  for (const { line, cells } of rows) {
    const fail = (f: Omit<ImportFailure, 'line'>): void => void failures.push({ line, ...f });
    const id = (cells.id ?? '').trim();
    if (id !== '' && seen.has(id)) {
      fail({ code: 'REQUEST_INVALID', message: `customer ${id} appears twice in the file` });
      continue;
    }
    if (id !== '') seen.add(id);
    const given = Object.entries(cells).filter(
      ([column, cell]) => cell !== '' && !(RECORD_COLUMNS as readonly string[]).includes(column),
    );
    const before = id === '' ? undefined : existing.get(id);

    try {
      if (before !== undefined) {
        if (!decide(ctx.index, importer.id, 'read', before, now)) {
          fail({ code: 'NOT_FOUND', message: `no customer ${id} you can see` });
          continue;
        }
        const owner = (cells.ownerId ?? '').trim();
        if (owner !== '' && owner !== (before.ownerId ?? '')) {
          fail({
            code: 'REQUEST_INVALID',
            field: 'ownerId',
            message: `ownerId cannot be changed by an import (transfer the customer instead)`,
          });
          continue;
        }
        const fields: Record<string, unknown> = {};
        for (const [field, cell] of given) {
          const current = before.fields[field];
          if (!unchanged(cell, current, settings[field])) {
            fields[field] = parseCell(cell, current, settings[field]);
          }
        }
        const record = rules.prepareUpdate(ctx, before, { fields });
        changes.push({ kind: 'update', line, before, record });
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (const [field, cell] of given)
        fields[field] = parseCell(cell, undefined, settings[field]);
      const ownerId = (cells.ownerId ?? '').trim();
      const record = rules.prepareCreate(ctx, 'customer', {
        fields,
        ...(ownerId === '' ? {} : { ownerId }),
        ...(id === '' ? {} : { id }),
      });
      changes.push({ kind: 'create', line, record });
    } catch (error) {
      fail(failureOf(rules, error));
    }
  }
  return { changes, failures };
}
