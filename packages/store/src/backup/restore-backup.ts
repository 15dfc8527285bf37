import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import { verifyAuditChain } from '../audit-verify.ts';
import type { ShredLedger } from '../crypto/shred-ledger.ts';
import type { Database } from '../database.ts';
import { MIGRATIONS, migrateToLatest, migrator } from '../migrations/migrate.ts';
import type { StoreSchema } from '../schema.ts';
import { appliedMigrations, backupSequences, backupTables } from './backup-catalogue.ts';
import { openBackupFile, type BackupSecret } from './backup-container.ts';
import { BackupError } from './backup-error.ts';
import { parseManifest, type BackupManifest } from './backup-manifest.ts';
import { portableTextSettings } from './write-backup.ts';

export interface RestoreProgress {
  table: string;
  tableIndex: number;
  tables: number;
  rows: number;
  totalRows: number;
}

export interface RestoreOptions {
  path: string;
  secret: BackupSecret;
  /** Called as rows go in; an error it throws aborts the restore (everything rolled back). */
  onProgress?: (progress: RestoreProgress) => void;
  /**
   * Runs in the restore's transaction after the rows are in and verified, before the commit
   * (e.g. dropping the subject keys the shred ledger lists); an error rolls everything back.
   */
  beforeCommit?: (tx: Transaction<StoreSchema>, manifest: BackupManifest) => Promise<void>;
  /**
   * The shred ledger of the target's configuration (`CUSTOS_SHRED_LEDGER`, kept with the keys):
   * the key rows of every subject it lists are dropped before the commit, so a backup taken
   * before an erasure does not bring the erased person's key back (docs/backup.md, ADR 0021).
   */
  shredLedger?: ShredLedger;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Rows inserted, per table. */
  rows: Record<string, number>;
  /** Per tenant: events whose chain was recomputed and found whole. */
  auditEvents: Record<string, number>;
  /** Per tenant: subject keys the backup held that the shred ledger lists, dropped (not restored). */
  shredded: Record<string, number>;
}

/** Read only the manifest of a backup (authenticated). */
export async function readBackupManifest(
  path: string,
  secret: BackupSecret,
): Promise<BackupManifest> {
  const reader = await openBackupFile(path, secret);
  try {
    return parseManifest(reader.manifestText);
  } finally {
    await reader.close();
  }
}

/** Lines of the decrypted, decompressed body, parsed. */
async function* bodyRecords(path: string, secret: BackupSecret): AsyncGenerator<unknown> {
  const reader = await openBackupFile(path, secret);
  try {
    const gunzip = createGunzip();
    const source = Readable.from(reader.body());
    const queue: unknown[] = [];
    let failure: unknown;
    let ended = false;
    let wake: (() => void) | undefined;
    let rest = '';
    // A character may be split between two chunks: decode across them, never chunk by chunk.
    const utf8 = new StringDecoder('utf8');
    const done = pipeline(source, gunzip, async (chunks) => {
      for await (const chunk of chunks as AsyncIterable<Buffer>) {
        const text = rest + utf8.write(chunk);
        const lines = text.split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line !== '') queue.push(JSON.parse(line));
        wake?.();
        // Back-pressure: wait until the consumer has taken most of what is queued.
        while (queue.length > 5000) await new Promise<void>((ok) => (wake = ok));
      }
      rest += utf8.end();
    }).then(
      () => {
        ended = true;
        wake?.();
      },
      (error: unknown) => {
        failure = error;
        ended = true;
        wake?.();
      },
    );
    for (;;) {
      if (queue.length > 0) {
        const item = queue.shift();
        if (queue.length < 1000) wake?.();
        yield item;
        continue;
      }
      if (ended) break;
      await new Promise<void>((ok) => (wake = ok));
    }
    await done;
    if (failure !== undefined) {
      if (failure instanceof BackupError) throw failure;
      throw new BackupError(
        'BACKUP_TAMPERED',
        `the backup body does not decompress: ${(failure as Error).message}`,
      );
    }
    if (rest !== '') throw new BackupError('BACKUP_TAMPERED', 'the backup body ends mid-line');
  } finally {
    await reader.close();
  }
}

/**
 * Read a whole backup without a database: every frame authenticated, the body decompressed, the
 * rows counted against the manifest. What `custos backup verify` and the scheduled job run.
 */
export async function verifyBackupFile(
  path: string,
  secret: BackupSecret,
): Promise<{ manifest: BackupManifest; rows: number }> {
  const manifest = await readBackupManifest(path, secret);
  const counts = new Map<string, number>();
  let current: string | undefined;
  let done = false;
  for await (const item of bodyRecords(path, secret)) {
    if (Array.isArray(item)) {
      if (current === undefined) throw new BackupError('BACKUP_TAMPERED', 'a row outside a table');
      counts.set(current, (counts.get(current) ?? 0) + 1);
    } else {
      const r = item as { table?: string; end?: string; done?: boolean };
      if (r.table !== undefined) current = r.table;
      else if (r.end !== undefined) current = undefined;
      else if (r.done === true) done = true;
    }
  }
  if (!done) throw new BackupError('BACKUP_TAMPERED', 'the backup body is incomplete');
  let rows = 0;
  for (const t of manifest.tables) {
    const n = counts.get(t.name) ?? 0;
    rows += n;
    if (n !== t.rows)
      throw new BackupError(
        'BACKUP_VERIFY_FAILED',
        `table ${t.name}: the manifest counts ${t.rows} rows, the body holds ${n}`,
        { table: t.name, expected: t.rows, actual: n },
      );
  }
  return { manifest, rows };
}

