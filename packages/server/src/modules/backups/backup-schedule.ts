/**
 * The backup schedule and retention settings (`CUSTOS_BACKUP_INTERVAL`, `CUSTOS_BACKUP_KEEP`):
 * parsed here, used by the config schema and the scheduled job.
 */
export type BackupRetention = { kind: 'count'; count: number } | { kind: 'days'; days: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `off`, or a number of hours or days: `6h`, `1d`, `7d` (at least 1 hour, at most 31 days). */
export function parseBackupInterval(raw: string): number | 'off' | undefined {
  const text = raw.trim().toLowerCase();
  if (text === 'off') return 'off';
  const m = /^(\d{1,4})\s*([hd])$/.exec(text);
  if (m === null) return undefined;
  const ms = Number(m[1]) * (m[2] === 'h' ? HOUR : DAY);
  return ms >= HOUR && ms <= 31 * DAY ? ms : undefined;
}

/** `14` (keep the 14 newest backups) or `30d` (keep those younger than 30 days); at least 1. */
export function parseBackupRetention(raw: string): BackupRetention | undefined {
  const text = raw.trim().toLowerCase();
  const count = /^(\d{1,5})$/.exec(text);
  if (count !== null && Number(count[1]) >= 1) return { kind: 'count', count: Number(count[1]) };
  const days = /^(\d{1,5})\s*d$/.exec(text);
  if (days !== null && Number(days[1]) >= 1) return { kind: 'days', days: Number(days[1]) };
  return undefined;
}

/** The interval as the settings write it (`6h`, `1d`). */
export function formatBackupInterval(ms: number | 'off'): string {
  if (ms === 'off') return 'off';
  return ms % DAY === 0 ? `${ms / DAY}d` : `${ms / HOUR}h`;
}
