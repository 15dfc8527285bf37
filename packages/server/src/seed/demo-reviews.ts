import type { CrmRecord } from '@custos/engine';
import type { Database } from '@custos/store';
import { PolicyCache } from '../http/policy-cache.ts';
import { commitChanges } from '../modules/directory/commit-change.ts';
import { closeCampaign, createCampaign, decideItem } from '../modules/reviews/review-service.ts';
import { listReviewItems } from '@custos/store';

const DAY = 86_400_000;

/**
 * The demo's access reviews (docs/access-reviews.md): one FINISHED campaign over every grant —
 * a temporary grant on a customer revoked by the customer's owner (committed through the change
 * path, with its audit event and re-check), one kept, the rest kept by the default at the deadline
 * — and one OPEN campaign over 华东大区 whose items wait for their manager, 韩梅梅. The grant the
 * finished campaign revokes is a record grant made for it, so the demo's grants and policy version
 * are as before.
 */
export async function loadDemoReviews(
  database: Database,
  options: { tenantId: string; now: number; customers: readonly CrmRecord[] },
): Promise<void> {
  const { tenantId, now } = options;
  const services = { database, policy: new PolicyCache(database) };
  // A rep of 华北 covering a colleague's customer for a while: the grant the review revokes.
  const customer = options.customers.find(
    (c) =>
      c.object === 'customer' &&
      c.ownerId !== null &&
      c.ownerId !== 'zhaolei' &&
      c.departmentId === 'sales-north',
  );
  const policy = await services.policy.current(tenantId);
  const rep = policy.model.users.find(
    (u) =>
      u.departmentId === 'sales-north' &&
      u.status === 'active' &&
      u.id !== customer?.ownerId &&
      u.id !== 'zhaolei',
  );
  const started = now - 40 * DAY;
  if (customer !== undefined && rep !== undefined)
    await commitChanges(
      database.db,
      [
        {
          kind: 'grant.create',
          grant: {
            id: 'grant-review-demo',
            subject: { kind: 'user', userId: rep.id },
            object: 'customer',
            target: { kind: 'record', recordId: customer.id },
            access: 'edit',
            startsAt: started - DAY,
            expiresAt: now + 60 * DAY,
            reason: '协助跟进大客户续约',
          },
        },
      ],
      { tenantId, actorId: null, now: started - DAY, policy: services.policy },
    );
  const admin = { tenantId, actorId: 'zhoumin', now: started };
  const finished = await createCampaign(services, admin, {
    name: '2026 年第一季度临时授权审查',
    scope: { kind: 'all_grants' },
    reviewers: { kind: 'data_owner' },
    deadline: now - 10 * DAY,
    reminderDays: [7],
    defaultDecision: 'keep',
    recurrence: 'none',
    start: true,
  });
  const items = await listReviewItems(database.db, tenantId, { campaignId: finished.id });
  for (const item of items) {
    if (item.grantId === 'grant-review-demo')
      await decideItem(
        services,
        { tenantId, actorId: item.reviewerId, now: now - 30 * DAY },
        {
          campaignId: finished.id,
          itemNo: item.itemNo,
          decision: 'revoke',
          reason: '续约已完成,不再需要编辑权限',
        },
      );
    else if (item.grantId === 'grant-campaign-south')
      await decideItem(
        services,
        { tenantId, actorId: item.reviewerId, now: now - 28 * DAY },
        {
          campaignId: finished.id,
          itemNo: item.itemNo,
          decision: 'keep',
          reason: '市场活动仍在进行',
        },
      );
  }
  await closeCampaign(services, { tenantId, actorId: 'zhoumin', now: now - 10 * DAY }, finished.id);

  await createCampaign(
    services,
    { tenantId, actorId: 'zhoumin', now: now - 2 * DAY },
    {
      name: '华东大区季度权限审查',
      scope: { kind: 'department', departmentId: 'sales-east' },
      reviewers: { kind: 'manager' },
      deadline: now + 12 * DAY,
      reminderDays: [7, 1],
      defaultDecision: 'revoke',
      recurrence: 'quarterly',
      start: true,
    },
  );
}
