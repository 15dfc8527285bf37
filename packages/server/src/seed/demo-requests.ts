import { decide } from '@custos/engine';
import type { Database } from '@custos/store';
import { PolicyCache } from '../http/policy-cache.ts';
import { submitRequest } from '../modules/requests/access-request-service.ts';
import type { LoadedDemo } from './load-demo.ts';

/**
 * The demo's pending access requests (权限申请), waiting on different approvers:
 * - 李雷 (lilei, 华东 rep) asks to read a 华北 customer for 7 days: his manager 韩梅梅 cannot read
 *   it, so the step went up the line to 王志强 (head of sales); then the customer's owner decides;
 * - 张伟 (zhangwei, 华东 rep) asks for the sales-manager role for 14 days: waiting on 韩梅梅,
 *   then on an administrator (role_admin).
 */
export async function loadDemoRequests(
  database: Database,
  demo: LoadedDemo,
  now: number,
): Promise<void> {
  const policy = new PolicyCache({ db: database.db });
  const { index } = await policy.current(demo.tenantId);
  const services = { database, policy };
  const actor = (userId: string) => ({ tenantId: demo.tenantId, userId, index, now, audit: null });
  const north = demo.company.records.find(
    (r) =>
      r.object === 'customer' &&
      r.departmentId === 'sales-north' &&
      r.sensitivity === 'internal' &&
      r.ownerId !== null &&
      !decide(index, 'lilei', 'read', r, now),
  );
  if (north !== undefined)
    await submitRequest(
      services,
      actor('lilei'),
      {
        kind: 'record',
        object: 'customer',
        recordId: north.id,
        access: 'read',
        durationDays: 7,
        reason: '协助华北同事跟进该客户的续约 / helping the north team with a renewal',
      },
      90,
    );
  await submitRequest(
    services,
    actor('zhangwei'),
    {
      kind: 'role',
      roleId: 'sales-manager',
      durationDays: 14,
      reason: '韩梅梅休假期间代理经理 / acting manager while Han Meimei is on leave',
    },
    90,
  );
}
