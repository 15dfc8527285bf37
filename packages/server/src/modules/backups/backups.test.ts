/**
 * The backups module over HTTP (docs/backup.md), on PGlite and PostgreSQL: only `backup_admin`
 * holders list, make and download backups; "back up now" runs as a job and is audited; the
 * downloaded file restores into an empty database; the scheduled backup writes and prunes per
 * `CUSTOS_BACKUP_KEEP`, each run audited.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  listAuditEvents,
  readBackupManifest,
  restoreBackup,
  verifyAuditChain,
} from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../jobs/job-runner.ts';
import { createJobRegistry } from '../../jobs/schedules.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { runScheduledBackup } from './backup-files.ts';

const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';
const DAY = 86_400_000;

describe.each(['pglite', 'postgres'] as const)('backups on %s', (backend) => {
  let t: TestApp;
  let dir: string;
  let keyFile: string;
  let key: Buffer;
  let admin: string;
  let rep: string;
  let now = TEST_NOW;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-backups-'));
    key = randomBytes(32);
    keyFile = join(dir, 'backup.key');
    await writeFile(keyFile, key.toString('base64'));
    t = await createTestApp({
      backend,
      customers: 20,
      clock: () => now,
      config: {
        backupDir: join(dir, 'backups'),
        backupKeyFile: keyFile,
        backupKeep: { kind: 'count', count: 2 },
        backupInterval: DAY,
      },
    });
    admin = await t.login(ADMIN);
    rep = await t.login(REP);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
  const runner = () =>
    new JobRunner({
      database: t.database,
      registry: createJobRegistry(),
      config: t.app.custos.config,
      clock: () => now,
    });

  it('refuses those without backup_admin, and makes, lists and downloads for the administrator', async () => {
    for (const [method, url] of [
      ['GET', '/v1/admin/backups'],
      ['POST', '/v1/admin/backups'],
      ['GET', '/v1/admin/backups/custos-20260601T000000000Z-scheduled.cbk'],
    ] as const) {
      const refused = await call(rep, method, url);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await readdir(join(dir, 'backups')).catch(() => [])).toEqual([]);

    const empty = (await call(admin, 'GET', '/v1/admin/backups')).json().data;
    expect(empty.backups).toEqual([]);
    expect(empty.schedule).toMatchObject({
      interval: '1d',
      keep: '2',
      keyConfigured: true,
      keySource: 'file',
      nextRunAt: new Date(now).toISOString(),
    });

    // Bad input: an unknown body field is refused, naming it; nothing is queued.
    const bad = await call(admin, 'POST', '/v1/admin/backups', { tenant: 'other' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toBe('body/tenant');

    const made = await call(admin, 'POST', '/v1/admin/backups');
    expect(made.statusCode).toBe(202);
    const { name } = made.json().data;
    expect(name).toMatch(/^custos-20260601T000000000Z-manual-[0-9a-f]{8}\.cbk$/);
    // One at a time per tenant.
    const again = await call(admin, 'POST', '/v1/admin/backups');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('BACKUP_RUNNING');
    const running = (await call(admin, 'GET', '/v1/admin/backups')).json().data;
    expect(running.jobs).toMatchObject([{ name, state: 'queued' }]);

    const jobs = runner();
    try {
      await jobs.runOnce();
    } finally {
      await jobs.stop();
    }
    const listed = (await call(admin, 'GET', '/v1/admin/backups')).json().data;
    expect(listed.jobs).toEqual([]);
    expect(listed.backups).toHaveLength(1);
    const [backup] = listed.backups;
    expect(backup).toMatchObject({
      name,
      kind: 'manual',
      readable: true,
      scope: 'tenant',
      tenants: 1,
      verified: true,
      downloadable: true,
    });
    expect(backup.bytes).toBeGreaterThan(1000);
    expect(backup.rows).toBeGreaterThan(100);
    expect(backup.tables.find((x: { name: string }) => x.name === 'customers').rows).toBe(20);
    expect(backup.auditHead.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(backup.dataKeys).toBeGreaterThan(0);
    const created = await listAuditEvents(t.database.db, 'yunshan', { action: 'backup.create' });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorId: 'zhoumin', target: `backup/${name}` });

    // Bad names: the pattern refuses, naming the parameter; an unknown one is 404.
    const badName = await call(admin, 'GET', '/v1/admin/backups/..%2Fcustos-secret');
    expect(badName.statusCode).toBe(400);
    expect(badName.json().details.field).toBe('params/name');
    const unknown = await call(
      admin,
      'GET',
      '/v1/admin/backups/custos-20200101T000000000Z-scheduled.cbk',
    );
    expect(unknown.statusCode).toBe(404);

    const download = await call(admin, 'GET', `/v1/admin/backups/${name}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.rawPayload.length).toBe(backup.bytes);
    const file = join(dir, 'downloaded.cbk');
    await writeFile(file, download.rawPayload);
    expect(
      await listAuditEvents(t.database.db, 'yunshan', { action: 'backup.download' }),
    ).toHaveLength(1);

    // The downloaded file restores into an empty database, its audit chain whole.
    const target = TEST_BACKENDS.find((b) => b.name === backend)!;
    const into = await target.open({ migrate: false });
    try {
      const restored = await restoreBackup(into, { path: file, secret: { key } });
      expect(restored.manifest.tenants).toEqual(['yunshan']);
      expect(restored.rows.customers).toBe(20);
      expect((await verifyAuditChain(into.db, 'yunshan')).ok).toBe(true);
    } finally {
      await into.close();
    }
  });

  it('the scheduled backup writes when due, is idempotent, and prunes per CUSTOS_BACKUP_KEEP, audited', async () => {
    const services = { database: t.database, config: t.app.custos.config };
    const first = await runScheduledBackup(services, now);
    expect(first.made?.manifest.scope).toBe('all');
    expect(first.made?.verified).toBe(true);
    // Not due again within the interval: nothing written.
    expect(await runScheduledBackup(services, now + DAY / 2)).toEqual({ made: null, pruned: [] });
    // Keep 2: the manual backup (oldest) goes, then the first scheduled one.
    const [manual] = (await readdir(join(dir, 'backups'))).filter((n) => n.includes('-manual-'));
    const second = await runScheduledBackup(services, now + DAY);
    expect(second.pruned).toEqual([manual]);
    const third = await runScheduledBackup(services, now + 2 * DAY);
    expect(third.pruned).toEqual([first.made!.name]);
    const files = (await readdir(join(dir, 'backups'))).sort();
    expect(files).toEqual([second.made!.name, third.made!.name].sort());
    for (const name of files) {
      const manifest = await readBackupManifest(join(dir, 'backups', name), { key });
      expect(manifest.scope).toBe('all');
    }
    const pruned = await listAuditEvents(t.database.db, 'yunshan', { action: 'backup.prune' });
    expect(pruned.map((e) => e.target).sort()).toEqual(
      [manual, first.made!.name].map((n) => `backup/${n}`).sort(),
    );
    const created = await listAuditEvents(t.database.db, 'yunshan', { action: 'backup.create' });
    expect(created).toHaveLength(4);
    expect((await verifyAuditChain(t.database.db, 'yunshan')).ok).toBe(true);

    // The list shows the schedule's next run and the scheduled backups.
    now += 2 * DAY;
    admin = await t.login(ADMIN);
    const listed = (await call(admin, 'GET', '/v1/admin/backups')).json().data;
    expect(listed.backups.map((b: { name: string }) => b.name)).toEqual([
      third.made!.name,
      second.made!.name,
    ]);
    expect(listed.schedule.nextRunAt).toBe(new Date(TEST_NOW + 3 * DAY).toISOString());
  });
});

describe('backups without a key', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-backups-nokey-'));
    t = await createTestApp({ customers: 5, config: { backupDir: dir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses "back up now" with BACKUP_KEY_MISSING and queues nothing', async () => {
    const admin = await t.login(ADMIN);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/backups',
      headers: { cookie: admin },
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('BACKUP_KEY_MISSING');
    const listed = await t.app.inject({
      method: 'GET',
      url: '/v1/admin/backups',
      headers: { cookie: admin },
    });
    expect(listed.json().data).toMatchObject({
      jobs: [],
      schedule: { keyConfigured: false, keySource: 'none', nextRunAt: null },
    });
  });
});
