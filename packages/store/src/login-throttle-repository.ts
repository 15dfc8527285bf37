import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/**
 * Consecutive failed sign-ins per key (the normalised e-mail, whether or not an account has it),
 * stored by the key's SHA-256 hash: the table keeps no e-mail anyone typed.
 */
const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/** Until when (ms) sign-in with this key must wait; 0 when it need not. */
export async function loginBlockedUntil(db: Kysely<StoreSchema>, key: string): Promise<number> {
  const row = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('key_hash', '=', hashKey(key))
    .executeTakeFirst();
  return row?.blocked_until == null ? 0 : millis(row.blocked_until);
}

/**
 * Count one more failure of `key` at `now` (atomically) and block it until
 * `now + delayMs(failures)`; returns the failures counted so far and the block's end.
 */
export async function recordLoginFailure(
  db: Kysely<StoreSchema>,
  key: string,
  now: number,
  delayMs: (failures: number) => number,
): Promise<{ failures: number; blockedUntil: number }> {
  const keyHash = hashKey(key);
  const row = await db
    .insertInto('login_throttle')
    .values({ key_hash: keyHash, failures: 1, last_failure_at: new Date(now), blocked_until: null })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet((eb) => ({
        failures: eb('login_throttle.failures', '+', 1),
        last_failure_at: new Date(now),
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = delayMs(row.failures);
  const blockedUntil = delay > 0 ? now + delay : 0;
  await db
    .updateTable('login_throttle')
    .set({ blocked_until: blockedUntil > 0 ? new Date(blockedUntil) : null })
    .where('key_hash', '=', keyHash)
    .execute();
  return { failures: row.failures, blockedUntil };
}

/** Forget the failures of `key` (a successful sign-in). */
export async function resetLoginFailures(db: Kysely<StoreSchema>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key_hash', '=', hashKey(key)).execute();
}
