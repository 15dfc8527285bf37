import type { Kysely } from 'kysely';
import type { StoreSchema } from '@custos/store';
import {
  DEFAULT_RULES,
  RULE_KINDS,
  type RuleKind,
  type RuleSetting,
  type Severity,
} from './rule-catalogue.ts';

const ms = (d: Date | string | null): number | null =>
  d === null ? null : d instanceof Date ? d.getTime() : Date.parse(d);
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface StoredRule extends RuleSetting {
  /** Null while the tenant keeps the defaults. */
  updatedAt: number | null;
  updatedBy: string | null;
}

/** A tenant's rules: its settings where it has any, the defaults for the rest, catalogue order. */
export async function loadRules(db: Kysely<StoreSchema>, tenantId: string): Promise<StoredRule[]> {
  const rows = await db
    .selectFrom('monitoring_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .execute();
  const byRule = new Map(rows.map((r) => [r.rule, r]));
  return RULE_KINDS.map((kind) => {
    const row = byRule.get(kind);
    const fallback = DEFAULT_RULES[kind];
    if (row === undefined)
      return { ...structuredClone(fallback), updatedAt: null, updatedBy: null };
    return {
      rule: kind,
      enabled: row.enabled,
      severity: row.severity as Severity,
      params: { ...fallback.params, ...(json(row.params) as object) },
      updatedAt: ms(row.updated_at),
      updatedBy: row.updated_by,
    } as StoredRule;
  });
}

/** Save one rule's setting (insert or replace). */
export async function saveRule(
  db: Kysely<StoreSchema>,
  tenantId: string,
  setting: RuleSetting,
  by: string,
  now: number,
): Promise<void> {
  const values = {
    enabled: setting.enabled,
    severity: setting.severity,
    params: JSON.stringify(setting.params),
    updated_at: new Date(now),
    updated_by: by,
  };
  await db
    .insertInto('monitoring_rules')
    .values({ tenant_id: tenantId, rule: setting.rule, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'rule']).doUpdateSet(values))
    .execute();
}

export interface AlertEvidence {
  /** The audit events behind the alert (the first 50). */
  eventIds: string[];
  /** What was counted: records exported or read, refusals, the address … */
  [key: string]: unknown;
}

export interface Alert {
  id: string;
  tenantId: string;
  rule: RuleKind;
  userId: string;
  windowKey: string;
  severity: Severity;
  summary: Record<string, unknown>;
  evidence: AlertEvidence;
  firstAt: number;
  lastAt: number;
  createdAt: number;
  status: 'open' | 'acknowledged';
  ackBy: string | null;
  ackAt: number | null;
  ackNote: string | null;
}

function alertFromRow(r: Record<string, unknown>): Alert {
  return {
    id: String(r['id']),
    tenantId: String(r['tenant_id']),
    rule: r['rule'] as RuleKind,
    userId: String(r['user_id']),
    windowKey: String(r['window_key']),
    severity: r['severity'] as Severity,
    summary: json(r['summary']) as Record<string, unknown>,
    evidence: json(r['evidence']) as AlertEvidence,
    firstAt: ms(r['first_at'] as Date) ?? 0,
    lastAt: ms(r['last_at'] as Date) ?? 0,
    createdAt: ms(r['created_at'] as Date) ?? 0,
    status: r['status'] as Alert['status'],
    ackBy: (r['ack_by'] as string | null) ?? null,
    ackAt: ms(r['ack_at'] as Date | null),
    ackNote: (r['ack_note'] as string | null) ?? null,
  };
}

export interface AlertCandidate {
  rule: RuleKind;
  userId: string;
  /** The alert's window: one alert per rule, user and window (a day, a bucket, an address). */
  windowKey: string;
  severity: Severity;
  summary: Record<string, unknown>;
  eventIds: string[];
  evidence: Record<string, unknown>;
  firstAt: number;
  lastAt: number;
}

const MAX_EVIDENCE_IDS = 50;

/**
 * Store an alert, or merge it into the alert of the same rule, user and window (its evidence and
 * counts grow; it is not raised again). Returns the alert and whether it is new.
 */
