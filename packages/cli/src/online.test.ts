/**
 * The CLI beside a running server: the real server (`startServer`) on a free port holds the PGlite
 * data directory; offline commands are refused at once with STORE_DATA_DIR_LOCKED saying what to
 * do; with a token created through the API, `check`, `explain`, `export` and `import` run with
 * `--server … --token …` (or CUSTOS_SERVER / CUSTOS_TOKEN) and print what they print offline.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decide, type CrmRecord, type PolicyModel } from '@custos/engine';
import { loadConfig, startServer, type RunningServer } from '@custos/server';
import {
  DEMO_PASSWORD,
  demoCompany,
  listAuditEvents,
  loadPolicyModel,
  savePolicyModel,
} from '@custos/store';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, TEST_NOW, type CliSandbox, type RunResult } from './cli-test-support.ts';

const CUSTOMERS = 60;
const demo = demoCompany({ customers: CUSTOMERS, now: TEST_NOW });
const customers = demo.records.filter((r) => r.object === 'customer');
/** A 销售代表 who owns customers with an ID number (masked for reps). */
const rep = demo.model.users
  .filter((u) => u.roleIds.includes('sales-rep') && u.status === 'active')
  .map((u) => ({ u, n: customers.filter((c) => c.ownerId === u.id && c.fields.idNumber).length }))
  .sort((a, b) => b.n - a.n)[0]!.u;
const repEmail = demo.logins.find((l) => l.userId === rep.id)!.email;
const own = customers.find((c) => c.ownerId === rep.id && c.fields.idNumber)!;
const other = customers.find(
  (c) => c.ownerId !== null && !decide(demo.model, rep.id, 'read', c, TEST_NOW),
) as CrmRecord;

/** 销售代表 may export and import their own customers (as in cli.test.ts). */
function withRepExportImport(model: PolicyModel): PolicyModel {
  const next = structuredClone(model);
  const role = next.roles.find((r) => r.id === 'sales-rep')!;
  role.functions = [...role.functions, 'export', 'import'];
  role.objects.customer = { ...role.objects.customer, export: 'own' };
  return next;
}

let box: CliSandbox;
let server: RunningServer | undefined;
let token = '';
const offline = new Map<string, RunResult>();

/** The questions asked offline first, then online: the outputs must agree. */
const QUESTIONS: [string, string[]][] = [
  ['check allowed', ['check', 'read', `customer/${own.id}`]],
  ['check denied', ['check', 'update', `customer/${other.id}`]],
  ['explain en-US', ['explain', '--lang', 'en-US', 'read', `customer/${own.id}`]],
  ['explain zh-CN', ['explain', '--lang', 'zh-CN', 'update', `customer/${own.id}`]],
  ['explain json', ['explain', '--json', 'read', `customer/${own.id}`]],
];

