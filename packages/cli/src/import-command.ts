import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildIndex, hasFunction } from '@custos/engine';
import { importColumns, importRows, type ImportRow } from '@custos/records';
import { loadPolicyModel } from '@custos/store';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT } from './exit-code.ts';
import { withDatabase } from './global-options.ts';
import { principalLabel, resolvePrincipal } from './principal.ts';

interface ImportFlags {
  as: string;
  allOrNothing: boolean;
}

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
  command
    .description(
      "Create and update customers from a CSV file, each row checked against the importer's permissions",
    )
    .requiredOption('--as <user>', 'the user: id, name or login email')
    .option('--all-or-nothing', 'write nothing if any row fails (default)', true)
    .option('--no-all-or-nothing', 'write the rows that pass and report the others')
    .argument('<file>', 'CSV with a header: id, ownerId and customer fields (name, phone, …)')
    .addHelpText(
      'after',
      `
A row whose id exists updates that customer; any other row creates one (owned by the importer
unless ownerId says otherwise). Empty cells, and cells equal to the current value or its masked
form, change nothing. Needs the import function permission (功能权限 import).
Exit code: 0 when every row was written, 1 when a row failed.`,
    )
    .action(async (file: string, flags: ImportFlags, cmd: Command) => {
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

      const outcome = await withDatabase(globals, async (database) => {
        const model = await loadPolicyModel(database.db, globals.tenant);
        const user = await resolvePrincipal(database.db, model, flags.as);
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
        };
        const imported = await importRows(database.db, writer, 'customer', rows, {
          allOrNothing: flags.allOrNothing,
          audit: { action: 'customer.import', source: { file } },
        });
        return { imported, user };
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
          `Imported as ${principalLabel(outcome.user)}: ${created.length} created, ${updated.length} updated${failures.length > 0 ? `, ${failures.length} failed` : ''}`,
        );
      }
      if (failures.length > 0) ctx.exit(EXIT.failure);
    });
}
