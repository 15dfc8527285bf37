import { deliverWebhook } from '../modules/monitoring/webhook-delivery.ts';
import { runMonitoring } from '../modules/monitoring/run-monitoring.ts';
import { DELIVER_JOB } from '../modules/monitoring/webhook-store.ts';
import { pruneJobs } from './job-queue.ts';
import { JobRegistry } from './job-registry.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Every job and schedule of the server, in one place: each is one line. Every node registers the
 * same; the runner runs each tick on one node. (docs/jobs.md lists them.)
 */
export function createJobRegistry(): JobRegistry {
  return (
    new JobRegistry()
      // Security monitoring (docs/monitoring.md): the new audit events through the rules.
      .registerRecurring('monitoring.evaluate', MINUTE, runMonitoring)
      // Signed webhook deliveries, retried with backoff by the runner.
      .registerJob(DELIVER_JOB, deliverWebhook, { maxAttempts: 6, backoffMs: 30_000 })
      // Finished jobs are kept a week for the admin view, then forgotten (dead ones stay).
      .registerRecurring('jobs.prune', DAY, ({ database }, now) =>
        pruneJobs(database.db, now - 7 * DAY),
      )
    // ─── Other parts: one line each, e.g. .registerRecurring('audit.checkpoint', HOUR, runAuditCheckpoints) ───
  );
}
