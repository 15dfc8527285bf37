import type { Criterion, FieldValue } from './model.ts';

function comparable(a: unknown, b: FieldValue | number | string): boolean {
  return (
    (typeof a === 'number' && typeof b === 'number') ||
    (typeof a === 'string' && typeof b === 'string')
  );
}

/**
 * Whether a field value matches a criterion. SQL semantics: a missing (null) value matches
 * nothing, not even `ne`; ordering compares numbers with numbers and strings with strings only.
 */
export function matchesCriterion(c: Criterion, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  switch (c.op) {
    case 'eq':
      return value === c.value;
    case 'ne':
      return typeof value === typeof c.value && value !== c.value;
    case 'in':
      return c.values.some((v) => v === value);
    case 'lt':
      return comparable(value, c.value) && (value as number) < (c.value as number);
    case 'gt':
      return comparable(value, c.value) && (value as number) > (c.value as number);
    case 'between':
      return (
        comparable(value, c.low) &&
        comparable(value, c.high) &&
        (value as number) >= (c.low as number) &&
        (value as number) <= (c.high as number)
      );
  }
}

export function matchesAll(
  criteria: readonly Criterion[],
  fields: Record<string, unknown>,
): boolean {
  for (const c of criteria)
    if (!matchesCriterion(c, Object.hasOwn(fields, c.field) ? fields[c.field] : undefined))
      return false;
  return true;
}
