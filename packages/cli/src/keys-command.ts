import { setTimeout as sleep } from 'node:timers/promises';
import type { EncryptionOverview } from '@custos/server';
import { loadPolicyModel, type Database } from '@custos/store';
import type { Command } from 'commander';
import type { ApiClient } from './api-client.ts';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase, type GlobalOptions } from './global-options.ts';
import { addOnlineOptions, onlineClient, whoAmI, type OnlineFlags } from './online-options.ts';
import { progressReporter, type ProgressReporter } from './progress-reporter.ts';
import { loadServerModule, type ServerModule } from './server-bridge.ts';
import { dataDirKeyring } from './server-secret.ts';

interface StatusFlags extends OnlineFlags {
  json?: boolean;
}

interface RotateFlags extends OnlineFlags {
  reason?: string;
  wait: boolean;
  pollMs: string;
}

/** A sweep as the API shows it (`GET /v1/admin/encryption/sweep`). */
type SweepView = NonNullable<EncryptionOverview['sweep']>;

/** How often `keys rotate --server` asks for the sweep's progress (ms). */
export const DEFAULT_POLL_MS = 1000;

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/** Records visited in the sweep's current pass, and records in all (the progress bar's numbers). */
export function sweepProgress(sweep: SweepView): { done: number; total: number } {
  const tables = Object.values(sweep.tables);
  const total = sum(tables.map((t) => t.total));
  const done = sum(tables.map((t) => Math.min(t.done, t.total)));
  return { done: sweep.state === 'running' ? done : total, total };
}

const countsLine = (counts: Record<string, number | undefined>): string =>
  Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([key, n]) => `${key} ${n ?? 0}`)
    .join(', ') || 'none';

/** One line about a sweep: state, key version, pass, what it did. */
export function sweepLine(sweep: SweepView): string {
  const when =
    sweep.finishedAt === null ? `started ${sweep.startedAt}` : `finished ${sweep.finishedAt}`;
  const left = sweep.remaining === null ? '' : `, ${sweep.remaining} values left`;
  return (
    `Sweep ${sweep.id} (${sweep.trigger}, "${sweep.reason}"): ${sweep.state} ${sweep.percent}%, ` +
    `target v${sweep.targetVersion}, pass ${sweep.pass}, ${when}${left}; ${countsLine(sweep.counts)}`
  );
}

/** `custos keys status` as text: key versions, values per key, encrypted fields, the last sweep. */
export function statusLines(o: EncryptionOverview): string[] {
  const lines = [`Active data key: v${o.activeVersion}`];
  for (const k of o.keys)
    lines.push(
      `  v${k.version} ${k.state}, created ${k.createdAt}${k.retiredAt === null ? '' : `, retired ${k.retiredAt}`}`,
    );
  const values = Object.entries(o.valuesByKey).sort(([a], [b]) => a.localeCompare(b));
  lines.push(`Values by key: ${values.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  const old = sum(
    values.filter(([k]) => k.startsWith('v') && k !== `v${o.activeVersion}`).map(([, n]) => n),
  );
  lines.push(
    old === 0
      ? 'No value is under an older key version.'
      : `${old} values are still under older key versions.`,
  );
  for (const object of o.objects) {
    const fields = object.fields.filter((f) => f.encrypted);
    if (fields.length > 0)
      lines.push(`  ${object.object}: ${fields.map((f) => f.field).join(', ')} encrypted`);
  }
  lines.push(o.sweep === null ? 'No sweep yet.' : sweepLine(o.sweep));
  if (o.sweep !== null)
    for (const e of o.sweep.errors.slice(0, 10))
      lines.push(`  error [${e.code}] ${e.object}/${e.recordId} ${e.field}: ${e.message}`);
  return lines;
}

/** Offline: the database and the keyring of this data directory (as `custos serve` builds it). */
async function offline<T>(
  ctx: CommandContext,
  globals: GlobalOptions,
  work: (
    server: ServerModule,
    database: Database,
    keyring: Awaited<ReturnType<typeof dataDirKeyring>>,
  ) => Promise<T>,
): Promise<T> {
  const server = await loadServerModule();
  const keyring = await dataDirKeyring(server, globals.dataDir, ctx.io.env);
  return withDatabase(globals, async (database) => {
    // An unknown tenant is refused before any key is made (STORE_UNKNOWN_TENANT).
    await loadPolicyModel(database.db, globals.tenant);
    return work(server, database, keyring);
  }).catch((error: unknown) => {
    const e = error as { name?: string; code?: unknown; message?: string };
    if (e?.name !== 'AppError' || typeof e.code !== 'string') throw error;
    throw new CliError(e.code, e.message ?? '');
  });
}

/** Online the tenant is the token's: `--tenant` naming another is a usage error. */
async function onlineTenant(client: ApiClient, cmd: Command): Promise<void> {
  const asked = (cmd.optsWithGlobals() as { tenant?: string }).tenant;
  if (asked === undefined) return;
  const me = await whoAmI(client);
  if (me.tenantId !== asked)
    throw usageError(
      `--tenant ${asked}: online, the tenant is the token's (${me.tenantId}); run offline for another tenant`,
    );
}

