import { AppError } from '../../http/app-error.ts';

/** The monitoring rules over the audit stream and the usage counters (docs/monitoring.md). */
export const RULE_KINDS = [
  'bulk_export',
  'read_volume',
  'off_hours',
  'repeated_denials',
  'new_ip',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface BulkExportParams {
  /** More records than this exported by one user in one window raises an alert. */
  maxRecords: number;
  windowMinutes: number;
}
export interface ReadVolumeParams {
  /** Today's records read above `factor` × the user's daily average … */
  factor: number;
  /** … and at least this many (a quiet user's first busy day is not an alert). */
  minRecords: number;
  /** Days before today the average is taken over. */
  baselineDays: number;
}
export interface OffHoursParams {
  /** An IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** Working hours: from `startHour` (inclusive) to `endHour` (exclusive), local time. */
  startHour: number;
  endHour: number;
  /** Working days, 0 Sunday … 6 Saturday. */
  workdays: number[];
}
export interface RepeatedDenialsParams {
  /** This many refused requests by one user in one window raise an alert. */
  count: number;
  windowMinutes: number;
}
export interface NewIpParams {
  /** A sign-in from an address not seen for that user in this many days. */
  lookbackDays: number;
}

export interface RuleParams {
  bulk_export: BulkExportParams;
  read_volume: ReadVolumeParams;
  off_hours: OffHoursParams;
  repeated_denials: RepeatedDenialsParams;
  new_ip: NewIpParams;
}

export interface RuleSetting<K extends RuleKind = RuleKind> {
  rule: K;
  enabled: boolean;
  severity: Severity;
  params: RuleParams[K];
}

export const DEFAULT_RULES: { [K in RuleKind]: RuleSetting<K> } = {
  bulk_export: {
    rule: 'bulk_export',
    enabled: true,
    severity: 'high',
    params: { maxRecords: 1000, windowMinutes: 60 },
  },
  read_volume: {
    rule: 'read_volume',
    enabled: true,
    severity: 'medium',
    params: { factor: 3, minRecords: 500, baselineDays: 14 },
  },
  off_hours: {
    rule: 'off_hours',
    enabled: true,
    severity: 'low',
    params: { timeZone: 'Asia/Shanghai', startHour: 8, endHour: 20, workdays: [1, 2, 3, 4, 5] },
  },
  repeated_denials: {
    rule: 'repeated_denials',
    enabled: true,
    severity: 'medium',
    params: { count: 5, windowMinutes: 10 },
  },
  new_ip: { rule: 'new_ip', enabled: true, severity: 'medium', params: { lookbackDays: 90 } },
};

interface NumberBound {
  integer: boolean;
  min: number;
  max: number;
}

/** The bounds of every numeric threshold: the API's schema and the checks below use them. */
export const PARAM_BOUNDS: { [K in RuleKind]: Record<string, NumberBound> } = {
  bulk_export: {
    maxRecords: { integer: true, min: 1, max: 10_000_000 },
    windowMinutes: { integer: true, min: 1, max: 1440 },
  },
  read_volume: {
    factor: { integer: false, min: 1.1, max: 100 },
    minRecords: { integer: true, min: 1, max: 10_000_000 },
    baselineDays: { integer: true, min: 1, max: 90 },
  },
  off_hours: {
    startHour: { integer: true, min: 0, max: 23 },
    endHour: { integer: true, min: 1, max: 24 },
  },
  repeated_denials: {
    count: { integer: true, min: 2, max: 10_000 },
    windowMinutes: { integer: true, min: 1, max: 1440 },
  },
  new_ip: { lookbackDays: { integer: true, min: 1, max: 365 } },
};

const bad = (field: string, message: string): AppError =>
  new AppError('REQUEST_INVALID', message, { field: `body/params/${field}` });

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Check a rule's parameters: every threshold of the rule given, within its bounds, nothing else.
 * Throws REQUEST_INVALID naming the first bad field (`body/params/factor`).
 */
export function checkRuleParams<K extends RuleKind>(rule: K, params: unknown): RuleParams[K] {
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new AppError('REQUEST_INVALID', 'params must be an object', { field: 'body/params' });
  const given = params as Record<string, unknown>;
  const bounds = PARAM_BOUNDS[rule];
  const allowed = new Set([
    ...Object.keys(bounds),
    ...(rule === 'off_hours' ? ['timeZone', 'workdays'] : []),
  ]);
  for (const key of Object.keys(given))
    if (!allowed.has(key)) throw bad(key, `${key} is not a parameter of the rule ${rule}`);
  const out: Record<string, unknown> = {};
  for (const [key, bound] of Object.entries(bounds)) {
    const value = given[key];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw bad(key, `${key} must be a number`);
    if (bound.integer && !Number.isInteger(value)) throw bad(key, `${key} must be a whole number`);
    if (value < bound.min || value > bound.max)
      throw bad(key, `${key} must be from ${bound.min} to ${bound.max}`);
    out[key] = value;
  }
  if (rule === 'off_hours') {
    const zone = given['timeZone'];
    if (typeof zone !== 'string' || !isTimeZone(zone))
      throw bad('timeZone', 'timeZone must be an IANA time zone such as Asia/Shanghai');
    out['timeZone'] = zone;
    const days = given['workdays'];
    if (
      !Array.isArray(days) ||
      days.length > 7 ||
      days.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 6) ||
      new Set(days).size !== days.length
    )
      throw bad('workdays', 'workdays must be distinct days from 0 (Sunday) to 6 (Saturday)');
    out['workdays'] = [...(days as number[])].sort((a, b) => a - b);
    if ((out['endHour'] as number) <= (out['startHour'] as number))
      throw bad('endHour', 'endHour must be after startHour');
  }
  return out as unknown as RuleParams[K];
}
