import { appendAuditEvent, type Database } from '@custos/store';
import { evaluateTenant, type TenantEvaluation } from '../modules/monitoring/run-monitoring.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The demo's security alerts: a few suspicious moments written to the audit stream as the real
 * server would write them, then one monitoring pass with the default rules — so every alert on the
 * console comes from the rules, none is written by hand:
 * - 杜鹃 (service) refused six times in five minutes (repeated denials);
 * - 姚远 (finance) changing a record at 23:10 Shanghai time (outside working hours);
 * - 韩梅梅 (sales manager) signing in from an address she has not used before (new IP);
 * - 赵磊 (sales manager) exporting 1,800 customers within the hour (bulk export).
 */
export async function loadDemoMonitoring(
  database: Database,
  tenantId: string,
  now: number,
): Promise<TenantEvaluation> {
  const db = database.db;
  // The last working day before today (Shanghai is UTC+8 with no daylight saving: 01:00–10:00
  // UTC is 09:00–18:00 there, on the same date).
  const isWorkday = (dayStart: number) => [1, 2, 3, 4, 5].includes(new Date(dayStart).getUTCDay());
  let yesterday = Math.floor((now - DAY) / DAY) * DAY;
  while (!isWorkday(yesterday)) yesterday -= DAY;
  const event = (e: {
    actorId: string;
    action: string;
    at: number;
    target?: string;
    outcome?: 'success' | 'denied';
    ip?: string;
    after?: unknown;
  }) =>
    appendAuditEvent(db, {
      tenantId,
      target: e.target ?? null,
      actorId: e.actorId,
      action: e.action,
      at: new Date(e.at),
      outcome: e.outcome ?? 'success',
      ip: e.ip ?? null,
      userAgent: 'Mozilla/5.0 (demo)',
      ...(e.after === undefined ? {} : { after: e.after }),
    });

  // 韩梅梅 signs in from the office for two weeks, then from an unknown address.
  for (let d = 14; d >= 1; d -= 1) {
    const day = yesterday - d * DAY;
    if (isWorkday(day))
      await event({ actorId: 'hanmeimei', action: 'auth.login', at: day + HOUR, ip: '10.20.1.15' });
  }
  await event({
    actorId: 'hanmeimei',
    action: 'auth.login',
    at: yesterday + 3 * HOUR,
    ip: '198.51.100.23',
  });

  // 杜鹃 tries records she may not read: six refusals in five minutes (11:00 local).
  for (let i = 0; i < 6; i += 1)
    await event({
      actorId: 'dujuan',
      action: i % 2 === 0 ? 'customer.read' : 'order.read',
      target: `customer/c-${String(10 + i).padStart(5, '0')}`,
      outcome: 'denied',
      at: yesterday + 3 * HOUR + i * MINUTE,
      ip: '10.20.3.41',
    });

  // 姚远 updates an order at 23:10 Shanghai time (15:10 UTC).
  await event({
    actorId: 'yaoyuan',
    action: 'order.update',
    target: 'order/o-00042',
    at: yesterday + 15 * HOUR + 10 * MINUTE,
    ip: '10.20.5.7',
  });

  // 赵磊 exports 1,200 then 600 customers within the hour (13:00–13:40 local).
  await event({
    actorId: 'zhaolei',
    action: 'record.export',
    target: 'customer',
    at: yesterday + 5 * HOUR,
    ip: '10.20.2.9',
    after: { object: 'customer', format: 'csv', count: 1200 },
  });
  await event({
    actorId: 'zhaolei',
    action: 'record.export',
    target: 'customer',
    at: yesterday + 5 * HOUR + 40 * MINUTE,
    ip: '10.20.2.9',
    after: { object: 'customer', format: 'csv', count: 600 },
  });

  return evaluateTenant(database, tenantId, now);
}
