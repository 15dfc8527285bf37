import {
  appendAuditEvent,
  DEMO_ROLE_IDS,
  insertPendingChange,
  notifyUser,
  writeFourEyesSetting,
  type Database,
  type DemoCompany,
} from '@custos/store';
import { PolicyCache } from '../http/policy-cache.ts';
import { previewChanges } from '../modules/directory/change-preview.ts';
import type { PolicyChange } from '../modules/directory/policy-change.ts';
import { pendingLink } from '../modules/four-eyes/four-eyes-gate.ts';

const DAY = 86_400_000;

/**
 * The demo's four eyes (双人复核): role and sharing-rule changes wait for a second administrator,
 * and one waits already — 吴昊 (wuhao) proposes that 销售代表 may see reports, so 周敏 (zhoumin,
 * the printed admin login) finds it under "待复核变更 / Pending changes" and may approve it.
 */
export async function seedDemoFourEyes(
  database: Database,
  demo: { tenantId: string; company: DemoCompany; now: number },
): Promise<void> {
  const { tenantId, now } = demo;
  const db = database.db;
  const submittedAt = now - DAY;
  await writeFourEyesSetting(db, {
    tenantId,
    categories: ['roles', 'sharing_rules'],
    expiryDays: 14,
    actorId: 'zhoumin',
    now: now - 2 * DAY,
  });
  const rep = demo.company.model.roles.find((r) => r.id === DEMO_ROLE_IDS.rep);
  if (rep === undefined) return;
  const changes: PolicyChange[] = [
    { kind: 'role.update', id: rep.id, functions: [...new Set([...rep.functions, 'reports'])] },
  ];
  const preview = await previewChanges(db, changes, {
    tenantId,
    actorId: 'wuhao',
    now,
    policy: new PolicyCache({ db }),
  });
  const reason = '销售代表需要查看本部门的销售报表 / sales reps need their department reports';
  await db.transaction().execute(async (tx) => {
    const pending = await insertPendingChange(tx, {
      tenantId,
      authorId: 'wuhao',
      changes,
      categories: ['roles'],
      baseVersion: preview.version,
      reason,
      preview,
      now: submittedAt,
      expiresAt: submittedAt + 14 * DAY,
    });
    await appendAuditEvent(tx, {
      tenantId,
      actorId: 'wuhao',
      action: 'change.submit',
      target: `pending_change/${pending.id}`,
      at: new Date(submittedAt),
      before: null,
      after: { changes, categories: ['roles'], baseVersion: preview.version, reason },
    });
    await notifyUser(tx, {
      tenantId,
      userId: 'zhoumin',
      kind: 'change.submitted',
      params: {
        pendingChangeId: pending.id,
        authorId: 'wuhao',
        authorName: '吴昊',
        categories: ['roles'],
        changes: changes.length,
      },
      link: pendingLink(pending.id),
      now: submittedAt,
    });
  });
}
