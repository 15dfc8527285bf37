import { dataDirKeyring } from './server-secret.ts';
import { loadServerModule } from './server-bridge.ts';
import { resolve } from 'node:path';
import { textSink, type TextSink } from './text-sink.ts';
import { buildIndex, hasFunction } from '@custos/engine';
import {
  auditExportChunks,
  auditFilterOf,
  loadConfig,
  type AuditFilterParams,
} from '@custos/server';
import { appendAuditEvent, countAuditEvents, loadPolicyModel } from '@custos/store';
import type { Command } from 'commander';
import { Option } from 'commander';
import { parse } from 'csv-parse';
import type { ApiClient } from './api-client.ts';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, onlineLabel, onlineSubject } from './online-options.ts';
import { principalLabel, resolvePrincipal } from './principal.ts';
import { progressReporter } from './progress-reporter.ts';

interface AuditExportFlags {
  format: 'csv' | 'json';
  out?: string;
  as?: string;
  actor?: string;
  actingAs?: string;
  action?: string;
  record?: string;
  outcome?: 'success' | 'denied' | 'failure';
  from?: string;
  to?: string;
  server?: string;
  token?: string;
}

/** Exports at least this long show progress (a bar on a terminal, lines otherwise). */
export const AUDIT_PROGRESS_FROM = 1000;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/;

