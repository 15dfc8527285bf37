import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './command-context.ts';
import { withDatabase } from './global-options.ts';
import { addOnlineOptions, onlineClient, type OnlineFlags } from './online-options.ts';
import { usageError } from './cli-error.ts';
import { loadServerModule, type ServerModule } from './server-bridge.ts';
import { configureOffboard } from './offboard-command.ts';
import { inviteNewUser, resetUserPassword } from './user-accounts.ts';

/** A set-password link as the server answers it. */
interface LinkView {
  userId: string;
  email: string;
  link: string;
  expiresAt: string;
}

interface InviteFlags extends OnlineFlags {
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
  command.description(
    'Sign-in accounts: invite a new user, reset a password (prints the link); offboard a leaver',
  );
  configureOffboard(command, ctx);

  const invite = command
    .command('invite')
    .description(
      'Create an internal user with a sign-in e-mail and print the one-time set-password link (also queued in the outbox)',
    )
    .requiredOption('--email <email>', 'the sign-in e-mail (unique in the tenant)')
    .requiredOption('--name <name>', "the user's name")
    .requiredOption('--department <id>', 'the department id')
    .option('--role <id>', 'a role id (repeatable)', collect);
  addOnlineOptions(invite).action(async (flags: InviteFlags, cmd: Command) => {
    const globals = ctx.globals(cmd);
    const client = onlineClient(flags, ctx.io);
    if (client !== undefined) {
      // Beside a running server: the admin API (the token's owner needs user_admin).
      const created = await client.json<{ data: { id: string }; invitation: LinkView }>(
        'POST',
        '/v1/admin/users',
        {
          name: flags.name,
          departmentId: flags.department,
          roleIds: flags.role ?? [],
          email: flags.email,
        },
      );
      ctx.print(`Invited ${flags.name} (${created.data.id}) <${created.invitation.email}>.`);
      ctx.print(`Set-password link (until ${created.invitation.expiresAt}):`);
      ctx.print(created.invitation.link);
      return;
    }
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

  const resetPassword = command
    .command('reset-password')
    .description(
      "Reset a user's password: print a new one-time set-password link; the user's sessions end",
    )
    .argument('<user>', 'a user id or sign-in e-mail (online: a user id)');
  addOnlineOptions(resetPassword).action(async (who: string, flags: OnlineFlags, cmd: Command) => {
    const globals = ctx.globals(cmd);
    const client = onlineClient(flags, ctx.io);
    if (client !== undefined) {
      if (who.includes('@'))
        throw usageError(
          `${who}: online, name the user by their user id (or run offline, without --server)`,
        );
      const reset = await client.json<{ invitation: LinkView; sessionsEnded: number }>(
        'POST',
        `/v1/admin/users/${encodeURIComponent(who)}/reset-password`,
        {},
      );
      ctx.print(
        `Password reset for ${reset.invitation.userId} <${reset.invitation.email}>; ${reset.sessionsEnded} session(s) ended.`,
      );
      ctx.print(`Set-password link (until ${reset.invitation.expiresAt}):`);
      ctx.print(reset.invitation.link);
      return;
    }
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
