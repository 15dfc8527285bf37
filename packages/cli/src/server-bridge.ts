import type * as ServerPackage from '@custos/server';
import { CliError } from './cli-error.ts';

export type ServerModule = typeof ServerPackage;

// A variable specifier: the server (Fastify, Argon2) is loaded only by the commands that need
// it, so `custos check` and friends start fast.
const SERVER_PACKAGE: string = '@custos/server';

export async function loadServerModule(): Promise<ServerModule> {
  try {
    return (await import(SERVER_PACKAGE)) as ServerModule;
  } catch (error) {
    throw new CliError(
      'NOT_READY',
      `the server package could not be loaded: ${(error as Error).message}`,
    );
  }
}
