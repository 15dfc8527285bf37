import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  parseBackupKey,
  restoreBackup,
  ShredLedger,
  writeBackup,
  type BackupSecret,
} from '@custos/store';
import type { Command } from 'commander';
import type { ApiClient } from './api-client.ts';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { describeDatabase, openDatabase, type GlobalOptions } from './global-options.ts';
import { addOnlineOptions, onlineClient } from './online-options.ts';
import { progressReporter, type ProgressReporter } from './progress-reporter.ts';
import { SHRED_LEDGER_FILE } from './server-secret.ts';

interface SecretFlags {
  passphraseFile?: string;
  keyFile?: string;
}

interface BackupFlags extends SecretFlags {
  out: string;
  server?: string;
  token?: string;
}

interface RestoreFlags extends SecretFlags {
  shredLedger?: string;
}

/** The backup's secret from `--passphrase-file` or `--key-file` (exactly one). */
async function readSecret(ctx: CommandContext, flags: SecretFlags): Promise<BackupSecret> {
  if ((flags.passphraseFile === undefined) === (flags.keyFile === undefined))
    throw usageError('give exactly one of --passphrase-file FILE or --key-file FILE');
  if (flags.keyFile !== undefined)
    return { key: parseBackupKey(await readFile(resolve(ctx.io.cwd, flags.keyFile))) };
  const text = (await readFile(resolve(ctx.io.cwd, flags.passphraseFile!), 'utf8')).replace(
    /\r?\n$/,
    '',
  );
  if (text.length < 8)
    throw usageError('--passphrase-file: the passphrase must be at least 8 characters');
  return { passphrase: text };
}

/** A row progress bar started at the first report (when the total is known). */
function rowProgress(ctx: CommandContext, label: string) {
  let bar: ProgressReporter | undefined;
  let stopped = false;
  return {
    update(p: { rows: number; totalRows: number }) {
      if (bar === undefined) {
        if (stopped) return;
        bar = progressReporter(ctx.io.stderr);
        bar.start(p.totalRows, label);
      }
      bar.update(p.rows);
    },
    stop() {
      bar?.stop();
      bar = undefined;
      stopped = true;
    },
  };
}

