/**
 * `custos keys status` and `custos keys rotate` (docs/key-rotation.md): offline on the data
 * directory (the keyring built as `custos serve` builds it, the sweep run in this process with its
 * progress), and beside a running server through the API (`--server URL --token …`: the rotation
 * posted, the sweep's progress polled until done by the server's job runner).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  loadConfig,
  startServer,
  type EncryptionOverview,
  type RunningServer,
} from '@custos/server';
import { DEMO_PASSWORD, listAuditEvents } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, TEST_NOW, type CliSandbox } from './cli-test-support.ts';

const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';

let box: CliSandbox;
let server: RunningServer | undefined;

beforeAll(async () => {
  box = await cliSandbox();
  const seeded = await box.run(['seed', '--customers', '40']);
  expect(seeded.code, seeded.err).toBe(0);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await box?.remove();
});

const statusJson = async (extra: string[] = []): Promise<EncryptionOverview> => {
  const r = await box.run(['keys', 'status', '--json', ...extra]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as EncryptionOverview;
};

async function api(path: string, init: { cookie?: string; csrf?: string; body?: object } = {}) {
  return fetch(`${server!.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.cookie === undefined ? {} : { cookie: init.cookie }),
      ...(init.csrf === undefined ? {} : { 'x-csrf-token': init.csrf }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Sign in through the API and create a token with `scopes`: the answer (status and body). */
async function createToken(email: string, scopes: string[]) {
  const login = await api('/v1/auth/login', { body: { email, password: DEMO_PASSWORD } });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await (await api('/v1/auth/csrf', { cookie })).json()) as { token: string }).token;
  const created = await api('/v1/auth/tokens', {
    cookie,
    csrf,
    body: { name: 'keys', scopes, expiresAt: new Date(TEST_NOW + 86_400_000).toISOString() },
  });
  return {
    status: created.status,
    body: (await created.json()) as { token?: string; code?: string },
  };
}

