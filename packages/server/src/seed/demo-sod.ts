import { addUsage, appendAuditEvent, type Database } from '@custos/store';
import { commitChanges } from '../modules/directory/commit-change.ts';

const DAY_MS = 86_400_000;

/**
 * Separation of duties and least privilege in the demo company (docs/sod-least-privilege.md):
 * - "财务、审计、市场至多其一" (a set of roles: at most one of finance, auditor, marketing), created
 *   after 崔莹 (cuiying) was given the auditor role beside her finance role: one existing conflict
 *   to look at and clean up;
 * - "订单录入与折扣审批分离" (whoever enters orders — the finance role — may not approve discounts,
 *   like 创建退款 / 审批退款), which nobody violates: giving a finance user a role with
 *   approve_discount is refused with SOD_CONFLICT. (The system administrator holds every
 *   function, so a rule between two functions would be broken by that role on its own.)
 * - a month of usage (reads, exports) and refused requests, so the least-privilege screens show
 *   unused permissions, repeated denials and a smaller role that fits.
 * Everything goes through the change path (audited, one policy version) as the system.
 */
export async function loadDemoSod(
  database: Database,
  options: { tenantId: string; now: number },
): Promise<void> {
  const { tenantId, now } = options;
  const db = database.db;
  await commitChanges(
    db,
    [
      { kind: 'user.update', id: 'cuiying', roleIds: ['finance', 'auditor'] },
      {
        kind: 'sod_rule.create',
        rule: {
          id: 'sod-finance-audit',
          name: '财务、审计、市场至多其一',
          left: { kind: 'role', roleId: 'finance' },
          right: { kind: 'role', roleId: 'auditor' },
          others: [{ kind: 'role', roleId: 'marketing' }],
        },
      },
      {
        kind: 'sod_rule.create',
        rule: {
          id: 'sod-order-approval',
          name: '订单录入与折扣审批分离',
          left: { kind: 'role', roleId: 'finance' },
          right: { kind: 'function', name: 'approve_discount' },
        },
      },
    ],
    { tenantId, actorId: null, now },
  );

  // Usage over the last weeks: what people exercised (the usage counters' own form).
  const uses: [userId: string, permission: string, days: number, requests: number][] = [
    ['lilei', 'record:customer:read', 20, 12],
    ['lilei', 'record:customer:update', 8, 3],
    ['hanmeimei', 'record:customer:read', 25, 30],
    ['hanmeimei', 'function:export', 3, 1],
    ['shenlijuan', 'record:order:read', 20, 15],
    ['yaoyuan', 'record:order:read', 15, 6],
    ['zhoumin', 'function:role_admin', 10, 5],
  ];
  await addUsage(
    db,
    uses.flatMap(([userId, permission, days, requests]) =>
      Array.from({ length: days }, (_, i) => {
        const at = now - (i + 1) * DAY_MS;
        return {
          tenantId,
          userId,
          day: new Date(at).toISOString().slice(0, 10),
          permission,
          requests,
          records: requests * 10,
          lastAt: at,
        };
      }),
    ),
  );

  // Refused requests: 李雷 keeps trying to edit deals he may not edit (under-privilege).
  for (let i = 0; i < 4; i++)
    await appendAuditEvent(db, {
      tenantId,
      actorId: 'lilei',
      action: 'deal.update',
      target: `deal/demo-refused-${i + 1}`,
      outcome: 'denied',
      at: new Date(now - (i + 1) * 3_600_000),
    });
}
