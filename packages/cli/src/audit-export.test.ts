/**
 * `custos audit export`: offline as a user holding audit_view (refused otherwise, bad filters
 * named), CSV and JSON with the filters, progress on a long export, audited; and online through a
 * running server with a token of the `audit_view` scope, the same events.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig, startServer, type RunningServer } from '@custos/server';
import { appendAuditEvent, DEMO_PASSWORD, listAuditEvents } from '@custos/store';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PROGRESS_FROM } from './audit-export-command.ts';
import { cliSandbox, TEST_NOW, type CliSandbox } from './cli-test-support.ts';

let box: CliSandbox;
let server: RunningServer | undefined;
const LONG = AUDIT_PROGRESS_FROM + 20;

beforeAll(async () => {
  box = await cliSandbox();
  const seeded = await box.run(['seed', '--customers', '20']);
  expect(seeded.code, seeded.err).toBe(0);
  await box.withDatabase(async (database) => {
    for (let i = 0; i < LONG; i++)
      await appendAuditEvent(database.db, {
        tenantId: 'yunshan',
        actorId: 'lilei',
        action: 'customer.update',
        target: `customer/c-0000${(i % 9) + 1}`,
        before: { fields: { phone: '13900000000' } },
        after: { fields: { phone: `1390000${String(i).padStart(4, '0')}` } },
        at: new Date(TEST_NOW - (LONG - i) * 1000),
      });
    await appendAuditEvent(database.db, {
      tenantId: 'yunshan',
      actorId: 'zhoumin',
      action: 'role.update',
      target: 'role/sales-rep',
      outcome: 'denied',
      at: new Date(TEST_NOW),
    });
  });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await box?.remove();
});

describe('custos audit export', () => {
  it('refuses a user without audit_view and bad filters, naming the flag', async () => {
    const denied = await box.run(['audit', 'export', '--as', 'lilei']);
    expect(denied.code).not.toBe(0);
    expect(denied.err).toContain('PERMISSION_DENIED');
    for (const [argv, flag] of [
      [['--from', 'yesterday'], '--from'],
      [['--action', 'DROP TABLE'], '--action'],
      [['--from', '2026-06-02T00:00:00Z', '--to', '2026-06-01T00:00:00Z'], '--to'],
      [['--format', 'xml'], '--format'],
    ] as const) {
      const r = await box.run(['audit', 'export', '--as', 'sunli', ...argv]);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.err, argv.join(' ')).toContain(flag);
    }
  });

  it('exports offline as CSV with filters, progress on a long export, audited', async () => {
    const r = await box.run([
      'audit',
      'export',
      '--as',
      'sunli',
      '--action',
      'customer.',
      '--out',
      'offline.csv',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(
      `Exported ${LONG} audit events as 孙丽 (sunli) to ${join(box.dir, 'offline.csv')}\n`,
    );
    expect(r.err).toContain(`Audit events: 0/${LONG}`);
    expect(r.err).toContain(`Audit events: ${LONG}/${LONG} (100%)`);
    const rows = parse(await readFile(join(box.dir, 'offline.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(LONG);
    expect(rows.every((row) => row.action === 'customer.update')).toBe(true);
    // 孙丽 (auditor) reads phones in clear in the demo; the record values are there.
    expect(rows[0]?.after).toContain('phone');
    const json = await box.run([
      'audit',
      'export',
      '--as',
      'sunli',
      '--format',
      'json',
      '--outcome',
      'denied',
    ]);
    expect(json.code, json.err).toBe(0);
    const doc = JSON.parse(json.out) as { items: { action: string }[]; count: number };
    expect(doc.items.map((e) => e.action)).toEqual(['role.update']);
    expect(json.err).toBe('Exported 1 audit events as 孙丽 (sunli)\n');
    await box.withDatabase(async (database) => {
      const [event] = await listAuditEvents(database.db, 'yunshan', { action: 'audit.export' });
      expect(event).toMatchObject({
        actorId: 'sunli',
        after: { filters: { outcome: 'denied' }, format: 'json', count: 1, via: 'cli' },
      });
    });
  });

  it('exports online through the server with an audit_view token: the same events', async () => {
    server = await startServer(
      loadConfig({}, { dataDir: box.dataDir, port: 0, host: '127.0.0.1', logLevel: 'silent' }),
      { clock: () => TEST_NOW, logger: false },
    );
    const base = server.url;
    const login = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sun.li@yunshan.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = (
      (await (await fetch(`${base}/v1/auth/csrf`, { headers: { cookie } })).json()) as {
        token: string;
      }
    ).token;
    const created = await fetch(`${base}/v1/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({
        name: 'audit',
        scopes: ['audit_view'],
        expiresAt: new Date(TEST_NOW + 7 * 86_400_000).toISOString(),
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const token = ((await created.json()) as { token: string }).token;
    const r = await box.run([
      'audit',
      'export',
      '--action',
      'customer.',
      '--format',
      'json',
      '--out',
      'online.json',
      '--server',
      base,
      '--token',
      token,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Exported ${LONG} audit events as 孙丽 (sunli)`);
    expect(r.err).toContain(`Audit events: ${LONG}/${LONG} (100%)`);
    const doc = JSON.parse(await readFile(join(box.dir, 'online.json'), 'utf8')) as {
      items: { id: string }[];
      count: number;
    };
    expect(doc.count).toBe(LONG);
    const offline = parse(await readFile(join(box.dir, 'offline.csv'), 'utf8'), {
      columns: true,
    }) as { id: string }[];
    expect(doc.items.map((e) => e.id)).toEqual(offline.map((row) => row.id));
    // The offline command is refused while the server holds the data.
    const locked = await box.run(['audit', 'export', '--as', 'sunli']);
    expect(locked.err).toContain('STORE_DATA_DIR_LOCKED');
  });
});
