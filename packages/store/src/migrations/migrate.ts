import { encryptedFieldsMigration } from './0025-encrypted-fields.ts';
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { initialMigration } from './0001-initial.ts';
import { policyVersionMigration } from './0002-policy-version.ts';
import { authMigration } from './0003-auth.ts';
import { listIndexesMigration } from './0004-list-indexes.ts';
import { policyChangesMigration } from './0005-policy-changes.ts';
import { recordFactsFunctionMigration } from './0006-record-facts-function.ts';
import { accountsMigration } from './0007-accounts.ts';
import { mfaMigration } from './0008-mfa.ts';
import { apiTokensMigration } from './0009-api-tokens.ts';
import { notificationsMigration } from './0010-notifications.ts';
import { auditContextMigration } from './0011-audit-context.ts';
import { usageMigration } from './0012-usage.ts';
import { auditChainMigration } from './0013-audit-chain.ts';
import { auditSearchMigration } from './0014-audit-search.ts';
import { jobsMonitoringMigration } from './0015-jobs-monitoring.ts';
import { accessRequestsMigration } from './0016-access-requests.ts';
import { pendingChangesMigration } from './0017-pending-changes.ts';
import { accessReviewsMigration } from './0018-access-reviews.ts';
import { onboardingTemplatesMigration } from './0019-onboarding-templates.ts';
import { sodMigration } from './0020-sod.ts';
import { encryptionKeysMigration } from './0021-encryption-keys.ts';
import { encryptionSweepsMigration } from './0026-encryption-sweeps.ts';
import { privacyMigration } from './0022-privacy.ts';
import { retentionMigration } from './0023-retention.ts';

/** Every migration, by name, in order. A static list: nothing scans the file system. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initialMigration,
  '0002-policy-version': policyVersionMigration,
  '0003-auth': authMigration,
  '0004-list-indexes': listIndexesMigration,
  '0005-policy-changes': policyChangesMigration,
  '0006-record-facts-function': recordFactsFunctionMigration,
  '0007-accounts': accountsMigration,
  '0008-mfa': mfaMigration,
  '0009-api-tokens': apiTokensMigration,
  '0010-notifications': notificationsMigration,
  '0011-audit-context': auditContextMigration,
  '0012-usage': usageMigration,
  '0013-audit-chain': auditChainMigration,
  '0014-audit-search': auditSearchMigration,
  '0015-jobs-monitoring': jobsMonitoringMigration,
  '0016-access-requests': accessRequestsMigration,
  '0017-pending-changes': pendingChangesMigration,
  '0018-access-reviews': accessReviewsMigration,
  '0019-onboarding-templates': onboardingTemplatesMigration,
  '0020-sod': sodMigration,
  '0021-encryption-keys': encryptionKeysMigration,
  '0022-privacy': privacyMigration,
  '0023-retention': retentionMigration,
  '0025-encrypted-fields': encryptedFieldsMigration,
  '0026-encryption-sweeps': encryptionSweepsMigration,
};

export function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  });
}

/** Bring the schema up to date; throws the first migration error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error !== undefined) throw result.error;
  return result;
}
