import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '@custos/store';
import type {
  BulkExportParams,
  NewIpParams,
  OffHoursParams,
  ReadVolumeParams,
  RepeatedDenialsParams,
  RuleSetting,
} from './rule-catalogue.ts';
import type { AlertCandidate } from './monitoring-store.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One audit event as the rules read it. */
export interface StreamEvent {
  id: string;
  at: number;
  actorId: string | null;
  action: string;
  outcome: string;
  ip: string | null;
  /** `after.count` of an export. */
  count: number | null;
}

const ms = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/** The tenant's audit events after `afterId`, oldest first (at most `limit`). */
export async function readStream(
  db: Kysely<StoreSchema>,
  tenantId: string,
  afterId: string,
  limit: number,
): Promise<StreamEvent[]> {
  const { rows } = await sql<{
    id: string | number;
    at: Date | string;
    actor_id: string | null;
    action: string;
    outcome: string;
    ip: string | null;
    count: string | number | null;
  }>`
    select id, at, actor_id, action, outcome, coalesce(ip, after->>'ip') as ip,
      case when action = 'record.export' then (after->>'count') end as count
    from audit_events where tenant_id = ${tenantId} and id > ${afterId}
    order by id limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: String(r.id),
    at: ms(r.at),
    actorId: r.actor_id,
    action: r.action,
    outcome: r.outcome,
    ip: r.ip,
    count: r.count === null ? null : Number(r.count),
  }));
}

/** Group by a key. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/**
 * Windows are fixed, aligned to the epoch (`windowMinutes` long): one alert per user and window.
 * Each window a new event falls in is counted whole from the database, so events evaluated in an
 * earlier pass still count.
 */
function windowsOf(events: readonly StreamEvent[], windowMs: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.actorId === null) continue;
    const start = Math.floor(e.at / windowMs) * windowMs;
    out.set(`${e.actorId}|${start}`, start);
  }
  return out;
}

/** Bulk export: records exported by one user in a window above `maxRecords`. */
export async function bulkExport(
  db: Kysely<StoreSchema>,
  tenantId: string,
  rule: RuleSetting<'bulk_export'>,
  events: readonly StreamEvent[],
): Promise<AlertCandidate[]> {
  const p: BulkExportParams = rule.params;
  const windowMs = p.windowMinutes * MINUTE;
  const exports = events.filter((e) => e.action === 'record.export' && e.outcome === 'success');
  const out: AlertCandidate[] = [];
  for (const [key, start] of windowsOf(exports, windowMs)) {
    const userId = key.slice(0, key.lastIndexOf('|'));
    const { rows } = await sql<{ id: string | number; at: Date | string; count: string | null }>`
      select id, at, after->>'count' as count from audit_events
      where tenant_id = ${tenantId} and actor_id = ${userId} and action = 'record.export'
        and outcome = 'success' and at >= ${new Date(start)} and at < ${new Date(start + windowMs)}
      order by id`.execute(db);
    const records = rows.reduce((sum, r) => sum + (Number(r.count) || 0), 0);
    if (records <= p.maxRecords) continue;
    out.push({
      rule: 'bulk_export',
      userId,
      windowKey: new Date(start).toISOString(),
      severity: rule.severity,
      summary: {
        records,
        exports: rows.length,
        maxRecords: p.maxRecords,
        windowMinutes: p.windowMinutes,
      },
      eventIds: rows.map((r) => String(r.id)),
      evidence: { records, exports: rows.length },
      firstAt: ms(rows[0]?.at ?? new Date(start)),
      lastAt: ms(rows.at(-1)?.at ?? new Date(start)),
    });
  }
  return out;
}

/** Repeated denials: `count` refused requests by one user in one window. */
export async function repeatedDenials(
  db: Kysely<StoreSchema>,
  tenantId: string,
  rule: RuleSetting<'repeated_denials'>,
  events: readonly StreamEvent[],
): Promise<AlertCandidate[]> {
  const p: RepeatedDenialsParams = rule.params;
  const windowMs = p.windowMinutes * MINUTE;
  const denied = events.filter((e) => e.outcome === 'denied');
  const out: AlertCandidate[] = [];
  for (const [key, start] of windowsOf(denied, windowMs)) {
    const userId = key.slice(0, key.lastIndexOf('|'));
    const { rows } = await sql<{ id: string | number; at: Date | string; action: string }>`
      select id, at, action from audit_events
      where tenant_id = ${tenantId} and actor_id = ${userId} and outcome = 'denied'
        and at >= ${new Date(start)} and at < ${new Date(start + windowMs)}
      order by id`.execute(db);
    if (rows.length < p.count) continue;
    const actions = [...new Set(rows.map((r) => r.action))].slice(0, 10);
    out.push({
      rule: 'repeated_denials',
      userId,
      windowKey: new Date(start).toISOString(),
      severity: rule.severity,
      summary: { denials: rows.length, count: p.count, windowMinutes: p.windowMinutes },
      eventIds: rows.map((r) => String(r.id)),
      evidence: { denials: rows.length, actions },
      firstAt: ms(rows[0]?.at ?? new Date(start)),
      lastAt: ms(rows.at(-1)?.at ?? new Date(start)),
    });
  }
  return out;
}

/** The local day, weekday and hour of `at` in `zone`. */
export function localTime(
  at: number,
  zone: string,
): { date: string; weekday: number; hour: number; text: string } {
  const local = dayjs(at).tz(zone);
  return {
    date: local.format('YYYY-MM-DD'),
    weekday: local.day(),
    hour: local.hour(),
    text: local.format('YYYY-MM-DD HH:mm'),
  };
}

/** Whether `at` falls outside the working hours and days of `p`. */
export function isOffHours(at: number, p: OffHoursParams): boolean {
  const t = localTime(at, p.timeZone);
  return !p.workdays.includes(t.weekday) || t.hour < p.startHour || t.hour >= p.endHour;
}

/** Access outside working hours: a user's events outside them, one alert per user and local day. */
export function offHours(
  rule: RuleSetting<'off_hours'>,
  events: readonly StreamEvent[],
): AlertCandidate[] {
  const p: OffHoursParams = rule.params;
  const outside = events.filter(
    (e) => e.actorId !== null && e.outcome === 'success' && isOffHours(e.at, p),
  );
  const out: AlertCandidate[] = [];
  for (const [key, list] of groupBy(
    outside,
    (e) => `${e.actorId}|${localTime(e.at, p.timeZone).date}`,
  )) {
    const [first] = list;
    const last = list.at(-1);
    if (first === undefined || last === undefined || first.actorId === null) continue;
    out.push({
      rule: 'off_hours',
      userId: first.actorId,
      windowKey: key.slice(key.lastIndexOf('|') + 1),
      severity: rule.severity,
      summary: {
        localTime: localTime(first.at, p.timeZone).text,
        timeZone: p.timeZone,
        startHour: p.startHour,
        endHour: p.endHour,
      },
      eventIds: list.map((e) => e.id),
      evidence: { actions: [...new Set(list.map((e) => e.action))].slice(0, 10) },
      firstAt: first.at,
      lastAt: last.at,
    });
  }
  return out;
}

/**
 * Sign-in from a new address: a successful sign-in from an address the user has not signed in
 * from in the last `lookbackDays`. A user's first sign-in in that time (no history to compare
 * with) raises nothing.
 */
export async function newIp(
  db: Kysely<StoreSchema>,
  tenantId: string,
  rule: RuleSetting<'new_ip'>,
  events: readonly StreamEvent[],
): Promise<AlertCandidate[]> {
  const p: NewIpParams = rule.params;
  const out: AlertCandidate[] = [];
  for (const e of events) {
    if (e.action !== 'auth.login' || e.outcome !== 'success' || e.actorId === null || e.ip === null)
      continue;
    const { rows } = await sql<{ ip: string | null }>`
      select distinct coalesce(ip, after->>'ip') as ip from audit_events
      where tenant_id = ${tenantId} and actor_id = ${e.actorId} and action = 'auth.login'
        and outcome = 'success' and id < ${e.id}
        and at >= ${new Date(e.at - p.lookbackDays * DAY)}`.execute(db);
    const known = rows.map((r) => r.ip).filter((ip): ip is string => ip !== null);
    if (known.length === 0 || known.includes(e.ip)) continue;
    out.push({
      rule: 'new_ip',
      userId: e.actorId,
      windowKey: e.ip,
      severity: rule.severity,
      summary: { ip: e.ip, lookbackDays: p.lookbackDays },
      eventIds: [e.id],
      evidence: { ip: e.ip, knownIps: known.slice(0, 10) },
      firstAt: e.at,
      lastAt: e.at,
    });
  }
  return out;
}

/**
 * Read volume: records a user read today (UTC; `usage_daily`, every `record:*:read` permission)
 * above `factor` × their daily average over the `baselineDays` before, and at least `minRecords`.
 */
export async function readVolume(
  db: Kysely<StoreSchema>,
  tenantId: string,
  rule: RuleSetting<'read_volume'>,
  now: number,
): Promise<AlertCandidate[]> {
  const p: ReadVolumeParams = rule.params;
  const today = new Date(now).toISOString().slice(0, 10);
  const from = new Date(now - p.baselineDays * DAY).toISOString().slice(0, 10);
  const { rows } = await sql<{ user_id: string; today: string | number; before: string | number }>`
    select user_id,
      coalesce(sum(records) filter (where day = ${today}), 0) as today,
      coalesce(sum(records) filter (where day < ${today}), 0) as before
    from usage_daily
    where tenant_id = ${tenantId} and day >= ${from} and day <= ${today}
      and permission like 'record:%:read'
    group by user_id`.execute(db);
  const out: AlertCandidate[] = [];
  for (const r of rows) {
    const records = Number(r.today);
    const average = Number(r.before) / p.baselineDays;
    if (records < p.minRecords || records <= p.factor * average) continue;
    out.push({
      rule: 'read_volume',
      userId: r.user_id,
      windowKey: today,
      severity: rule.severity,
      summary: {
        records,
        baselineAverage: Math.round(average * 10) / 10,
        factor: p.factor,
        baselineDays: p.baselineDays,
      },
      eventIds: [],
      evidence: { day: today, records, baselineAverage: Math.round(average * 10) / 10 },
      firstAt: now,
      lastAt: now,
    });
  }
  return out;
}
