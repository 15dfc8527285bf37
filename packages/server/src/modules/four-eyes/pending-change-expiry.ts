import { listExpiredPendingChanges, type Database } from '@custos/store';
import { expirePendingChange } from './pending-change-decisions.ts';

/**
 * One pass of the four-eyes expiry (scheduled work; every 15 minutes is plenty): every pending
 * change of every tenant past its expiry becomes `expired`, audited (`change.expire`, by the
 * system) and its author notified, each in its own transaction. Idempotent: a change decided
 * meanwhile is left alone, a second pass finds nothing. Returns how many expired.
 */
export async function runPendingChangeExpiry(
  services: { database: Database; clock: () => number },
  now: number,
): Promise<{ expired: number }> {
  const db = services.database.db;
  let expired = 0;
  for (;;) {
    const batch = await listExpiredPendingChanges(db, now, 200);
    if (batch.length === 0) break;
    let progressed = 0;
    for (const pending of batch) {
      const done = await db.transaction().execute((tx) => expirePendingChange(tx, pending, now));
      if (done) {
        expired++;
        progressed++;
      }
    }
    if (progressed === 0) break;
  }
  return { expired };
}
