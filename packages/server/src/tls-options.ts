import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { CONFIG_SCHEMA, ConfigError, type Config } from './config.ts';

/** The oldest TLS version the server accepts (ASVS V12.1.1). */
export const MIN_TLS_VERSION = 'TLSv1.2';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

async function readPem(path: string, env: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(env, `cannot read the ${what} file ${path} (${reason})`);
  }
}

/**
 * The certificate and key of `config.tlsCert`/`config.tlsKey`, read and checked as a pair (a
 * clear error naming the setting, not a failure at the first connection); undefined when the
 * server serves plain HTTP.
 */
export async function readTlsFiles(
  config: Pick<Config, 'tlsCert' | 'tlsKey'>,
): Promise<TlsFiles | undefined> {
  if (config.tlsCert === undefined || config.tlsKey === undefined) return undefined;
  const cert = await readPem(config.tlsCert, CONFIG_SCHEMA.tlsCert.env, 'certificate');
  const key = await readPem(config.tlsKey, CONFIG_SCHEMA.tlsKey.env, 'private key');
  try {
    createSecureContext({ cert, key, minVersion: MIN_TLS_VERSION });
  } catch (error) {
    throw new ConfigError(
      CONFIG_SCHEMA.tlsKey.env,
      `the certificate and key do not make a TLS pair: ${(error as Error).message}`,
    );
  }
  return { cert, key };
}
