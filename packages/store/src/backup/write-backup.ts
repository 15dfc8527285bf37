import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { StoreError } from '../store-error.ts';
import {
  appliedMigrations,
  backupSequences,
  backupTables,
  type BackupTable,
} from './backup-catalogue.ts';
import {
  createBackupFile,
  FRAME_BYTES,
  type BackupSecret,
  type ScryptCost,
} from './backup-container.ts';
import type { BackupManifest } from './backup-manifest.ts';

export interface BackupProgress {
  /** The table being read, its position and the number of tables. */
  table: string;
  tableIndex: number;
  tables: number;
  /** Rows written so far, of all. */
  rows: number;
  totalRows: number;
}

export interface WriteBackupOptions {
  /** The file to write (written as `<path>.partial`, renamed when complete). */
  path: string;
  secret: BackupSecret;
  /** One tenant; absent: the whole database. */
  tenantId?: string;
  /** The time recorded as the backup's (the snapshot's) creation. */
  now: Date;
  /** Rows per fetch (default 1000). */
  batchSize?: number;
  scryptCost?: ScryptCost;
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** Size of the file in bytes. */
  bytes: number;
}

type Tx = Transaction<unknown>;

/** Session settings that make every value's text form the same on any server. */
export async function portableTextSettings(tx: Tx): Promise<void> {
  await sql`set local timezone = 'UTC'`.execute(tx);
  await sql`set local datestyle = 'ISO, YMD'`.execute(tx);
  await sql`set local intervalstyle = 'postgres'`.execute(tx);
  await sql`set local bytea_output = 'hex'`.execute(tx);
  await sql`set local extra_float_digits = 3`.execute(tx);
}

function tenantFilter(table: BackupTable, tenantId: string | undefined) {
  if (tenantId === undefined || table.tenantColumn === null) return sql``;
  return sql` where ${sql.id(table.tenantColumn)} = ${tenantId}`;
}

async function tableExists(tx: Tx, name: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select to_regclass(${name}) is not null as ok`.execute(tx);
  return r.rows[0]?.ok === true;
}

async function dataKeyVersions(
  tx: Tx,
  tenants: readonly string[],
): Promise<BackupManifest['dataKeys']> {
  if (!(await tableExists(tx, 'data_keys'))) return {};
  const columns = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = to_regclass('data_keys') and attnum > 0 and not attisdropped`.execute(tx);
  const has = new Set(columns.rows.map((c) => c.name));
  if (!has.has('tenant_id') || !has.has('version')) return {};
  const status = has.has('status') ? sql`status::text` : sql`null::text`;
  const rows = await sql<{ tenant_id: string; version: number | string; status: string | null }>`
    select tenant_id, version, ${status} as status from data_keys
    where tenant_id = any(${[...tenants]}) order by tenant_id, version`.execute(tx);
  const out: BackupManifest['dataKeys'] = {};
  for (const r of rows.rows)
    (out[r.tenant_id] ??= []).push({
      version:
        typeof r.version === 'string' && /^\d+$/.test(r.version) ? Number(r.version) : r.version,
      status: r.status,
    });
  return out;
}

/** The manifest of the snapshot `tx` sees. */
async function readManifest(
  tx: Tx,
  backend: Database['backend'],
  tenantId: string | undefined,
  now: Date,
): Promise<{ manifest: BackupManifest; tables: BackupTable[] }> {
  const all = await backupTables(tx);
  const tables = tenantId === undefined ? all : all.filter((t) => t.tenantColumn !== null);
  const skipped = all.filter((t) => !tables.includes(t)).map((t) => t.name);
  const tenantRows = await sql<{ id: string }>`
    select id from tenants ${tenantId === undefined ? sql`` : sql`where id = ${tenantId}`}
    order by id`.execute(tx);
  const tenants = tenantRows.rows.map((r) => r.id);
  if (tenantId !== undefined && tenants.length === 0)
    throw new StoreError('STORE_UNKNOWN_TENANT', `no tenant "${tenantId}"`, { tenantId });
  const counted: BackupManifest['tables'] = [];
  let total = 0;
  for (const t of tables) {
    const r = await sql<{ n: string }>`
      select count(*)::text as n from ${sql.id(t.name)}${tenantFilter(t, tenantId)}`.execute(tx);
    const rows = Number(r.rows[0]!.n);
    total += rows;
    counted.push({ ...t, rows });
  }
  const heads = await sql<{ tenant_id: string; seq: string; hash: string }>`
    select tenant_id, seq::text as seq, hash from audit_heads
    where tenant_id = any(${tenants}) order by tenant_id`.execute(tx);
  const sequences: BackupManifest['sequences'] = [];
  if (tenantId === undefined)
    for (const s of await backupSequences(tx)) {
      const r = await sql<{ v: string; called: boolean }>`
        select last_value::text as v, is_called as called from ${sql.id(s.name)}`.execute(tx);
      const row = r.rows[0]!;
      sequences.push({ name: s.name, value: row.called ? Number(row.v) : Number(row.v) - 1 });
    }
  return {
    tables,
    manifest: {
      format: 'custos-backup',
      version: 1,
      createdAt: now.toISOString(),
      source: backend,
      scope: tenantId === undefined ? 'all' : 'tenant',
      tenants,
      migrations: await appliedMigrations(tx),
      tables: counted,
      skipped,
      sequences,
      auditHeads: Object.fromEntries(
        heads.rows.map((h) => [h.tenant_id, { seq: Number(h.seq), hash: h.hash }]),
      ),
      dataKeys: await dataKeyVersions(tx, tenants),
      rows: total,
    },
  };
}

