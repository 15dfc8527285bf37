import { DEMO_PASSWORD, upsertCredentials, type Database, type DemoLogin } from '@custos/store';

/**
 * A credential for every demo login: one Argon2id hash of the demo password, shared. A salt per
 * user protects passwords nobody knows; this one is printed on the screen, and hashing ten
 * thousand of them would take minutes.
 */
export async function writeDemoCredentials(
  database: Database,
  tenantId: string,
  logins: readonly DemoLogin[],
  hashPassword: (password: string) => Promise<string>,
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await upsertCredentials(
    database.db,
    logins.map((login) => ({ tenantId, userId: login.userId, email: login.email, passwordHash })),
  );
}
