import {
  and,
  fieldAccess,
  filter,
  type CrmRecord,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import {
  MAX_PAGE_SIZE,
  openForReader,
  type Database,
  type Keyring,
  type StoredRecord,
} from '@custos/store';
import { visibleCell } from './field-values.ts';
import { recordPages } from './record-pages.ts';

/** Who exports, in which tenant, under which policy, and when. */
export interface ExportReader {
  tenantId: string;
  userId: string;
  model: PolicyModel;
  /** The policy's index when there is one (the server's); else decisions use the model. */
  index?: PolicyIndex;
  now: number;
  /** Opens the encrypted fields the reader reads in clear (required when the policy has some). */
  keyring?: Keyring;
}

/**
 * The records of `object` the reader may export: what the engine lets them both read and export
 * (`filter` for each action), a page at a time through the store's keyset cursor (the list path).
 */
export async function* exportPages(
  db: Database['db'],
  reader: ExportReader,
  object: ObjectType,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<StoredRecord[]> {
  const policy = reader.index ?? reader.model;
  const predicate = and(
    filter(policy, reader.userId, 'read', object, reader.now),
    filter(policy, reader.userId, 'export', object, reader.now),
  );
  for await (const page of recordPages(db, reader.tenantId, object, predicate, pageSize, [
    reader.userId,
  ]))
    // Only the fields the reader reads in clear are decrypted (one subject-key query a page).
    yield await openForReader(db, reader, page);
}

/**
 * An export as a table (the CSV of `custos export` and `GET /v1/<object>/export?format=csv`):
 * first the header — `id`, `ownerId` and the fields the reader sees on the first record (hidden
 * ones left out) — then one row per record, each field as the reader may see it (hidden: empty,
 * masked: masked). `onDone` gets the count and the columns.
 */
export async function* exportTable(
  db: Database['db'],
  reader: ExportReader,
  object: ObjectType,
  onDone?: (summary: { count: number; columns: string[] }) => Promise<void>,
): AsyncGenerator<string[][]> {
  const policy = reader.index ?? reader.model;
  const settings = reader.model.objects.find((o) => o.object === object)?.fields ?? {};
  let columns: string[] | null = null;
  let count = 0;
  for await (const page of exportPages(db, reader, object)) {
    const rows: string[][] = [];
    for (const record of page) {
      const access = fieldAccess(policy, reader.userId, object, record as CrmRecord, reader.now);
      if (columns === null) {
        const fields = Object.keys(settings).filter((f) => (access[f] ?? 'hidden') !== 'hidden');
        columns = ['id', 'ownerId', ...fields];
        yield [columns];
      }
      rows.push([
        record.id,
        record.ownerId ?? '',
        ...columns.slice(2).map((f) => visibleCell(record, f, access, settings[f])),
      ]);
    }
    count += rows.length;
    yield rows;
  }
  if (columns === null) {
    columns = ['id', 'ownerId'];
    yield [columns];
  }
  await onDone?.({ count, columns });
}