/**
 * The body: for each table a line `{"table": name}`, its rows as JSON arrays of the columns'
 * text forms (PostgreSQL's own I/O: exact for every type, the same on PGlite and PostgreSQL), and
 * `{"end": name, "rows": n}`; finally `{"done": true}`. Rows are read through a cursor in key order.
 */
async function* bodyLines(
  tx: Tx,
  tables: BackupManifest['tables'],
  tenantId: string | undefined,
  batchSize: number,
  progress: (table: string, index: number, rows: number) => void,
): AsyncGenerator<Buffer> {
  let written = 0;
  for (const [index, t] of tables.entries()) {
    progress(t.name, index, written);
    yield Buffer.from(
      `${JSON.stringify({ table: t.name, columns: t.columns.map((c) => c.name) })}\n`,
    );
    const select = sql.join(
      t.columns.map((c, i) => sql`${sql.id(c.name)}::text as ${sql.id(`c${i}`)}`),
    );
    const order =
      t.key.length > 0 ? sql` order by ${sql.join(t.key.map((k) => sql.id(k)))}` : sql``;
    await sql`declare custos_backup no scroll cursor for
      select ${select} from ${sql.id(t.name)}${tenantFilter(t, tenantId)}${order}`.execute(tx);
    let rows = 0;
    for (;;) {
      const batch = await sql<Record<string, string | null>>`
        fetch forward ${sql.raw(String(batchSize))} from custos_backup`.execute(tx);
      if (batch.rows.length === 0) break;
      let text = '';
      for (const r of batch.rows)
        text += `${JSON.stringify(t.columns.map((_, i) => r[`c${i}`] ?? null))}\n`;
      rows += batch.rows.length;
      written += batch.rows.length;
      yield Buffer.from(text);
      progress(t.name, index, written);
    }
    await sql`close custos_backup`.execute(tx);
    if (rows !== t.rows)
      throw new Error(`table ${t.name}: counted ${t.rows} rows, read ${rows} in the same snapshot`);
    yield Buffer.from(`${JSON.stringify({ end: t.name, rows })}\n`);
  }
  yield Buffer.from(`${JSON.stringify({ done: true })}\n`);
}

/**
 * Write a backup of the whole database or one tenant: one snapshot (a read-only REPEATABLE READ
 * transaction; on PGlite its one connection), gzip-compressed, sealed in authenticated frames
 * (`backup-container.ts`). The file appears only when complete.
 */
export async function writeBackup(
  database: Database,
  options: WriteBackupOptions,
): Promise<BackupResult> {
  const writer = await createBackupFile(options.path, options.secret, options.scryptCost);
  try {
    const manifest = await (database.db as unknown as Kysely<unknown>)
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        await portableTextSettings(tx);
        const { manifest } = await readManifest(
          tx,
          database.backend,
          options.tenantId,
          options.now,
        );
        await writer.frame(Buffer.from(JSON.stringify(manifest), 'utf8'));
        const lines = bodyLines(
          tx,
          manifest.tables,
          options.tenantId,
          options.batchSize ?? 1000,
          (table, tableIndex, rows) =>
            options.onProgress?.({
              table,
              tableIndex,
              tables: manifest.tables.length,
              rows,
              totalRows: manifest.rows,
            }),
        );
        await pipeline(Readable.from(lines), createGzip({ level: 6 }), async (source) => {
          let pending: Buffer[] = [];
          let size = 0;
          for await (const chunk of source as AsyncIterable<Buffer>) {
            pending.push(chunk);
            size += chunk.length;
            while (size >= FRAME_BYTES) {
              const all = Buffer.concat(pending);
              await writer.frame(all.subarray(0, FRAME_BYTES));
              pending = [all.subarray(FRAME_BYTES)];
              size = all.length - FRAME_BYTES;
            }
          }
          if (size > 0) await writer.frame(Buffer.concat(pending));
        });
        return manifest;
      });
    const bytes = await writer.finish();
    return { manifest, bytes };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
