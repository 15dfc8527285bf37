/**
 * The audit chain over HTTP and on a schedule (docs/audit.md): auditors sign checkpoints and
 * verify the chain (each use audited), the key comes from outside the database, the scheduled
 * pass writes one file per tenant and head and is idempotent, and a tampered log is named.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAuditEvents } from '@custos/store';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerKeys } from '../../http/server-keys.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { parseCheckpointFile, runAuditCheckpoints } from './audit-checkpoints.ts';

const SECRET = 'audit-chain-test-secret-0123456789abcdef';
const AUDITOR = 'zheng.xiuying@yunshan.example';
const REP = 'li.lei@yunshan.example';

describe.each(['pglite', 'postgres'] as const)('audit chain routes on %s', (backend) => {
  let t: TestApp;
  let dir: string;
  let auditor: string;
  let rep: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-audit-'));
    t = await createTestApp({
      backend,
      customers: 20,
      config: { secret: SECRET, auditCheckpointDir: join(dir, 'checkpoints') },
    });
    auditor = await t.login(AUDITOR);
    rep = await t.login(REP);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, 'user-agent': 'audit-test' },
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });

  it('verifies the demo log: every event chained, ok', async () => {
    const response = await call(auditor, 'POST', '/v1/audit/verify');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ ok: true, keyAvailable: true, issues: [] });
    expect(report.events).toBeGreaterThan(0);
    const [event] = await listAuditEvents(t.database.db, 'yunshan', { action: 'audit.verify' });
    expect(event).toMatchObject({
      actorId: 'zhengxiuying',
      outcome: 'success',
      userAgent: 'audit-test',
      after: { ok: true },
    });
  });

  it('signs a checkpoint on demand and answers the checkpoint file', async () => {
    const response = await call(auditor, 'POST', '/v1/audit/checkpoints');
    expect(response.statusCode).toBe(201);
    const file = response.json();
    expect(file.format).toBe('custos.audit-checkpoints/1');
    const [checkpoint] = parseCheckpointFile(file);
    expect(checkpoint).toMatchObject({ tenant: 'yunshan', at: new Date(TEST_NOW).toISOString() });
    // It covers its own audit event: the head right after the `audit.checkpoint` event.
    const [event] = await listAuditEvents(t.database.db, 'yunshan', { action: 'audit.checkpoint' });
    expect(event?.actorId).toBe('zhengxiuying');
    const listed = await call(auditor, 'GET', '/v1/audit/checkpoints');
    expect(listed.json()).toEqual(file);
  });

  it('refuses those without audit_view, and bad input naming the field', async () => {
    for (const [method, url] of [
      ['GET', '/v1/audit/checkpoints'],
      ['POST', '/v1/audit/checkpoints'],
      ['POST', '/v1/audit/verify'],
    ] as const) {
      const response = await call(rep, method, url);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('PERMISSION_DENIED');
    }
    const bad = await call(auditor, 'POST', '/v1/audit/verify', {
      checkpoints: [{ tenant: 'yunshan', seq: 1, hash: 'zz', at: 'x', mac: 'y' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.field).toMatch(/^body\/checkpoints\/0\/hash/);
    const foreign = await call(auditor, 'POST', '/v1/audit/verify', {
      checkpoints: [
        { tenant: 'other', seq: 1, hash: 'a'.repeat(64), at: 'x', mac: 'b'.repeat(64) },
      ],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details.field).toBe('body/checkpoints/0/tenant');
  });

  it('records sign-in failures and successes with their context, never the password', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'user-agent': 'coverage-test', 'x-request-id': 'req-wrong-pw' },
      payload: { email: REP, password: 'Not-The-Password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    const [failed] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'auth.login_failed',
    });
    expect(failed).toMatchObject({
      target: 'user/lilei',
      outcome: 'failure',
      requestId: 'req-wrong-pw',
      userAgent: 'coverage-test',
    });
    expect(failed?.ip).toBeTruthy();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'user-agent': 'coverage-test', 'x-request-id': 'req-good-pw' },
      payload: { email: REP, password: 'Custos-Demo-2026' },
    });
    expect(ok.statusCode).toBe(200);
    const [signedIn] = await listAuditEvents(t.database.db, 'yunshan', { action: 'auth.login' });
    expect(signedIn).toMatchObject({
      actorId: 'lilei',
      outcome: 'success',
      requestId: 'req-good-pw',
      userAgent: 'coverage-test',
    });
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from audit_events
      where tenant_id = 'yunshan' and (after::text like '%Not-The-Password-1%' or after::text like '%Custos-Demo-2026%')`.execute(
      t.database.db,
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const report = (await call(auditor, 'POST', '/v1/audit/verify')).json();
    expect(report.ok).toBe(true);
  });

  it('runs the scheduled checkpoints idempotently, one file per tenant and head', async () => {
    const services = {
      database: t.database,
      clock: () => TEST_NOW,
      config: t.app.custos.config,
      keys: t.app.custos.keys,
    };
    const first = await runAuditCheckpoints(services, TEST_NOW + 1000);
    const again = await runAuditCheckpoints(services, TEST_NOW + 2000);
    const yunshan = first.tenants.find((x) => x.tenantId === 'yunshan');
    expect(yunshan).toBeDefined();
    expect(again.tenants.find((x) => x.tenantId === 'yunshan')).toMatchObject({
      seq: yunshan!.seq,
      created: false,
    });
    const files = await readdir(join(dir, 'checkpoints'));
    expect(files).toContain(`yunshan-${yunshan!.seq}.json`);
    const file = parseCheckpointFile(JSON.parse(await readFile(yunshan!.file, 'utf8')));
    expect(file).toHaveLength(1);
    expect(file[0]!.seq).toBe(yunshan!.seq);
  });

  it('without a key file or a server secret, refuses to sign (AUDIT_KEY_MISSING)', async () => {
    await expect(
      runAuditCheckpoints(
        {
          database: t.database,
          clock: () => TEST_NOW,
          config: { ...t.app.custos.config, auditKeyFile: undefined },
          keys: createServerKeys(undefined),
        },
        TEST_NOW,
      ),
    ).rejects.toMatchObject({ code: 'AUDIT_KEY_MISSING' });
  });

  it('names the first bad sequence number of a log edited in the database', async () => {
    const exported = (await call(auditor, 'GET', '/v1/audit/checkpoints')).json();
    const { rows } = await sql<{ seq: string }>`
      select seq from audit_events where tenant_id = 'yunshan' order by seq limit 1 offset 2`.execute(
      t.database.db,
    );
    const seq = Number(rows[0]!.seq);
    await t.database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_events disable trigger user`.execute(tx);
      await sql`update audit_events set actor_id = 'nobody' where tenant_id = 'yunshan' and seq = ${seq}`.execute(
        tx,
      );
      await sql`alter table audit_events enable trigger user`.execute(tx);
    });
    const response = await call(auditor, 'POST', '/v1/audit/verify', exported);
    const report = response.json();
    expect(report.ok).toBe(false);
    expect(report.first).toMatchObject({ seq, problem: 'hash_mismatch' });
    const [event] = await listAuditEvents(t.database.db, 'yunshan', { action: 'audit.verify' });
    expect(event?.after).toMatchObject({ ok: false, first: { seq } });
  });
  it('a key file outranks the server secret; a short one is refused', async () => {
    const keyFile = join(dir, 'audit.key');
    await writeFile(keyFile, `${Buffer.alloc(32, 7).toString('base64')}\n`);
    const services = {
      database: t.database,
      clock: () => TEST_NOW,
      config: {
        ...t.app.custos.config,
        auditKeyFile: keyFile,
        auditCheckpointDir: join(dir, 'other'),
      },
      keys: createServerKeys(undefined),
    };
    // (Last in this file: the checkpoints it stores are signed with another key.) No checkpoint
    // was signed with this key, so the whole log is recomputed first — and the event edited above
    // breaks it: the head is not signed, the refusal is logged, other tenants go on.
    const run = await runAuditCheckpoints(services, TEST_NOW);
    expect(run.refused).toEqual([
      {
        tenantId: 'yunshan',
        reason: expect.stringMatching(/not signing .* does not match its hash/),
      },
    ]);
    const [refusal] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'audit.checkpoint',
    });
    expect(refusal).toMatchObject({ outcome: 'failure' });
    await writeFile(keyFile, 'short');
    await expect(runAuditCheckpoints(services, TEST_NOW)).rejects.toThrow(/at least 32 bytes/);
  });
});
