import type { ObjectType } from './admin-types.ts';

/** The CRM objects and their list paths (`/v1/customers`, console `/records/customers`). */
export const RECORD_OBJECTS = [
  { object: 'customer', path: 'customers' },
  { object: 'contact', path: 'contacts' },
  { object: 'deal', path: 'deals' },
  { object: 'order', path: 'orders' },
  { object: 'ticket', path: 'tickets' },
  { object: 'activity', path: 'activities' },
] as const satisfies readonly { object: ObjectType; path: string }[];

export type RecordPath = (typeof RECORD_OBJECTS)[number]['path'];

/** The object of a list path (`customers` → `customer`), or undefined. */
export function objectOfPath(path: string | undefined): ObjectType | undefined {
  return RECORD_OBJECTS.find((o) => o.path === path)?.object;
}

/** The list path of an object (`customer` → `customers`). */
export function pathOfObject(object: ObjectType): RecordPath {
  const found = RECORD_OBJECTS.find((o) => o.object === object);
  if (found === undefined) throw new Error(`unknown object ${object}`);
  return found.path;
}
