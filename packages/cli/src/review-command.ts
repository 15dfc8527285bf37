import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { listReviewCampaigns, listReviewItems, type ReviewCampaign } from '@custos/store';
import type { ApiClient } from './api-client.ts';
import { CliError, usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, type OnlineFlags } from './online-options.ts';
import { progressReporter } from './progress-reporter.ts';
import { dataDirSecret } from './server-secret.ts';
import { loadServerModule } from './server-bridge.ts';

/** An AppError of the server as the CLI reports it (same code, message, field). */
function asCliError(error: unknown): unknown {
  const e = error as { name?: string; code?: unknown; message?: string; details?: unknown };
  if (e?.name !== 'AppError' || typeof e.code !== 'string') return error;
  const field = (e.details as { field?: unknown } | undefined)?.field;
  return new CliError(
    e.code,
    `${e.message ?? ''}${typeof field === 'string' && !e.message?.includes(field) ? ` (${field})` : ''}`,
  );
}

interface StartFlags extends OnlineFlags {
  name: string;
  scope: string;
  reviewers: string;
  deadline: string;
  remind?: string;
  default: string;
  recurrence: string;
  as?: string;
}

/** `department:sales-east` → the API's scope. */
export function parseScope(text: string): Record<string, unknown> {
  const [kind, id] = text.split(':', 2);
  if (kind === 'all_users' || kind === 'confidential' || kind === 'all_grants') return { kind };
  if (kind === 'department' && id) return { kind, departmentId: id };
  if (kind === 'role' && id) return { kind, roleId: id };
  throw usageError(
    `--scope ${text}: expected all_users, department:ID, role:ID, confidential or all_grants`,
  );
}

/** `named:a,b` → the API's reviewer rule. */
export function parseReviewers(text: string): Record<string, unknown> {
  const [kind, ids] = text.split(':', 2);
  if (kind === 'manager' || kind === 'data_owner') return { kind };
  if (kind === 'named' && ids) return { kind, userIds: ids.split(',').filter((s) => s !== '') };
  throw usageError(`--reviewers ${text}: expected manager, data_owner or named:ID,ID`);
}

interface CampaignView {
  id: string;
  name: string;
  status: string;
  deadline: string;
  snapshotHash: string | null;
  itemCount: number;
  progress?: {
    items: number;
    pending: number;
    kept: number;
    revoked: number;
    reduced: number;
    defaulted: number;
  };
}

function statusLine(c: CampaignView): string {
  const p = c.progress;
  const decided =
    p === undefined
      ? ''
      : ` ${p.items - p.pending}/${p.items} decided (kept ${p.kept}, revoked ${p.revoked}, reduced ${p.reduced}, defaulted ${p.defaulted})`;
  return `${c.id}  ${c.status.padEnd(9)} deadline ${c.deadline}  ${c.name}${decided}`;
}

async function secretOf(ctx: CommandContext, dataDir: string): Promise<string> {
  const fromEnv = ctx.io.env.CUSTOS_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const kept = await dataDirSecret(dataDir, ctx.io.env);
  if (kept === undefined) throw new CliError('NOT_READY', 'no server secret (CUSTOS_SECRET)');
  return kept;
}

