import { explain, type Locale, type PolicyModel } from '@custos/engine';
import { Option, type Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import type { CommandContext } from './command-context.ts';
import { loadDecisionInput, parseDecisionQuestion } from './decision-input.ts';
import { withDatabase } from './global-options.ts';
import { principalLabel } from './principal.ts';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** The locale from LC_ALL, LC_MESSAGES or LANG (zh… → zh-CN, else en-US), else the tenant's. */
export function localeFromEnv(io: CliIo, model: PolicyModel): Locale {
  const lang = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG;
  if (lang && lang !== 'C' && lang !== 'POSIX') return /^zh/i.test(lang) ? 'zh-CN' : 'en-US';
  return model.tenant.defaultLocale ?? 'en-US';
}

function describeReason(reason: object): string {
  const { kind, ...rest } = reason as { kind: string } & Record<string, unknown>;
  const details = Object.entries(rest)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  return `  - ${kind}${details ? `  ${details}` : ''}`;
}

export function configureExplain(command: Command, ctx: CommandContext): void {
  command
    .description('Explain a decision: every path that allowed it, or the rule that denied it')
    .requiredOption('--as <user>', 'the user: id, name or login email')
    .addOption(
      new Option('--lang <locale>', 'language of the sentences (default from LANG)').choices(
        LOCALES,
      ),
    )
    .option('--json', 'print the explanation as JSON')
    .argument('<action>', 'read, update, delete, create, transfer, share or export')
    .argument('<record>', '<object>/<recordId>, e.g. customer/c-00042')
    .action(
      async (
        action: string,
        target: string,
        flags: { as: string; lang?: Locale; json?: boolean },
        cmd: Command,
      ) => {
        const globals = ctx.globals(cmd);
        const question = parseDecisionQuestion(action, target);
        const input = await withDatabase(globals, (database) =>
          loadDecisionInput(database, globals.tenant, flags.as, question),
        );
        const result = explain(
          input.model,
          input.user.id,
          input.action,
          input.record,
          ctx.io.now(),
        );
        if (flags.json === true) {
          ctx.print(JSON.stringify(result, null, 2));
          return;
        }
        const locale = flags.lang ?? localeFromEnv(ctx.io, input.model);
        ctx.print(
          `${result.allowed ? 'ALLOW' : 'DENY'}  ${principalLabel(input.user)} ${result.action} ${result.object}/${result.recordId}`,
        );
        ctx.print(result.text[locale]);
        ctx.print(locale === 'zh-CN' ? '原因 (reasons):' : 'Reasons:');
        const reasons = result.allowed
          ? result.allowedBy
          : [result.deniedBy ?? { kind: 'unknown' }];
        for (const r of reasons) ctx.print(describeReason(r));
      },
    );
}
