import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/** A tenant's four-eyes setting: the categories that wait for a second admin, and the expiry. */
export interface FourEyesSetting {
  /** Category names (`roles`, `sharing_rules` …); empty = four eyes off. */
  categories: string[];
  /** A pending change not decided within this many days expires. */
  expiryDays: number;
  updatedBy: string | null;
  /** ms since the epoch; null when never set. */
  updatedAt: number | null;
}

/** Days a pending change waits before it expires, when the tenant never set it. */
export const DEFAULT_PENDING_EXPIRY_DAYS = 14;

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The tenant's four-eyes setting; off (no categories) when never set. */
export async function readFourEyesSetting(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<FourEyesSetting> {
  const row = await db
    .selectFrom('four_eyes_settings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (row === undefined)
    return {
      categories: [],
      expiryDays: DEFAULT_PENDING_EXPIRY_DAYS,
      updatedBy: null,
      updatedAt: null,
    };
  return {
    categories: json<string[]>(row.categories),
    expiryDays: row.expiry_days,
    updatedBy: row.updated_by,
    updatedAt: millis(row.updated_at),
  };
}

/** Set the tenant's four-eyes setting (pass the transaction that audits it). */
export async function writeFourEyesSetting(
  db: Kysely<StoreSchema>,
  input: {
    tenantId: string;
    categories: readonly string[];
    expiryDays: number;
    actorId: string | null;
    now: number;
  },
): Promise<void> {
  const values = {
    categories: JSON.stringify([...input.categories]),
    expiry_days: input.expiryDays,
    updated_by: input.actorId,
    updated_at: new Date(input.now),
  };
  await db
    .insertInto('four_eyes_settings')
    .values({ tenant_id: input.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}
