import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  CHECKPOINT_FILE_FORMAT,
  checkpointFile,
  createServerKeys,
  loadAuditKey,
  loadConfig,
  parseCheckpointFile,
  type CheckpointFile,
} from '@custos/server';
import {
  appendAuditEvent,
  createAuditCheckpoint,
  listAuditCheckpoints,
  verifyAuditChain,
  type AuditChainReport,
  type SignedAuditCheckpoint,
} from '@custos/store';
import type { Command } from 'commander';
import { CliError, usageError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT } from './exit-code.ts';
import { withDatabase, type GlobalOptions } from './global-options.ts';
import { addOnlineOptions, onlineClient } from './online-options.ts';
import { progressReporter } from './progress-reporter.ts';
import { SECRET_FILE } from './server-secret.ts';

interface VerifyFlags {
  checkpoint?: string[];
  server?: string;
  token?: string;
  json?: boolean;
}

interface CheckpointFlags {
  out: string;
  server?: string;
  token?: string;
}

/**
 * The checkpoint key as the server would use it (docs/audit.md): `CUSTOS_AUDIT_KEY_FILE`, else
 * derived from `CUSTOS_SECRET` or the data directory's `custos-secret` — read, never made here
 * (a new secret would sign with a key the server does not have).
 */
async function offlineKey(io: CliIo, globals: GlobalOptions): Promise<Buffer | undefined> {
  const config = loadConfig(io.env);
  let secret = config.secret;
  if (secret === undefined)
    secret = await readFile(join(globals.dataDir, SECRET_FILE), 'utf8').then(
      (t) => t.trim() || undefined,
      () => undefined,
    );
  return loadAuditKey(config, createServerKeys(secret));
}

async function readCheckpointFiles(
  io: CliIo,
  paths: readonly string[],
): Promise<SignedAuditCheckpoint[]> {
  const all: SignedAuditCheckpoint[] = [];
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(full, 'utf8'));
    } catch (error) {
      throw usageError(`--checkpoint ${path}: ${(error as Error).message}`);
    }
    try {
      all.push(...parseCheckpointFile(value));
    } catch (error) {
      throw new CliError('REQUEST_INVALID', `--checkpoint ${path}: ${(error as Error).message}`);
    }
  }
  return all;
}

/** The report in words: one line for ok, else the first bad seq and the others. */
function printReport(ctx: CommandContext, report: AuditChainReport, keyAvailable: boolean): void {
  const signed = keyAvailable
    ? `${report.signaturesChecked} checkpoint signature(s) verified`
    : 'no checkpoint key: signatures NOT verified';
  if (report.ok) {
    ctx.print(
      `OK: tenant ${report.tenantId}, ${report.events} events (last seq ${report.lastSeq}, hash ${report.lastHash}), ${report.checkpoints} checkpoint(s), ${signed}`,
    );
    return;
  }
  const first = report.first!;
  ctx.print(`FAILED at seq ${first.seq} [${first.problem}]: ${first.reason}`);
  for (const issue of report.issues.slice(1, 20))
    ctx.print(`  also seq ${issue.seq} [${issue.problem}]: ${issue.reason}`);
  ctx.print(
    `tenant ${report.tenantId}: ${report.events} events checked, ${report.checkpoints} checkpoint(s), ${signed}`,
  );
}

