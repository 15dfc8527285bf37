import type { Database, Keyring } from '@custos/store';
import { createServerKeys } from '../../http/server-keys.ts';
import type { JobServices } from '../../jobs/job-registry.ts';
import { loadKeyring } from './load-keyring.ts';

/** The keyring the app built for a database: the job runner of that node uses the same. */
const shared = new WeakMap<Database, Keyring>();
const fromConfig = new Map<string, Promise<Keyring>>();

/** The app's keyring for its database (the encryption routes register it). */
export function shareKeyring(database: Database, keyring: Keyring): void {
  shared.set(database, keyring);
}

/**
 * The keyring a background job uses: the app's when this node runs one, else one built from the
 * same configuration (`CUSTOS_KEK_FILE`, or the key derived from `CUSTOS_SECRET`). Without either
 * the server's key is of its process only: a job here would not open the stored keys
 * (KEK_MISMATCH, said in the job's error).
 */
export function sweepKeyring(
  services: Pick<JobServices, 'database' | 'config' | 'clock'>,
): Promise<Keyring> {
  const own = shared.get(services.database);
  if (own !== undefined) return Promise.resolve(own);
  const { config } = services;
  const key = JSON.stringify([
    config.kekFile ?? null,
    config.secret ?? null,
    config.shredLedger ?? null,
  ]);
  let keyring = fromConfig.get(key);
  if (keyring === undefined) {
    keyring = loadKeyring(config, createServerKeys(config.secret), services.clock);
    fromConfig.set(key, keyring);
    keyring.catch(() => fromConfig.delete(key));
  }
  return keyring;
}
