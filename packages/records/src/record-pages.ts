import type { ObjectType, Predicate } from '@custos/engine';
import { listRecords, MAX_PAGE_SIZE, type StoredRecord, type StoreSchema } from '@custos/store';
import type { Kysely } from 'kysely';

/**
 * Every record of `object` the engine's `predicate` selects (children with their customer), a
 * page at a time through the store's keyset cursor: memory stays flat however many there are.
 */
export async function* recordPages(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  predicate: Predicate,
  pageSize = MAX_PAGE_SIZE,
  /** Read the record facts (team rows) of these users only (a reader: their own). */
  factsFor?: readonly string[],
): AsyncGenerator<StoredRecord[]> {
  let cursor: string | null = null;
  do {
    const page = await listRecords(db, {
      tenantId,
      object,
      predicate,
      limit: pageSize,
      cursor,
      sort: '-updatedAt',
      ...(factsFor === undefined ? {} : { factsFor }),
    });
    if (page.records.length > 0) yield page.records;
    cursor = page.nextCursor;
  } while (cursor !== null);
}
