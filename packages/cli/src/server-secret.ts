import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keyring } from '@custos/store';
import type { ServerModule } from './server-bridge.ts';

/** The file in the data directory that keeps the server secret of `serve` and `demo`. */
export const SECRET_FILE = 'custos-secret';

/**
 * The server secret `serve` and `demo` run with when `CUSTOS_SECRET` is not set: the one kept in
 * the data directory (made once, readable by its owner only), so cursors survive a restart.
 * Undefined when the environment sets one (the server reads it there).
 */
export async function dataDirSecret(
  dataDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> {
  if (env.CUSTOS_SECRET !== undefined && env.CUSTOS_SECRET !== '') return undefined;
  const path = join(dataDir, SECRET_FILE);
  const kept = await readFile(path, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
  if (kept !== undefined && kept.length >= 32) return kept;
  await mkdir(dataDir, { recursive: true });
  const made = randomBytes(32).toString('base64url');
  await writeFile(path, `${made}\n`, { mode: 0o600 });
  return made;
}

/** The file in the data directory that lists erased subjects (the shred ledger, docs/privacy.md). */
export const SHRED_LEDGER_FILE = 'custos-shredded';

/**
 * The shred ledger `serve` and `demo` run with when `CUSTOS_SHRED_LEDGER` is not set: the data
 * directory's. Undefined when the environment sets one (the server reads it there).
 */
export function dataDirShredLedger(
  dataDir: string,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (env.CUSTOS_SHRED_LEDGER !== undefined && env.CUSTOS_SHRED_LEDGER !== '') return undefined;
  return join(dataDir, SHRED_LEDGER_FILE);
}

/**
 * The keyring `serve` and `demo` will run with for this data directory (`CUSTOS_KEK_FILE`, else
 * the key derived from `CUSTOS_SECRET` or the data directory's `custos-secret`): what the CLI
 * seals before the server starts opens in the server (docs/encryption.md).
 */
export async function dataDirKeyring(
  server: ServerModule,
  dataDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Keyring> {
  const secret = await dataDirSecret(dataDir, env);
  const shredLedger = dataDirShredLedger(dataDir, env);
  return server.keyringFromConfig(
    server.loadConfig(env, {
      dataDir,
      ...(secret === undefined ? {} : { secret }),
      ...(shredLedger === undefined ? {} : { shredLedger }),
    }),
  );
}
