import type { Database } from '@custos/store';
import { commitChanges } from '../modules/directory/commit-change.ts';
import type { LoadedDemo } from './load-demo.ts';

/**
 * The demo of the audit log and reveal (governance, issue 10): the sales managers (销售经理) may
 * reveal the masked ID numbers and bank accounts of their team's customers (`reveal_masked`,
 * each reveal audited and rate-limited), given through the change path so the log shows the
 * grant as a `role.update` with its before and after.
 */
export async function loadAuditReadDemo(
  database: Database,
  demo: LoadedDemo,
  now: number,
): Promise<void> {
  const role = demo.company.model.roles.find((r) => r.id === 'sales-manager');
  if (role === undefined || role.functions.includes('reveal_masked')) return;
  await commitChanges(
    database.db,
    [{ kind: 'role.update', id: role.id, functions: [...role.functions, 'reveal_masked'] }],
    { tenantId: demo.tenantId, actorId: null, now },
  );
}
