import { decide } from '@custos/engine';
import type { Command } from 'commander';
import { usageError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { loadDecisionInput, parseDecisionQuestion } from './decision-input.ts';
import { EXIT } from './exit-code.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, onlineLabel, onlineSubject } from './online-options.ts';
import { principalLabel } from './principal.ts';

interface CheckFlags {
  as?: string;
  server?: string;
  token?: string;
}

export function configureCheck(command: Command, ctx: CommandContext): void {
  addOnlineOptions(command)
    .description('Decide whether a user may perform an action on a record: prints ALLOW or DENY')
    .option('--as <user>', 'the user: id, name or login email (online: default the token owner)')
    .argument('<action>', 'read, update, delete, create, transfer, share or export')
    .argument('<record>', '<object>/<recordId>, e.g. customer/c-00042')
    .addHelpText(
      'after',
      '\nWith --server URL --token TOKEN it asks the running server (POST /v1/authz/check).\nExit code: 0 when allowed, 3 when denied, 1 on error, 2 on bad usage.',
    )
    .action(async (action: string, target: string, flags: CheckFlags, cmd: Command) => {
      const question = parseDecisionQuestion(action, target);
      const client = onlineClient(flags, ctx.io);
      if (client !== undefined) {
        const subject = await onlineSubject(client, flags.as);
        const answer = await client.json<{ results: { allowed: boolean; reason: string }[] }>(
          'POST',
          '/v1/authz/check',
          {
            items: [
              {
                subject: subject.id,
                action: question.action,
                object: question.object,
                recordId: question.id,
              },
            ],
          },
        );
        // A record the caller may not read answers like a missing one: DENY (no existence leaks).
        const allowed = answer.results[0]?.allowed === true;
        ctx.print(
          `${allowed ? 'ALLOW' : 'DENY'}  ${onlineLabel(subject)} ${question.action} ${question.object}/${question.id}`,
        );
        ctx.exit(allowed ? EXIT.ok : EXIT.denied);
        return;
      }
      if (flags.as === undefined) throw usageError('--as <user> is required (or use --server)');
      const as = flags.as;
      const globals = ctx.globals(cmd);
      const input = await withDatabase(globals, (database) =>
        loadDecisionInput(database, globals.tenant, as, question),
      );
      const allowed = decide(input.model, input.user.id, input.action, input.record, ctx.io.now());
      ctx.print(
        `${allowed ? 'ALLOW' : 'DENY'}  ${principalLabel(input.user)} ${input.action} ${input.record.object}/${input.record.id}`,
      );
      ctx.exit(allowed ? EXIT.ok : EXIT.denied);
    });
}
