import type { Command } from 'commander';
import { DEMO_TENANT_ID, type DemoLogin } from '@custos/store';
import { usageError } from './cli-error.ts';
import { integerAtLeast } from './cli-arguments.ts';
import type { CommandContext } from './command-context.ts';
import { describeDatabase, withDatabase } from './global-options.ts';
import { renderLogins } from './login-table.ts';
import { demoAdminLogin, renderMfaHowTo } from './mfa-how-to.ts';
import { personaLogins, tenantExists } from './seed-demo.ts';
import { loadServerModule } from './server-bridge.ts';
import { ensureConsole } from './console-bridge.ts';
import { dataDirKeyring, dataDirSecret, dataDirShredLedger } from './server-secret.ts';
import {
  addServerOptions,
  configOverrides,
  displayUrl,
  type ServerFlags,
} from './server-options.ts';
import { storedDemoLogins } from './stored-demo-logins.ts';

interface DemoFlags extends ServerFlags {
  customers: number;
  https?: boolean;
}

export function configureDemo(command: Command, ctx: CommandContext): void {
  addServerOptions(command)
    .description(
      'Start the demo: load the demo company (云杉科技) unless it is there already, start the server, list the logins',
    )
    .option('--customers <n>', 'customers of a new demo company', integerAtLeast(2), 5000)
    .option(
      '--https',
      'serve HTTPS with a self-signed certificate for localhost, made once and kept in the data dir',
    )
    .addHelpText('after', '\nStops cleanly on Ctrl-C (SIGINT) or SIGTERM.')
    .action(async (flags: DemoFlags, cmd: Command) => {
      const globals = ctx.globals(cmd);
      if (globals.tenant !== DEMO_TENANT_ID) {
        throw usageError(
          `the demo runs in tenant ${DEMO_TENANT_ID}; use seed and serve for others`,
        );
      }
      const now = ctx.io.now();
      const server = await loadServerModule();
      ctx.print(`Database: ${describeDatabase(globals)}`);
      const logins: DemoLogin[] = await withDatabase(globals, async (database) => {
        if (await tenantExists(database, globals.tenant)) {
          ctx.print(`Reusing the demo company already in the database (tenant ${globals.tenant}).`);
          return storedDemoLogins(database, globals.tenant, now);
        }
        ctx.print(`Loading the demo company: ${flags.customers} customers…`);
        const loaded = await server.loadDemo(database, {
          keyring: await dataDirKeyring(server, globals.dataDir, ctx.io.env),
          customers: flags.customers,
          now,
          onProgress: (step, detail) => ctx.print(`  ${step}: ${detail}`),
        });
        return personaLogins(loaded.logins, now);
      });
      const certificate = flags.https
        ? await server.ensureSelfSignedCertificate(globals.dataDir)
        : undefined;
      const tls =
        certificate === undefined
          ? {}
          : { tlsCert: certificate.certFile, tlsKey: certificate.keyFile };
      const secret = await dataDirSecret(globals.dataDir, ctx.io.env);
      const shredLedger = dataDirShredLedger(globals.dataDir, ctx.io.env);
      await ensureConsole((line) => ctx.print(line));
      const running = await server.startServer(
        server.loadConfig(ctx.io.env, {
          ...configOverrides(flags, globals),
          ...tls,
          ...(secret === undefined ? {} : { secret }),
          ...(shredLedger === undefined ? {} : { shredLedger }),
        }),
      );
      const url = displayUrl(running.url);
      if (certificate !== undefined) {
        ctx.print(
          `${certificate.created ? 'Made' : 'Using'} a self-signed certificate for localhost: ${certificate.certFile}`,
        );
        ctx.print(
          `  浏览器会警告它不受信任 / browsers warn that it is not trusted; SHA-256 ${certificate.fingerprint}`,
        );
      }
      ctx.print();
      ctx.print(`Custos 演示已启动 / Custos demo is running: ${url}`);
      ctx.print(`控制台 / Console: 在浏览器中打开 / open in a browser: ${url}`);
      ctx.print(`API 文档 / API docs: ${url}/docs`);
      ctx.print();
      ctx.io.stdout.write(renderLogins(logins));
      ctx.print();
      ctx.io.stdout.write(renderMfaHowTo(url, demoAdminLogin(logins, now)));
      ctx.print();
      ctx.print('按 Ctrl-C 停止 / Press Ctrl-C to stop.');
      const signal = await ctx.io.untilStopped();
      ctx.print(`${signal}: stopping…`);
      await running.close();
    });
}
