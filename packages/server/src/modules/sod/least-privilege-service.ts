import {
  leastPrivilege,
  permissionOfAuditAction,
  type LeastPrivilegeReport,
  type PermissionDenial,
  type PermissionUse,
  type PolicyIndex,
} from '@custos/engine';
import { countAuditActions, listUsage, type Database } from '@custos/store';

const DAY_MS = 86_400_000;

export interface LeastPrivilegeOptions {
  tenantId: string;
  index: PolicyIndex;
  now: number;
  /** The window: the last `days` days up to now. */
  days: number;
  minDenials?: number;
}

export interface LeastPrivilegeAnswer extends LeastPrivilegeReport {
  days: number;
  from: string;
  to: string;
}

/**
 * Read the window's evidence — the usage counters (every successful request, by the permission its
 * route declares), audited writes (`<object>.<action>`) and denials (audit events with outcome
 * `denied`, `<object>.<action>` or `function.<name>`) — and compute the report (pure,
 * `leastPrivilege` in the engine).
 */
export async function leastPrivilegeReport(
  db: Database['db'],
  options: LeastPrivilegeOptions,
): Promise<LeastPrivilegeAnswer> {
  const from = new Date(options.now - options.days * DAY_MS);
  const to = new Date(options.now + 1);
  const usage = await listUsage(db, options.tenantId, {
    fromDay: from.toISOString().slice(0, 10),
    toDay: to.toISOString().slice(0, 10),
  });
  const uses: PermissionUse[] = usage.map((u) => ({
    userId: u.userId,
    permission: u.permission,
    count: u.requests,
    lastAt: u.lastAt,
  }));
  const events = await countAuditActions(db, options.tenantId, { from, to });
  const denied = new Map<string, PermissionDenial>();
  for (const e of events) {
    const permission = permissionOfAuditAction(e.action);
    if (permission === null) continue;
    if (e.outcome === 'success') {
      uses.push({ userId: e.actorId, permission, count: e.count, lastAt: e.lastAt });
    } else if (e.outcome === 'denied') {
      const key = `${e.actorId}\u0000${permission}`;
      const was = denied.get(key);
      denied.set(key, {
        userId: e.actorId,
        permission,
        count: (was?.count ?? 0) + e.count,
        lastAt: Math.max(was?.lastAt ?? 0, e.lastAt),
        targets: [...(was?.targets ?? []), ...e.targets].slice(0, 5),
      });
    }
  }
  const report = leastPrivilege({
    model: options.index.model,
    groupMembers: options.index.groupMembers,
    uses,
    denials: [...denied.values()],
    now: options.now,
    ...(options.minDenials === undefined ? {} : { minDenials: options.minDenials }),
  });
  return {
    ...report,
    days: options.days,
    from: from.toISOString(),
    to: new Date(options.now).toISOString(),
  };
}