export async function upsertAlert(
  db: Kysely<StoreSchema>,
  tenantId: string,
  candidate: AlertCandidate,
  now: number,
): Promise<{ alert: Alert; created: boolean }> {
  const existing = await db
    .selectFrom('alerts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('rule', '=', candidate.rule)
    .where('user_id', '=', candidate.userId)
    .where('window_key', '=', candidate.windowKey)
    .forUpdate()
    .executeTakeFirst();
  if (existing === undefined) {
    const row = await db
      .insertInto('alerts')
      .values({
        tenant_id: tenantId,
        rule: candidate.rule,
        user_id: candidate.userId,
        window_key: candidate.windowKey,
        severity: candidate.severity,
        summary: JSON.stringify(candidate.summary),
        evidence: JSON.stringify({
          ...candidate.evidence,
          eventIds: candidate.eventIds.slice(0, MAX_EVIDENCE_IDS),
        }),
        first_at: new Date(candidate.firstAt),
        last_at: new Date(candidate.lastAt),
        created_at: new Date(now),
        status: 'open',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { alert: alertFromRow(row as unknown as Record<string, unknown>), created: true };
  }
  const old = alertFromRow(existing as unknown as Record<string, unknown>);
  const eventIds = [...new Set([...old.evidence.eventIds, ...candidate.eventIds])].slice(
    0,
    MAX_EVIDENCE_IDS,
  );
  const row = await db
    .updateTable('alerts')
    .set({
      summary: JSON.stringify({ ...old.summary, ...candidate.summary }),
      evidence: JSON.stringify({ ...old.evidence, ...candidate.evidence, eventIds }),
      first_at: new Date(Math.min(old.firstAt, candidate.firstAt)),
      last_at: new Date(Math.max(old.lastAt, candidate.lastAt)),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', old.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { alert: alertFromRow(row as unknown as Record<string, unknown>), created: false };
}

export interface AlertFilter {
  status?: 'open' | 'acknowledged';
  rule?: RuleKind;
  userId?: string;
  severity?: Severity;
  from?: number;
  to?: number;
  beforeId?: string;
  limit: number;
}

/** Alerts newest first, filtered; `beforeId` pages on. */
export async function listAlerts(
  db: Kysely<StoreSchema>,
  tenantId: string,
  filter: AlertFilter,
): Promise<Alert[]> {
  let q = db
    .selectFrom('alerts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.rule !== undefined) q = q.where('rule', '=', filter.rule);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.severity !== undefined) q = q.where('severity', '=', filter.severity);
  if (filter.from !== undefined) q = q.where('created_at', '>=', new Date(filter.from));
  if (filter.to !== undefined) q = q.where('created_at', '<', new Date(filter.to));
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  const rows = await q.execute();
  return rows.map((r) => alertFromRow(r as unknown as Record<string, unknown>));
}

export async function findAlert(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
  lock = false,
): Promise<Alert | undefined> {
  let q = db
    .selectFrom('alerts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row === undefined ? undefined : alertFromRow(row as unknown as Record<string, unknown>);
}

export async function acknowledgeAlert(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
  by: string,
  note: string,
  now: number,
): Promise<Alert> {
  const row = await db
    .updateTable('alerts')
    .set({ status: 'acknowledged', ack_by: by, ack_at: new Date(now), ack_note: note })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return alertFromRow(row as unknown as Record<string, unknown>);
}

/** Alerts per UTC day and rule since `from` (the console's chart). */
export async function countAlertsByDay(
  db: Kysely<StoreSchema>,
  tenantId: string,
  from: number,
): Promise<{ day: string; rule: string; count: number }[]> {
  const rows = await db
    .selectFrom('alerts')
    .select(['created_at', 'rule'])
    .where('tenant_id', '=', tenantId)
    .where('created_at', '>=', new Date(from))
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${new Date(ms(r.created_at) ?? 0).toISOString().slice(0, 10)}|${r.rule}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => {
      const [day = '', rule = ''] = key.split('|');
      return { day, rule, count };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.rule.localeCompare(b.rule));
}

/** Where monitoring left off in the tenant's audit stream (locked for this pass). */
export async function lockCursor(
  db: Kysely<StoreSchema>,
  tenantId: string,
  now: number,
): Promise<{ lastEventId: string; lastRunAt: number }> {
  await db
    .insertInto('monitoring_state')
    .values({ tenant_id: tenantId, last_event_id: 0, last_run_at: new Date(now) })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('monitoring_state')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { lastEventId: String(row.last_event_id), lastRunAt: ms(row.last_run_at) ?? 0 };
}

export async function saveCursor(
  db: Kysely<StoreSchema>,
  tenantId: string,
  lastEventId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('monitoring_state')
    .set({ last_event_id: lastEventId, last_run_at: new Date(now) })
    .where('tenant_id', '=', tenantId)
    .execute();
}
