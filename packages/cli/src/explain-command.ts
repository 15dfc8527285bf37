import { explain, type Explanation, type Locale, type PolicyModel } from '@custos/engine';
import { Option, type Command } from 'commander';
import { usageError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import type { CommandContext } from './command-context.ts';
import { loadDecisionInput, parseDecisionQuestion } from './decision-input.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, onlineLabel, onlineSubject } from './online-options.ts';
import { principalLabel } from './principal.ts';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** The locale from LC_ALL, LC_MESSAGES or LANG (zh… → zh-CN, else en-US), else the tenant's. */
export function localeFromEnv(io: CliIo, model: Pick<PolicyModel, 'tenant'>): Locale {
  return envLocale(io) ?? model.tenant.defaultLocale ?? 'en-US';
}

/** The locale LC_ALL, LC_MESSAGES or LANG names, if any. */
function envLocale(io: CliIo): Locale | undefined {
  const lang = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG;
  if (lang && lang !== 'C' && lang !== 'POSIX') return /^zh/i.test(lang) ? 'zh-CN' : 'en-US';
  return undefined;
}

type ExplainFlags = { as?: string; lang?: Locale; json?: boolean; server?: string; token?: string };

function describeReason(reason: object): string {
  const { kind, ...rest } = reason as { kind: string } & Record<string, unknown>;
  const details = Object.entries(rest)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  return `  - ${kind}${details ? `  ${details}` : ''}`;
}

/** Print an explanation as `custos explain` does, online or offline. */
function printExplanation(
  ctx: CommandContext,
  result: Explanation,
  label: string,
  locale: Locale,
  json: boolean,
): void {
  if (json) {
    // One key order, whichever path produced it (the engine's object or the server's answer).
    const { allowed, principalId, action, object, recordId, allowedBy, deniedBy, text } = result;
    const ordered = { allowed, principalId, action, object, recordId, allowedBy, deniedBy, text };
    ctx.print(JSON.stringify(ordered, null, 2));
    return;
  }
  ctx.print(
    `${result.allowed ? 'ALLOW' : 'DENY'}  ${label} ${result.action} ${result.object}/${result.recordId}`,
  );
  ctx.print(result.text[locale]);
  ctx.print(locale === 'zh-CN' ? '原因 (reasons):' : 'Reasons:');
  const reasons = result.allowed ? result.allowedBy : [result.deniedBy ?? { kind: 'unknown' }];
  for (const r of reasons) ctx.print(describeReason(r));
}

export function configureExplain(command: Command, ctx: CommandContext): void {
  addOnlineOptions(command)
    .description('Explain a decision: every path that allowed it, or the rule that denied it')
    .option('--as <user>', 'the user: id, name or login email (online: default the token owner)')
    .addOption(
      new Option('--lang <locale>', 'language of the sentences (default from LANG)').choices(
        LOCALES,
      ),
    )
    .option('--json', 'print the explanation as JSON')
    .argument('<action>', 'read, update, delete, create, transfer, share or export')
    .argument('<record>', '<object>/<recordId>, e.g. customer/c-00042')
    .addHelpText(
      'after',
      '\nWith --server URL --token TOKEN it asks the running server (POST /v1/authz/explain).',
    )
    .action(async (action: string, target: string, flags: ExplainFlags, cmd: Command) => {
      const question = parseDecisionQuestion(action, target);
      const client = onlineClient(flags, ctx.io);
      if (client !== undefined) {
        const subject = await onlineSubject(client, flags.as);
        const locale = flags.lang ?? envLocale(ctx.io);
        const answer = await client.json<
          Explanation & { sentence?: string; locale: Locale; policyVersion?: number }
        >(
          'POST',
          '/v1/authz/explain',
          {
            subject: subject.id,
            action: question.action,
            object: question.object,
            recordId: question.id,
          },
          locale === undefined ? {} : { 'accept-language': locale },
        );
        const shown = locale ?? answer.locale;
        printExplanation(ctx, answer, onlineLabel(subject), shown, flags.json === true);
        return;
      }
      if (flags.as === undefined) throw usageError('--as <user> is required (or use --server)');
      const as = flags.as;
      const globals = ctx.globals(cmd);
      const input = await withDatabase(globals, (database) =>
        loadDecisionInput(database, globals.tenant, as, question),
      );
      const result = explain(input.model, input.user.id, input.action, input.record, ctx.io.now());
      const locale = flags.lang ?? localeFromEnv(ctx.io, input.model);
      printExplanation(ctx, result, principalLabel(input.user), locale, flags.json === true);
    });
}
