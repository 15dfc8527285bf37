/**
 * Security monitoring over HTTP on PGlite and PostgreSQL: rules read and changed (bad thresholds
 * refused naming the field, nothing changed; audited), each rule raising its alert from seeded
 * audit events and usage counts, the cursor evaluating each event once, de-duplication per rule,
 * user and window, notifications to `security_monitor` holders, acknowledgement with a note, and
 * signed webhooks delivered by the job runner to a real local receiver that fails the first
 * attempts (retries with backoff, the delivery log), "send test", and the jobs view.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addUsage, appendAuditEvent, listAuditEvents, listNotifications } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../jobs/job-runner.ts';
import { createJobRegistry } from '../../jobs/schedules.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { verifySignature } from './webhook-signature.ts';
import { checkWebhookUrl, hostAllowed } from './webhook-url.ts';
import { updateEndpoint } from './webhook-store.ts';
import { isLocalAddress, resolveWebhookTarget } from './webhook-address.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';

interface Received {
  body: string;
  signature: string | undefined;
  event: string | undefined;
  valid: boolean;
}

/** A webhook receiver on 127.0.0.1 that verifies signatures and fails the first `failFirst`. */
async function startReceiver(secretOf: () => string, clock: () => number, failFirst: number) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['x-custos-signature'] as string | undefined;
      const valid = verifySignature(secretOf(), signature, body, clock());
      received.push({ body, signature, event: req.headers['x-custos-event'] as string, valid });
      res.statusCode = !valid ? 401 : received.length <= failFirst ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/custos`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhook URLs and signatures', () => {
  it('accepts http and https, refuses other schemes, credentials and hosts off the allow-list', () => {
    expect(checkWebhookUrl('https://hooks.example.com/x', [])).toBe('https://hooks.example.com/x');
    expect(() => checkWebhookUrl('ftp://x.example.com', [])).toThrow(/http or https/);
    expect(() => checkWebhookUrl('not a url', [])).toThrow(/absolute/);
    expect(() => checkWebhookUrl('https://u:p@x.example.com', [])).toThrow(/user name/);
    expect(() => checkWebhookUrl('http://169.254.169.254/latest', ['*.example.com'])).toThrow(
      /allow-list/,
    );
    expect(hostAllowed('siem.corp.example.com', ['*.example.com'])).toBe(true);
    expect(hostAllowed('example.com.evil.io', ['*.example.com'])).toBe(false);
    expect(hostAllowed('siem.example.com', ['siem.example.com'])).toBe(true);
  });

  it('refuses local and private addresses unless the host is named in the allow-list (SSRF)', async () => {
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/x',
      'http://192.168.1.1/x',
      'http://[::1]/x',
      'http://[fd00::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://0.0.0.0/x',
    ])
      expect(() => checkWebhookUrl(url, []), url).toThrow(/local or private/);
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', ['127.0.0.1'])).toBe(
      'http://127.0.0.1:8080/x',
    );
    expect(isLocalAddress('8.8.8.8')).toBe(false);
    expect(isLocalAddress('2606:4700::1111')).toBe(false);
    // A name is checked where it resolves, at delivery: every address must be public…
    const resolvesTo =
      (...addresses: string[]) =>
      async () =>
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    await expect(
      resolveWebhookTarget('hooks.example.net', [], resolvesTo('93.184.215.14', '10.0.0.5')),
    ).rejects.toThrow(/10\.0\.0\.5/);
    await expect(resolveWebhookTarget('localhost', [], resolvesTo('127.0.0.1'))).rejects.toThrow(
      /CUSTOS_WEBHOOK_ALLOWED_HOSTS/,
    );
    // …and the vetted address is the one connected to (pinned against rebinding).
    await expect(
      resolveWebhookTarget('hooks.example.net', [], resolvesTo('93.184.215.14')),
    ).resolves.toEqual({ address: '93.184.215.14', family: 4 });
    // A host the administrator named may be internal.
    await expect(
      resolveWebhookTarget('siem.corp.example.com', ['*.example.com'], resolvesTo('10.0.0.7')),
    ).resolves.toEqual({ address: '10.0.0.7', family: 4 });
  });

  it('verifies a signature over t.body and refuses a changed body, another secret or an old t', async () => {
    const { signatureHeader } = await import('./webhook-signature.ts');
    const header = signatureHeader('whsec_a', TEST_NOW, '{"a":1}');
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_a', header, '{"a":1}', TEST_NOW)).toBe(true);
    expect(verifySignature('whsec_a', header, '{"a":2}', TEST_NOW)).toBe(false);
    expect(verifySignature('whsec_b', header, '{"a":1}', TEST_NOW)).toBe(false);
    expect(verifySignature('whsec_a', header, '{"a":1}', TEST_NOW + 10 * MINUTE)).toBe(false);
    expect(verifySignature('whsec_a', undefined, '{"a":1}', TEST_NOW)).toBe(false);
  });
});

describe.each(['pglite', 'postgres'] as const)('monitoring on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let rep: string;
  let now = TEST_NOW;

  beforeAll(async () => {
    // The test receiver listens on 127.0.0.1: a local address a webhook reaches only when named.
    t = await createTestApp({
      backend,
      clock: () => now,
      config: { webhookAllowedHosts: ['127.0.0.1', '*.example.com'] },
    });
    admin = await t.login(ADMIN);
    rep = await t.login(REP);
  });
  afterAll(async () => {
    await t?.close();
  });
  /** Move the clock; sign in again (a session idle over an hour has ended). */
  const advanceTo = async (at: number) => {
    now = at;
    admin = await t.login(ADMIN);
    rep = await t.login(REP);
  };

  const call = (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
  const audit = (event: {
    actorId: string | null;
    action: string;
    at: number;
    outcome?: 'success' | 'denied' | 'failure';
    ip?: string;
    after?: unknown;
  }) =>
    appendAuditEvent(t.database.db, {
      tenantId: 'yunshan',
      target: null,
      ...event,
      at: new Date(event.at),
    });

  it('shows the demo alerts, each raised by the rules from the seeded audit events', async () => {
    const items = (await call(admin, 'GET', '/v1/admin/monitoring/alerts')).json().items;
    const seen = items.map((a: { rule: string; userId: string }) => `${a.rule}:${a.userId}`).sort();
    expect(seen).toEqual([
      'bulk_export:zhaolei',
      'new_ip:hanmeimei',
      'off_hours:yaoyuan',
      'repeated_denials:dujuan',
    ]);
    for (const alert of items) expect(alert.evidence.eventIds.length).toBeGreaterThan(0);
  });

  it('refuses monitoring to a user without security_monitor', async () => {
    for (const url of [
      '/v1/admin/monitoring/alerts',
      '/v1/admin/monitoring/rules',
      '/v1/admin/webhooks',
      '/v1/admin/jobs',
    ]) {
      const response = await call(rep, 'GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().code).toBe('PERMISSION_DENIED');
    }
    const put = await call(rep, 'PUT', '/v1/admin/monitoring/rules/new_ip', {
      enabled: false,
      severity: 'low',
      params: { lookbackDays: 30 },
    });
    expect(put.statusCode).toBe(403);
  });

  it('lists the rules with their defaults and refuses bad thresholds naming the field, changing nothing', async () => {
    const rules = (await call(admin, 'GET', '/v1/admin/monitoring/rules')).json().items;
    expect(rules.map((r: { rule: string }) => r.rule)).toEqual([
      'bulk_export',
      'read_volume',
      'off_hours',
      'repeated_denials',
      'new_ip',
    ]);
    const bad = async (rule: string, params: object, field: string) => {
      const r = await call(admin, 'PUT', `/v1/admin/monitoring/rules/${rule}`, {
        enabled: true,
        severity: 'high',
        params,
      });
      expect(r.statusCode, JSON.stringify(params)).toBe(400);
      expect(r.json().code).toBe('REQUEST_INVALID');
      expect(r.json().details.field).toBe(field);
    };
    await bad(
      'read_volume',
      { factor: 0.5, minRecords: 10, baselineDays: 14 },
      'body/params/factor',
    );
    await bad('read_volume', { factor: 3, minRecords: 10 }, 'body/params/baselineDays');
    await bad('repeated_denials', { count: 3.5, windowMinutes: 10 }, 'body/params/count');
    await bad('repeated_denials', { count: 3, windowMinutes: 10, extra: 1 }, 'body/params/extra');
    await bad(
      'off_hours',
      { timeZone: 'Mars/Olympus', startHour: 9, endHour: 18, workdays: [1, 2, 3, 4, 5] },
      'body/params/timeZone',
    );
    await bad(
      'off_hours',
      { timeZone: 'Asia/Shanghai', startHour: 18, endHour: 9, workdays: [1] },
      'body/params/endHour',
    );
    await bad(
      'off_hours',
      { timeZone: 'Asia/Shanghai', startHour: 9, endHour: 18, workdays: [1, 1] },
      'body/params/workdays',
    );
    const unknown = await call(admin, 'PUT', '/v1/admin/monitoring/rules/no_such_rule', {
      enabled: true,
      severity: 'low',
      params: {},
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.field).toMatch(/params/);
    const after = (await call(admin, 'GET', '/v1/admin/monitoring/rules')).json().items;
    expect(after).toEqual(rules);
    expect(
      await listAuditEvents(t.database.db, 'yunshan', { action: 'monitoring_rule.update' }),
    ).toEqual([]);
  });

  it('changes a rule and audits the change with before and after', async () => {
    const r = await call(admin, 'PUT', '/v1/admin/monitoring/rules/repeated_denials', {
      enabled: true,
      severity: 'high',
      params: { count: 4, windowMinutes: 15 },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      severity: 'high',
      params: { count: 4, windowMinutes: 15 },
      updatedBy: 'zhoumin',
    });
    const [event] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'monitoring_rule.update',
    });
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      target: 'monitoring_rule/repeated_denials',
      before: { params: { count: 5, windowMinutes: 10 } },
      after: { severity: 'high', params: { count: 4, windowMinutes: 15 } },
    });
    expect(event?.requestId).toBeTruthy();
  });

  it('raises one alert per rule from the audit stream and the usage counts, evaluating each event once', async () => {
    // A user the other demos leave alone, who signed in before from 127.0.0.1.
    await t.login('ren.jia@yunshan.example');
    // The rest of the demo's history first, so only what follows is new.
    await call(admin, 'POST', '/v1/admin/monitoring/evaluate');
    const base = TEST_NOW + 2 * 60 * MINUTE; // 10:00 in Shanghai, a Monday
    // 4 refusals within 15 minutes (the rule was set to 4 per 15 minutes).
    for (let i = 0; i < 4; i += 1)
      await audit({
        actorId: 'renjia',
        action: 'customer.read',
        outcome: 'denied',
        at: base + i * MINUTE,
      });
    // An export of 1,500 records in one hour (default threshold 1,000).
    await audit({
      actorId: 'renjia',
      action: 'record.export',
      at: base,
      after: { object: 'customer', count: 900 },
    });
    await audit({
      actorId: 'renjia',
      action: 'record.export',
      at: base + 5 * MINUTE,
      after: { object: 'customer', count: 600 },
    });
    // Monday 07:30 in Shanghai: before working hours.
    await audit({ actorId: 'renjia', action: 'customer.update', at: TEST_NOW - 30 * MINUTE });
    // A sign-in from a new address (she signed in from 127.0.0.1 above).
    await audit({ actorId: 'renjia', action: 'auth.login', at: base, ip: '203.0.113.9' });
    // Reads: 100 a day for 14 days, 2,000 today.
    const days = Array.from({ length: 14 }, (_, i) =>
      new Date(TEST_NOW - (i + 1) * DAY).toISOString().slice(0, 10),
    );
    await addUsage(t.database.db, [
      ...days.map((day) => ({
        tenantId: 'yunshan',
        userId: 'renjia',
        day,
        permission: 'record:customer:read',
        requests: 10,
        records: 100,
        lastAt: TEST_NOW,
      })),
      {
        tenantId: 'yunshan',
        userId: 'renjia',
        day: '2026-06-01',
        permission: 'record:customer:read',
        requests: 40,
        records: 2000,
        lastAt: TEST_NOW,
      },
    ]);
    await advanceTo(base + 20 * MINUTE);
    const first = await call(admin, 'POST', '/v1/admin/monitoring/evaluate');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 5 });
    const alerts = (await call(admin, 'GET', '/v1/admin/monitoring/alerts?userId=renjia')).json()
      .items;
    // renjia is nobody else's test subject: every alert about her is this test's.
    const byRule = Object.fromEntries(alerts.map((a: { rule: string }) => [a.rule, a]));
    expect(Object.keys(byRule).sort()).toEqual([
      'bulk_export',
      'new_ip',
      'off_hours',
      'read_volume',
      'repeated_denials',
    ]);
    expect(byRule.repeated_denials).toMatchObject({
      severity: 'high',
      status: 'open',
      summary: { denials: 4 },
      userName: '任佳',
    });
    expect(byRule.repeated_denials.evidence.eventIds).toHaveLength(4);
    expect(byRule.bulk_export).toMatchObject({ summary: { records: 1500, exports: 2 } });
    expect(byRule.off_hours).toMatchObject({
      window: '2026-06-01',
      summary: { localTime: '2026-06-01 07:30' },
    });
    expect(byRule.new_ip).toMatchObject({
      window: '203.0.113.9',
      evidence: { knownIps: ['127.0.0.1'] },
    });
    expect(byRule.read_volume).toMatchObject({ summary: { records: 2000, baselineAverage: 100 } });
    // Evaluated once: a second pass finds nothing new.
    const second = await call(admin, 'POST', '/v1/admin/monitoring/evaluate');
    expect(second.json()).toMatchObject({ events: 0, created: 0 });
    // One more refusal in the same window grows the same alert; no new one.
    await audit({
      actorId: 'renjia',
      action: 'deal.read',
      outcome: 'denied',
      at: base + 6 * MINUTE,
    });
    const third = await call(admin, 'POST', '/v1/admin/monitoring/evaluate');
    expect(third.json()).toMatchObject({ events: 1, created: 0 });
    const [grown] = (
      await call(admin, 'GET', '/v1/admin/monitoring/alerts?rule=repeated_denials')
    ).json().items;
    expect(grown.summary.denials).toBe(5);
    // Holders of security_monitor are notified; the rep is not.
    const notes = await listNotifications(t.database.db, 'yunshan', 'zhoumin');
    expect(
      notes.filter((n) => n.kind === 'monitoring.alert' && n.params['userId'] === 'renjia'),
    ).toHaveLength(5);
    expect(
      (await listNotifications(t.database.db, 'yunshan', 'renjia')).filter(
        (n) => n.kind === 'monitoring.alert',
      ),
    ).toEqual([]);
    // Per day and rule, for the chart (the demo's own alerts included).
    const perDay = (await call(admin, 'GET', '/v1/admin/monitoring/alerts/per-day?days=7')).json();
    const total = perDay.items.reduce((sum: number, i: { count: number }) => sum + i.count, 0);
    const all = (await call(admin, 'GET', '/v1/admin/monitoring/alerts?limit=200')).json().items;
    expect(total).toBe(all.length);
    expect(perDay.items).toContainEqual({ day: '2026-06-01', rule: 'read_volume', count: 1 });
  });

  it('acknowledges an alert with a note, once, audited; filters by status', async () => {
    const [alert] = (await call(admin, 'GET', '/v1/admin/monitoring/alerts?rule=new_ip')).json()
      .items;
    const empty = await call(admin, 'POST', `/v1/admin/monitoring/alerts/${alert.id}/acknowledge`, {
      note: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.field).toMatch(/note/);
    const missing = await call(admin, 'POST', '/v1/admin/monitoring/alerts/999999/acknowledge', {
      note: 'x',
    });
    expect(missing.statusCode).toBe(404);
    const byRep = await call(rep, 'POST', `/v1/admin/monitoring/alerts/${alert.id}/acknowledge`, {
      note: 'x',
    });
    expect(byRep.statusCode).toBe(403);
    const ok = await call(admin, 'POST', `/v1/admin/monitoring/alerts/${alert.id}/acknowledge`, {
      note: 'Li Lei was at the Hangzhou office; confirmed by phone',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'acknowledged',
      ackBy: 'zhoumin',
      ackNote: 'Li Lei was at the Hangzhou office; confirmed by phone',
    });
    const again = await call(admin, 'POST', `/v1/admin/monitoring/alerts/${alert.id}/acknowledge`, {
      note: 'again',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'ALERT_ALREADY_ACKNOWLEDGED',
      details: { ackBy: 'zhoumin' },
    });
    const [event] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'alert.acknowledge',
    });
    expect(event).toMatchObject({
      actorId: 'zhoumin',
      target: `alert/${alert.id}`,
      after: { status: 'acknowledged' },
    });
    const open = (await call(admin, 'GET', '/v1/admin/monitoring/alerts?status=open')).json().items;
    expect(open.map((a: { id: string }) => a.id)).not.toContain(alert.id);
    const acked = (
      await call(admin, 'GET', '/v1/admin/monitoring/alerts?status=acknowledged')
    ).json().items;
    expect(acked.map((a: { id: string }) => a.id)).toEqual([alert.id]);
    const badTime = await call(admin, 'GET', '/v1/admin/monitoring/alerts?from=yesterday');
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().details.field).toBe('querystring/from');
  });

  it('delivers signed webhooks through the job runner, retrying with backoff, with a delivery log', async () => {
    let secret = '';
    const receiver = await startReceiver(
      () => secret,
      () => now,
      2,
    );
    const runner = new JobRunner({
      database: t.database,
      registry: createJobRegistry(),
      config: t.app.custos.config,
      clock: () => now,
    });
    try {
      const refused = await call(admin, 'POST', '/v1/admin/webhooks', {
        name: 'SIEM',
        url: 'ftp://siem.example.com',
        events: ['alert.created'],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'WEBHOOK_URL_INVALID',
        details: { field: 'body/url' },
      });
      const badEvent = await call(admin, 'POST', '/v1/admin/webhooks', {
        name: 'SIEM',
        url: receiver.url,
        events: ['alert.deleted'],
      });
      expect(badEvent.statusCode).toBe(400);
      const created = await call(admin, 'POST', '/v1/admin/webhooks', {
        name: 'SIEM',
        url: receiver.url,
        events: ['alert.created'],
      });
      expect(created.statusCode).toBe(201);
      secret = created.json().secret;
      expect(secret).toMatch(/^whsec_/);
      const endpoint = created.json().endpoint;
      const listed = await call(admin, 'GET', '/v1/admin/webhooks');
      expect(listed.body).not.toContain(secret);
      expect(
        (await listAuditEvents(t.database.db, 'yunshan', { action: 'webhook.create' }))[0]?.after,
      ).not.toHaveProperty('secret');

      // A new alert: a denial burst in a later window.
      const at = now + 60 * MINUTE;
      for (let i = 0; i < 4; i += 1)
        await audit({
          actorId: 'wangfang',
          action: 'order.read',
          outcome: 'denied',
          at: at + i * 1000,
        });
      await advanceTo(at + MINUTE);
      expect((await call(admin, 'POST', '/v1/admin/monitoring/evaluate')).json().created).toBe(1);

      // Attempt 1 (500), retried after 30 s; attempt 2 (500), after 60 s; attempt 3 delivered.
      const deliver = async () => {
        // The recurring monitoring pass may also run in a poll: it finds nothing new.
        for (let i = 0; i < 3; i += 1) await runner.runOnce();
      };
      await deliver();
      expect(receiver.received).toHaveLength(1);
      now += 29_000;
      await deliver();
      expect(receiver.received).toHaveLength(1);
      now += 1_000;
      await deliver();
      expect(receiver.received).toHaveLength(2);
      now += 60_000;
      await deliver();
      expect(receiver.received).toHaveLength(3);
      expect(receiver.received.every((r) => r.valid && r.event === 'alert.created')).toBe(true);
      const payload = JSON.parse(receiver.received[2]?.body ?? '{}');
      expect(payload).toMatchObject({
        event: 'alert.created',
        tenantId: 'yunshan',
        data: { alert: { rule: 'repeated_denials', userId: 'wangfang' } },
      });

      const log = (await call(admin, 'GET', `/v1/admin/webhooks/${endpoint.id}/deliveries`)).json()
        .items;
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ event: 'alert.created', status: 'delivered', attempts: 3 });
      expect(log[0].log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
      expect(log[0].log[0].error).toBe('HTTP 500');

      // Send test: a signed webhook.test through the runner.
      const test = await call(admin, 'POST', `/v1/admin/webhooks/${endpoint.id}/test`);
      expect(test.statusCode).toBe(202);
      await deliver();
      expect(receiver.received.at(-1)).toMatchObject({ event: 'webhook.test', valid: true });
      // A new URL gets a new secret (shown once); the old one no longer signs.
      const before = secret;
      const moved = await call(admin, 'PATCH', `/v1/admin/webhooks/${endpoint.id}`, {
        url: `${receiver.url}/v2`,
      });
      expect(moved.statusCode).toBe(200);
      secret = moved.json().secret;
      expect(secret).toMatch(/^whsec_/);
      expect(secret).not.toBe(before);
      const renamed = await call(admin, 'PATCH', `/v1/admin/webhooks/${endpoint.id}`, {
        name: 'SIEM 2',
      });
      expect(renamed.json()).not.toHaveProperty('secret');
      expect(
        (await listAuditEvents(t.database.db, 'yunshan', { action: 'webhook.update' }))[0]?.after,
      ).toMatchObject({ name: 'SIEM 2' });
      await call(admin, 'POST', `/v1/admin/webhooks/${endpoint.id}/test`);
      await deliver();
      expect(receiver.received.at(-1)).toMatchObject({ event: 'webhook.test', valid: true });
      // An endpoint saved before the allow-list changed, at a name not in it now (`localhost`
      // resolves to a local address): refused when saved again, and each attempt fails with the
      // reason, nothing sent.
      const port = new URL(receiver.url).port;
      const count = receiver.received.length;
      const local = `http://localhost:${port}/hooks/custos`;
      const refusedLocal = await call(admin, 'PATCH', `/v1/admin/webhooks/${endpoint.id}`, {
        url: local,
      });
      expect(refusedLocal.json()).toMatchObject({ code: 'WEBHOOK_HOST_NOT_ALLOWED' });
      await updateEndpoint(t.database.db, 'yunshan', endpoint.id, { url: local });
      await call(admin, 'POST', `/v1/admin/webhooks/${endpoint.id}/test`);
      await deliver();
      expect(receiver.received).toHaveLength(count);
      const attempts = (
        await call(admin, 'GET', `/v1/admin/webhooks/${endpoint.id}/deliveries`)
      ).json().items;
      expect(attempts[0].log[0].error).toMatch(/local or private address/);
      // Disabled: a test is refused; unknown endpoint: 404.
      const off = await call(admin, 'PATCH', `/v1/admin/webhooks/${endpoint.id}`, {
        enabled: false,
      });
      expect(off.statusCode).toBe(200);
      expect((await call(admin, 'POST', `/v1/admin/webhooks/${endpoint.id}/test`)).statusCode).toBe(
        409,
      );
      expect(
        (await call(admin, 'POST', '/v1/admin/webhooks/wh-000000000000/test')).statusCode,
      ).toBe(404);

      const jobs = (await call(admin, 'GET', '/v1/admin/jobs')).json();
      expect(jobs.schedules.map((s: { name: string }) => s.name)).toEqual([
        'access_requests.expire',
        'access_reviews.deadlines',
        'audit.checkpoint',
        'backup.scheduled',
        'jobs.prune',
        'monitoring.evaluate',
        'pending_changes.expire',
        'privacy.deadlines',
        'retention.apply',
      ]);
      expect(
        jobs.schedules.find((s: { name: string }) => s.name === 'monitoring.evaluate'),
      ).toMatchObject({ lastStatus: 'ok' });

      const removed = await call(admin, 'DELETE', `/v1/admin/webhooks/${endpoint.id}`);
      expect(removed.statusCode).toBe(204);
      expect((await call(admin, 'GET', '/v1/admin/webhooks')).json().items).toEqual([]);
    } finally {
      await runner.stop();
      await receiver.close();
    }
  });
});