function incompatible(message: string, details: Record<string, unknown> = {}): BackupError {
  return new BackupError('BACKUP_INCOMPATIBLE', message, details);
}

/** The migrations to run before the rows go in: up to the backup's last. */
function checkMigrations(manifest: BackupManifest, applied: readonly string[]): string | undefined {
  const known = Object.keys(MIGRATIONS);
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw incompatible(
      `the backup was made by a newer Custos (migration ${unknown[0]} is unknown here): upgrade Custos first`,
      { migrations: unknown },
    );
  if (manifest.migrations.some((m, i) => known[i] !== m))
    throw incompatible("the backup's migrations are not in this Custos's order");
  const beyond = applied.filter((m) => !manifest.migrations.includes(m));
  if (beyond.length > 0)
    throw incompatible(
      `the target database is migrated past the backup (${beyond[0]}): restore into a new, empty database`,
    );
  return manifest.migrations.at(-1);
}

/** Tables of the target holding rows (the migration bookkeeping aside). */
async function nonEmptyTables(db: Kysely<unknown>): Promise<string[]> {
  const found: string[] = [];
  for (const t of await backupTables(db)) {
    const r = await sql<{ any: boolean }>`
      select exists (select 1 from ${sql.id(t.name)}) as any`.execute(db);
    if (r.rows[0]?.any) found.push(t.name);
  }
  return found;
}

