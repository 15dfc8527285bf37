import { deliverWebhook } from '../modules/monitoring/webhook-delivery.ts';
import { runMonitoring } from '../modules/monitoring/run-monitoring.ts';
import { DELIVER_JOB } from '../modules/monitoring/webhook-store.ts';
import { createServerKeys } from '../http/server-keys.ts';
import { runAuditCheckpoints } from '../modules/audit-chain/audit-checkpoints.ts';
import { loadAuditKey } from '../modules/audit-chain/audit-key.ts';
import { runPendingChangeExpiry } from '../modules/four-eyes/pending-change-expiry.ts';
import { runAccessRequestExpiry } from '../modules/requests/access-request-expiry.ts';
import { runAccessReviewDeadlines } from '../modules/reviews/review-deadlines.ts';
import { runRetention } from '../modules/retention/apply-retention.ts';
import { runEncryptionSweepJob } from '../modules/encryption/sweep-job.ts';
import { SWEEP_JOB } from '../modules/encryption/encryption-sweep.ts';
import { runPrivacyDeadlines } from '../modules/privacy/privacy-deadline-reminders.ts';
import { pruneJobs } from './job-queue.ts';
import { runBackupJob, runScheduledBackup } from '../modules/backups/backup-files.ts';
import { BACKUP_JOB, BACKUP_SCHEDULE } from '../modules/backups/backup-routes.ts';
import { JobRegistry } from './job-registry.ts';

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const HOUR = 60 * MINUTE;
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
      // Access requests (docs/access-requests.md): lapsed grants and roles end, requesters told.
      .registerRecurring('access_requests.expire', MINUTE, runAccessRequestExpiry)
      // Access reviews (docs/access-reviews.md): starts, reminders, defaults at the deadline, recurrences.
      .registerRecurring('access_reviews.deadlines', QUARTER_HOUR, runAccessReviewDeadlines)
      // Four eyes (docs/four-eyes.md): pending changes nobody decided in time expire.
      .registerRecurring('pending_changes.expire', QUARTER_HOUR, runPendingChangeExpiry)
      // Retention (docs/retention.md): enabled rules applied in bounded batches, each record audited.
      .registerRecurring('retention.apply', DAY, runRetention)
      // Key rotation (docs/key-rotation.md): a tenant's values re-sealed, one bounded run at a time.
      .registerJob(SWEEP_JOB, runEncryptionSweepJob, { maxAttempts: 5, backoffMs: 10_000 })
      // Data-subject requests (docs/privacy.md): owners told before the legal deadline and when overdue.
      .registerRecurring('privacy.deadlines', HOUR, runPrivacyDeadlines)
      // Audit checkpoints (docs/audit.md): each tenant's head signed and written outside the
      // database. Without a key (no CUSTOS_AUDIT_KEY_FILE, no CUSTOS_SECRET) there is nothing to
      // sign with: said once per run, not retried as a failure.
      .registerRecurring('audit.checkpoint', QUARTER_HOUR, async (services, now) => {
        const keys = createServerKeys(services.config.secret);
        if ((await loadAuditKey(services.config, keys)) === undefined) {
          services.log.warn(
            {},
            'audit checkpoints skipped: set CUSTOS_AUDIT_KEY_FILE or CUSTOS_SECRET',
          );
          return;
        }
        await runAuditCheckpoints({ ...services, keys }, now);
      })
      // Backups (docs/backup.md): the whole database every CUSTOS_BACKUP_INTERVAL, then retention.
      .registerRecurring(BACKUP_SCHEDULE, QUARTER_HOUR, runScheduledBackup)
      .registerJob(BACKUP_JOB, runBackupJob, { maxAttempts: 2, backoffMs: 60_000 })
  );
}
