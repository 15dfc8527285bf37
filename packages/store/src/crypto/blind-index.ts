import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.ts';

type Db = Kysely<StoreSchema>;

/**
 * Replace a record's blind index tokens (field → token, null: none) in the caller's transaction.
 * Fields not named keep their tokens.
 */
export async function writeBlindIndex(
  db: Db,
  tenantId: string,
  object: string,
  recordId: string,
  tokens: Readonly<Record<string, string | null>>,
): Promise<void> {
  const fields = Object.keys(tokens);
  if (fields.length === 0) return;
  await db
    .deleteFrom('blind_index')
    .where('tenant_id', '=', tenantId)
    .where('object', '=', object)
    .where('record_id', '=', recordId)
    .where('field', 'in', fields)
    .execute();
  const rows = Object.entries(tokens)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([field, token]) => ({ tenant_id: tenantId, object, field, record_id: recordId, token }));
  if (rows.length > 0) await db.insertInto('blind_index').values(rows).execute();
}

/** Remove every token of a record (deleted, or erased). */
export async function deleteBlindIndex(
  db: Db,
  tenantId: string,
  object: string,
  recordId: string,
): Promise<void> {
  await db
    .deleteFrom('blind_index')
    .where('tenant_id', '=', tenantId)
    .where('object', '=', object)
    .where('record_id', '=', recordId)
    .execute();
}
