import { appendAuditEvent, getDoNotSell, putDoNotSell, type Database } from '@custos/store';
import type { RetentionRuleInput } from '../modules/retention/retention-rule.ts';
import { ruleAudit } from '../modules/retention/retention-rule.ts';
import { insertRetentionRule, listRetentionRules } from '../modules/retention/retention-store.ts';
import type { LoadedDemo } from './load-demo.ts';

const DAY = 86_400_000;
/** Who recorded the demo's opt-out and rules: the demo's privacy officer (郑秀英, privacy_admin). */
const OFFICER = 'zhengxiuying';

/** The demo's retention rules: one enabled, one drafted (disabled). Ids fixed: idempotent. */
const RULES: readonly (RetentionRuleInput & { id: string })[] = [
  {
    id: 'rr-de0000000001',
    name: '已解决工单保留 3 年 / Solved tickets: 3 years',
    object: 'ticket',
    condition: { field: 'status', op: 'in', values: ['已解决'] },
    ageAmount: 3,
    ageUnit: 'years',
    ageField: null,
    action: 'delete',
    anonymiseFields: [],
    enabled: true,
  },
  {
    id: 'rr-de0000000002',
    name: '活动摘要 5 年后匿名化 / Activity summaries anonymised after 5 years',
    object: 'activity',
    condition: null,
    ageAmount: 5,
    ageUnit: 'years',
    ageField: 'occurredAt',
    action: 'anonymise',
    anonymiseFields: ['summary'],
    enabled: false,
  },
];

/**
 * The demo of retention and CCPA "do not sell or share" (docs/retention.md, docs/privacy.md):
 * two retention rules recorded by the privacy officer — closed (solved) tickets deleted after 3
 * years, enabled; activity summaries anonymised after 5 years, a disabled draft — and the last
 * demo contact flagged "do not sell or share", received through Global Privacy Control. Each is
 * audited as the API audits it. Nothing is deleted at load: the rules run when the daily
 * `retention.apply` job is due (the demo's records are younger than 3 years anyway).
 */
export async function loadDemoRetention(
  database: Database,
  demo: LoadedDemo,
  now: number,
): Promise<void> {
  const db = database.db;
  const { tenantId } = demo;
  const contact = demo.company.records.findLast((r) => r.object === 'contact');
  const existing = await listRetentionRules(db, tenantId);
  await db.transaction().execute(async (tx) => {
    for (const { id, ...rule } of RULES) {
      if (existing.some((r) => r.id === id)) continue;
      await insertRetentionRule(tx, tenantId, id, rule, OFFICER, now);
      await appendAuditEvent(tx, {
        tenantId,
        actorId: OFFICER,
        action: 'retention_rule.create',
        target: `retention_rule/${id}`,
        after: ruleAudit(rule),
        at: new Date(now),
      });
    }
    if (contact === undefined || (await getDoNotSell(tx, tenantId, contact.id)) !== undefined)
      return;
    const state = {
      contactId: contact.id,
      optedOut: true,
      source: 'gpc' as const,
      receivedAt: now - 2 * DAY,
      note: 'Sec-GPC: 1 (Global Privacy Control) on the customer portal',
      recordedBy: OFFICER,
      recordedAt: now,
    };
    await putDoNotSell(tx, tenantId, state);
    await appendAuditEvent(tx, {
      tenantId,
      actorId: OFFICER,
      action: 'contact.do_not_sell',
      target: `contact/${contact.id}`,
      before: { optedOut: false },
      after: {
        optedOut: true,
        source: state.source,
        receivedAt: new Date(state.receivedAt).toISOString(),
        note: state.note,
      },
      at: new Date(now),
    });
  });
}
