import type { ObjectType } from '@custos/engine';

/** The URL segment of each CRM object: `/v1/customers`, `/v1/contacts`, … */
export const OBJECT_PATHS: Readonly<Record<ObjectType, string>> = {
  customer: 'customers',
  contact: 'contacts',
  deal: 'deals',
  order: 'orders',
  ticket: 'tickets',
  activity: 'activities',
};

/** Tag and summary words per object, for the OpenAPI document. */
export const OBJECT_LABELS: Readonly<Record<ObjectType, { en: string; zh: string }>> = {
  customer: { en: 'customer', zh: '客户' },
  contact: { en: 'contact', zh: '联系人' },
  deal: { en: 'deal', zh: '商机' },
  order: { en: 'order', zh: '订单' },
  ticket: { en: 'ticket', zh: '工单' },
  activity: { en: 'activity', zh: '跟进记录' },
};
