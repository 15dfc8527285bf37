import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

type Db = Kysely<StoreSchema>;

/** How a CCPA opt-out (or its withdrawal) reached the company. */
export const DO_NOT_SELL_SOURCES = [
  'portal',
  'web_form',
  'gpc',
  'phone',
  'email',
  'letter',
  'in_person',
  'other',
] as const;
export type DoNotSellSource = (typeof DO_NOT_SELL_SOURCES)[number];

/** A contact's CCPA "do not sell or share" state (§1798.120/.135). */
export interface DoNotSell {
  contactId: string;
  optedOut: boolean;
  source: DoNotSellSource;
  /** When the request was received (ms since the epoch). */
  receivedAt: number;
  note: string | null;
  /** Who recorded it, and when. */
  recordedBy: string | null;
  recordedAt: number;
}

const ms = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/** The contact's opt-out state, or undefined when none was ever recorded. */
export async function getDoNotSell(
  db: Db,
  tenantId: string,
  contactId: string,
): Promise<DoNotSell | undefined> {
  const row = await db
    .selectFrom('do_not_sell')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    contactId: row.contact_id,
    optedOut: row.opted_out,
    source: row.source as DoNotSellSource,
    receivedAt: ms(row.received_at),
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: ms(row.recorded_at),
  };
}

/** Record an opt-out or its withdrawal (insert or replace), in the caller's transaction. */
export async function putDoNotSell(db: Db, tenantId: string, state: DoNotSell): Promise<void> {
  const values = {
    opted_out: state.optedOut,
    source: state.source,
    received_at: new Date(state.receivedAt),
    note: state.note,
    recorded_by: state.recordedBy,
    recorded_at: new Date(state.recordedAt),
  };
  await db
    .insertInto('do_not_sell')
    .values({ tenant_id: tenantId, contact_id: state.contactId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'contact_id']).doUpdateSet(values))
    .execute();
}

/** The ids of the tenant's contacts who opted out: every export leaves them out. */
export async function listDoNotSellIds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('do_not_sell')
    .select('contact_id')
    .where('tenant_id', '=', tenantId)
    .where('opted_out', '=', true)
    .orderBy('contact_id')
    .execute();
  return rows.map((r) => r.contact_id);
}

/** Forget a contact's opt-out row (the contact itself is gone: deleted by retention). */
export async function deleteDoNotSell(db: Db, tenantId: string, contactId: string): Promise<void> {
  await db
    .deleteFrom('do_not_sell')
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .execute();
}
