import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase } from './global-options.ts';
import { loadServerModule, type ServerModule } from './server-bridge.ts';
import { inviteNewUser, resetUserPassword } from './user-accounts.ts';

interface InviteFlags {
  email: string;
  name: string;
  department: string;
  role?: string[];
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The link settings (public URL, lifetimes) from the environment, like the server's. */
function settingsOf(server: ServerModule, ctx: CommandContext) {
  return server.loadConfig(ctx.io.env);
}

/** An AppError of the server as the CLI reports it (same code, message). */
function asCliError(error: unknown): unknown {
  const e = error as { name?: string; code?: unknown; message?: string; details?: unknown };
  if (e?.name !== 'AppError' || typeof e.code !== 'string') return error;
  const field = (e.details as { field?: unknown } | undefined)?.field;
  return new CliError(
    e.code,
    `${e.message ?? ''}${typeof field === 'string' && !e.message?.includes(field) ? ` (${field})` : ''}`,
  );
}

/** `custos user invite|reset-password`: accounts from the command line, on the database. */
export function configureUser(command: Command, ctx: CommandContext): void {
  command.description('Sign-in accounts: invite a new user, reset a password (prints the link)');

  command
    .command('invite')
    .description(
      'Create an internal user with a sign-in e-mail and print the one-time set-password link (also queued in the outbox)',
    )
    .requiredOption('--email <email>', 'the sign-in e-mail (unique in the tenant)')
    .requiredOption('--name <name>', "the user's name")
    .requiredOption('--department <id>', 'the department id')
    .option('--role <id>', 'a role id (repeatable)', collect)
    .action(async (flags: InviteFlags, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const server = await loadServerModule();
      const settings = settingsOf(server, ctx);
      const result = await withDatabase(globals, (database) =>
        inviteNewUser(server, database, {
          tenantId: globals.tenant,
          email: flags.email,
          name: flags.name,
          departmentId: flags.department,
          roleIds: flags.role ?? [],
          now: ctx.io.now(),
          settings,
        }),
      ).catch((error: unknown) => {
        throw asCliError(error);
      });
      ctx.print(`Invited ${flags.name} (${result.userId}) <${result.invitation.email}>.`);
      ctx.print(`Set-password link (until ${result.invitation.expiresAt}):`);
      ctx.print(result.invitation.link);
    });

  command
    .command('reset-password')
    .description(
      "Reset a user's password: print a new one-time set-password link; the user's sessions end",
    )
    .argument('<user>', 'a user id or sign-in e-mail')
    .action(async (who: string, _flags: unknown, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const server = await loadServerModule();
      const settings = settingsOf(server, ctx);
      const reset = await withDatabase(globals, (database) =>
        resetUserPassword(server, database, {
          tenantId: globals.tenant,
          who,
          now: ctx.io.now(),
          settings,
        }),
      ).catch((error: unknown) => {
        throw asCliError(error);
      });
      ctx.print(
        `Password reset for ${reset.userId} <${reset.email}>; ${reset.sessionsEnded} session(s) ended.`,
      );
      ctx.print(`Set-password link (until ${reset.expiresAt}):`);
      ctx.print(reset.link);
    });
}
