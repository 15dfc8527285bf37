import { mask, type CrmRecord, type FieldAccessMap, type FieldSetting } from '@custos/engine';
import { CryptoError, isSealed, maskedForm } from '@custos/store';

/** A field value as a CSV cell, as this reader may see it: '' when hidden, masked when masked. */
export function visibleCell(
  record: CrmRecord,
  field: string,
  access: FieldAccessMap,
  setting: FieldSetting | undefined,
): string {
  const level = access[field] ?? 'hidden';
  const value = record.fields[field];
  if (level === 'hidden' || value === undefined || value === null) return '';
  // An encrypted field shown masked: the masked form kept beside the ciphertext (never opened).
  if (isSealed(value)) {
    if (level === 'masked') return maskedForm(value);
    throw new CryptoError('DECRYPT_FAILED', `${field} was not opened for a reader who reads it`, {
      field,
    });
  }
  if (level === 'masked') return mask(value, setting?.mask ?? 'text');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A CSV cell as a field value: typed like the current value when there is one; otherwise
 * `true`/`false` are booleans and plain numbers are numbers — except for fields with a mask
 * (phones, ID numbers, bank accounts), which stay strings.
 */
export function parseCell(
  cell: string,
  current: unknown,
  setting: FieldSetting | undefined,
): unknown {
  const number = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : undefined;
  if (typeof current === 'number') return number ?? cell;
  if (typeof current === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  if (current !== undefined && current !== null) return cell;
  if (setting?.mask !== undefined) return cell;
  if (cell === 'true' || cell === 'false') return cell === 'true';
  return number ?? cell;
}

/** Whether a cell leaves the current value as it is: equal to it, or to its masked form. */
export function unchanged(
  cell: string,
  current: unknown,
  setting: FieldSetting | undefined,
): boolean {
  if (current === undefined || current === null) return false;
  const text = typeof current === 'object' ? JSON.stringify(current) : String(current);
  return cell === text || cell === mask(current, setting?.mask ?? 'text');
}
