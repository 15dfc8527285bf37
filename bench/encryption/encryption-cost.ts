/**
 * The cost of field encryption at rest (docs/encryption.md), measured in the runs of
 * `bench:list` (first list page) and `bench:change` (writes): the demo company at a given size
 * loaded twice into PGlite — once as the demo ships (customer phone, email, ID number and bank
 * account, contact phone and email, deal and order amounts sealed), once with the same data in
 * clear (the same load, then those fields' `encrypted` turned off through the change path and the
 * sweep run to open every value) — and the same HTTP requests sent to both apps in-process
 * (Fastify `inject`: routing, the session, the engine's filter, the store, opening and masking),
 * round-robin so that a noisy moment of the shared machine falls on both alike.
 *
 * Readers: the administrator (reads every sensitive field in clear: every sealed value on the
 * page is opened — the worst case) and a sales rep (some fields masked: those are never opened,
 * the stored masked form is shown). Writes: PATCH of a customer's phone and e-mail, and POST of a
 * new customer with both (sealed, blind index tokens written, audit event with sealed values).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  buildApp,
  commitChanges,
  hashPassword,
  loadDemo,
  runSweepToEnd,
  type PolicyChange,
} from '@custos/server';
import {
  createKeyring,
  DEMO_PASSWORD,
  loadPolicyModel,
  openPgliteDatabase,
  type Database,
  type Keyring,
} from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { formatTable } from '../engine/timing.ts';
import {
  formatMs,
  formatRatio,
  measureInterleaved,
  type Latency,
  type MeasureOptions,
} from '../list/measure.ts';

/** Issue 11: the first page with encrypted fields within 1.3× of the same page unencrypted. */
export const TARGET_ENCRYPTION_RATIO = 1.3;

const NOW = Date.UTC(2026, 5, 1);
const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';

export interface EncryptionCostOptions extends MeasureOptions {
  sizes: readonly number[];
  what: 'reads' | 'writes';
  log: (line?: string) => void;
  status: (text: string) => void;
}

export interface EncryptionCostRow {
  customers: number;
  what: string;
  plain: Latency;
  encrypted: Latency;
  /** encrypted p95 ÷ plain p95 (and the same on the medians). */
  ratio: number;
  ratioP50: number;
  /** Whether the target applies to this row (the first page). */
  target: boolean;
}

interface Side {
  dir: string;
  database: Database;
  app: FastifyInstance;
  cookies: { admin: string; rep: string };
  customerIds: string[];
  loadMs: number;
  /** The clear side: the sweep that opened every value (records visited, values opened, ms). */
  sweep?: { records: number; opened: number; ms: number };
}