export function configureAuditChain(audit: Command, ctx: CommandContext): void {
  audit.description('The tamper-evident audit log: verify its chain, sign checkpoints');

  addOnlineOptions(audit.command('verify'))
    .description(
      "Recompute the tenant's audit hash chain and check it against its head and the signed checkpoints; names the first bad sequence number (exit 1)",
    )
    .option(
      '--checkpoint <file...>',
      'also check against these checkpoint files (kept outside the database)',
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nNeeds audit_view online (POST /v1/audit/verify). Offline it opens the database and uses the key of CUSTOS_AUDIT_KEY_FILE, CUSTOS_SECRET or the data directory.',
    )
    .action(async (flags: VerifyFlags, cmd: Command) => {
      const given = await readCheckpointFiles(ctx.io, flags.checkpoint ?? []);
      const client = onlineClient(flags, ctx.io);
      let report: AuditChainReport;
      let keyAvailable: boolean;
      if (client !== undefined) {
        const answer = await client.json<AuditChainReport & { keyAvailable: boolean }>(
          'POST',
          '/v1/audit/verify',
          { checkpoints: given },
        );
        report = answer;
        keyAvailable = answer.keyAvailable;
      } else {
        const globals = ctx.globals(cmd);
        const key = await offlineKey(ctx.io, globals);
        keyAvailable = key !== undefined;
        report = await withDatabase(globals, async (database) => {
          const head = await database.db
            .selectFrom('audit_heads')
            .select('seq')
            .where('tenant_id', '=', globals.tenant)
            .executeTakeFirst();
          const progress = progressReporter(ctx.io.stderr);
          progress.start(Number(head?.seq ?? 0), 'Verifying the audit chain');
          const result = await verifyAuditChain(database.db, globals.tenant, {
            checkpoints: given,
            ...(key === undefined ? {} : { key }),
            onProgress: (n) => progress.update(n),
          }).finally(() => progress.stop());
          await appendAuditEvent(database.db, {
            tenantId: globals.tenant,
            actorId: null,
            action: 'audit.verify',
            target: null,
            at: new Date(ctx.io.now()),
            after: {
              ok: result.ok,
              lastSeq: result.lastSeq,
              checkpoints: result.checkpoints,
              via: 'cli',
              ...(result.first === undefined ? {} : { first: result.first }),
            },
          });
          return result;
        });
      }
      if (flags.json === true) ctx.print(JSON.stringify({ ...report, keyAvailable }, null, 2));
      else printReport(ctx, report, keyAvailable);
      if (!report.ok) ctx.exit(EXIT.failure);
    });

  addOnlineOptions(audit.command('checkpoint'))
    .description(
      "Sign the audit log's head now (HMAC, key outside the database) and write every checkpoint to a file",
    )
    .requiredOption('--out <file>', 'the checkpoint file to write (JSON)')
    .addHelpText(
      'after',
      `\nThe file (format ${CHECKPOINT_FILE_FORMAT}) is what \`custos audit verify --checkpoint FILE\` reads: keep it where the database's administrators cannot write.`,
    )
    .action(async (flags: CheckpointFlags, cmd: Command) => {
      const out = resolve(ctx.io.cwd, flags.out);
      const client = onlineClient(flags, ctx.io);
      let file: CheckpointFile;
      if (client !== undefined) {
        file = await client.json<CheckpointFile>('POST', '/v1/audit/checkpoints', {});
      } else {
        const globals = ctx.globals(cmd);
        const key = await offlineKey(ctx.io, globals);
        if (key === undefined)
          throw new CliError(
            'AUDIT_KEY_MISSING',
            'no audit checkpoint key: set CUSTOS_AUDIT_KEY_FILE, or CUSTOS_SECRET (or run `custos serve` once to keep a secret in the data directory)',
          );
        file = await withDatabase(globals, async (database) => {
          const now = new Date(ctx.io.now());
          await appendAuditEvent(database.db, {
            tenantId: globals.tenant,
            actorId: null,
            action: 'audit.checkpoint',
            target: null,
            at: now,
            after: { via: 'cli' },
          });
          await createAuditCheckpoint(database.db, key, globals.tenant, now);
          return checkpointFile(await listAuditCheckpoints(database.db, globals.tenant));
        });
      }
      await writeFile(out, `${JSON.stringify(file, null, 2)}\n`);
      const last = file.checkpoints.at(-1);
      ctx.print(
        `Wrote ${file.checkpoints.length} checkpoint(s) to ${out}${last ? `; the newest signs seq ${last.seq} (${last.hash})` : ''}`,
      );
    });
}
