import { randomUUID } from 'node:crypto';
import {
  decide,
  fieldAccess,
  type CrmRecord,
  type FieldSetting,
  type PolicyModel,
  type User,
} from '@custos/engine';
import { parseCell, unchanged } from './field-values.ts';

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

/**
 * Check every row of a customer import against the importer's permissions: an existing id is an
 * update (`update` allowed; every changed field at `edit` level), anything else a create (`create`
 * allowed for a customer owned by the importer, or by `ownerId`; every given field at `edit`).
 * Empty cells and cells equal to the current value (or its masked form) change nothing, so that
 * an export can be edited and imported back. Pure: the caller writes the plan.
 */
export function planCustomerImport(
  model: PolicyModel,
  importer: User,
  rows: readonly ImportRow[],
  existing: ReadonlyMap<string, CrmRecord>,
  now: number,
): ImportPlan {
  const settings: Record<string, FieldSetting> =
    model.objects.find((o) => o.object === 'customer')?.fields ?? {};
  const changes: ImportChange[] = [];
  const failures: ImportFailure[] = [];
  const seen = new Set<string>();
  const departmentOf = new Map(model.users.map((u) => [u.id, u.departmentId]));

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

    if (before !== undefined) {
      if (!decide(model, importer.id, 'read', before, now)) {
        fail({ code: 'NOT_FOUND', message: `no customer ${id} you can see` });
        continue;
      }
      if (!decide(model, importer.id, 'update', before, now)) {
        fail({ code: 'PERMISSION_DENIED', message: `you may not update customer ${id}` });
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
      const access = fieldAccess(model, importer.id, 'customer', before, now);
      const fields = { ...before.fields };
      let rejected = false;
      for (const [field, cell] of given) {
        const current = before.fields[field];
        if (unchanged(cell, current, settings[field])) continue;
        const level = access[field] ?? 'hidden';
        if (level !== 'edit') {
          fail({
            code: 'FIELD_NOT_EDITABLE',
            field,
            message: `field ${field} is not editable by you (your level: ${level})`,
          });
          rejected = true;
          break;
        }
        fields[field] = parseCell(cell, current, settings[field]);
      }
      if (!rejected) changes.push({ kind: 'update', line, before, record: { ...before, fields } });
      continue;
    }

    const name = (cells.name ?? '').trim();
    if (name === '') {
      fail({ code: 'REQUEST_INVALID', field: 'name', message: 'a new customer needs a name' });
      continue;
    }
    const ownerId = (cells.ownerId ?? '').trim() || importer.id;
    const newId = id === '' ? `c-${randomUUID().slice(0, 8)}` : id;
    const fields: Record<string, unknown> = {};
    for (const [field, cell] of given) fields[field] = parseCell(cell, undefined, settings[field]);
    const record: CrmRecord = {
      object: 'customer',
      id: newId,
      customerId: newId,
      ownerId,
      departmentId: departmentOf.get(ownerId) ?? null,
      sensitivity: 'internal',
      createdById: importer.id,
      poolId: null,
      fields,
    };
    if (!departmentOf.has(ownerId)) {
      fail({ code: 'REQUEST_INVALID', field: 'ownerId', message: `no user ${ownerId}` });
      continue;
    }
    if (!decide(model, importer.id, 'create', record, now)) {
      fail({
        code: 'PERMISSION_DENIED',
        message: `you may not create a customer owned by ${ownerId}`,
      });
      continue;
    }
    const access = fieldAccess(model, importer.id, 'customer', record, now);
    const forbidden = given.find(([field]) => (access[field] ?? 'hidden') !== 'edit');
    if (forbidden !== undefined) {
      const [field] = forbidden;
      fail({
        code: 'FIELD_NOT_EDITABLE',
        field,
        message: `field ${field} is not editable by you (your level: ${access[field] ?? 'hidden'})`,
      });
      continue;
    }
    changes.push({ kind: 'create', line, record });
  }
  return { changes, failures };
}