async function login(app: FastifyInstance, email: string): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (r.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${r.statusCode} ${r.body}`);
  const c = r.cookies.find((k) => k.name.includes('session'));
  return `${c?.name}=${c?.value}`;
}

/** Turn every encrypted field of the policy to clear and open every stored value (the sweep). */
async function decryptAll(
  database: Database,
  keyring: Keyring,
  tenantId: string,
): Promise<{ records: number; opened: number; ms: number }> {
  const model = await loadPolicyModel(database.db, tenantId);
  const changes: PolicyChange[] = model.objects.flatMap((o) =>
    Object.entries(o.fields)
      .filter(([, setting]) => setting.encrypted === true)
      .map(([field, setting]) => ({
        kind: 'object.set_field' as const,
        object: o.object,
        field,
        setting: { ...setting, encrypted: false },
      })),
  );
  await commitChanges(database.db, changes, { tenantId, actorId: 'zhoumin', now: NOW });
  const sweep = await database.db
    .selectFrom('encryption_sweeps')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('state', '=', 'running')
    .executeTakeFirstOrThrow();
  const t0 = performance.now();
  const ended = await runSweepToEnd({ database, keyring, clock: () => NOW }, tenantId, sweep.id);
  if (ended.state !== 'done') throw new Error(`opening the values ended ${ended.state}`);
  return {
    records: ended.counts.records,
    opened: ended.counts.opened,
    ms: performance.now() - t0,
  };
}

async function prepare(customers: number, encrypted: boolean, passwordHash: string): Promise<Side> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'custos-bench-enc-'));
  const database = await openPgliteDatabase({ dataDir: dir });
  const keyring = createKeyring({ kek: randomBytes(32), clock: () => NOW });
  const t0 = performance.now();
  const demo = await loadDemo(database, {
    keyring,
    customers,
    now: NOW,
    sharedPasswordHash: passwordHash,
    fourEyes: false,
  });
  const sweep = encrypted ? undefined : await decryptAll(database, keyring, demo.tenantId);
  const loadMs = performance.now() - t0;
  await database.db.executeQuery((await import('kysely')).CompiledQuery.raw('vacuum analyze', []));
  const app = await buildApp({ database, keyring, clock: () => NOW, logger: false });
  const rows = await database.db
    .selectFrom('customers')
    .select('id')
    .where('tenant_id', '=', demo.tenantId)
    .orderBy('id')
    .limit(500)
    .execute();
  return {
    dir,
    database,
    app,
    cookies: { admin: await login(app, ADMIN), rep: await login(app, REP) },
    customerIds: rows.map((r) => r.id),
    loadMs,
    ...(sweep === undefined ? {} : { sweep }),
  };
}

async function close(side: Side): Promise<void> {
  await side.app.close();
  await side.database.close();
  await rm(side.dir, { recursive: true, force: true });
}

/** One request; fails loudly on an unexpected status (a benchmark of errors measures nothing). */
async function send(
  side: Side,
  request: { method: 'GET' | 'POST' | 'PATCH'; url: string; cookie: string; payload?: object },
  expected: number,
): Promise<number> {
  const r = await side.app.inject({
    method: request.method,
    url: request.url,
    headers: { cookie: request.cookie },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  if (r.statusCode !== expected)
    throw new Error(`${request.method} ${request.url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.body.length;
}

/** Checks that both sides show the same first page to the administrator (same data, in clear). */
async function samePage(plain: Side, sealed: Side): Promise<void> {
  const page = async (side: Side) =>
    (
      await side.app.inject({
        method: 'GET',
        url: '/v1/customers?limit=50',
        headers: { cookie: side.cookies.admin },
      })
    ).json<{ items: { id: string; fields: Record<string, unknown> }[] }>().items;
  const [a, b] = [await page(plain), await page(sealed)];
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error('the encrypted and the clear databases show different first pages');
  if (!a.some((r) => typeof r.fields.phone === 'string'))
    throw new Error('the first page shows no phone in clear: nothing to measure');
}

/**
 * Measure one size: first pages (`what: 'reads'`) or writes (`'writes'`), clear vs encrypted.
 */
export async function measureEncryptionCost(
  customers: number,
  options: EncryptionCostOptions,
): Promise<EncryptionCostRow[]> {
  options.status(`encryption cost: loading the demo with ${customers} customers, twice`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const plain = await prepare(customers, false, passwordHash);
  const sealed = await prepare(customers, true, passwordHash);
  try {
    options.log(
      `  ${customers.toLocaleString('en-US')} customers: loaded encrypted in ${(sealed.loadMs / 1000).toFixed(1)} s, ` +
        `in clear (load + sweep opening every value) in ${(plain.loadMs / 1000).toFixed(1)} s`,
    );
    if (plain.sweep !== undefined)
      options.log(
        `  the sweep (${customers.toLocaleString('en-US')} customers): ${plain.sweep.records.toLocaleString('en-US')} records visited, ` +
          `${plain.sweep.opened.toLocaleString('en-US')} values opened in ${(plain.sweep.ms / 1000).toFixed(1)} s ` +
          `(${Math.round(plain.sweep.records / (plain.sweep.ms / 1000)).toLocaleString('en-US')} records/s)`,
      );
    await samePage(plain, sealed);
    const rows: EncryptionCostRow[] = [];
    const pair = async (
      what: string,
      make: (side: Side, i: number) => Promise<number>,
      target: boolean,
    ) => {
      options.status(`encryption cost: ${what} at ${customers} customers`);
      let i = 0;
      let j = 0;
      const [p, e] = (await measureInterleaved(
        [() => make(plain, i++), () => make(sealed, j++)],
        options,
      )) as [Latency, Latency];
      rows.push({
        customers,
        what,
        plain: p,
        encrypted: e,
        ratio: e.p95 / p.p95,
        ratioP50: e.p50 / p.p50,
        target,
      });
    };
    if (options.what === 'reads') {
      const first = (who: 'admin' | 'rep') => (side: Side) =>
        send(
          side,
          { method: 'GET', url: '/v1/customers?limit=50', cookie: side.cookies[who] },
          200,
        );
      await pair('first page, 管理员 (all in clear)', first('admin'), true);
      await pair('first page, 销售代表 (some masked)', first('rep'), true);
      await pair(
        'exact phone search, 管理员',
        (side) =>
          send(
            side,
            {
              method: 'GET',
              url: '/v1/customers?field=phone:13800000000',
              cookie: side.cookies.admin,
            },
            200,
          ),
        false,
      );
    } else {
      await pair(
        'PATCH customer phone + e-mail',
        (side, i) =>
          send(
            side,
            {
              method: 'PATCH',
              url: `/v1/customers/${side.customerIds[i % side.customerIds.length]}`,
              cookie: side.cookies.admin,
              payload: {
                fields: { phone: `139${String(i).padStart(8, '0')}`, email: `b${i}@bench.example` },
              },
            },
            200,
          ),
        false,
      );
      await pair(
        'POST customer with phone + e-mail',
        (side, i) =>
          send(
            side,
            {
              method: 'POST',
              url: '/v1/customers',
              cookie: side.cookies.admin,
              payload: {
                fields: {
                  name: `基准客户 ${i}`,
                  phone: `137${String(i).padStart(8, '0')}`,
                  email: `n${i}@bench.example`,
                },
              },
            },
            201,
          ),
        false,
      );
    }
    return rows;
  } finally {
    await close(plain);
    await close(sealed);
  }
}

/** Every size, then the table (p50 / p95 in ms, ratio against the target). */
export async function runEncryptionCost(
  options: EncryptionCostOptions,
): Promise<EncryptionCostRow[]> {
  const rows: EncryptionCostRow[] = [];
  options.log(
    `Cost of field encryption (${options.what === 'reads' ? 'list pages' : 'writes'}; demo company on PGlite in a temp dir, ` +
      `HTTP in-process, clear vs encrypted interleaved; up to ${options.runs} runs each)`,
  );
  for (const size of options.sizes) rows.push(...(await measureEncryptionCost(size, options)));
  const verdict = (r: EncryptionCostRow) =>
    r.target ? (r.ratio <= TARGET_ENCRYPTION_RATIO ? 'PASS' : 'MISS') : '(no target)';
  options.log(
    formatTable(
      [
        'customers',
        'request',
        'clear p50 / p95',
        'encrypted p50 / p95',
        'ratio p95',
        'ratio p50',
        `≤ ${TARGET_ENCRYPTION_RATIO}×`,
        'runs',
      ],
      rows.map((r) => [
        r.customers.toLocaleString('en-US'),
        r.what,
        `${formatMs(r.plain.p50)} / ${formatMs(r.plain.p95)}`,
        `${formatMs(r.encrypted.p50)} / ${formatMs(r.encrypted.p95)}`,
        formatRatio(r.ratio),
        formatRatio(r.ratioP50),
        verdict(r),
        String(r.plain.runs),
      ]),
    ),
  );
  options.log('');
  return rows;
}
