import type { ObjectType } from '@custos/engine';

/** The table holding each object's records. Every record table has the same columns. */
export const RECORD_TABLE = {
  customer: 'customers',
  contact: 'contacts',
  deal: 'deals',
  order: 'orders',
  ticket: 'tickets',
  activity: 'activities',
} as const satisfies Record<ObjectType, string>;

export type RecordTable = (typeof RECORD_TABLE)[ObjectType];

export const RECORD_TABLES: readonly RecordTable[] = Object.values(RECORD_TABLE);
