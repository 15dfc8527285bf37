import type { Command } from 'commander';
import { migrateToLatest } from '@custos/store';
import type { Kysely } from 'kysely';
import type { CommandContext } from './command-context.ts';
import { describeDatabase, withDatabase } from './global-options.ts';

export function configureMigrate(command: Command, ctx: CommandContext): void {
  command
    .description('Bring the database schema up to date and list the migrations that ran')
    .action(async (_options: object, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const ran = await withDatabase(
        globals,
        async (database) => {
          const result = await migrateToLatest(database.db as unknown as Kysely<unknown>);
          return result.results ?? [];
        },
        { migrate: false },
      );
      ctx.print(`Database: ${describeDatabase(globals)}`);
      if (ran.length === 0) ctx.print('Already up to date: no migration to run.');
      for (const r of ran)
        ctx.print(`${r.status === 'Success' ? 'ran' : r.status}  ${r.migrationName}`);
    });
}
