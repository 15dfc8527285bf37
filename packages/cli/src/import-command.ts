import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasFunction, type CrmRecord } from '@custos/engine';
import {
  appendAuditEvent,
  getRecords,
  insertRecord,
  loadPolicyModel,
  updateRecord,
} from '@custos/store';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { EXIT } from './exit-code.ts';
import { withDatabase } from './global-options.ts';
import { loadServerModule } from './server-bridge.ts';
import { planCustomerImport, RECORD_COLUMNS, type ImportRow } from './import-rows.ts';
import { principalLabel, resolvePrincipal } from './principal.ts';

interface ImportFlags {
  as: string;
  allOrNothing: boolean;
}

/** Ids looked up per query. */
const LOOKUP_BATCH = 1000;

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
        const known = new Set([
          ...RECORD_COLUMNS,
          ...Object.keys(model.objects.find((o) => o.object === 'customer')?.fields ?? {}),
        ]);
        const unknown = columns.filter((c) => !known.has(c));
        if (unknown.length > 0) {
          throw new CliError(
            'REQUEST_INVALID',
            `${file}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
          );
        }
        const ids = [...new Set(rows.map((r) => (r.cells.id ?? '').trim()).filter(Boolean))];
        const existing = new Map<string, CrmRecord>();
        for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
          const found = await getRecords(
            database.db,
            globals.tenant,
            'customer',
            ids.slice(i, i + LOOKUP_BATCH),
          );
          for (const [id, r] of found) existing.set(id, r);
        }
        const plan = planCustomerImport(await loadServerModule(), model, user, rows, existing, now);
        const write = plan.failures.length === 0 || !flags.allOrNothing;
        if (write && plan.changes.length > 0) {
          const at = new Date(now);
          await database.db.transaction().execute(async (tx) => {
            for (const change of plan.changes) {
              if (change.kind === 'create')
                await insertRecord(tx, globals.tenant, change.record, at);
              else await updateRecord(tx, globals.tenant, change.record, at);
            }
            await appendAuditEvent(tx, {
              tenantId: globals.tenant,
              actorId: user.id,
              action: 'customer.import',
              target: 'customer',
              after: {
                file,
                created: plan.changes.filter((c) => c.kind === 'create').map((c) => c.record.id),
                updated: plan.changes.filter((c) => c.kind === 'update').map((c) => c.record.id),
                failed: plan.failures.length,
              },
              at,
            });
          });
        }
        return { plan, written: write ? plan.changes.length : 0, user };
      });

      const { plan } = outcome;
      for (const f of plan.failures) {
        ctx.io.stderr.write(`${file}:${f.line}: error [${f.code}]: ${f.message}\n`);
      }
      const created = plan.changes.filter((c) => c.kind === 'create').length;
      const updated = plan.changes.length - created;
      if (plan.failures.length > 0 && flags.allOrNothing) {
        ctx.io.stderr.write(
          `${plan.failures.length} of ${rows.length} rows failed; nothing was written (all or nothing)\n`,
        );
      } else {
        ctx.print(
          `Imported as ${principalLabel(outcome.user)}: ${created} created, ${updated} updated${plan.failures.length > 0 ? `, ${plan.failures.length} failed` : ''}`,
        );
      }
      if (plan.failures.length > 0) ctx.exit(EXIT.failure);
    });
}
