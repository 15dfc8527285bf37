import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decide, explain, mask, type CrmRecord, type PolicyModel } from '@custos/engine';
import {
  demoCompany,
  getRecord,
  listAuditEvents,
  listUnsentMessages,
  loadPolicyModel,
  savePolicyModel,
} from '@custos/store';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, TEST_NOW, type CliSandbox } from './cli-test-support.ts';
import { SECRET_FILE } from './server-secret.ts';
import { keyringFromConfig } from '@custos/server';
import { openForWrite } from '@custos/store';

/** The keys `custos seed` sealed the sandbox's encrypted fields with (its data dir's secret). */
async function sandboxKeyring(dataDir: string) {
  const secret = (await readFile(join(dataDir, SECRET_FILE), 'utf8')).trim();
  return keyringFromConfig({ secret, kekFile: undefined, shredLedger: undefined });
}

const COMMANDS = [
  'migrate',
  'seed',
  'demo',
  'serve',
  'check',
  'explain',
  'export',
  'import',
  'user',
];
const CUSTOMERS = 100;
/** The seeded company, as the oracle: same size, seed and clock as `custos seed`. */
const demo = demoCompany({ customers: CUSTOMERS, now: TEST_NOW });
const customers = demo.records.filter((r) => r.object === 'customer');

/** The rep who owns the most customers with an ID number (a masked field for reps). */
const rep = (() => {
  const count = new Map<string, number>();
  for (const c of customers) {
    if (c.ownerId !== null && c.fields.idNumber !== undefined) {
      count.set(c.ownerId, (count.get(c.ownerId) ?? 0) + 1);
    }
  }
  const reps = demo.model.users.filter((u) => u.roleIds.includes('sales-rep'));
  return reps
    .filter((u) => u.status === 'active')
    .sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0))[0]!;
})();
const ownCustomer = customers.find((c) => c.ownerId === rep.id && c.fields.idNumber)!;
const otherCustomer = customers.find(
  (c) =>
    c.ownerId !== rep.id && c.ownerId !== null && !decide(demo.model, rep.id, 'read', c, TEST_NOW),
)!;

/** The demo policy, with 销售代表 allowed to export and import their own customers. */
function withRepExportImport(model: PolicyModel): PolicyModel {
  const next = structuredClone(model);
  const role = next.roles.find((r) => r.id === 'sales-rep')!;
  role.functions = [...role.functions, 'export', 'import'];
  role.objects.customer = { ...role.objects.customer, export: 'own' };
  return next;
}

let box: CliSandbox;

beforeAll(async () => {
  box = await cliSandbox();
});
afterAll(async () => {
  await box.remove();
});

