/**
 * `custos backup` and `custos restore` (docs/backup.md): a round trip from PGlite into
 * PostgreSQL, every table counted and the customers compared; refusals (no secret, wrong
 * passphrase, a non-empty target); a restore killed half-way (SIGKILL of a child process) leaves
 * the target without a row, and a retry succeeds.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupTables, verifyAuditChain, type Database } from '@custos/store';
import { openPostgresTestDatabaseWithUrl } from '@custos/store/test-backends';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './cli-test-support.ts';

async function counts(database: Database): Promise<Record<string, number>> {
  const db = database.db as unknown as Kysely<unknown>;
  const out: Record<string, number> = {};
  for (const t of await backupTables(db)) {
    const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.id(t.name)}`.execute(
      db,
    );
    out[t.name] = Number(r.rows[0]!.n);
  }
  return out;
}

async function customers(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('customers')
    .select(['tenant_id', 'id', 'owner_id', 'name', 'sensitivity'])
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.stringify(r));
}

describe('custos backup and restore', () => {
  let box: CliSandbox;
  let source: Record<string, number>;
  let sourceCustomers: string[];
  let file: string;

  beforeAll(async () => {
    box = await cliSandbox();
    expect((await box.run(['seed', '--customers', '300'])).code).toBe(0);
    await writeFile(join(box.dir, 'pass.txt'), 'correct horse battery staple\n');
    await writeFile(join(box.dir, 'wrong.txt'), 'incorrect horse battery staple\n');
    source = await box.withDatabase(counts);
    sourceCustomers = await box.withDatabase(customers);
    file = join(box.dir, 'all.cbk');
  });
  afterAll(async () => {
    await box?.remove();
  });

  it('refuses without exactly one secret, naming the options', async () => {
    const none = await box.run(['backup', '--out', 'x.cbk']);
    expect(none.code).not.toBe(0);
    expect(none.err).toContain('--passphrase-file FILE or --key-file FILE');
    const both = await box.run([
      'backup',
      '--out',
      'x.cbk',
      '--passphrase-file',
      'pass.txt',
      '--key-file',
      'pass.txt',
    ]);
    expect(both.code).not.toBe(0);
  });

  it('backs up PGlite and restores into PostgreSQL: every table equal, audit chain verified', async () => {
    const made = await box.run(['backup', '--out', 'all.cbk', '--passphrase-file', 'pass.txt']);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/Backed up \d+ rows of \d+ tables \(yunshan\)/);
    // Quiet without a terminal: progress as a few plain lines, not a redrawn bar.
    expect(made.err).toContain('Backing up: 0/');
    expect(made.err).not.toContain('\r');

    const { database, connectionString } = await openPostgresTestDatabaseWithUrl();
    try {
      const wrong = await box.run([
        'restore',
        'all.cbk',
        '--passphrase-file',
        'wrong.txt',
        '--database-url',
        connectionString,
      ]);
      expect(wrong.code).not.toBe(0);
      expect(wrong.err).toContain('BACKUP_WRONG_KEY');
      // The check for other sessions would refuse while the test holds a connection: close it.
      await database.close();
    } catch (error) {
      await database.close();
      throw error;
    }
    const { database: target, connectionString: url } = await openPostgresTestDatabaseWithUrl();
    const pool = target;
    // Restore refuses while another session (this test's pool) is connected: a server's, say.
    const busy = await box.run([
      'restore',
      file,
      '--passphrase-file',
      'pass.txt',
      '--database-url',
      url,
    ]);
    expect(busy.code).not.toBe(0);
    expect(busy.err).toContain('BACKUP_TARGET_NOT_EMPTY');
    await pool.db.destroy();
    const restored = await box.run([
      'restore',
      file,
      '--passphrase-file',
      'pass.txt',
      '--database-url',
      url,
    ]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('row counts match the manifest');
    const { openPgDatabase } = await import('@custos/store');
    const check = await openPgDatabase({ connectionString: url, migrate: false });
    try {
      expect(await counts(check)).toEqual(source);
      expect(await customers(check)).toEqual(sourceCustomers);
      expect((await verifyAuditChain(check.db, 'yunshan')).ok).toBe(true);
    } finally {
      await check.close();
    }
    // A second restore into the now full target: refused, nothing changed.
    const again = await box.run([
      'restore',
      file,
      '--passphrase-file',
      'pass.txt',
      '--database-url',
      url,
    ]);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('BACKUP_TARGET_NOT_EMPTY');
    await target.close().catch(() => undefined);
  });

  it('a restore killed half-way leaves the target empty; a retry succeeds', async () => {
    const { database, connectionString } = await openPostgresTestDatabaseWithUrl();
    await database.db.destroy();
    const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'custos.js');
    const child = spawn(
      process.execPath,
      [
        bin,
        'restore',
        file,
        '--passphrase-file',
        join(box.dir, 'pass.txt'),
        '--database-url',
        connectionString,
      ],
      { cwd: box.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    const exited = new Promise<{ code: number | null; signal: string | null }>((ok) =>
      child.once('exit', (code, signal) => ok({ code, signal })),
    );
    await new Promise<void>((ok) => {
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        // Rows are going in (past the first tenth): kill it.
        if (/Restoring: \d+\/\d+ \(\d+%\)/.test(err)) {
          child.kill('SIGKILL');
          ok();
        }
      });
      void exited.then(() => ok());
    });
    const end = await exited;
    expect(end.signal, err).toBe('SIGKILL');

    const { openPgDatabase } = await import('@custos/store');
    // The killed session's transaction is rolled back by the server: no row anywhere.
    const check = await openPgDatabase({ connectionString, migrate: false });
    try {
      const after = await counts(check);
      expect(Object.values(after).every((n) => n === 0)).toBe(true);
    } finally {
      await check.db.destroy();
    }
    const retry = await box.run([
      'restore',
      file,
      '--passphrase-file',
      'pass.txt',
      '--database-url',
      connectionString,
    ]);
    expect(retry.code, retry.err).toBe(0);
    const done = await openPgDatabase({ connectionString, migrate: false });
    try {
      expect(await counts(done)).toEqual(source);
    } finally {
      await done.db.destroy();
    }
    await database.close().catch(() => undefined);
  });
});