/** The progress bar of a sweep: one bar per pass (each pass visits every record again). */
function sweepBar(bar: ProgressReporter): { show(sweep: SweepView): void; stop(): void } {
  let pass: number | undefined;
  return {
    show(sweep) {
      const { done, total } = sweepProgress(sweep);
      if (sweep.pass !== pass) {
        if (pass !== undefined) bar.stop();
        pass = sweep.pass;
        bar.start(total, `Re-sealing (pass ${pass})`);
      }
      bar.update(done);
    },
    stop() {
      if (pass !== undefined) bar.stop();
      pass = undefined;
    },
  };
}

function finished(ctx: CommandContext, sweep: SweepView): void {
  ctx.print(sweepLine(sweep));
  if (sweep.state === 'failed') {
    const first = sweep.errors[0];
    throw new CliError(
      first?.code ?? 'INTERNAL',
      `the sweep failed${first === undefined ? '' : `: ${first.message}`} (custos keys status shows its errors)`,
    );
  }
}

/**
 * `custos keys`: the data key of a tenant (docs/key-rotation.md). `status` shows the key versions
 * and what each holds; `rotate` adds a version and re-seals every value under it (the sweep), with
 * a progress bar — through the server with `--server URL --token …` (the token needs the scope
 * `encryption_admin`), else in this process on the database.
 */
export function configureKeys(command: Command, ctx: CommandContext): void {
  command.description(
    'Data keys of field encryption at rest: status and rotation (docs/key-rotation.md)',
  );

  addOnlineOptions(
    command
      .command('status')
      .description(
        'Key versions, values per key version, encrypted fields and the last re-encryption sweep',
      )
      .option('--json', 'print the overview as JSON (as GET /v1/admin/encryption answers)'),
  ).action(async (flags: StatusFlags, cmd: Command) => {
    const client = onlineClient(flags, ctx.io);
    let overview: EncryptionOverview;
    if (client !== undefined) {
      await onlineTenant(client, cmd);
      overview = await client.json<EncryptionOverview>('GET', '/v1/admin/encryption');
    } else {
      const globals = ctx.globals(cmd);
      overview = await offline(ctx, globals, async (server, database, keyring) =>
        server.encryptionOverview(
          { database, keyring },
          globals.tenant,
          await loadPolicyModel(database.db, globals.tenant),
        ),
      );
    }
    if (flags.json === true) ctx.print(JSON.stringify(overview, null, 2));
    else for (const line of statusLines(overview)) ctx.print(line);
  });

  addOnlineOptions(
    command
      .command('rotate')
      .description(
        'Add a data key version (active at once) and re-seal every encrypted value under it, with progress',
      )
      .option('--reason <text>', 'why (required; kept in the audit trail as encryption.rotate)')
      .option('--no-wait', 'online: start the rotation and return (follow with keys status)')
      .option('--poll-ms <ms>', 'online: how often to ask for progress', String(DEFAULT_POLL_MS)),
  ).action(async (flags: RotateFlags, cmd: Command) => {
    const reason = flags.reason?.trim() ?? '';
    if (reason === '') throw usageError('--reason <text> is required: why the key is rotated');
    if (reason.length > 1000) throw usageError('--reason: at most 1000 characters');
    const pollMs = Number(flags.pollMs);
    if (!Number.isInteger(pollMs) || pollMs < 10 || pollMs > 60_000)
      throw usageError(`--poll-ms ${flags.pollMs}: expected a whole number from 10 to 60000`);
    const bar = progressReporter(ctx.io.stderr);
    const client = onlineClient(flags, ctx.io);
    if (client !== undefined) {
      await onlineTenant(client, cmd);
      const rotated = await client.json<{ fromVersion: number; version: number; sweep: SweepView }>(
        'POST',
        '/v1/admin/encryption/rotate',
        { reason },
      );
      ctx.print(
        `Rotated the data key: v${rotated.fromVersion} → v${rotated.version} (active now); sweep ${rotated.sweep.id} re-seals in the background.`,
      );
      if (!flags.wait) return;
      const id = rotated.sweep.id;
      const shown = sweepBar(bar);
      let sweep = rotated.sweep;
      try {
        shown.show(sweep);
        while (sweep.state === 'running') {
          await sleep(pollMs);
          const r = await client.json<{ recent: SweepView[] }>('GET', '/v1/admin/encryption/sweep');
          const mine = r.recent.find((s) => s.id === id);
          if (mine === undefined) throw new CliError('NOT_FOUND', `the sweep ${id} is gone`);
          sweep = mine;
          shown.show(sweep);
        }
      } finally {
        shown.stop();
      }
      finished(ctx, sweep);
      return;
    }
    const globals = ctx.globals(cmd);
    const sweep = await offline(ctx, globals, async (server, database, keyring) => {
      const clock = () => ctx.io.now();
      const rotated = await server.rotateDataKey(
        { database, keyring },
        { tenantId: globals.tenant, actorId: null, reason, now: clock() },
      );
      ctx.print(
        `Rotated the data key: v${rotated.fromVersion} → v${rotated.version} (active now); re-sealing here.`,
      );
      const shown = sweepBar(bar);
      try {
        shown.show(server.sweepView(rotated.sweep));
        const ended = await server.runSweepToEnd(
          { database, keyring, clock },
          globals.tenant,
          rotated.sweep.id,
          (s) => shown.show(server.sweepView(s)),
        );
        return server.sweepView(ended);
      } finally {
        shown.stop();
      }
    });
    finished(ctx, sweep);
  });
}
