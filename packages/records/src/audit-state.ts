import type { CrmRecord } from '@custos/engine';

/** The stored attributes of a record, for the audit trail. */
export function auditState(r: CrmRecord): Record<string, unknown> {
  return {
    ownerId: r.ownerId,
    departmentId: r.departmentId,
    sensitivity: r.sensitivity,
    customerId: r.customerId,
    fields: r.fields,
  };
}

/** The fields whose values differ, before and after (a removed or added field is `null` on one side). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      b[name] = before[name] ?? null;
      a[name] = after[name] ?? null;
    }
  }
  return { before: b, after: a };
}
