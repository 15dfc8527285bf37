import { readFile } from 'node:fs/promises';
import { createKeyring, ShredLedger, type Keyring } from '@custos/store';
import type { Config } from '../../config.ts';
import { createServerKeys, type ServerKeys } from '../../http/server-keys.ts';

/** The key-encryption key's length: AES-256. */
export const KEK_BYTES = 32;

/** The KEK in a key file: Base64 of exactly 32 bytes (`openssl rand -base64 32`). */
export function parseKekFile(content: Buffer, path: string): Buffer {
  const decoded = Buffer.from(content.toString('utf8').trim(), 'base64');
  if (decoded.length !== KEK_BYTES)
    throw new Error(
      `${path}: a key-encryption key is exactly ${KEK_BYTES} bytes in Base64 (openssl rand -base64 32); this file holds ${decoded.length}`,
    );
  return decoded;
}

/**
 * The key-encryption key, from configuration only — never the database: the key file
 * (`CUSTOS_KEK_FILE`), else derived from the server secret (HKDF label `custos/v1/kek`).
 */
export async function loadKek(config: Pick<Config, 'kekFile'>, keys: ServerKeys): Promise<Buffer> {
  if (config.kekFile !== undefined)
    return parseKekFile(await readFile(config.kekFile), config.kekFile);
  return keys.key('kek');
}

/** The server's keyring: the KEK and the shred ledger (`CUSTOS_SHRED_LEDGER`; in memory unset). */
export async function loadKeyring(
  config: Pick<Config, 'kekFile' | 'shredLedger'>,
  keys: ServerKeys,
  clock: () => number,
): Promise<Keyring> {
  return createKeyring({
    kek: await loadKek(config, keys),
    shredLedger: new ShredLedger(config.shredLedger),
    clock,
  });
}

/**
 * The keyring of a configuration, as the server builds it: the one function every writer that
 * seals before the server starts (`custos seed`, `custos demo`, the tests' demo) uses, so what it
 * writes opens in the server (same KEK: `CUSTOS_KEK_FILE`, else derived from `CUSTOS_SECRET`).
 */
export async function keyringFromConfig(
  config: Pick<Config, 'kekFile' | 'shredLedger' | 'secret'>,
  clock: () => number = Date.now,
): Promise<Keyring> {
  if (config.kekFile === undefined && config.secret === undefined)
    throw new Error(
      'sealing data before the server starts needs CUSTOS_KEK_FILE or CUSTOS_SECRET: a key made up now would be lost with this process',
    );
  return loadKeyring(config, createServerKeys(config.secret), clock);
}
