import type { Command } from 'commander';
import { integerAtLeast } from './cli-arguments.ts';
import type { CommandContext } from './command-context.ts';
import { describeDatabase, withDatabase } from './global-options.ts';
import { renderLogins } from './login-table.ts';
import { progressReporter } from './progress-reporter.ts';
import { personaLogins, seedDemo } from './seed-demo.ts';
import { writeDemoCredentials } from './demo-credentials.ts';
import { loadServerModule } from './server-bridge.ts';
import { dataDirKeyring } from './server-secret.ts';

interface SeedFlags {
  customers: number;
  users?: number;
  seed?: number;
  replace?: boolean;
}

export function configureSeed(command: Command, ctx: CommandContext): void {
  command
    .description(
      'Load the demo company (云杉科技) at the given size into the database; the tenant must not exist yet unless --replace',
    )
    .option(
      '--customers <n>',
      'number of customers (each with contacts, deals, …)',
      integerAtLeast(2),
      5000,
    )
    .option(
      '--users <n>',
      'total number of users; beyond 60 they are extra sales reps',
      integerAtLeast(60),
    )
    .option('--seed <s>', 'seed of the generator (same seed, same company)', integerAtLeast(0))
    .option(
      '--replace',
      "replace the tenant's records and policy if it exists (the audit trail is kept)",
    )
    .addHelpText(
      'after',
      '\nA million customers (about 4.9 million records) take about 15 minutes on PGlite and 4 GB of memory.',
    )
    .action(async (flags: SeedFlags, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const now = ctx.io.now();
      const started = performance.now();
      // The server's password hashing is needed at the end: load it first, to fail before a long seed.
      const server = await loadServerModule();
      const { hashPassword } = server;
      // Sealed with the keys the server will run with (docs/encryption.md).
      const keyring = await dataDirKeyring(server, globals.dataDir, ctx.io.env);
      ctx.print(`Database: ${describeDatabase(globals)}; tenant ${globals.tenant}`);
      const result = await withDatabase(globals, async (database) => {
        const seeded = await seedDemo(
          database,
          {
            tenantId: globals.tenant,
            customers: flags.customers,
            now,
            ...(flags.users === undefined ? {} : { users: flags.users }),
            ...(flags.seed === undefined ? {} : { seed: flags.seed }),
            replace: flags.replace === true,
            keyring,
          },
          progressReporter(ctx.io.stdout),
        );
        const personas = personaLogins(seeded.logins, now);
        await writeDemoCredentials(database, globals.tenant, seeded.logins, hashPassword);
        return { ...seeded, personas };
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      ctx.print(
        `Seeded ${flags.customers} customers, ${result.records} records and ${result.users} users in ${seconds} s.`,
      );
      ctx.print();
      ctx.io.stdout.write(
        renderLogins(result.personas, result.logins.length - result.personas.length),
      );
    });
}
