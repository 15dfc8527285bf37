import { loadServerModule } from './server-bridge.ts';
import { dataDirKeyring } from './server-secret.ts';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildIndex, hasFunction } from '@custos/engine';
import { importColumns, importRows, type ImportOutcome, type ImportRow } from '@custos/records';
import { loadPolicyModel } from '@custos/store';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { ApiError, type ApiClient } from './api-client.ts';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT } from './exit-code.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, onlineLabel, onlineSubject } from './online-options.ts';
import { principalLabel, resolvePrincipal } from './principal.ts';

interface ImportFlags {
  as?: string;
  allOrNothing: boolean;
  server?: string;
  token?: string;
}

/** What an import did, as both paths report it. */
interface ImportReport {
  label: string;
  imported: Pick<ImportOutcome, 'created' | 'updated' | 'written'> & {
    failures: { line: number; code: string; message: string }[];
  };
}

interface ServerImportAnswer {
  written: boolean;
  created: string[];
  updated: string[];
  failures: { row: number; code: string; message: string }[];
}

/** The import through the server (`POST /v1/customers/import`): the same rows, the same report. */
async function importOnline(
  client: ApiClient,
  flags: ImportFlags,
  file: string,
  rows: ImportRow[],
): Promise<ImportReport> {
  const subject = await onlineSubject(client, flags.as);
  if (subject.id !== subject.me.id)
    throw usageError(
      `online, import runs as the token's owner (${subject.me.id}), not ${flags.as}`,
    );
  if (rows.length > MAX_ONLINE_ROWS)
    throw usageError(
      `${file}: ${rows.length} rows; online, import at most ${MAX_ONLINE_ROWS} rows per file`,
    );
  const answer = await client
    .json<ServerImportAnswer>('POST', '/v1/customers/import', {
      rows: rows.map((r) => r.cells),
      allOrNothing: flags.allOrNothing,
    })
    .catch((error: unknown) => {
      // An unknown column, named as the offline import names it.
      const field = error instanceof ApiError ? error.details.field : undefined;
      const column =
        typeof field === 'string' ? /^body\/rows\/\d+\/(.+)$/.exec(field)?.[1] : undefined;
      if (column !== undefined)
        throw new CliError('REQUEST_INVALID', `${file}: unknown column ${column}`);
      throw error;
    });
  return {
    label: onlineLabel(subject),
    imported: {
      ...answer,
      failures: answer.failures.map((f) => ({ ...f, line: rows[f.row]?.line ?? f.row })),
    },
  };
}

/** Rows one online import sends (the server's limit per request). */
const MAX_ONLINE_ROWS = 5_000;

function readRows(text: string, file: string): { columns: string[]; rows: ImportRow[] } {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, { columns: true, bom: true, skip_empty_lines: true, info: true });
  } catch (error) {
    throw new CliError('REQUEST_INVALID', `${file}: ${(error as Error).message}`);
  }
  const columns = parsed[0] ? Object.keys(parsed[0].record) : [];
  return { columns, rows: parsed.map((p) => ({ line: p.info.lines, cells: p.record })) };
}

export function configureImport(command: Command, ctx: CommandContext): void {
  addOnlineOptions(command)
    .description(
      "Create and update customers from a CSV file, each row checked against the importer's permissions",
    )
    .option('--as <user>', 'the user: id, name or login email (online: the token owner)')
    .option('--all-or-nothing', 'write nothing if any row fails (default)', true)
    .option('--no-all-or-nothing', 'write the rows that pass and report the others')
    .argument('<file>', 'CSV with a header: id, ownerId and customer fields (name, phone, …)')
    .addHelpText(
      'after',
      `
A row whose id exists updates that customer; any other row creates one (owned by the importer
unless ownerId says otherwise). Empty cells, and cells equal to the current value or its masked
form, change nothing. Needs the import function permission (功能权限 import).
With --server URL --token TOKEN it imports through the running server (POST /v1/customers/import).
Exit code: 0 when every row was written, 1 when a row failed.`,
    )
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
      const client = onlineClient(flags, ctx.io);
      if (client === undefined && flags.as === undefined)
        throw usageError('--as <user> is required (or use --server)');
      const globals = ctx.globals(cmd);
      const now = ctx.io.now();
      const path = resolve(ctx.io.cwd, file);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new CliError('NOT_FOUND', `cannot read ${file}: ${(error as Error).message}`);
      }
      const { columns, rows } = readRows(text, file);

      const outcome: ImportReport =
        client !== undefined
          ? await importOnline(client, flags, file, rows)
          : await withDatabase(globals, async (database) => {
              const model = await loadPolicyModel(database.db, globals.tenant);
              const user = await resolvePrincipal(database.db, model, flags.as as string);
              if (!hasFunction(model, user.id, 'import')) {
                throw new CliError(
                  'PERMISSION_DENIED',
                  `${principalLabel(user)} does not hold the import function permission`,
                );
              }
              const known = importColumns({ model }, 'customer');
              const unknown = columns.filter((c) => !known.has(c));
              if (unknown.length > 0) {
                throw new CliError(
                  'REQUEST_INVALID',
                  `${file}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
                );
              }
              const writer = {
                tenantId: globals.tenant,
                userId: user.id,
                model,
                index: buildIndex(model),
                now,
                // Encrypted fields are sealed with the server's keys for this data directory.
                keyring: await dataDirKeyring(
                  await loadServerModule(),
                  globals.dataDir,
                  ctx.io.env,
                ),
              };
              const imported = await importRows(database.db, writer, 'customer', rows, {
                allOrNothing: flags.allOrNothing,
                audit: { action: 'customer.import', source: { file } },
              });
              return { imported, label: principalLabel(user) };
            });

      const { failures, created, updated, written } = outcome.imported;
      for (const f of failures) {
        ctx.io.stderr.write(`${file}:${f.line}: error [${f.code}]: ${f.message}\n`);
      }
      if (!written) {
        ctx.io.stderr.write(
          `${failures.length} of ${rows.length} rows failed; nothing was written (all or nothing)\n`,
        );
      } else {
        ctx.print(
          `Imported as ${outcome.label}: ${created.length} created, ${updated.length} updated${failures.length > 0 ? `, ${failures.length} failed` : ''}`,
        );
      }
      if (failures.length > 0) ctx.exit(EXIT.failure);
    });
}
