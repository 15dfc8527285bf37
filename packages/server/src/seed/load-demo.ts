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
} from '@custos/store';
import { hashPassword } from '../modules/auth/password.ts';
import { loadAuditReadDemo } from './demo-audit-read.ts';

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
  await loadTenantData(database.db, company.model, company.records, tenantId);
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
  const loaded = { tenantId, company, logins: company.logins };
  await loadAuditReadDemo(database, loaded, options.now);
  return loaded;
}
