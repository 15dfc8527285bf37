import { Option, type Command } from 'commander';
import { portNumber } from './cli-arguments.ts';
import type { Config } from '@custos/server';
import type { GlobalOptions } from './global-options.ts';

export interface ServerFlags {
  port?: number;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
}

/** `--port` and `--host`, shared by `serve` and `demo`. */
export function addServerOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--port <port>', 'port to listen on (default CUSTOS_PORT or 3000)').argParser(
        portNumber,
      ),
    )
    .option('--host <host>', 'address to listen on (default CUSTOS_HOST)');
}

/** `--tls-cert` and `--tls-key` (`serve`): HTTPS only, with this certificate and key. */
export function addTlsOptions(command: Command): Command {
  return command
    .option(
      '--tls-cert <file>',
      'PEM certificate: serve HTTPS only, TLS 1.2+ (default CUSTOS_TLS_CERT; needs --tls-key)',
    )
    .option('--tls-key <file>', 'PEM private key of --tls-cert (default CUSTOS_TLS_KEY)');
}

/** The flags that override the server's configuration (environment, then defaults). */
export function configOverrides(flags: ServerFlags, globals: GlobalOptions): Partial<Config> {
  return {
    dataDir: globals.dataDir,
    databaseUrl: globals.databaseUrl,
    ...(flags.port === undefined ? {} : { port: flags.port }),
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(flags.tlsCert === undefined ? {} : { tlsCert: flags.tlsCert }),
    ...(flags.tlsKey === undefined ? {} : { tlsKey: flags.tlsKey }),
  };
}

/** The URL to show: `localhost` for a server listening on a loopback or every address. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (['127.0.0.1', '0.0.0.0', '[::]', '[::1]', 'localhost'].includes(u.hostname)) {
      u.hostname = 'localhost';
    }
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