describe('custos keys, offline on the data directory', () => {
  it('status shows the active version, the values under it and the encrypted fields', async () => {
    const r = await box.run(['keys', 'status']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Active data key: v1');
    expect(r.out).toMatch(/Values by key: .*v1 \d+/);
    expect(r.out).toContain('No value is under an older key version.');
    expect(r.out).toMatch(/customer: .*phone.* encrypted/);
    expect(r.out).toContain('No sweep yet.');
    const json = await statusJson();
    expect(json.activeVersion).toBe(1);
    expect(json.valuesByKey.v1).toBeGreaterThan(0);
  });

  it('refuses a rotation without a reason or with a bad --poll-ms, changing nothing', async () => {
    const none = await box.run(['keys', 'rotate']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('--reason <text> is required');
    const blank = await box.run(['keys', 'rotate', '--reason', '   ']);
    expect(blank.code).toBe(2);
    const poll = await box.run(['keys', 'rotate', '--reason', 'x', '--poll-ms', 'soon']);
    expect(poll.code).toBe(2);
    expect(poll.err).toContain('--poll-ms soon');
    const tenant = await box.run(['--tenant', 'nope', 'keys', 'rotate', '--reason', 'x']);
    expect(tenant.code).toBe(1);
    expect(tenant.err).toContain('[STORE_UNKNOWN_TENANT]');
    expect((await statusJson()).activeVersion).toBe(1);
  });

  it('rotates and re-seals every value in this process with progress; audited', async () => {
    const before = await statusJson();
    const r = await box.run(['keys', 'rotate', '--reason', '年度轮换 yearly rotation']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Rotated the data key: v1 → v2 (active now); re-sealing here.');
    expect(r.out).toMatch(/Sweep \S+ \(rotate, "年度轮换 yearly rotation"\): done 100%, target v2/);
    expect(r.out).toContain('0 values left');
    // The progress (plain lines: not a terminal) from 0 to every record.
    const records = Number(/Re-sealing \(pass 1\): 0\/(\d+)/.exec(r.err)?.[1]);
    expect(records).toBeGreaterThan(40);
    expect(r.err).toContain(`Re-sealing (pass 1): ${records}/${records} (100%)`);

    const after = await statusJson();
    expect(after.activeVersion).toBe(2);
    expect(after.keys.map((k) => [k.version, k.state])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    expect(after.valuesByKey.v1 ?? 0).toBe(0);
    expect(after.valuesByKey.v2).toBe(before.valuesByKey.v1);
    expect(after.valuesByKey.subject).toBe(before.valuesByKey.subject);
    expect(after.sweep).toMatchObject({ state: 'done', remaining: 0, targetVersion: 2 });
    const events = await box.withDatabase((database) =>
      listAuditEvents(database.db, 'yunshan', {}),
    );
    const rotate = events.find((e) => e.action === 'encryption.rotate');
    expect(rotate).toMatchObject({
      actorId: null,
      target: 'data_key/v2',
      after: { activeVersion: 2, reason: '年度轮换 yearly rotation' },
    });
    expect(events.some((e) => e.action === 'encryption.sweep.complete')).toBe(true);
  }, 120_000);
});

describe('custos keys beside a running server', () => {
  let token = '';
  const online = (argv: string[]) => box.run([...argv, '--server', server!.url, '--token', token]);

  beforeAll(async () => {
    server = await startServer(
      loadConfig(
        {},
        {
          dataDir: box.dataDir,
          port: 0,
          host: '127.0.0.1',
          logLevel: 'silent',
          jobsPollMs: 100,
          // As `custos serve` runs: with the data directory's secret (the KEK `seed` sealed with).
          secret: (await readFile(join(box.dataDir, 'custos-secret'), 'utf8')).trim(),
        },
      ),
      { clock: () => TEST_NOW, logger: false },
    );
    const created = await createToken(ADMIN, ['encryption_admin']);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    token = created.body.token as string;
  }, 120_000);

  it('refuses offline while the server holds the data, and a rep a token for the keys', async () => {
    const locked = await box.run(['keys', 'status']);
    expect(locked.code).toBe(1);
    expect(locked.err).toContain('STORE_DATA_DIR_LOCKED');
    expect(locked.err).toContain('--server URL --token TOKEN');
    const rep = await createToken(REP, ['encryption_admin']);
    expect(rep.status).toBe(403);
    const noToken = await box.run(['keys', 'status', '--server', server!.url]);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('needs an API token');
    const otherTenant = await box.run([
      '--tenant',
      'elsewhere',
      'keys',
      'status',
      '--server',
      server!.url,
      '--token',
      token,
    ]);
    expect(otherTenant.code).toBe(2);
    expect(otherTenant.err).toContain("the tenant is the token's (yunshan)");
  });

  it('rotates through the API and follows the server’s sweep to the end', async () => {
    const r = await online(['keys', 'rotate', '--reason', 'online rotation', '--poll-ms', '50']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Rotated the data key: v2 → v3 \(active now\); sweep \S+ re-seals/);
    expect(r.out).toMatch(/: done 100%, target v3/);
    expect(r.err).toMatch(/Re-sealing \(pass 1\): 0\/\d+/);
    const status = await online(['keys', 'status']);
    expect(status.code, status.err).toBe(0);
    expect(status.out).toContain('Active data key: v3');
    expect(status.out).toContain('No value is under an older key version.');
    expect(status.out).toMatch(/v2 retired, created .*, retired /);
    const json = JSON.parse((await online(['keys', 'status', '--json'])).out) as EncryptionOverview;
    expect(json.valuesByKey.v2 ?? 0).toBe(0);
    expect(json.valuesByKey.v3).toBeGreaterThan(0);
    const [event] = await listAuditEvents(server!.database.db, 'yunshan', {
      action: 'encryption.rotate',
    });
    expect(event).toMatchObject({ actorId: 'zhoumin', target: 'data_key/v3' });
  }, 120_000);

  it('--no-wait starts the rotation and returns; keys status follows it to done', async () => {
    const started = await online(['keys', 'rotate', '--reason', 'start only', '--no-wait']);
    expect(started.code, started.err).toBe(0);
    expect(started.out).toContain('v3 → v4');
    expect(started.err).toBe('');
    let json: EncryptionOverview | undefined;
    for (let i = 0; i < 200 && json?.sweep?.state !== 'done'; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      json = JSON.parse((await online(['keys', 'status', '--json'])).out) as EncryptionOverview;
    }
    expect(json?.sweep).toMatchObject({ state: 'done', targetVersion: 4, remaining: 0 });
    expect(json?.valuesByKey.v3 ?? 0).toBe(0);
  }, 60_000);
});
