import { hasFunction } from '@custos/engine';
import { loadPolicyModelIn, notifyUser, type Database, type StoreSchema } from '@custos/store';
import type { Transaction } from 'kysely';
import {
  bulkExport,
  newIp,
  offHours,
  readStream,
  readVolume,
  repeatedDenials,
} from './evaluate-rules.ts';
import {
  loadRules,
  lockCursor,
  saveCursor,
  upsertAlert,
  type Alert,
  type AlertCandidate,
} from './monitoring-store.ts';
import type { RuleSetting } from './rule-catalogue.ts';
import { queueWebhookEvent } from './webhook-store.ts';

/** The function that sees alerts, acknowledges them and manages rules and webhooks. */
export const SECURITY_MONITOR = 'security_monitor';

/** Events read per batch; a pass reads at most `MAX_BATCHES` batches (the rest: next pass). */
const BATCH = 5_000;
const MAX_BATCHES = 20;

export interface TenantEvaluation {
  tenantId: string;
  /** Audit events evaluated in this pass. */
  events: number;
  created: Alert[];
  /** Alerts that grew (same rule, user and window). */
  updated: number;
  /** The cursor after the pass: the last audit event id evaluated. */
  cursor: string;
}

/** The alert as a webhook and a notification carry it. */
export function alertPayload(alert: Alert): Record<string, unknown> {
  return {
    id: alert.id,
    rule: alert.rule,
    userId: alert.userId,
    severity: alert.severity,
    status: alert.status,
    window: alert.windowKey,
    summary: alert.summary,
    evidence: alert.evidence,
    firstAt: new Date(alert.firstAt).toISOString(),
    lastAt: new Date(alert.lastAt).toISOString(),
    createdAt: new Date(alert.createdAt).toISOString(),
  };
}

/** The users of the tenant who hold `security_monitor` now. */
export async function monitorHolders(
  db: Transaction<StoreSchema>,
  tenantId: string,
): Promise<string[]> {
  const model = await loadPolicyModelIn(db, tenantId);
  return model.users.map((u) => u.id).filter((id) => hasFunction(model, id, SECURITY_MONITOR));
}

const rule = <K extends RuleSetting['rule']>(rules: RuleSetting[], kind: K) =>
  rules.find((r) => r.rule === kind && r.enabled) as RuleSetting<K> | undefined;

/**
 * One monitoring pass over one tenant, in one transaction: the audit events after the cursor
 * through every enabled rule, today's read volume against each user's baseline, alerts stored
 * (merged into the alert of the same rule, user and window), each new alert notified to the
 * `security_monitor` holders and queued to the subscribed webhooks, and the cursor moved to the
 * last event read — so no event is evaluated twice or missed.
 */
export async function evaluateTenant(
  database: Database,
  tenantId: string,
  now: number,
): Promise<TenantEvaluation> {
  return database.db.transaction().execute(async (tx) => {
    const cursor = await lockCursor(tx, tenantId, now);
    const rules = await loadRules(tx, tenantId);
    const candidates: AlertCandidate[] = [];
    let last = cursor.lastEventId;
    let events = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const stream = await readStream(tx, tenantId, last, BATCH);
      if (stream.length === 0) break;
      events += stream.length;
      last = stream.at(-1)?.id ?? last;
      const bulk = rule(rules, 'bulk_export');
      if (bulk) candidates.push(...(await bulkExport(tx, tenantId, bulk, stream)));
      const denials = rule(rules, 'repeated_denials');
      if (denials) candidates.push(...(await repeatedDenials(tx, tenantId, denials, stream)));
      const hours = rule(rules, 'off_hours');
      if (hours) candidates.push(...offHours(hours, stream));
      const ip = rule(rules, 'new_ip');
      if (ip) candidates.push(...(await newIp(tx, tenantId, ip, stream)));
      if (stream.length < BATCH) break;
    }
    const volume = rule(rules, 'read_volume');
    if (volume) candidates.push(...(await readVolume(tx, tenantId, volume, now)));

    const created: Alert[] = [];
    let updated = 0;
    for (const candidate of candidates) {
      const result = await upsertAlert(tx, tenantId, candidate, now);
      if (result.created) created.push(result.alert);
      else updated += 1;
    }
    if (created.length > 0) {
      const holders = await monitorHolders(tx, tenantId);
      for (const alert of created) {
        for (const userId of holders)
          await notifyUser(tx, {
            tenantId,
            userId,
            kind: 'monitoring.alert',
            params: {
              alertId: alert.id,
              rule: alert.rule,
              userId: alert.userId,
              severity: alert.severity,
            },
            link: `/monitoring?alert=${alert.id}`,
            now,
          });
        await queueWebhookEvent(tx, {
          tenantId,
          event: 'alert.created',
          data: { alert: alertPayload(alert) },
          alertId: alert.id,
          now,
        });
      }
    }
    await saveCursor(tx, tenantId, last, now);
    return { tenantId, events, created, updated, cursor: last };
  });
}

/**
 * The recurring monitoring pass (`monitoring.evaluate`, every minute): every tenant's new audit
 * events through its rules. Idempotent: the cursor keeps each event to one evaluation.
 */
export async function runMonitoring(
  services: { database: Database },
  now: number,
): Promise<TenantEvaluation[]> {
  const tenants = await services.database.db
    .selectFrom('tenants')
    .select('id')
    .orderBy('id')
    .execute();
  const out: TenantEvaluation[] = [];
  for (const t of tenants) out.push(await evaluateTenant(services.database, t.id, now));
  return out;
}
