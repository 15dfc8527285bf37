import {
  and,
  fieldAccess,
  filter,
  type Predicate,
  type CrmRecord,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import {
  listDoNotSellIds,
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

/** What an export leaves out although the reader may read and export it, and how many. */
export interface ExportExclusions {
  /** Contacts who opted out of sale or sharing (CCPA §1798.120): never in an export. */
  readonly doNotSellIds: ReadonlySet<string>;
  /** How many records this reader's export withholds, per reason. */
  readonly withheld: { readonly doNotSell: number };
}

/** The engine's selection of an export: what the reader may both read and export. */
function exportPredicate(reader: ExportReader, object: ObjectType): Predicate {
  const policy = reader.index ?? reader.model;
  return and(
    filter(policy, reader.userId, 'read', object, reader.now),
    filter(policy, reader.userId, 'export', object, reader.now),
  );
}

/**
 * What an export of `object` must leave out: the contacts flagged "do not sell or share" (only the
 * contact's own row — the other objects hold the company's records, not the person's), and how
 * many of them the reader's export would otherwise have held (so the export can say so). Load it
 * once per export and pass it to `exportPages`/`exportTable`, so the count and the rows agree.
 */
export async function exportExclusions(
  db: Database['db'],
  reader: ExportReader,
  object: ObjectType,
): Promise<ExportExclusions> {
  if (object !== 'contact') return { doNotSellIds: new Set(), withheld: { doNotSell: 0 } };
  const ids = await listDoNotSellIds(db, reader.tenantId);
  let doNotSell = 0;
  if (ids.length > 0) {
    const flagged = and(exportPredicate(reader, object), { kind: 'record_in', recordIds: ids });
    for await (const page of recordPages(db, reader.tenantId, object, flagged, MAX_PAGE_SIZE, [
      reader.userId,
    ]))
      doNotSell += page.length;
  }
  return { doNotSellIds: new Set(ids), withheld: { doNotSell } };
}

/**
 * The records of `object` the reader may export: what the engine lets them both read and export
 * (`filter` for each action), a page at a time through the store's keyset cursor (the list path),
 * minus the exclusions (contacts who opted out of sale or sharing; loaded here when not given).
 */
export async function* exportPages(
  db: Database['db'],
  reader: ExportReader,
  object: ObjectType,
  pageSize = MAX_PAGE_SIZE,
  exclusions?: ExportExclusions,
): AsyncGenerator<StoredRecord[]> {
  const excluded = (exclusions ?? (await exportExclusions(db, reader, object))).doNotSellIds;
  const pages = recordPages(
    db,
    reader.tenantId,
    object,
    exportPredicate(reader, object),
    pageSize,
    [reader.userId],
  );
  for await (const page of pages) {
    // Withheld rows are dropped before anything is opened: their values are never decrypted.
    const kept = excluded.size === 0 ? page : page.filter((r) => !excluded.has(r.id));
    // Only the fields the reader reads in clear are decrypted (one subject-key query a page).
    if (kept.length > 0) yield await openForReader(db, reader, kept);
  }
}

/**
 * An export as a table (the CSV of `custos export` and `GET /v1/<object>/export?format=csv`):
 * first the header — `id`, `ownerId` and the fields the reader sees on the first record (hidden
 * ones left out) — then one row per record, each field as the reader may see it (hidden: empty,
 * masked: masked). `onDone` gets the count, the columns and how many were withheld (contacts who
 * opted out of sale or sharing).
 */
export async function* exportTable(
  db: Database['db'],
  reader: ExportReader,
  object: ObjectType,
  onDone?: (summary: {
    count: number;
    columns: string[];
    withheld: { doNotSell: number };
  }) => Promise<void>,
  exclusions?: ExportExclusions,
): AsyncGenerator<string[][]> {
  const excluded = exclusions ?? (await exportExclusions(db, reader, object));
  const policy = reader.index ?? reader.model;
  const settings = reader.model.objects.find((o) => o.object === object)?.fields ?? {};
  let columns: string[] | null = null;
  let count = 0;
  for await (const page of exportPages(db, reader, object, MAX_PAGE_SIZE, excluded)) {
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
  await onDone?.({ count, columns, withheld: excluded.withheld });
}
