import type { Command } from 'commander';
import type { OffboardInput, OffboardPreview } from '@custos/server';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, type OnlineFlags } from './online-options.ts';
import { loadServerModule } from './server-bridge.ts';

interface OffboardFlags extends OnlineFlags {
  successor?: string;
  customer?: string[];
  head?: string[];
  manager?: string;
  reason?: string;
  dryRun?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `a=b` pairs of a repeatable option, each side a non-empty id. */
function pairs(values: readonly string[] | undefined, option: string): [string, string][] {
  return (values ?? []).map((v) => {
    const at = v.indexOf('=');
    if (at <= 0 || at === v.length - 1)
      throw usageError(
        `${option} ${v}: expected <id>=<user>, e.g. ${option} sales-east=wangzhiqiang`,
      );
    return [v.slice(0, at), v.slice(at + 1)];
  });
}

/** The request the flags make (the same body the API takes). */
export function offboardInputOf(flags: OffboardFlags): OffboardInput {
  const customers = pairs(flags.customer, '--customer');
  const heads = pairs(flags.head, '--head');
  return {
    ...(flags.successor === undefined ? {} : { successorId: flags.successor }),
    ...(customers.length === 0
      ? {}
      : { customers: customers.map(([customerId, successorId]) => ({ customerId, successorId })) }),
    ...(heads.length === 0
      ? {}
      : { departmentHeads: heads.map(([departmentId, headId]) => ({ departmentId, headId })) }),
    ...(flags.manager === undefined ? {} : { newManagerId: flags.manager }),
    ...(flags.reason === undefined ? {} : { reason: flags.reason }),
  };
}

const counts = (c: Record<string, number | undefined>): string =>
  Object.entries(c)
    .map(([k, n]) => `${k} ${n ?? 0}`)
    .join(', ') || 'none';

/** The preview as lines of text. */
export function previewLines(p: OffboardPreview): string[] {
  const lines = [`Offboarding ${p.user.name} (${p.user.id}), now ${p.user.status}:`];
  const successors = new Map<string, number>();
  for (const c of p.records.customers)
    successors.set(c.successorId ?? '(none)', (successors.get(c.successorId ?? '(none)') ?? 0) + 1);
  lines.push(`  records owned: ${counts(p.records.owned)} (${p.records.total} in all)`);
  if (successors.size > 0)
    lines.push(
      `  customers to: ${[...successors].map(([who, n]) => `${who} ${n}`).join(', ')}${
        p.records.customersListed < (p.records.owned.customer ?? 0) ? ' (first listed only)' : ''
      }`,
    );
  lines.push(`  customer teams left: ${p.teams.length}`);
  lines.push(`  grants revoked: ${p.grants.map((g) => g.id).join(', ') || 'none'}`);
  lines.push(`  groups left: ${p.groups.map((g) => g.id).join(', ') || 'none'}`);
  const heads = p.positions.filter((x) => x.kind === 'department_head');
  const reports = p.positions.filter((x) => x.kind === 'manager');
  for (const h of heads)
    lines.push(
      `  head of ${h.departmentName} (${h.departmentId}) → ${h.newHolderId ?? 'NOT ASSIGNED'}`,
    );
  if (reports.length > 0)
    lines.push(
      `  manager of ${reports.length} people → ${reports
        .map((r) => `${r.userId}: ${r.newHolderId ?? 'NOT ASSIGNED'}`)
        .join(', ')}`,
    );
  lines.push(`  sessions ended: ${p.access.sessions}, API tokens revoked: ${p.access.tokens}`);
  lines.push(`  steps: ${p.steps.join(', ')}`);
  for (const e of p.errors) {
    const field = (e.details as { field?: unknown }).field;
    lines.push(`  error [${e.code}]${typeof field === 'string' ? ` ${field}` : ''}: ${e.message}`);
  }
  return lines;
}

/** `custos user offboard`: the leaver's one action, or with --dry-run its preview. */
export function configureOffboard(command: Command, ctx: CommandContext): void {
  const offboard = command
    .command('offboard')
    .description(
      'Offboard a leaver in one transaction: records to a successor, teams, groups and grants removed, positions handed on, sessions and tokens ended, the account departed',
    )
    .argument('<user>', 'the leaver (a user id)')
    .option('--successor <user>', 'who takes every record the leaver owns (in bulk)')
    .option(
      '--customer <customer=user>',
      'hand one customer (and its records) to a user (repeatable)',
      collect,
    )
    .option(
      '--head <department=user>',
      'a new head for a department the leaver heads (repeatable)',
      collect,
    )
    .option('--manager <user>', "a new manager for all the leaver's reports")
    .option('--reason <text>', 'why (kept in the audit trail)')
    .option('--dry-run', 'print what would happen, change nothing');
  addOnlineOptions(offboard).action(async (who: string, flags: OffboardFlags, cmd: Command) => {
    const globals = ctx.globals(cmd);
    const input = offboardInputOf(flags);
    const client = onlineClient(flags, ctx.io);
    const path = `/v1/admin/users/${encodeURIComponent(who)}/offboard`;
    const server = client === undefined ? await loadServerModule() : undefined;
    const offline = <T>(
      work: (
        s: NonNullable<typeof server>,
        db: Parameters<Parameters<typeof withDatabase>[1]>[0],
      ) => Promise<T>,
    ) =>
      withDatabase(globals, (database) =>
        work(server as NonNullable<typeof server>, database),
      ).catch((error: unknown) => {
        const e = error as { name?: string; code?: unknown; message?: string; details?: unknown };
        if (e?.name !== 'AppError' || typeof e.code !== 'string') throw error;
        const field = (e.details as { field?: unknown } | undefined)?.field;
        throw new CliError(
          e.code,
          `${e.message ?? ''}${typeof field === 'string' ? ` (${field})` : ''}`,
        );
      });
    const options = (s: NonNullable<typeof server>, db: { db: unknown }) => ({
      tenantId: globals.tenant,
      actorId: null,
      now: ctx.io.now(),
      policy: new s.PolicyCache({ db: db.db as never }),
    });
    const preview: OffboardPreview =
      client !== undefined
        ? (await client.json<{ data: OffboardPreview }>('POST', `${path}/preview`, input)).data
        : await offline((s, database) =>
            s.previewOffboarding(database.db, options(s, database), who, input),
          );
    if (flags.dryRun === true || !preview.valid) {
      for (const line of previewLines(preview)) ctx.print(line);
      if (!preview.valid) {
        const first = preview.errors[0];
        throw new CliError(
          first?.code ?? 'REQUEST_INVALID',
          `${who} was not offboarded: ${first?.message ?? 'invalid'}`,
        );
      }
      ctx.print('Dry run: nothing changed.');
      return;
    }
    const done =
      client !== undefined
        ? await client.json<{ data: Record<string, unknown>; version: number }>('POST', path, input)
        : await offline((s, database) =>
            s.offboardUser(database.db, options(s, database), who, input),
          );
    for (const line of previewLines(preview)) ctx.print(line);
    ctx.print(`Offboarded ${preview.user.name} (${who}) at policy version ${done.version}.`);
  });
}
