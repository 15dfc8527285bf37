import { buildIndex, hasFunction } from '@custos/engine';
import {
  listPrivacyRequests,
  loadPolicyModel,
  notifyUser,
  OPEN_PRIVACY_STATUSES,
  savePrivacyRequest,
  tenantsWithOpenPrivacyRequests,
  type Database,
} from '@custos/store';
import { PRIVACY_ADMIN } from './consent-service.ts';
import { deadlineState } from './privacy-deadlines.ts';

export interface PrivacyDeadlinePass {
  /** `<requestId>:<due_soon|overdue>` for every reminder sent this pass. */
  reminded: string[];
}

/**
 * The data-subject requests' deadlines (idempotent; run it hourly): the owner of an open request is
 * told once when its deadline is seven days away or nearer (`privacy.request_due_soon`) and once
 * when it has passed (`privacy.request_overdue`); a request nobody owns tells every active
 * `privacy_admin` holder. Each reminder is noted on the request (its timeline and
 * `remindersSent`), in the transaction of the notifications, so a second run sends nothing; an
 * extension clears them for the new deadline.
 */
export async function runPrivacyDeadlines(
  services: { database: Database },
  now: number,
): Promise<PrivacyDeadlinePass> {
  const db = services.database.db;
  const pass: PrivacyDeadlinePass = { reminded: [] };
  for (const tenantId of await tenantsWithOpenPrivacyRequests(db)) {
    const index = buildIndex(await loadPolicyModel(db, tenantId));
    const admins = [...index.users.keys()].filter((id) => hasFunction(index, id, PRIVACY_ADMIN));
    const requests = await listPrivacyRequests(db, tenantId, { status: OPEN_PRIVACY_STATUSES });
    for (const r of requests) {
      const state = deadlineState(r.dueAt, now);
      if (state === 'on_time' || r.remindersSent.includes(state)) continue;
      const owner =
        r.ownerId !== null && hasFunction(index, r.ownerId, PRIVACY_ADMIN) ? r.ownerId : null;
      const recipients = owner === null ? admins : [owner];
      await db.transaction().execute(async (tx) => {
        for (const userId of recipients)
          await notifyUser(tx, {
            tenantId,
            userId,
            kind: state === 'overdue' ? 'privacy.request_overdue' : 'privacy.request_due_soon',
            params: { requestId: r.id, kind: r.kind, regime: r.regime, dueAt: r.dueAt },
            link: `/privacy/requests/${r.id}`,
            now,
          });
        r.remindersSent = [...r.remindersSent, state];
        r.timeline = [
          ...r.timeline,
          { at: now, actorId: null, what: 'reminded', detail: { state, recipients } },
        ];
        await savePrivacyRequest(tx, r);
      });
      pass.reminded.push(`${r.id}:${state}`);
    }
  }
  return pass;
}
