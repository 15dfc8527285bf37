import {
  DEMO_PASSWORD,
  DEMO_TENANT_ID,
  demoCompany,
  loadTenantData,
  savePolicyModel,
  upsertCredentials,
  type Database,
  type DemoCompany,
  type DemoLogin,
  type Keyring,
} from '@custos/store';
import { hashPassword } from '../modules/auth/password.ts';
import { loadDemoJml } from './demo-jml.ts';
import { loadDemoReviews } from './demo-reviews.ts';
import { loadDemoMonitoring } from './demo-monitoring.ts';
import { loadDemoRequests } from './demo-requests.ts';
import { seedDemoFourEyes } from './demo-four-eyes.ts';
import { loadDemoSod } from './demo-sod.ts';
import { loadAuditReadDemo } from './demo-audit-read.ts';
import { loadDemoPrivacy } from './demo-privacy.ts';
import { loadDemoRetention } from './demo-retention.ts';

export interface LoadDemoOptions {
  /** Number of customers (default: the demo's, 5,000). */
  customers?: number;
  /** "Now", ms since the epoch: the demo's dates and grant expiries are relative to it. */
  now: number;
  /** Told each step as it finishes. */
  onProgress?: (step: 'records' | 'policy' | 'credentials', detail: string) => void;
  /**
   * Tests only: one precomputed Argon2id hash of `DEMO_PASSWORD` for every login, instead of a
   * salted hash per user (saves about 2 s per test database on a small machine).
   */
  sharedPasswordHash?: string;
  /** Four eyes on for roles and sharing rules, one change waiting (default true; tests: off). */
  fourEyes?: boolean;
  /**
   * The keys the demo's encrypted fields are sealed with: the server's (`keyringFromConfig`, or
   * the keyring passed to `buildApp`), else the server could not open them.
   */
  keyring: Keyring;
}

export interface LoadedDemo {
  tenantId: string;
  company: DemoCompany;
  logins: DemoLogin[];
}

/**
 * Load the demo company (云杉科技) into an empty database: its records and teams, its policy
 * (version 1), and a credential for every demo login (an Argon2id hash of `DEMO_PASSWORD` per
 * user, hashed concurrently).
 */
export async function loadDemo(database: Database, options: LoadDemoOptions): Promise<LoadedDemo> {
  const company = demoCompany({
    now: options.now,
    ...(options.customers === undefined ? {} : { customers: options.customers }),
  });
  const tenantId = company.model.tenant.id || DEMO_TENANT_ID;
  await loadTenantData(database.db, company.model, company.records, tenantId, options.keyring);
  options.onProgress?.('records', `${company.records.length} records`);
  await savePolicyModel(database.db, tenantId, company.model);
  options.onProgress?.('policy', `${company.model.users.length} users`);
  const credentials = await Promise.all(
    company.logins.map(async (login) => ({
      tenantId,
      userId: login.userId,
      email: login.email,
      passwordHash: options.sharedPasswordHash ?? (await hashPassword(DEMO_PASSWORD)),
    })),
  );
  await upsertCredentials(database.db, credentials);
  options.onProgress?.('credentials', `${credentials.length} logins`);
  // First: its alerts come from the week of events it seeds, evaluated by the real rules; what
  // the other parts' demos do at "now" is evaluated by the next monitoring run.
  await loadDemoMonitoring(database, tenantId, options.now);
  await loadDemoJml(database, tenantId, options.now);
  await loadDemoReviews(database, { tenantId, now: options.now, customers: company.records });
  await loadDemoSod(database, { tenantId, now: options.now });
  const loaded = { tenantId, company, logins: company.logins };
  await loadDemoRequests(database, loaded, options.now);
  await loadAuditReadDemo(database, loaded, options.now);
  await loadDemoPrivacy(database, loaded, options.now, options.keyring);
  // Last: the waiting four-eyes change is previewed against the demo's final policy.
  if (options.fourEyes !== false)
    await seedDemoFourEyes(database, { tenantId, company, now: options.now });
  await loadDemoRetention(database, loaded, options.now);
  return loaded;
}