/** Online: the server backs up the token's tenant with its own backup key; the file is downloaded. */
async function backupOnline(
  ctx: CommandContext,
  client: ApiClient,
  flags: BackupFlags,
  out: string,
): Promise<void> {
  if (flags.passphraseFile !== undefined || flags.keyFile !== undefined)
    throw usageError(
      'online, the server seals the backup with its own backup key (CUSTOS_BACKUP_KEY_FILE): leave out --passphrase-file and --key-file, and restore it with that key file',
    );
  const made = await client.json<{ data: { name: string; jobId: string } }>(
    'POST',
    '/v1/admin/backups',
    {},
  );
  const { name } = made.data;
  ctx.io.stderr.write(`The server is backing up (${name})…\n`);
  // Wait for the job: the backup appears in the list once written and verified.
  for (let waited = 0; ; waited += 1) {
    const list = await client.json<{
      data: {
        backups: { name: string }[];
        jobs: { name: string; state: string; lastError: string | null }[];
      };
    }>('GET', '/v1/admin/backups');
    if (list.data.backups.some((b) => b.name === name)) break;
    const job = list.data.jobs.find((j) => j.name === name);
    if (job?.state === 'dead')
      throw new CliError('INTERNAL', `the server's backup failed: ${job.lastError ?? 'unknown'}`);
    if (waited > 1200)
      throw new CliError('NOT_READY', `the server did not finish the backup ${name} in 10 minutes`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  let total = 0;
  const chunks = await client.binary(`/v1/admin/backups/${encodeURIComponent(name)}`, (h) => {
    total = Number(h.get('content-length') ?? 0);
  });
  const bar = progressReporter(ctx.io.stderr);
  bar.start(total, 'Downloading');
  let done = 0;
  const partial = `${out}.partial`;
  try {
    await pipeline(
      (async function* () {
        for await (const chunk of chunks) {
          done += chunk.length;
          bar.update(done);
          yield chunk;
        }
      })(),
      createWriteStream(partial, { mode: 0o600 }),
    );
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    bar.stop();
  }
  ctx.print(`Backed up through ${client.server} to ${out} (${done} bytes, ${name})`);
}

export function configureBackup(command: Command, ctx: CommandContext): void {
  addOnlineOptions(command)
    .description(
      'Write an encrypted, compressed, consistent backup of the whole database, or of one tenant with --tenant (docs/backup.md)',
    )
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--passphrase-file <file>', 'seal with a key made from the passphrase in this file')
    .option('--key-file <file>', 'seal with this 32-byte key (raw, Base64 or hex)')
    .addHelpText(
      'after',
      "\nWith --server URL --token TOKEN the running server backs up the token's tenant with its backup key (POST /v1/admin/backups, needs backup_admin) and the file is downloaded.",
    )
    .action(async (flags: BackupFlags, cmd: Command) => {
      const out = resolve(ctx.io.cwd, flags.out);
      const client = onlineClient(flags, ctx.io);
      if (client !== undefined) return backupOnline(ctx, client, flags, out);
      const secret = await readSecret(ctx, flags);
      const globals = ctx.globals(cmd);
      const tenant = (cmd.optsWithGlobals() as { tenant?: string }).tenant;
      const database = await openDatabase(globals);
      const progress = rowProgress(ctx, 'Backing up');
      try {
        const { manifest, bytes } = await writeBackup(database, {
          path: out,
          secret,
          now: new Date(ctx.io.now()),
          ...(tenant === undefined ? {} : { tenantId: tenant }),
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        ctx.print(
          `Backed up ${manifest.rows} rows of ${manifest.tables.length} tables (${manifest.tenants.join(', ')}) from ${describeDatabase(globals)} to ${out} (${bytes} bytes)`,
        );
      } finally {
        progress.stop();
        await database.close();
      }
    });
}

/** The shred ledger of the target: `--shred-ledger`, `CUSTOS_SHRED_LEDGER`, else the data directory's. */
function ledgerPath(ctx: CommandContext, flags: RestoreFlags, globals: GlobalOptions): string {
  if (flags.shredLedger !== undefined) return resolve(ctx.io.cwd, flags.shredLedger);
  const env = ctx.io.env.CUSTOS_SHRED_LEDGER;
  if (env !== undefined && env !== '') return resolve(ctx.io.cwd, env);
  return join(globals.dataDir, SHRED_LEDGER_FILE);
}

export function configureRestore(command: Command, ctx: CommandContext): void {
  command
    .description(
      'Restore a backup into an empty database (PGlite --data-dir or PostgreSQL --database-url) in one transaction, verifying row counts and audit chains before the commit',
    )
    .argument('<file>', 'the backup file')
    .option('--passphrase-file <file>', 'the passphrase the backup was sealed with, in a file')
    .option('--key-file <file>', 'the 32-byte key the backup was sealed with')
    .option(
      '--shred-ledger <file>',
      'the shred ledger kept with the keys (default CUSTOS_SHRED_LEDGER, else <data-dir>/custos-shredded): erased people stay erased',
    )
    .addHelpText(
      'after',
      '\nOffline only: stop any server on the target first. A target holding any row is refused.',
    )
    .action(async (file: string, flags: RestoreFlags, cmd: Command) => {
      if (ctx.io.env.CUSTOS_SERVER)
        ctx.io.stderr.write('restore runs offline only: CUSTOS_SERVER is ignored\n');
      const path = resolve(ctx.io.cwd, file);
      const secret = await readSecret(ctx, flags);
      const globals = ctx.globals(cmd);
      const shredLedger = new ShredLedger(ledgerPath(ctx, flags, globals));
      const database = await openDatabase(globals, { migrate: false });
      const progress = rowProgress(ctx, 'Restoring');
      try {
        const result = await restoreBackup(database, {
          path,
          secret,
          shredLedger,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
        const events = Object.values(result.auditEvents).reduce((a, b) => a + b, 0);
        const shredded = Object.values(result.shredded).reduce((a, b) => a + b, 0);
        ctx.print(
          `Restored ${rows} rows (${result.manifest.tenants.join(', ')}) into ${describeDatabase(globals)}: row counts match the manifest, ${events} audit events verified, audit heads match` +
            (shredded > 0 ? `; ${shredded} erased subjects' keys left out (shred ledger)` : ''),
        );
      } finally {
        progress.stop();
        await database.close();
      }
    });
}
