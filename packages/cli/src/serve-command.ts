import type { Command } from 'commander';
import type { CommandContext } from './command-context.ts';
import { describeDatabase, withDatabase } from './global-options.ts';
import {
  addServerOptions,
  addTlsOptions,
  configOverrides,
  displayUrl,
  type ServerFlags,
} from './server-options.ts';
import { loadServerModule } from './server-bridge.ts';
import { ensureConsole } from './console-bridge.ts';
import { dataDirSecret, dataDirShredLedger } from './server-secret.ts';

export function configureServe(command: Command, ctx: CommandContext): void {
  addTlsOptions(addServerOptions(command))
    .description('Migrate the database, then start the server (configuration: environment + flags)')
    .action(async (flags: ServerFlags, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const server = await loadServerModule();
      // Migrate, and let go of the database before the server opens it (PGlite: one owner).
      await withDatabase(globals, async () => {});
      const secret = await dataDirSecret(globals.dataDir, ctx.io.env);
      const shredLedger = dataDirShredLedger(globals.dataDir, ctx.io.env);
      await ensureConsole((line) => ctx.print(line));
      const running = await server.startServer(
        server.loadConfig(ctx.io.env, {
          ...configOverrides(flags, globals),
          ...(secret === undefined ? {} : { secret }),
          ...(shredLedger === undefined ? {} : { shredLedger }),
        }),
      );
      ctx.print(`Custos is listening on ${displayUrl(running.url)} (${describeDatabase(globals)})`);
      ctx.print(`Console: ${displayUrl(running.url)} (sign in in a browser)`);
      ctx.print(`API docs: ${displayUrl(running.url)}/docs`);
      const signal = await ctx.io.untilStopped();
      ctx.print(`${signal}: stopping…`);
      await running.close();
    });
}
