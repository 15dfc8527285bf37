import { decide } from '@custos/engine';
import type { Command } from 'commander';
import type { CommandContext } from './command-context.ts';
import { loadDecisionInput, parseDecisionQuestion } from './decision-input.ts';
import { EXIT } from './exit-code.ts';
import { withDatabase } from './global-options.ts';
import { principalLabel } from './principal.ts';

export function configureCheck(command: Command, ctx: CommandContext): void {
  command
    .description('Decide whether a user may perform an action on a record: prints ALLOW or DENY')
    .requiredOption('--as <user>', 'the user: id, name or login email')
    .argument('<action>', 'read, update, delete, create, transfer, share or export')
    .argument('<record>', '<object>/<recordId>, e.g. customer/c-00042')
    .addHelpText('after', '\nExit code: 0 when allowed, 3 when denied, 1 on error, 2 on bad usage.')
    .action(async (action: string, target: string, flags: { as: string }, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const question = parseDecisionQuestion(action, target);
      const input = await withDatabase(globals, (database) =>
        loadDecisionInput(database, globals.tenant, flags.as, question),
      );
      const allowed = decide(input.model, input.user.id, input.action, input.record, ctx.io.now());
      ctx.print(
        `${allowed ? 'ALLOW' : 'DENY'}  ${principalLabel(input.user)} ${input.action} ${input.record.object}/${input.record.id}`,
      );
      ctx.exit(allowed ? EXIT.ok : EXIT.denied);
    });
}