/** The flags as the API's filters, each checked (a bad one names its flag). */
function filterParams(flags: AuditExportFlags): AuditFilterParams {
  const instant = (value: string | undefined, flag: string): string | undefined => {
    if (value === undefined) return undefined;
    const at = new Date(value);
    if (Number.isNaN(at.getTime()))
      throw usageError(`${flag} ${value}: expected an ISO 8601 instant (2026-06-01T00:00:00Z)`);
    return at.toISOString();
  };
  if (flags.action !== undefined && !ACTION.test(flags.action))
    throw usageError(
      `--action ${flags.action}: expected an action (customer.update) or a prefix ending with a dot (customer.)`,
    );
  if (flags.record !== undefined && (flags.record.length > 300 || flags.record === ''))
    throw usageError('--record: expected a target such as customer/c-00042');
  const from = instant(flags.from, '--from');
  const to = instant(flags.to, '--to');
  if (from !== undefined && to !== undefined && to <= from)
    throw usageError('--to: the time range ends before it starts');
  return {
    ...(flags.actor === undefined ? {} : { actorId: flags.actor }),
    ...(flags.actingAs === undefined ? {} : { actingAsId: flags.actingAs }),
    ...(flags.action === undefined ? {} : { action: flags.action }),
    ...(flags.record === undefined ? {} : { target: flags.record }),
    ...(flags.outcome === undefined ? {} : { outcome: flags.outcome }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

/** Counts the events of an export as its text streams by: CSV records, or JSON items. */
function eventCounter(format: 'csv' | 'json'): {
  write(text: string): number;
  done(): Promise<void>;
} {
  if (format === 'csv') {
    const parser = parse({ bom: true });
    let records = 0;
    parser.on('readable', () => {
      while (parser.read() !== null) records += 1;
    });
    const ended = new Promise<void>((ok, fail) => {
      parser.once('end', ok);
      parser.once('error', fail);
    });
    return {
      write: (text) => {
        parser.write(text);
        return Math.max(0, records - 1);
      },
      done: async () => {
        parser.end();
        await ended;
      },
    };
  }
  // JSON `{"items":[{…},{…}],…}`: an item starts with `{` at depth 2, outside strings.
  let depth = 0;
  let inString = false;
  let escaped = false;
  let items = 0;
  return {
    write: (text) => {
      for (const c of text) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') {
          if (c === '{' && depth === 2) items += 1;
          depth += 1;
        } else if (c === '}' || c === ']') depth -= 1;
      }
      return items;
    },
    done: async () => {},
  };
}

/** Write the chunks to the sink, with progress on stderr for a long export; the event count. */
async function drain(
  ctx: CommandContext,
  chunks: AsyncIterable<string>,
  sink: TextSink,
  format: 'csv' | 'json',
  total: number,
): Promise<number> {
  const counter = eventCounter(format);
  const progress = total >= AUDIT_PROGRESS_FROM ? progressReporter(ctx.io.stderr) : undefined;
  progress?.start(total, 'Audit events');
  let count = 0;
  try {
    for await (const chunk of chunks) {
      await sink.write(chunk);
      count = counter.write(chunk);
      progress?.update(Math.min(count, total));
    }
    await counter.done();
    progress?.update(Math.min(counter.write(''), total));
  } finally {
    progress?.stop();
    await sink.close();
  }
  return counter.write('');
}

function summary(ctx: CommandContext, count: number, who: string, outPath: string | undefined) {
  const line = `Exported ${count} audit events as ${who}${outPath ? ` to ${outPath}` : ''}\n`;
  (outPath === undefined ? ctx.io.stderr : ctx.io.stdout).write(line);
}

async function exportOnline(
  ctx: CommandContext,
  client: ApiClient,
  flags: AuditExportFlags,
  params: AuditFilterParams,
  outPath: string | undefined,
): Promise<void> {
  const subject = await onlineSubject(client, flags.as);
  if (subject.id !== subject.me.id)
    throw usageError(
      `online, the export runs as the token's owner (${subject.me.id}), not ${flags.as}`,
    );
  const query = new URLSearchParams({ format: flags.format, ...params });
  let total = 0;
  const chunks = await client.download(`/v1/audit/events/export?${query}`, (headers) => {
    total = Number(headers.get('x-custos-export-count') ?? 0);
  });
  const count = await drain(ctx, chunks, textSink(ctx, outPath), flags.format, total);
  summary(ctx, count, onlineLabel(subject), outPath);
}

/**
 * `custos audit export`: the audit log as CSV or JSON with the search's filters (actor, acting
 * as, action or prefix, record, outcome, time range), each record value at the exporter's field
 * levels; audited `audit.export`. Online (`--server --token`, a token with the `audit_view`
 * scope) through `GET /v1/audit/events/export`; offline `--as` a user holding `audit_view`.
 */
export function configureAuditExport(command: Command, ctx: CommandContext): void {
  addOnlineOptions(command)
    .description(
      'Export the audit log (CSV or JSON) with filters; record values as the exporting user may see them',
    )
    .addOption(
      new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'),
    )
    .option('--out <file>', 'write to this file (default: stdout)')
    .option(
      '--as <user>',
      'the exporting user, holding audit_view: id, name or login email (online: the token owner)',
    )
    .option('--actor <userId>', 'only events of this acting user')
    .option('--acting-as <userId>', 'only events served as this user (view as)')
    .option(
      '--action <action>',
      'an action (customer.update) or a prefix ending with a dot (customer.)',
    )
    .option('--record <target>', 'only events on this record or target, e.g. customer/c-00042')
    .addOption(
      new Option('--outcome <outcome>', 'only this outcome').choices([
        'success',
        'denied',
        'failure',
      ]),
    )
    .option('--from <instant>', 'events at or after this ISO 8601 instant')
    .option('--to <instant>', 'events before this ISO 8601 instant')
    .addHelpText(
      'after',
      '\nNeeds the audit_view function permission; the export is itself audited (audit.export).\nWith --server URL --token TOKEN (a token with the audit_view scope) it exports through the running server.',
    )
    .action(async (flags: AuditExportFlags, cmd: Command) => {
      const params = filterParams(flags);
      const outPath = flags.out === undefined ? undefined : resolve(ctx.io.cwd, flags.out);
      const client = onlineClient(flags, ctx.io);
      if (client !== undefined) return exportOnline(ctx, client, flags, params, outPath);
      if (flags.as === undefined) throw usageError('--as <user> is required (or use --server)');
      const as = flags.as;
      const globals = ctx.globals(cmd);
      const now = ctx.io.now();
      const maxEvents = loadConfig(ctx.io.env).auditExportMaxRows;
      await withDatabase(globals, async (database) => {
        const model = await loadPolicyModel(database.db, globals.tenant);
        const user = await resolvePrincipal(database.db, model, as);
        if (!hasFunction(model, user.id, 'audit_view'))
          throw new CliError(
            'PERMISSION_DENIED',
            `${principalLabel(user)} does not hold the audit_view function permission`,
          );
        const filter = auditFilterOf(params);
        const reader = {
          tenantId: globals.tenant,
          userId: user.id,
          model,
          index: buildIndex(model),
          now,
          // Sealed values open with the server's keys for this data directory, per field access.
          keyring: await dataDirKeyring(await loadServerModule(), globals.dataDir, ctx.io.env),
        };
        const total = await countAuditEvents(
          database.db,
          { tenantId: globals.tenant, ...filter },
          maxEvents,
        );
        let done = { count: 0, truncated: false };
        const chunks = auditExportChunks(
          database.db,
          reader,
          filter,
          flags.format,
          maxEvents,
          async (d) => {
            done = d;
          },
        );
        await drain(ctx, chunks, textSink(ctx, outPath), flags.format, total);
        await appendAuditEvent(database.db, {
          tenantId: globals.tenant,
          actorId: user.id,
          action: 'audit.export',
          target: null,
          after: {
            filters: params,
            format: flags.format,
            ...done,
            via: 'cli',
            file: flags.out ?? null,
          },
          at: new Date(now),
        });
        summary(ctx, done.count, principalLabel(user), outPath);
      });
    });
}
