import { readFile } from 'node:fs/promises';
import { parseBackupKey } from '@custos/store';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/app-error.ts';
import type { ServerKeys } from '../../http/server-keys.ts';

/**
 * The key the server seals its backups with (docs/backup.md), kept outside the database: the key
 * file (`CUSTOS_BACKUP_KEY_FILE`: 32 bytes raw, Base64 or hex), else derived from the server
 * secret (HKDF label `custos/v1/backup`). Undefined when neither exists: a per-process random
 * secret would make backups nobody could open after a restart.
 */
export async function loadBackupKey(
  config: Pick<Config, 'backupKeyFile'>,
  keys: ServerKeys,
): Promise<Buffer | undefined> {
  if (config.backupKeyFile !== undefined)
    return parseBackupKey(await readFile(config.backupKeyFile));
  return keys.ephemeral ? undefined : keys.key('backup');
}

/** The key, or `BACKUP_KEY_MISSING`. */
export async function requireBackupKey(
  config: Pick<Config, 'backupKeyFile'>,
  keys: ServerKeys,
): Promise<Buffer> {
  const key = await loadBackupKey(config, keys);
  if (key === undefined)
    throw new AppError(
      'BACKUP_KEY_MISSING',
      'no backup key: set CUSTOS_BACKUP_KEY_FILE, or CUSTOS_SECRET to derive it from',
    );
  return key;
}