describe('custos (usage)', () => {
  it.each(COMMANDS)('%s --help prints its usage and exits 0', async (command) => {
    const r = await box.run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: custos ${command}`);
    expect(r.err).toBe('');
  });

  it('--help lists every command', async () => {
    const r = await box.run(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.out).toContain(command);
  });

  it.each([
    [['bogus']],
    [['check', 'read', 'customer/c-00001']],
    [['check', '--as', 'lilei', 'read', 'c-00001']],
    [['check', '--as', 'lilei', 'peek', 'customer/c-00001']],
    [['explain', '--as', 'lilei', '--lang', 'fr-FR', 'read', 'customer/c-00001']],
    [['seed', '--customers', 'many']],
    [['export', '--as', 'lilei', '--object', 'invoice']],
    [['import', '--as', 'zhoumin']],
  ])('%j is a usage error: exit 2, a message on stderr', async (argv) => {
    const r = await box.run(argv);
    expect(r.code).toBe(2);
    expect(r.err).not.toBe('');
    expect(r.out).toBe('');
  });
});

describe('custos migrate, seed', () => {
  it('migrates a new database, then finds nothing to do', async () => {
    const first = await box.run(['migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('0001-initial');
    const again = await box.run(['migrate']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Already up to date');
  });

  it('seeds the demo company with progress lines and the persona logins', async () => {
    const r = await box.run(['seed', '--customers', String(CUSTOMERS)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`records: ${demo.records.length}/${demo.records.length} (100%)`);
    expect(r.out).toContain('演示账号 / Demo logins');
    expect(r.out).toContain('li.lei@yunshan.example');
    expect(r.out).toContain('Custos-Demo-2026');
    const stored = await box.withDatabase(async (database) => {
      const model = await loadPolicyModel(database.db, 'yunshan');
      const record = await getRecord(database.db, 'yunshan', 'customer', ownCustomer.id);
      // Encrypted fields are stored sealed (no plaintext), and open to the generator's values.
      expect(JSON.stringify(record?.fields)).not.toContain(String(ownCustomer.fields.phone));
      const [opened] = await openForWrite(
        database.db,
        await sandboxKeyring(box.dataDir),
        model,
        'yunshan',
        record === undefined ? [] : [record],
      );
      return { users: model.users.length, record: opened };
    });
    expect(stored.users).toBe(demo.model.users.length);
    expect(stored.record?.fields).toEqual(ownCustomer.fields);
  });

  it('refuses to seed a tenant that exists, unless --replace', async () => {
    const r = await box.run(['seed', '--customers', '10']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[CONFLICT]');
    expect(r.err).toContain('--replace');
  });
});

describe('custos user invite, reset-password', () => {
  it('invites a new user and prints the one-time link, queued in the outbox and audited', async () => {
    const r = await box.run(
      [
        'user',
        'invite',
        '--email',
        'New.Hire.CLI@yunshan.example',
        '--name',
        '柯新人',
        '--department',
        'marketing',
        '--role',
        'sales-rep',
      ],
      { env: { CUSTOS_PUBLIC_URL: 'https://crm.example.cn/' } },
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const link = /https:\/\/crm\.example\.cn\/set-password\?token=([\w-]{43})/.exec(r.out);
    expect(link).not.toBeNull();
    expect(r.out).toContain(new Date(TEST_NOW + 72 * 3_600_000).toISOString());
    const stored = await box.withDatabase(async (database) => {
      const model = await loadPolicyModel(database.db, 'yunshan');
      const user = model.users.find((u) => u.name === '柯新人');
      const outbox = await listUnsentMessages(database.db, { tenantId: 'yunshan' });
      const audit = await listAuditEvents(database.db, 'yunshan', { action: 'account.invite' });
      return { user, outbox, audit };
    });
    expect(stored.user).toMatchObject({ departmentId: 'marketing', roleIds: ['sales-rep'] });
    expect(stored.outbox.map((m) => m.to)).toContain('New.Hire.CLI@yunshan.example');
    expect(stored.audit[0]).toMatchObject({ actorId: null, target: `user/${stored.user?.id}` });
  });

  it('refuses a taken e-mail or a bad department, writing nothing', async () => {
    const taken = await box.run([
      'user',
      'invite',
      '--email',
      'LI.LEI@yunshan.example',
      '--name',
      '李雷二',
      '--department',
      'marketing',
    ]);
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/\[CONFLICT\].*--email/);
    const bad = await box.run([
      'user',
      'invite',
      '--email',
      'new.one@yunshan.example',
      '--name',
      '新人',
      '--department',
      'no-such-dept',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[MODEL_INVALID]');
    const users = await box.withDatabase(
      async (database) => (await loadPolicyModel(database.db, 'yunshan')).users,
    );
    expect(users.filter((u) => u.name === '李雷二' || u.name === '新人')).toEqual([]);
    const missing = await box.run(['user', 'invite', '--name', 'x', '--department', 'marketing']);
    expect(missing.code).toBe(2);
  });

  it('resets a password by user id or e-mail and prints the link', async () => {
    const byEmail = await box.run(['user', 'reset-password', 'li.lei@yunshan.example']);
    expect(byEmail.err).toBe('');
    expect(byEmail.code).toBe(0);
    expect(byEmail.out).toMatch(/http:\/\/localhost:3000\/set-password\?token=[\w-]{43}/);
    expect(byEmail.out).toContain('lilei');
    const byId = await box.run(['user', 'reset-password', 'lilei']);
    expect(byId.code).toBe(0);
    const unknown = await box.run(['user', 'reset-password', 'nobody@yunshan.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('[NOT_FOUND]');
    const audit = await box.withDatabase((database) =>
      listAuditEvents(database.db, 'yunshan', { action: 'account.reset_password' }),
    );
    expect(audit).toHaveLength(2);
  });
});

describe('custos check, explain', () => {
  const cases: [string, string, CrmRecord][] = [
    ['allowed: own customer', rep.id, ownCustomer],
    ['denied: a colleague’s customer', rep.id, otherCustomer],
    ['allowed: the manager of the region', 'wangzhiqiang', ownCustomer],
  ];

  it.each(cases)('check matches decide (%s)', async (_name, userId, record) => {
    const allowed = decide(demo.model, userId, 'read', record, TEST_NOW);
    const r = await box.run(['check', '--as', userId, 'read', `customer/${record.id}`]);
    expect(r.err).toBe('');
    expect(r.code).toBe(allowed ? 0 : 3);
    expect(r.out.startsWith(allowed ? 'ALLOW' : 'DENY')).toBe(true);
  });

  it('check takes a login email or a name for --as', async () => {
    const byEmail = await box.run([
      'check',
      '--as',
      'li.lei@yunshan.example',
      'update',
      'customer/c-00001',
    ]);
    expect(byEmail.out).toContain('李雷 (lilei)');
    const byName = await box.run(['check', '--as', '李雷', 'update', 'customer/c-00001']);
    expect(byName.out).toContain('李雷 (lilei)');
  });

  it.each(cases)(
    'explain prints the engine’s sentences and reasons (%s)',
    async (_n, userId, record) => {
      const expected = explain(demo.model, userId, 'read', record, TEST_NOW);
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const r = await box.run([
          'explain',
          '--as',
          userId,
          '--lang',
          lang,
          'read',
          `customer/${record.id}`,
        ]);
        expect(r.code).toBe(0);
        expect(r.out).toContain(expected.text[lang]);
        const kinds = expected.allowed
          ? expected.allowedBy.map((a) => a.kind)
          : [expected.deniedBy!.kind];
        for (const kind of kinds) expect(r.out).toContain(`- ${kind}`);
      }
    },
  );

  it('explain takes its language from LANG, and prints JSON with --json', async () => {
    const zh = await box.run(['explain', '--as', rep.id, 'read', `customer/${otherCustomer.id}`], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(zh.out).toContain('拒绝。');
    const json = await box.run([
      'explain',
      '--as',
      rep.id,
      '--json',
      'read',
      `customer/${otherCustomer.id}`,
    ]);
    expect(JSON.parse(json.out)).toEqual(
      explain(demo.model, rep.id, 'read', otherCustomer, TEST_NOW),
    );
  });

  it('reports an unknown record or user with its catalogue code', async () => {
    const record = await box.run(['check', '--as', rep.id, 'read', 'customer/c-99999']);
    expect(record.code).toBe(1);
    expect(record.err).toContain('[NOT_FOUND]');
    const user = await box.run(['check', '--as', 'nobody', 'read', `customer/${ownCustomer.id}`]);
    expect(user.code).toBe(1);
    expect(user.err).toContain('[NOT_FOUND]');
  });
});

describe('custos export, import', () => {
  it('refuses a user without the export function', async () => {
    const r = await box.run(['export', '--as', rep.id]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[PERMISSION_DENIED]');
  });

  it('exports as a 销售代表 only the customers they may export, masked fields masked', async () => {
    const model = withRepExportImport(demo.model);
    await box.withDatabase((database) => savePolicyModel(database.db, 'yunshan', model));
    const out = join(box.dir, 'mine.csv');
    const r = await box.run(['export', '--as', rep.id, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Record<string, string>[];
    const expected = customers.filter(
      (c) =>
        decide(model, rep.id, 'read', c, TEST_NOW) && decide(model, rep.id, 'export', c, TEST_NOW),
    );
    expect(rows.map((row) => row.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(rows.some((row) => row.id === otherCustomer.id)).toBe(false);
    const mine = rows.find((row) => row.id === ownCustomer.id)!;
    expect(mine.ownerId).toBe(rep.id);
    expect(mine.name).toBe(ownCustomer.fields.name);
    expect(mine.idNumber).toBe(mask(ownCustomer.fields.idNumber, 'id_number'));
    expect(mine.idNumber).not.toBe(ownCustomer.fields.idNumber);
    const audit = await box.withDatabase((database) =>
      listAuditEvents(database.db, 'yunshan', { action: 'record.export' }),
    );
    expect(audit[0]?.actorId).toBe(rep.id);
    expect(audit[0]?.target).toBe('customer');
    expect(audit[0]?.after).toMatchObject({ object: 'customer', count: rows.length, via: 'cli' });
  });

  it('writes CSV to stdout and the summary to stderr without --out', async () => {
    const r = await box.run(['export', '--as', 'zhoumin']);
    expect(r.code).toBe(0);
    expect(parse(r.out, { columns: true })).toHaveLength(CUSTOMERS);
    expect(r.err).toContain(`Exported ${CUSTOMERS} customer records`);
  });

  it('fails an import with a forbidden field, naming the line and field, and writes nothing', async () => {
    const file = join(box.dir, 'forbidden.csv');
    await writeFile(
      file,
      [
        'id,name,creditLimit',
        `${ownCustomer.id},改名后的客户有限公司,`,
        ',新客户有限公司,50000',
        '',
      ].join('\n'),
    );
    const r = await box.run(['import', '--as', rep.id, file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:3: error [FIELD_NOT_EDITABLE]`);
    expect(r.err).toContain('creditLimit');
    expect(r.err).toContain('nothing was written');
    const stored = await box.withDatabase((database) =>
      getRecord(database.db, 'yunshan', 'customer', ownCustomer.id),
    );
    expect(stored?.fields.name).toBe(ownCustomer.fields.name);
    // The passing row went through the write path in the same transaction, and was rolled back.
    const events = await box.withDatabase((database) =>
      listAuditEvents(database.db, 'yunshan', { action: 'customer.update' }),
    );
    expect(events.filter((e) => e.target === `customer/${ownCustomer.id}`)).toEqual([]);
  });

  it('imports the rows that pass with --no-all-or-nothing, and audits the import', async () => {
    const file = join(box.dir, 'partial.csv');
    await writeFile(
      file,
      [
        'id,name,creditLimit',
        `${ownCustomer.id},改名后的客户有限公司,`,
        ',新客户有限公司,50000',
      ].join('\n'),
    );
    const r = await box.run(['import', '--as', rep.id, '--no-all-or-nothing', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 created, 1 updated, 1 failed');
    await box.withDatabase(async (database) => {
      const sealed = await getRecord(database.db, 'yunshan', 'customer', ownCustomer.id);
      const [stored] = await openForWrite(
        database.db,
        await sandboxKeyring(box.dataDir),
        await loadPolicyModel(database.db, 'yunshan'),
        'yunshan',
        sealed === undefined ? [] : [sealed],
      );
      expect(stored?.fields.name).toBe('改名后的客户有限公司');
      expect(stored?.fields.idNumber).toBe(ownCustomer.fields.idNumber);
      const audit = await listAuditEvents(database.db, 'yunshan', { action: 'customer.import' });
      expect(audit[0]?.after).toMatchObject({ updated: [ownCustomer.id], failed: 1 });
      // Each row is audited like an API write: who, what, and the fields that changed.
      const [update] = await listAuditEvents(database.db, 'yunshan', { action: 'customer.update' });
      expect(update).toMatchObject({
        actorId: rep.id,
        target: `customer/${ownCustomer.id}`,
        after: { fields: { name: '改名后的客户有限公司' } },
      });
    });
  });

  it('re-imports an export unchanged (masked values are not changes)', async () => {
    const out = join(box.dir, 'round-trip.csv');
    expect((await box.run(['export', '--as', rep.id, '--out', out])).code).toBe(0);
    const r = await box.run(['import', '--as', rep.id, out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses an update of a customer the importer cannot see, and unknown columns', async () => {
    const file = join(box.dir, 'other.csv');
    await writeFile(file, `id,name\n${otherCustomer.id},抢来的客户有限公司\n`);
    const denied = await box.run(['import', '--as', rep.id, file]);
    expect(denied.code).toBe(1);
    expect(denied.err).toContain(`${file}:2: error [NOT_FOUND]`);
    await writeFile(file, 'id,salary\n,1\n');
    const unknown = await box.run(['import', '--as', rep.id, file]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('[REQUEST_INVALID]');
    expect(unknown.err).toContain('salary');
  });

  it('judges an import row by the same rules as the API (an owner must be an active staff member)', async () => {
    const file = join(box.dir, 'portal-owner.csv');
    await writeFile(file, 'id,name,ownerId\n,门户用户的客户有限公司,portal-1\n');
    const r = await box.run(['import', '--as', 'zhoumin', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:2: error [REQUEST_INVALID]`);
    expect(r.err).toContain('portal-1 is not an active internal user');
  });

  it('creates customers as an administrator', async () => {
    const file = join(box.dir, 'new.csv');
    await writeFile(file, 'id,name,region,creditLimit\nc-new-1,杭州新建客户有限公司,华东,300000\n');
    const r = await box.run(['import', '--as', 'zhoumin', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 created, 0 updated');
    const stored = await box.withDatabase((database) =>
      getRecord(database.db, 'yunshan', 'customer', 'c-new-1'),
    );
    expect(stored).toMatchObject({ ownerId: 'zhoumin', fields: { creditLimit: 300000 } });
  });
});

describe('custos demo', () => {
  it('reuses the seeded company, serves it, lists the logins, and stops on a signal', async () => {
    let stop: (signal: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let out = '';
    const running = box.run(['demo', '--host', '127.0.0.1', '--port', '0'], {
      untilStopped: () => stopped,
      stdout: { write: (s: string) => (out += s), isTTY: false },
      env: { CUSTOS_LOG_LEVEL: 'silent' },
    });
    for (let i = 0; i < 200 && !out.includes('Ctrl-C'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(out).toContain('Reusing the demo company');
    expect(out).toContain('API 文档 / API docs: http://localhost:');
    expect(out).toContain('li.lei@yunshan.example');
    expect(out).toContain('/v1/auth/mfa/enrolment/confirm');
    const url = /running: (http:\/\/localhost:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    const docs = await fetch(`${url}/docs`);
    expect(docs.status).toBeLessThan(500);
    stop('SIGTERM');
    const r = await running;
    expect(r.code).toBe(0);
  });
});

describe('custos demo --https, custos serve --tls-cert', () => {
  it('makes a self-signed certificate in the data dir, serves HTTPS only, and serve reuses it', async () => {
    let stop: (signal: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let out = '';
    const running = box.run(['demo', '--https', '--host', '127.0.0.1', '--port', '0'], {
      untilStopped: () => stopped,
      stdout: { write: (s: string) => (out += s), isTTY: false },
      env: { CUSTOS_LOG_LEVEL: 'silent' },
    });
    for (let i = 0; i < 200 && !out.includes('Ctrl-C'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /running: (https:\/\/localhost:\d+)/.exec(out)?.[1];
    expect(url, out).toBeDefined();
    expect(out).toContain(`Made a self-signed certificate for localhost: ${box.dataDir}`);
    const certFile = join(box.dataDir, 'tls', 'localhost-cert.pem');
    const keyFile = join(box.dataDir, 'tls', 'localhost-key.pem');
    const ca = await readFile(certFile);
    const status = await new Promise<number>((resolve, reject) =>
      httpsGet(`${url}/healthz`, { ca }, (res) => resolve(res.statusCode ?? 0)).on('error', reject),
    );
    expect(status).toBe(200);
    stop('SIGTERM');
    expect((await running).code).toBe(0);

    let stopServe: (signal: string) => void = () => {};
    const serveStopped = new Promise<string>((resolve) => (stopServe = resolve));
    let served = '';
    const serving = box.run(
      ['serve', '--host', '127.0.0.1', '--port', '0', '--tls-cert', certFile, '--tls-key', keyFile],
      {
        untilStopped: () => serveStopped,
        stdout: { write: (s: string) => (served += s), isTTY: false },
        env: { CUSTOS_LOG_LEVEL: 'silent' },
      },
    );
    for (let i = 0; i < 200 && !served.includes('API docs'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(served).toMatch(/listening on https:\/\/localhost:\d+/);
    stopServe('SIGINT');
    expect((await serving).code).toBe(0);
  });

  it('refuses --tls-cert without --tls-key, naming the setting', async () => {
    const r = await box.run(['serve', '--port', '0', '--tls-cert', 'cert.pem'], {
      env: { CUSTOS_LOG_LEVEL: 'silent' },
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('CUSTOS_TLS_KEY');
  });
});

describe('custos serve', () => {
  it('migrates, listens where the flags say, and stops on a signal', async () => {
    let stop: (signal: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let out = '';
    const running = box.run(['serve', '--host', '127.0.0.1', '--port', '0'], {
      untilStopped: () => stopped,
      stdout: { write: (s: string) => (out += s), isTTY: false },
      env: { CUSTOS_LOG_LEVEL: 'silent' },
    });
    for (let i = 0; i < 200 && !out.includes('API docs'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /listening on (http:\/\/localhost:\d+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'li.lei@yunshan.example', password: 'Custos-Demo-2026' }),
    });
    expect(login.status).toBe(200);
    stop('SIGINT');
    expect((await running).code).toBe(0);
    expect(out).toContain('SIGINT: stopping');
  });
});

describe('custos serve keeps its secret', () => {
  /** Start `serve`, sign in as the rep, run `work` with the URL and cookie, stop. */
  async function serving<T>(work: (url: string, cookie: string) => Promise<T>): Promise<T> {
    let stop: (signal: string) => void = () => {};
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    let out = '';
    const running = box.run(['serve', '--host', '127.0.0.1', '--port', '0'], {
      untilStopped: () => stopped,
      stdout: { write: (s: string) => (out += s), isTTY: false },
      env: { CUSTOS_LOG_LEVEL: 'silent' },
    });
    for (let i = 0; i < 200 && !out.includes('API docs'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /listening on (http:\/\/localhost:\d+)/.exec(out)?.[1] ?? '';
    try {
      const login = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'li.lei@yunshan.example', password: 'Custos-Demo-2026' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return await work(url, cookie);
    } finally {
      stop('SIGTERM');
      expect((await running).code).toBe(0);
    }
  }

  it('in the data directory: a list cursor still works after a restart', async () => {
    const cursor = await serving(async (url, cookie) => {
      const page = await fetch(`${url}/v1/customers?limit=1`, { headers: { cookie } });
      expect(page.status).toBe(200);
      return ((await page.json()) as { nextCursor: string }).nextCursor;
    });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const secret = await readFile(join(box.dataDir, SECRET_FILE), 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(32);
    expect((await stat(join(box.dataDir, SECRET_FILE))).mode & 0o077).toBe(0);
    await serving(async (url, cookie) => {
      const next = await fetch(`${url}/v1/customers?limit=1&cursor=${cursor}`, {
        headers: { cookie },
      });
      expect(next.status, await next.clone().text()).toBe(200);
      const forged = await fetch(`${url}/v1/customers?limit=1&cursor=${cursor.slice(0, -2)}AA`, {
        headers: { cookie },
      });
      expect(forged.status).toBe(400);
    });
    expect(await readFile(join(box.dataDir, SECRET_FILE), 'utf8')).toBe(secret);
  });
});

describe('the custos bin', () => {
  it('prints its help', async () => {
    const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'custos.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(stdout).toContain('Usage: custos');
    expect(stdout).toContain('export');
  });
});
