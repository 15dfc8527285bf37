import { DEMO_PASSWORD, loadPolicyModel, type Database, type DemoLogin } from '@custos/store';
import { personaLogins } from './seed-demo.ts';

/**
 * The persona logins of a demo tenant loaded earlier: its stored credentials (emails) joined with
 * its active users and their first role. The password is the demo's.
 */
export async function storedDemoLogins(
  database: Database,
  tenantId: string,
  now: number,
): Promise<DemoLogin[]> {
  const model = await loadPolicyModel(database.db, tenantId);
  const credentials = await database.db
    .selectFrom('credentials')
    .select(['user_id', 'email'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const emailOf = new Map(credentials.map((c) => [c.user_id, c.email]));
  const roleName = new Map(model.roles.map((r) => [r.id, r.name]));
  const logins: DemoLogin[] = [];
  for (const user of model.users) {
    const email = emailOf.get(user.id);
    if (email === undefined || user.status !== 'active') continue;
    logins.push({
      userId: user.id,
      email,
      name: user.name,
      role: roleName.get(user.roleIds[0] ?? '') ?? '',
      password: DEMO_PASSWORD,
    });
  }
  return personaLogins(logins, now);
}
