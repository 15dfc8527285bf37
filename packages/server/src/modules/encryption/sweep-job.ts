import type { JobServices, RunningJob } from '../../jobs/job-registry.ts';
import { advanceSweep, enqueueSweepRun, type SweepRunOptions } from './encryption-sweep.ts';
import { findSweep, saveSweep } from './sweep-store.ts';
import { sweepKeyring } from './sweep-keyring.ts';

/**
 * The `encryption.sweep` job: one bounded run of the sweep named in its payload; when work is
 * left it queues the next run (the chain ends when the sweep does). A run that finds the sweep
 * held by another run stops: that run's chain goes on. The last failed attempt marks the sweep
 * failed (with the error), so a stuck sweep never blocks the next rotation.
 */
export async function runEncryptionSweepJob(
  services: JobServices,
  job: RunningJob,
  options: SweepRunOptions = {},
): Promise<void> {
  const sweepId = (job.payload as { sweepId?: unknown } | null)?.sweepId;
  if (typeof sweepId !== 'string') throw new Error('encryption.sweep: the payload names no sweep');
  const db = services.database.db;
  try {
    const keyring = await sweepKeyring(services);
    const outcome = await advanceSweep(
      { database: services.database, keyring, clock: services.clock, signal: services.signal },
      job.tenantId,
      sweepId,
      { runId: `job-${job.id}`, ...options },
    );
    if (outcome === 'more')
      await enqueueSweepRun(
        db,
        { tenantId: job.tenantId, id: sweepId },
        services.clock(),
        `after-${job.id}`,
      );
  } catch (error) {
    if (job.attempt >= job.maxAttempts) {
      const sweep = await findSweep(db, job.tenantId, sweepId);
      if (sweep?.state === 'running') {
        const now = services.clock();
        await saveSweep(
          db,
          {
            ...sweep,
            state: 'failed',
            finishedAt: new Date(now).toISOString(),
            lease: null,
            errors: [
              ...sweep.errors,
              {
                at: new Date(now).toISOString(),
                object: '',
                recordId: '',
                field: '',
                code: (error as { code?: string }).code ?? 'INTERNAL',
                message: error instanceof Error ? error.message : String(error),
              },
            ],
          },
          now,
        );
      }
    }
    throw error;
  }
}