async function api(
  method: string,
  path: string,
  init: { cookie?: string; csrf?: string; body?: object } = {},
) {
  // Node's fetch sends `Sec-Fetch-Mode`, as a browser does: a session's state-changing request
  // carries the session's CSRF token (ADR 0011).
  const response = await fetch(`${server!.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(init.cookie === undefined ? {} : { cookie: init.cookie }),
      ...(init.csrf === undefined ? {} : { 'x-csrf-token': init.csrf }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return response;
}

/** Sign in as `email` through the API and create an API token with `scopes`; the token. */
async function createToken(email: string, name: string, scopes: string[]): Promise<string> {
  const login = await api('POST', '/v1/auth/login', { body: { email, password: DEMO_PASSWORD } });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await (await api('GET', '/v1/auth/csrf', { cookie })).json()) as { token: string })
    .token;
  const created = await api('POST', '/v1/auth/tokens', {
    cookie,
    csrf,
    body: { name, scopes, expiresAt: new Date(TEST_NOW + 7 * 86_400_000).toISOString() },
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

beforeAll(async () => {
  box = await cliSandbox();
  const seeded = await box.run(['seed', '--customers', String(CUSTOMERS)]);
  expect(seeded.code, seeded.err).toBe(0);
  await box.withDatabase(async (database) => {
    await savePolicyModel(
      database.db,
      'yunshan',
      withRepExportImport(await loadPolicyModel(database.db, 'yunshan')),
    );
  });
  for (const [name, argv] of QUESTIONS) offline.set(name, await box.run([...argv, '--as', rep.id]));
  offline.set('export', await box.run(['export', '--as', rep.id, '--out', 'offline.csv']));

  server = await startServer(
    loadConfig(
      {},
      {
        dataDir: box.dataDir,
        port: 0,
        host: '127.0.0.1',
        logLevel: 'silent',
        // As `custos serve` runs: with the data directory's secret (the KEK `seed` sealed with).
        secret: (await readFile(join(box.dataDir, 'custos-secret'), 'utf8')).trim(),
      },
    ),
    { clock: () => TEST_NOW, logger: false },
  );
  token = await createToken(repEmail, 'cli', ['authz', 'records:read', 'export', 'import']);
}, 240_000);

afterAll(async () => {
  await server?.close();
  await box?.remove();
});

const online = (argv: string[], env: Record<string, string> = {}) =>
  box.run(env.CUSTOS_SERVER ? argv : [...argv, '--server', server!.url, '--token', token], { env });

describe('the CLI beside a running server', () => {
  it('refuses at once to open the data directory the server holds, saying what to do', async () => {
    const started = Date.now();
    const r = await box.run(['check', '--as', rep.id, 'read', `customer/${own.id}`]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(1);
    expect(r.err).toContain('custos: error [STORE_DATA_DIR_LOCKED]');
    expect(r.err).toContain(`in use by process ${process.pid}`);
    expect(r.err).toContain('Stop the server first');
    expect(r.err).toContain('--server URL --token TOKEN');
    expect(r.err).not.toContain('Aborted');
  });

  it.each(QUESTIONS)(
    '%s: prints with --server --token what it prints offline',
    async (name, argv) => {
      const before = offline.get(name)!;
      const r = await online(argv);
      expect(r).toEqual(before);
      expect(r.code).toBe(name === 'check denied' ? 3 : 0);
    },
  );

  it('reads the server and token from CUSTOS_SERVER and CUSTOS_TOKEN', async () => {
    const r = await online(['check', 'read', `customer/${own.id}`], {
      CUSTOS_SERVER: server!.url,
      CUSTOS_TOKEN: token,
    });
    expect(r).toEqual(offline.get('check allowed'));
  });

  it('exports through the server the same CSV as offline, audited as record.export', async () => {
    const r = await online(['export', '--out', 'online.csv']);
    expect(r.code, r.err).toBe(0);
    const [first, second] = await Promise.all([
      readFile(join(box.dir, 'offline.csv'), 'utf8'),
      readFile(join(box.dir, 'online.csv'), 'utf8'),
    ]);
    expect(second).toBe(first);
    const rows = parse(second, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.find((row) => row.id === own.id)?.idNumber).not.toBe(own.fields.idNumber);
    expect(r.out.replace('online.csv', 'offline.csv')).toBe(offline.get('export')!.out);
    const [event] = await listAuditEvents(server!.database.db, 'yunshan', {
      action: 'record.export',
    });
    expect(event).toMatchObject({ actorId: rep.id, after: { count: rows.length, format: 'csv' } });
  });

  it('imports through the server: each row through the write path, failures per line', async () => {
    const file = join(box.dir, 'changes.csv');
    await writeFile(
      file,
      ['id,name', `${own.id},改名后的客户有限公司`, `${other.id},不可见的客户`].join('\n'),
    );
    const partial = await online(['import', '--no-all-or-nothing', 'changes.csv']);
    expect(partial.code).toBe(1);
    expect(partial.err).toMatch(new RegExp(`^changes\\.csv:3: error \\[NOT_FOUND\\]`, 'm'));
    expect(partial.out).toBe(
      `Imported as ${rep.name} (${rep.id}): 0 created, 1 updated, 1 failed\n`,
    );

    const view = await fetch(`${server!.url}/v1/customers/${own.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await view.json()) as { fields: { name: string } }).fields.name).toBe(
      '改名后的客户有限公司',
    );
    const [event] = await listAuditEvents(server!.database.db, 'yunshan', {
      action: 'record.import',
    });
    expect(event).toMatchObject({
      actorId: rep.id,
      after: { counts: { rows: 2, created: 0, updated: 1, failed: 1 } },
    });

    const all = await online(['import', 'changes.csv']);
    expect(all.code).toBe(1);
    expect(all.err).toContain('1 of 2 rows failed; nothing was written (all or nothing)');
    expect(all.out).toBe('');
  });

  it('names an unknown column as offline does, and writes nothing', async () => {
    await writeFile(join(box.dir, 'bad.csv'), `id,colour\n${own.id},red\n`);
    const r = await online(['import', 'bad.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('custos: error [REQUEST_INVALID]: bad.csv: unknown column colour\n');
  });

  it('reports a bad token, a missing token and an unreachable server with catalogued codes', async () => {
    const bad = await box.run([
      'check',
      'read',
      `customer/${own.id}`,
      '--server',
      server!.url,
      '--token',
      'custos_pat_0000000000000000_nope',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('custos: error [AUTH_TOKEN_INVALID]');
    const missing = await box.run(['check', 'read', `customer/${own.id}`, '--server', server!.url]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('needs an API token');
    const away = await box.run([
      'check',
      'read',
      `customer/${own.id}`,
      '--server',
      'http://127.0.0.1:1',
      '--token',
      token,
    ]);
    expect(away.code).toBe(1);
    expect(away.err).toContain(
      'custos: error [NOT_READY]: cannot reach the server at http://127.0.0.1:1',
    );
    const notUrl = await box.run([
      'check',
      'read',
      `customer/${own.id}`,
      '--server',
      'ftp://x',
      '--token',
      token,
    ]);
    expect(notUrl.code).toBe(2);
  });

  it('a token without the scope is refused by the server, naming the scope', async () => {
    const readOnly = await createToken(repEmail, 'read only', ['records:read']);
    const r = await box.run(['export', '--server', server!.url, '--token', readOnly]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('custos: error [AUTH_TOKEN_SCOPE]');
    expect(r.err).toContain('export');
  });

  it('invites a user and resets a password through the server: the link sets a password', async () => {
    const adminRoles = new Set(
      demo.model.roles.filter((r) => r.functions.includes('user_admin')).map((r) => r.id),
    );
    const admin = demo.model.users.find(
      (u) => u.status === 'active' && u.roleIds.some((id) => adminRoles.has(id)),
    )!;
    const adminEmail = demo.logins.find((l) => l.userId === admin.id)!.email;
    const adminToken = await createToken(adminEmail, 'accounts', ['user_admin']);
    const online = ['--server', server!.url, '--token', adminToken];

    const invited = await box.run([
      'user',
      'invite',
      ...online,
      '--email',
      'Xin.Tongshi@yunshan.example',
      '--name',
      '辛同事',
      '--department',
      admin.departmentId!,
    ]);
    expect(invited.code, invited.err).toBe(0);
    const userId = /\((user[^)]*)\)/.exec(invited.out)![1]!;
    const link = /(http\S+\/set-password\?token=\S+)/.exec(invited.out)![1]!;
    const set = await api('POST', '/v1/auth/password/set', {
      body: {
        token: new URL(link).searchParams.get('token'),
        password: 'a long river runs east 2026',
      },
    });
    expect(set.status).toBe(200);
    const signedIn = await api('POST', '/v1/auth/login', {
      body: { email: 'xin.tongshi@yunshan.example', password: 'a long river runs east 2026' },
    });
    expect(signedIn.status).toBe(200);

    const reset = await box.run(['user', 'reset-password', ...online, userId]);
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toContain('1 session(s) ended');
    expect(reset.out).toMatch(/set-password\?token=/);
    // Online, the user is named by id: an e-mail is a usage error, nothing changes.
    const byEmail = await box.run([
      'user',
      'reset-password',
      ...online,
      'xin.tongshi@yunshan.example',
    ]);
    expect(byEmail.code).toBe(2);
  });
});
