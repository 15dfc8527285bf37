import type { Locale, ObjectType } from './model.ts';

/** How an object is called in one locale: one record of it, several. */
export interface ObjectNames {
  readonly one: string;
  readonly many: string;
}

/** One CRM object as every layer names it. */
export interface ObjectEntry {
  readonly type: ObjectType;
  /** The API path segment: `/v1/<path>`. */
  readonly path: string;
  /** The table holding its records; every record table has the same columns. */
  readonly table: string;
  /** Words for explanations, the API document and the console. */
  readonly names: Readonly<Record<Locale, ObjectNames>>;
  /** The object its records belong to (a child's customer); null for the customer itself. */
  readonly parent: ObjectType | null;
}

/**
 * The six CRM objects: the one place their path, table and names are written. The store's
 * tables, the server's routes and the explanations' words all derive from it, so a new object
 * (or a renamed one) is one entry here. Pure data: the engine does no I/O with the table names.
 */
export const OBJECT_CATALOGUE = {
  customer: {
    type: 'customer',
    path: 'customers',
    table: 'customers',
    names: {
      'zh-CN': { one: '客户', many: '客户' },
      'en-US': { one: 'customer', many: 'customers' },
    },
    parent: null,
  },
  contact: {
    type: 'contact',
    path: 'contacts',
    table: 'contacts',
    names: {
      'zh-CN': { one: '联系人', many: '联系人' },
      'en-US': { one: 'contact', many: 'contacts' },
    },
    parent: 'customer',
  },
  deal: {
    type: 'deal',
    path: 'deals',
    table: 'deals',
    names: { 'zh-CN': { one: '商机', many: '商机' }, 'en-US': { one: 'deal', many: 'deals' } },
    parent: 'customer',
  },
  order: {
    type: 'order',
    path: 'orders',
    table: 'orders',
    names: { 'zh-CN': { one: '订单', many: '订单' }, 'en-US': { one: 'order', many: 'orders' } },
    parent: 'customer',
  },
  ticket: {
    type: 'ticket',
    path: 'tickets',
    table: 'tickets',
    names: {
      'zh-CN': { one: '服务记录', many: '服务记录' },
      'en-US': { one: 'ticket', many: 'tickets' },
    },
    parent: 'customer',
  },
  activity: {
    type: 'activity',
    path: 'activities',
    table: 'activities',
    names: {
      'zh-CN': { one: '跟进记录', many: '跟进记录' },
      'en-US': { one: 'activity', many: 'activities' },
    },
    parent: 'customer',
  },
} as const satisfies { readonly [T in ObjectType]: ObjectEntry & { readonly type: T } };

/** The table of each object, as a literal type (`customers` | `contacts` | …). */
export type ObjectTable = (typeof OBJECT_CATALOGUE)[ObjectType]['table'];

/** The name of an object in a locale: `客户`, `customer`, or with `many` `customers`. */
export function objectName(
  object: ObjectType,
  locale: Locale,
  count: keyof ObjectNames = 'one',
): string {
  return OBJECT_CATALOGUE[object].names[locale][count];
}
