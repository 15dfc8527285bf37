import {
  listReviewCampaigns,
  listReviewItems,
  notifyUser,
  tenantsWithReviewCampaigns,
  updateReviewCampaign,
  type Database,
} from '@custos/store';
import type { PolicyCache } from '../../http/policy-cache.ts';
import { closeCampaign, startCampaign } from './review-service.ts';

const DAY = 86_400_000;

export interface DeadlinePass {
  started: string[];
  reminded: { campaignId: string; days: number; reviewers: number }[];
  closed: string[];
}

/**
 * One pass of the access reviews' scheduled work (idempotent; run it every 15 minutes): start the
 * scheduled campaigns whose time has come (the next of a recurrence), remind the reviewers who
 * still have pending items N days before a deadline (each reminder day once, through
 * `notifyUser`), and close the campaigns past their deadline — undecided items take the
 * campaign's default, and a recurring campaign schedules its next one.
 */
export async function runAccessReviewDeadlines(
  services: { database: Database; clock: () => number; policy?: PolicyCache },
  now: number,
): Promise<DeadlinePass> {
  const db = services.database.db;
  const pass: DeadlinePass = { started: [], reminded: [], closed: [] };
  const svc = {
    database: services.database,
    ...(services.policy === undefined ? {} : { policy: services.policy }),
  };
  for (const tenantId of await tenantsWithReviewCampaigns(db, ['scheduled', 'open'])) {
    const system = { tenantId, actorId: null, now };
    for (const c of await listReviewCampaigns(db, tenantId, { status: ['scheduled'] }))
      if (c.startsAt !== null && c.startsAt <= now) {
        await startCampaign(svc, system, c.id);
        pass.started.push(c.id);
      }
    for (const c of await listReviewCampaigns(db, tenantId, { status: ['open'] })) {
      if (c.deadline <= now) {
        await closeCampaign(svc, system, c.id);
        pass.closed.push(c.id);
        continue;
      }
      const due = c.reminderDays.filter(
        (d) => !c.remindersSent.includes(d) && now >= c.deadline - d * DAY,
      );
      if (due.length === 0) continue;
      const days = Math.min(...due);
      await db.transaction().execute(async (tx) => {
        const pending = await listReviewItems(tx, tenantId, {
          campaignId: c.id,
          status: ['pending'],
        });
        const byReviewer = new Map<string, number>();
        for (const i of pending)
          byReviewer.set(i.reviewerId, (byReviewer.get(i.reviewerId) ?? 0) + 1);
        for (const [userId, items] of byReviewer)
          await notifyUser(tx, {
            tenantId,
            userId,
            kind: 'review.reminder',
            params: { campaignId: c.id, campaignName: c.name, items, deadline: c.deadline, days },
            link: '/reviews/mine',
            now,
          });
        await updateReviewCampaign(tx, tenantId, c.id, {
          remindersSent: [...c.remindersSent, ...due],
        });
        pass.reminded.push({ campaignId: c.id, days, reviewers: byReviewer.size });
      });
    }
  }
  return pass;
}
