import { loadServerModule } from './server-bridge.ts';
import { dataDirKeyring } from './server-secret.ts';
import { resolve } from 'node:path';
import { textSink } from './text-sink.ts';
import { hasFunction, isObjectType, OBJECT_CATALOGUE, type ObjectType } from '@custos/engine';
import { exportTable } from '@custos/records';
import { appendAuditEvent, loadPolicyModel } from '@custos/store';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { ApiClient } from './api-client.ts';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, onlineLabel, onlineSubject } from './online-options.ts';
import { principalLabel, resolvePrincipal } from './principal.ts';

interface ExportFlags {
  as?: string;
  object: string;
  out?: string;
  server?: string;
  token?: string;
}

/** A sink for CSV text: a file, or stdout. */
/** How many CSV records a stream of CSV text holds (the header included). */
function csvRecordCounter(): { write(text: string): void; count(): Promise<number> } {
  const parser = parse({ bom: true });
  let records = 0;
  parser.on('readable', () => {
    while (parser.read() !== null) records += 1;
  });
  const done = new Promise<void>((ok, fail) => {
    parser.once('end', ok);
    parser.once('error', fail);
  });
  return {
    write: (text) => void parser.write(text),
    count: async () => {
      parser.end();
      await done;
      return records;
    },
  };
}

/** The summary's note on the contacts left out because they opted out of sale or sharing. */
export function withheldText(doNotSell: number): string {
  return doNotSell === 0 ? '' : `; ${doNotSell} withheld (do not sell or share)`;
}

/** The export through the server (`GET /v1/<object>/export?format=csv`): the same CSV. */
async function exportOnline(
  ctx: CommandContext,
  client: ApiClient,
  flags: ExportFlags,
  object: ObjectType,
  outPath: string | undefined,
): Promise<void> {
  const subject = await onlineSubject(client, flags.as);
  if (subject.id !== subject.me.id)
    throw usageError(
      `online, export runs as the token's owner (${subject.me.id}), not ${flags.as}`,
    );
  let withheld = 0;
  const chunks = await client.download(
    `/v1/${OBJECT_CATALOGUE[object].path}/export?format=csv`,
    (headers) => {
      withheld = Number(headers.get('x-custos-withheld-do-not-sell') ?? '0') || 0;
    },
  );
  const sink = textSink(ctx, outPath);
  const counter = csvRecordCounter();
  try {
    for await (const chunk of chunks) {
      await sink.write(chunk);
      counter.write(chunk);
    }
  } finally {
    await sink.close();
  }
  const count = Math.max(0, (await counter.count()) - 1);
  const line = `Exported ${count} ${object} records as ${onlineLabel(subject)}${outPath ? ` to ${outPath}` : ''}${withheldText(withheld)}\n`;
  (outPath === undefined ? ctx.io.stderr : ctx.io.stdout).write(line);
}

export function configureExport(command: Command, ctx: CommandContext): void {
  addOnlineOptions(command)
    .description(
      'Export the records a user may read and export, as CSV: hidden fields left out, masked fields masked, contacts who opted out of sale or sharing (CCPA) left out and counted',
    )
    .option('--as <user>', 'the user: id, name or login email (online: the token owner)')
    .option('--object <object>', 'customer, contact, deal, order, ticket or activity', 'customer')
    .option('--out <file>', 'write to this file (default: stdout)')
    .addHelpText(
      'after',
      '\nNeeds the export function permission (功能权限 export).\nWith --server URL --token TOKEN it exports through the running server (GET /v1/<object>/export).',
    )
    .action(async (flags: ExportFlags, cmd: Command) => {
      if (!isObjectType(flags.object)) throw usageError(`unknown object "${flags.object}"`);
      const object: ObjectType = flags.object;
      const outPath = flags.out === undefined ? undefined : resolve(ctx.io.cwd, flags.out);
      const client = onlineClient(flags, ctx.io);
      if (client !== undefined) return exportOnline(ctx, client, flags, object, outPath);
      if (flags.as === undefined) throw usageError('--as <user> is required (or use --server)');
      const as = flags.as;
      const globals = ctx.globals(cmd);
      const now = ctx.io.now();
      const summary = await withDatabase(globals, async (database) => {
        const model = await loadPolicyModel(database.db, globals.tenant);
        const user = await resolvePrincipal(database.db, model, as);
        if (!hasFunction(model, user.id, 'export')) {
          throw new CliError(
            'PERMISSION_DENIED',
            `${principalLabel(user)} does not hold the export function permission`,
          );
        }
        const sink = textSink(ctx, outPath);
        let summary = { count: 0, columns: [] as string[], withheld: { doNotSell: 0 } };
        try {
          // Encrypted fields open with the server's keys for this data directory, per field access.
          const keyring = await dataDirKeyring(
            await loadServerModule(),
            globals.dataDir,
            ctx.io.env,
          );
          const reader = { tenantId: globals.tenant, userId: user.id, model, now, keyring };
          const table = exportTable(database.db, reader, object, async (done) => {
            summary = done;
          });
          for await (const rows of table) await sink.write(stringify(rows));
        } finally {
          await sink.close();
        }
        const { count, columns, withheld } = summary;
        await appendAuditEvent(database.db, {
          tenantId: globals.tenant,
          actorId: user.id,
          // The same event as the HTTP export (monitoring's bulk-export rule reads it).
          action: 'record.export',
          target: object,
          after: {
            object,
            format: 'csv',
            count,
            columns,
            // Left out although readable: contacts who opted out of sale or sharing (CCPA).
            withheld,
            // The export has no filters: every record the user may read and export.
            filters: {},
            via: 'cli',
            file: flags.out ?? null,
          },
          at: new Date(now),
        });
        return { user, count, withheld: withheld.doNotSell };
      });
      const line = `Exported ${summary.count} ${object} records as ${principalLabel(summary.user)}${outPath ? ` to ${outPath}` : ''}${withheldText(summary.withheld)}\n`;
      // With the CSV on stdout, the summary goes to stderr so that the output can be piped.
      (outPath === undefined ? ctx.io.stderr : ctx.io.stdout).write(line);
    });
}