/** `custos review start|status|export|verify`: access reviews from the command line. */
export function configureReview(command: Command, ctx: CommandContext): void {
  command.description(
    'Access reviews (权限定期审查): start a campaign, follow it, export and verify its evidence',
  );

  const start = command
    .command('start')
    .description('Create a campaign and take its snapshot at once (reviewers are notified)')
    .requiredOption('--name <name>', 'the campaign name')
    .requiredOption(
      '--scope <scope>',
      'all_users | department:ID | role:ID | confidential | all_grants',
    )
    .requiredOption('--reviewers <rule>', 'manager | data_owner | named:ID,ID')
    .requiredOption('--deadline <iso>', 'the deadline (ISO 8601, e.g. 2026-07-01T00:00:00Z)')
    .option('--remind <days>', 'remind N days before the deadline, comma-separated (e.g. 7,1)')
    .option('--default <decision>', 'undecided items at the deadline: keep | revoke', 'keep')
    .option('--recurrence <period>', 'none | quarterly | half_yearly | yearly', 'none')
    .option('--as <userId>', 'offline: the administrator who owns the campaign (audited)');
  addOnlineOptions(start).action(async (flags: StartFlags, cmd: Command) => {
    const deadline = Date.parse(flags.deadline);
    if (Number.isNaN(deadline)) throw usageError(`--deadline ${flags.deadline}: not a date-time`);
    if (flags.default !== 'keep' && flags.default !== 'revoke')
      throw usageError(`--default ${flags.default}: expected keep or revoke`);
    if (!['none', 'quarterly', 'half_yearly', 'yearly'].includes(flags.recurrence))
      throw usageError(
        `--recurrence ${flags.recurrence}: expected none, quarterly, half_yearly or yearly`,
      );
    const reminderDays = (flags.remind ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 0 || n > 365)
          throw usageError(`--remind ${flags.remind}: whole days 0…365`);
        return n;
      });
    const body = {
      name: flags.name,
      scope: parseScope(flags.scope),
      reviewers: parseReviewers(flags.reviewers),
      deadline: new Date(deadline).toISOString(),
      reminderDays,
      defaultDecision: flags.default,
      recurrence: flags.recurrence,
      start: true,
    };
    const client = onlineClient(flags, ctx.io);
    let view: CampaignView;
    if (client !== undefined) {
      view = (await client.json<{ campaign: CampaignView }>('POST', '/v1/reviews/campaigns', body))
        .campaign;
    } else {
      if (flags.as === undefined)
        throw usageError('offline, name the owning administrator: --as USER_ID');
      const globals = ctx.globals(cmd);
      const server = await loadServerModule();
      const c = await withDatabase(globals, (database) =>
        server.createCampaign(
          { database },
          { tenantId: globals.tenant, actorId: flags.as as string, now: ctx.io.now() },
          {
            ...body,
            deadline,
            defaultDecision: flags.default as 'keep' | 'revoke',
            scope: body.scope as never,
            reviewers: body.reviewers as never,
            recurrence: flags.recurrence as never,
          },
        ),
      ).catch((error: unknown) => {
        throw asCliError(error);
      });
      view = { ...c, deadline: new Date(c.deadline).toISOString() };
    }
    ctx.print(`Started ${view.id}: ${view.itemCount} item(s) under review.`);
    ctx.print(`Snapshot SHA-256: ${view.snapshotHash ?? ''}`);
  });

  const status = command
    .command('status')
    .description('Campaigns with their progress, or one campaign by reviewer')
    .argument('[campaign]', 'a campaign id');
  addOnlineOptions(status).action(
    async (id: string | undefined, flags: OnlineFlags, cmd: Command) => {
      const client = onlineClient(flags, ctx.io);
      let campaigns: CampaignView[];
      let byReviewer: Record<string, { items: number; decided: number }> | undefined;
      if (client !== undefined) {
        if (id === undefined) {
          campaigns = (
            await client.json<{ campaigns: CampaignView[] }>('GET', '/v1/reviews/campaigns')
          ).campaigns;
        } else {
          const one = await client.json<{
            campaign: CampaignView & { progress: { byReviewer: typeof byReviewer } };
          }>('GET', `/v1/reviews/campaigns/${encodeURIComponent(id)}`);
          campaigns = [one.campaign];
          byReviewer = one.campaign.progress.byReviewer;
        }
      } else {
        const globals = ctx.globals(cmd);
        const server = await loadServerModule();
        ({ campaigns, byReviewer } = await withDatabase(globals, async (database) => {
          const all = await listReviewCampaigns(database.db, globals.tenant);
          const chosen = id === undefined ? all : all.filter((c) => c.id === id);
          if (id !== undefined && chosen.length === 0)
            throw new CliError('NOT_FOUND', `no review campaign ${id}`);
          const views: CampaignView[] = [];
          let reviewers: Record<string, { items: number; decided: number }> | undefined;
          for (const c of chosen) {
            const summary = server.summaryOf(
              await listReviewItems(database.db, globals.tenant, { campaignId: c.id }),
            );
            views.push({ ...c, deadline: new Date(c.deadline).toISOString(), progress: summary });
            reviewers = summary.byReviewer;
          }
          return { campaigns: views, byReviewer: id === undefined ? undefined : reviewers };
        }));
      }
      if (campaigns.length === 0) ctx.print('No review campaigns.');
      for (const c of campaigns) ctx.print(statusLine(c));
      for (const [reviewer, r] of Object.entries(byReviewer ?? {}))
        ctx.print(`  ${reviewer.padEnd(16)} ${r.decided}/${r.items} decided`);
    },
  );

  const exportCmd = command
    .command('export')
    .description('Write the signed evidence of a campaign (CSV or PDF)')
    .argument('<campaign>', 'the campaign id')
    .option('--format <format>', 'csv | pdf', 'csv')
    .requiredOption('--out <file>', 'the file to write');
  addOnlineOptions(exportCmd).action(
    async (id: string, flags: OnlineFlags & { format: string; out: string }, cmd: Command) => {
      if (flags.format !== 'csv' && flags.format !== 'pdf')
        throw usageError(`--format ${flags.format}: expected csv or pdf`);
      const format = flags.format;
      const client: ApiClient | undefined = onlineClient(flags, ctx.io);
      const progress = progressReporter(ctx.io.stderr);
      let file: Buffer;
      if (client !== undefined) {
        progress.start(1, `evidence ${id}`);
        file = await client.bytes(
          `/v1/reviews/campaigns/${encodeURIComponent(id)}/evidence.${format}`,
        );
        progress.update(1);
      } else {
        const globals = ctx.globals(cmd);
        const server = await loadServerModule();
        const key = server
          .createServerKeys(await secretOf(ctx, globals.dataDir))
          .key('reviewEvidence');
        file = await withDatabase(globals, async (database) => {
          const all = await listReviewCampaigns(database.db, globals.tenant);
          const c: ReviewCampaign | undefined = all.find((x) => x.id === id);
          if (c === undefined) throw new CliError('NOT_FOUND', `no review campaign ${id}`);
          const items = await listReviewItems(database.db, globals.tenant, { campaignId: id });
          progress.start(items.length, `evidence ${id}`);
          return format === 'csv'
            ? server.evidenceCsv(key, c, items, ctx.io.now())
            : server.evidencePdf(key, c, items, ctx.io.now(), (done) => progress.update(done));
        });
      }
      progress.stop();
      await writeFile(resolve(ctx.io.cwd, flags.out), file);
      ctx.print(`Wrote ${flags.out} (${file.length} bytes, signed).`);
    },
  );

  const verify = command
    .command('verify')
    .description('Verify a signed evidence file byte for byte (exit 1 when it was changed)')
    .argument('<file>', 'an exported CSV or PDF');
  addOnlineOptions(verify).action(async (path: string, flags: OnlineFlags, cmd: Command) => {
    const file = await readFile(resolve(ctx.io.cwd, path));
    const client = onlineClient(flags, ctx.io);
    let result: { valid: boolean; reason: string };
    if (client !== undefined) {
      result = await client.json('POST', '/v1/reviews/evidence/verify', {
        contentBase64: file.toString('base64'),
      });
    } else {
      const globals = ctx.globals(cmd);
      const server = await loadServerModule();
      const key = server
        .createServerKeys(await secretOf(ctx, globals.dataDir))
        .key('reviewEvidence');
      result = server.verifyEvidence(key, file);
    }
    ctx.print(`${path}: ${result.valid ? 'VALID' : 'INVALID'} — ${result.reason}`);
    if (!result.valid) ctx.exit(1);
  });
}
