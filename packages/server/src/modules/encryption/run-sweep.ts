import { setTimeout as sleep } from 'node:timers/promises';
import { advanceSweep, type SweepRunOptions, type SweepServices } from './encryption-sweep.ts';
import { findSweep, type EncryptionSweep } from './sweep-store.ts';

/** How long to wait before looking again when another run holds the sweep. */
export const BUSY_WAIT_MS = 1000;

/**
 * Run a sweep in this process until it ends (`custos keys rotate` offline): bounded runs one after
 * the other, `onProgress` told the sweep's state after each. When another node's run holds the
 * sweep (PostgreSQL with a server running), wait for it and report its progress. The sweep as it
 * ended (done or failed).
 */
export async function runSweepToEnd(
  services: SweepServices,
  tenantId: string,
  sweepId: string,
  onProgress: (sweep: EncryptionSweep) => void = () => {},
  options: SweepRunOptions & { busyWaitMs?: number } = {},
): Promise<EncryptionSweep> {
  const db = services.database.db;
  for (;;) {
    if (services.signal?.aborted === true) throw new Error('the sweep was interrupted');
    const outcome = await advanceSweep(services, tenantId, sweepId, options);
    const sweep = await findSweep(db, tenantId, sweepId);
    if (sweep === undefined) throw new Error(`no sweep ${sweepId} of tenant ${tenantId}`);
    onProgress(sweep);
    if (outcome === 'finished' || outcome === 'gone' || sweep.state !== 'running') return sweep;
    if (outcome === 'busy') await sleep(options.busyWaitMs ?? BUSY_WAIT_MS);
  }
}