/** PostgreSQL: other sessions on the target database (a server running on it) refuse the restore. */
async function otherSessions(database: Database): Promise<number> {
  if (database.backend !== 'postgres') return 0;
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()
      and backend_type = 'client backend'`.execute(database.db);
  return r.rows[0]?.n ?? 0;
}

function verifyFailed(message: string, details: Record<string, unknown>): BackupError {
  return new BackupError('BACKUP_VERIFY_FAILED', `restore rolled back: ${message}`, details);
}

/** How many rows go in one INSERT (PostgreSQL takes at most 65535 parameters). */
function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columns))));
}

/**
 * Restore a backup into an empty database, in one transaction: the schema is migrated to the
 * backup's migrations, a target holding any row is refused, every row goes in, the sequences move
 * past the restored rows, and — before the commit — the row counts are compared with the
 * manifest, every tenant's audit chain is recomputed (`verifyAuditChain`) and its head compared
 * with the manifest's. Any failure (a tampered frame, a mismatch, an error of `onProgress`, the
 * process killed) leaves the target without a row. Newer migrations run after the commit.
 */
export async function restoreBackup(
  database: Database,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const manifest = await readBackupManifest(options.path, options.secret);
  const db = database.db as unknown as Kysely<unknown>;
  if ((await otherSessions(database)) > 0)
    throw new BackupError(
      'BACKUP_TARGET_NOT_EMPTY',
      'another session is connected to the target database (is a server running on it?): stop it and restore into an unused database',
    );
  const upTo = checkMigrations(manifest, await appliedMigrations(db));
  const busy = (await appliedMigrations(db)).length > 0 ? await nonEmptyTables(db) : [];
  if (busy.length > 0)
    throw new BackupError(
      'BACKUP_TARGET_NOT_EMPTY',
      `the target database is not empty (${busy.slice(0, 5).join(', ')}${busy.length > 5 ? ', …' : ''} hold rows): restore only into an empty database`,
      { tables: busy },
    );
  if (upTo !== undefined) {
    const migrated = await migrator(db).migrateTo(upTo);
    if (migrated.error !== undefined) throw migrated.error;
  }
  const busyAfter = await nonEmptyTables(db);
  if (busyAfter.length > 0)
    throw new BackupError(
      'BACKUP_TARGET_NOT_EMPTY',
      `the target database is not empty (${busyAfter.join(', ')} hold rows)`,
      { tables: busyAfter },
    );

  const target = new Map((await backupTables(db)).map((t) => [t.name, t]));
  for (const t of manifest.tables) {
    const here = target.get(t.name);
    if (here === undefined) throw incompatible(`table ${t.name} of the backup does not exist here`);
    const types = new Map(here.columns.map((c) => [c.name, c.type]));
    for (const c of t.columns)
      if (types.get(c.name) !== c.type)
        throw incompatible(
          `column ${t.name}.${c.name} (${c.type}) of the backup does not match the target (${types.get(c.name) ?? 'missing'})`,
        );
  }
  const expected = new Map(manifest.tables.map((t) => [t.name, t]));

  const result = await db.transaction().execute(async (tx) => {
    await portableTextSettings(tx);
    const inserted: Record<string, number> = {};
    let table: BackupManifest['tables'][number] | undefined;
    let tableIndex = -1;
    let batch: (string | null)[][] = [];
    let total = 0;
    let done = false;
    const progress = (): void =>
      options.onProgress?.({
        table: table?.name ?? '',
        tableIndex,
        tables: manifest.tables.length,
        rows: total,
        totalRows: manifest.rows,
      });
    const flush = async (): Promise<void> => {
      if (table === undefined || batch.length === 0) return;
      const t = table;
      const values = sql.join(
        batch.map(
          (row) => sql`(${sql.join(row.map((v, i) => sql`${v}::${sql.raw(t.columns[i]!.type)}`))})`,
        ),
      );
      await sql`insert into ${sql.id(t.name)} (${sql.join(t.columns.map((c) => sql.id(c.name)))})
        overriding system value values ${values}`.execute(tx);
      inserted[t.name] = (inserted[t.name] ?? 0) + batch.length;
      total += batch.length;
      batch = [];
      progress();
    };
    for await (const item of bodyRecords(options.path, options.secret)) {
      if (Array.isArray(item)) {
        if (table === undefined) throw new BackupError('BACKUP_TAMPERED', 'a row outside a table');
        if (item.length !== table.columns.length)
          throw new BackupError('BACKUP_TAMPERED', `a row of ${table.name} has the wrong width`);
        batch.push(item as (string | null)[]);
        if (batch.length >= rowsPerInsert(table.columns.length)) await flush();
        continue;
      }
      const r = item as { table?: string; end?: string; done?: boolean };
      if (r.table !== undefined) {
        await flush();
        table = expected.get(r.table);
        if (table === undefined)
          throw new BackupError(
            'BACKUP_TAMPERED',
            `the body names table ${r.table}, the manifest does not`,
          );
        tableIndex += 1;
        progress();
      } else if (r.end !== undefined) {
        await flush();
        table = undefined;
      } else if (r.done === true) {
        done = true;
      }
    }
    await flush();
    if (!done) throw new BackupError('BACKUP_TAMPERED', 'the backup body is incomplete');

    // Sequences: past every restored row and past where the source stood.
    const recorded = new Map(manifest.sequences.map((s) => [s.name, s.value]));
    for (const s of await backupSequences(tx)) {
      let top = recorded.get(s.name) ?? 0;
      for (const c of s.columns) {
        const r = await sql<{ m: string | null }>`
          select max(${sql.id(c.column)})::text as m from ${sql.id(c.table)}`.execute(tx);
        const m = r.rows[0]?.m;
        if (m !== null && m !== undefined && Number(m) > top) top = Number(m);
      }
      if (top > 0) await sql`select setval(${s.name}, ${top}, true)`.execute(tx);
    }

    // Verify before the commit.
    for (const t of manifest.tables) {
      const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.id(t.name)}`.execute(
        tx,
      );
      const n = Number(r.rows[0]!.n);
      if (n !== t.rows)
        throw verifyFailed(`table ${t.name} holds ${n} rows, the manifest ${t.rows}`, {
          table: t.name,
          expected: t.rows,
          actual: n,
        });
    }
    const typed = tx as unknown as Transaction<StoreSchema>;
    const auditEvents: Record<string, number> = {};
    for (const tenant of manifest.tenants) {
      const report = await verifyAuditChain(typed, tenant);
      if (!report.ok)
        throw verifyFailed(
          `the audit chain of tenant ${tenant} does not verify: ${report.first?.reason ?? 'unknown'}`,
          { tenantId: tenant, issue: report.first },
        );
      const head = manifest.auditHeads[tenant];
      const stored = await sql<{ seq: string; hash: string }>`
        select seq::text as seq, hash from audit_heads where tenant_id = ${tenant}`.execute(tx);
      const row = stored.rows[0];
      if (
        (head === undefined) !== (row === undefined) ||
        (head !== undefined &&
          row !== undefined &&
          (Number(row.seq) !== head.seq || row.hash !== head.hash))
      )
        throw verifyFailed(`the audit head of tenant ${tenant} differs from the manifest's`, {
          tenantId: tenant,
          expected: head ?? null,
          actual: row ?? null,
        });
      auditEvents[tenant] = report.events;
    }
    // Erasures outlive the backup: subjects the ledger lists get no key back.
    const shredded: Record<string, number> = {};
    if (options.shredLedger !== undefined) {
      for (const tenant of manifest.tenants) {
        const subjects = options.shredLedger.subjectsOf(tenant);
        let dropped = 0;
        for (let i = 0; i < subjects.length; i += 500) {
          const r = await typed
            .deleteFrom('subject_keys')
            .where('tenant_id', '=', tenant)
            .where('subject_id', 'in', subjects.slice(i, i + 500))
            .executeTakeFirst();
          dropped += Number(r.numDeletedRows);
        }
        if (dropped > 0) shredded[tenant] = dropped;
      }
    }
    await options.beforeCommit?.(typed, manifest);
    return { manifest, rows: inserted, auditEvents, shredded };
  });
  await migrateToLatest(db);
  return result;
}
