/**
 * `npm run bench:change [-- --quick]`: what a permission change costs (ADR 0006).
 *
 * On the seeded dataset of the engine benchmark (10,000 users, 200,000 team memberships, 20,000
 * grants; customers: 200,000 by default, `--customers=N`), loaded into an embedded PostgreSQL
 * server started here and into PGlite, per backend:
 * - cold start: loading the node-wide policy and building its index, and the index's heap;
 * - the old whole-model commit (`savePolicyModel`, every policy table rewritten) as the baseline;
 * - p50/p95 commit latency per change kind, through the real change path (`commitChange`, the
 *   CRM team write with its audit event), and what a second node pays: on PostgreSQL, the time from
 *   commit until the second node (its own pool, LISTEN) has applied the version; for record facts
 *   (team, record grant), the second node's next read of the record against a steady one;
 * - throughput of concurrent team edits on different customers;
 * - a preview of a role change that affects the most users;
 * - on PostgreSQL, `POST /v1/authz/check` (batch 1) against `GET /v1/auth/me`, an authenticated
 *   route that decides nothing, in the same server (autocannon).
 * - the cost of field encryption on writes: PATCH and POST of customers with the demo's sensitive
 *   fields encrypted vs the same data in clear (`--encryption-sizes`, `--skip-encryption`;
 *   `../encryption/encryption-cost.ts`).
 * Prints a table with the targets, PASS or MISS. No timing is asserted in tests.
 */
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { buildIndex, type Grant } from '@custos/engine';
import {
  buildApp,
  commitChange,
  hashPassword,
  PolicyCache,
  previewChanges,
  SESSION_COOKIE,
  type PolicyChange,
} from '@custos/server';
import {
  appendAuditEvent,
  getRecord,
  loadPolicyModel,
  openPgDatabase,
  openPgliteDatabase,
  putTeamMember,
  readPolicyVersion,
  removeTeamMember,
  savePolicyModel,
  upsertCredential,
  type Database,
} from '@custos/store';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { startEmbeddedPostgres } from '../../packages/store/src/test-postgres-server.ts';
import {
  DEFAULT_OPTIONS,
  generateDataset,
  type GenerateOptions,
} from '../engine/generate-model.ts';
import { formatTable, hasGc, percentile, settledHeapUsed } from '../engine/timing.ts';
import { runEncryptionCost } from '../encryption/encryption-cost.ts';
import { loadDataset } from '../list/load-dataset.ts';
import { sizeList } from '../list/options.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const flag = (name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const customers = Number(flag('customers') ?? (quick ? 20_000 : 200_000));
const runs = Number(flag('runs') ?? (quick ? 20 : 40));
const backends = (flag('backends') ?? 'postgres,pglite').split(',');
/** Demo-company sizes of the encryption cost of writes (`--encryption-sizes=5000,20000`). */
const encryptionSizes = argv.includes('--skip-encryption')
  ? []
  : sizeList(
      '--encryption-sizes',
      flag('encryption-sizes') ?? process.env.BENCH_ENCRYPTION_SIZES,
      quick ? [5_000, 20_000] : [10_000, 100_000],
    );
const dataset: GenerateOptions = quick
  ? {
      ...DEFAULT_OPTIONS,
      users: 2_000,
      portalUsers: 500,
      customers,
      teamMemberships: 20_000,
      grants: 2_000,
    }
  : { ...DEFAULT_OPTIONS, customers };
const TENANT = 'bench';
const log = (line = ''): void => console.log(line);
const status = (text: string): void => void process.stderr.write(`  … ${text}\n`);
const n = (x: number): string => x.toLocaleString('en-US');
const ms = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1);

interface Stat {
  p50: number;
  p95: number;
  runs: number;
}
function stat(times: number[]): Stat {
  const sorted = Float64Array.from(times).sort();
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: times.length };
}
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

interface Row {
  backend: string;
  what: string;
  commit?: Stat;
  other?: Stat;
  otherLabel?: string;
  target: string;
  pass: boolean | null;
  note?: string;
}
const rows: Row[] = [];

log(`Custos change benchmark${quick ? ' (--quick)' : ''}`);
log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores; ` +
    `${n(dataset.users)} users, ${n(dataset.teamMemberships)} team memberships, ${n(dataset.grants)} grants, ` +
    `${n(customers)} customers; ${runs} runs per change kind`,
);
status('generating the dataset');
const ds = generateDataset(dataset);
const now = ds.now;
const model = ds.model;

/** The role held by the most users, a public group, a sharing rule, a user owning ~1,000 records. */
const holders = new Map<string, number>();
for (const u of model.users)
  if (u.kind === 'internal') for (const r of u.roleIds) holders.set(r, (holders.get(r) ?? 0) + 1);
const busiestRole = [...holders].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
const publicGroup = model.groups.find((g) => g.kind === 'public') ?? model.groups[0];
const rule = model.sharingRules[0];
const loaded = new Set(ds.customers.slice(0, customers).map((c) => c.id));
const owners = [...ds.customersByOwner]
  .map(([owner, list]) => [owner, list.filter((i) => i < customers).length] as const)
  .filter(([, count]) => count > 0)
  .sort((a, b) => Math.abs(a[1] - 1000) - Math.abs(b[1] - 1000));
const [mover, moverRecords] = owners[0] ?? ['', 0];
const departments = model.departments.filter((d) => d.parentId !== null).map((d) => d.id);
// Customers as most are: internal, with a team of at most a few (the skewed teams of thousands are
// the first customers of the dataset).
const plainCustomers = ds.customers.filter(
  (c) => loaded.has(c.id) && c.sensitivity === 'internal' && (c.team?.length ?? 0) <= 3,
);

async function runBackend(name: string, a: Database, b: Database, listenB: boolean): Promise<void> {
  status(`${name}: loading`);
  await loadDataset(a, ds, { tenantId: TENANT, subset: { customers } });
  // Cold start: the node-wide policy and its index.
  const heap0 = hasGc() ? settledHeapUsed() : 0;
  const cold = await timed(async () => buildIndex(await loadPolicyModel(a.db, TENANT)));
  const heap = hasGc() ? settledHeapUsed() - heap0 : Number.NaN;
  rows.push({
    backend: name,
    what: 'cold start: load + buildIndex',
    commit: { p50: cold.ms, p95: cold.ms, runs: 1 },
    target: 'heap ≤ 150 MB',
    pass: Number.isNaN(heap) ? null : heap <= 150 * 2 ** 20,
    note: Number.isNaN(heap)
      ? 'heap not measured (no --expose-gc)'
      : `index heap ${(heap / 2 ** 20).toFixed(0)} MB`,
  });
  void cold.value;

  // Baseline: the whole-model commit of the previous storage (every policy table rewritten).
  status(`${name}: baseline whole-model save`);
  const whole: number[] = [];
  for (let i = 0; i < 3; i++)
    whole.push((await timed(() => savePolicyModel(a.db, TENANT, model))).ms);
  rows.push({
    backend: name,
    what: 'baseline: whole-model commit (savePolicyModel)',
    commit: stat(whole),
    target: '(reference)',
    pass: null,
  });

  const cacheA = new PolicyCache(a);
  const cacheB = new PolicyCache(b);
  if (listenB) await cacheB.listen();
  await cacheA.current(TENANT);
  await cacheB.current(TENANT);
  const options = () => ({ tenantId: TENANT, actorId: null, now, policy: cacheA });

  /** Time until node B has applied `version` (polling its cache; LISTEN does the work). */
  async function applyGap(version: number, committedAt: bigint): Promise<number> {
    const deadline = Date.now() + 5000;
    while ((cacheB.peek(TENANT)?.version ?? 0) < version && Date.now() < deadline) {
      if (!listenB) await cacheB.atLeast(TENANT, version);
      else await new Promise((r) => setTimeout(r, 0.5));
    }
    return Number(process.hrtime.bigint() - committedAt) / 1e6;
  }

  async function policyKind(
    what: string,
    target: string,
    change: (i: number) => PolicyChange,
    limit = 200,
  ) {
    status(`${name}: ${what}`);
    const commits: number[] = [];
    const gaps: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      await commitChange(a.db, change(i), options());
      const committed = process.hrtime.bigint();
      commits.push(Number(committed - t0) / 1e6);
      gaps.push(await applyGap(await readPolicyVersion(a.db, TENANT), committed));
    }
    const c = stat(commits);
    const g = stat(gaps);
    rows.push({
      backend: name,
      what,
      commit: c,
      other: g,
      otherLabel: listenB ? 'node B applied after' : 'node B catch-up',
      target,
      pass: c.p95 <= limit && g.p95 <= 100,
    });
  }

  /** Record facts: commit, then node B's next read of the record against a steady read. */
  async function factKind(what: string, commit: (i: number) => Promise<string>) {
    status(`${name}: ${what}`);
    const commits: number[] = [];
    const after: number[] = [];
    const steady: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const customerId = await commit(i);
      commits.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const read = () =>
        timed(async () => {
          const version = await readPolicyVersion(b.db, TENANT);
          await cacheB.atLeast(TENANT, version);
          return getRecord(b.db, TENANT, 'customer', customerId);
        });
      after.push((await read()).ms);
      steady.push((await read()).ms);
    }
    const c = stat(commits);
    // The next read after a change against a steady read: the difference of their percentiles.
    const afterStat = stat(after);
    const steadyStat = stat(steady);
    const extra = {
      p50: afterStat.p50 - steadyStat.p50,
      p95: afterStat.p95 - steadyStat.p95,
      runs: after.length,
    };
    rows.push({
      backend: name,
      what,
      commit: c,
      other: extra,
      otherLabel: 'node B next read − steady read',
      target: 'commit p95 ≤ 20 ms; +≤ 5 ms',
      pass: c.p95 <= 20 && extra.p95 <= 5,
    });
  }

  await factKind('team member add / remove', async (i) => {
    const c = plainCustomers[i % plainCustomers.length] as (typeof plainCustomers)[number];
    const userId = ds.internalUserIds[(i * 7) % ds.internalUserIds.length] as string;
    await a.db.transaction().execute(async (tx) => {
      if (i % 2 === 0)
        await putTeamMember(tx, TENANT, { customerId: c.id, userId, access: 'read' });
      else
        await removeTeamMember(
          tx,
          TENANT,
          c.id,
          ds.internalUserIds[((i - 1) * 7) % ds.internalUserIds.length] as string,
        );
      await appendAuditEvent(tx, {
        tenantId: TENANT,
        actorId: null,
        action: 'team.add',
        target: `customer/${c.id}`,
        at: new Date(now),
      });
    });
    return c.id;
  });
  await factKind('record grant create / revoke', async (i) => {
    const c = plainCustomers[(i >> 1) % plainCustomers.length] as (typeof plainCustomers)[number];
    const id = `bench-grant-${name}-${i >> 1}`;
    const grant: Grant = {
      id,
      subject: {
        kind: 'user',
        userId: ds.internalUserIds[i % ds.internalUserIds.length] as string,
      },
      object: 'customer',
      target: { kind: 'record', recordId: c.id },
      access: 'read',
      expiresAt: null,
    };
    await commitChange(
      a.db,
      i % 2 === 0 ? { kind: 'grant.create', grant } : { kind: 'grant.revoke', id },
      options(),
    );
    return c.id;
  });
  const role = model.roles.find((r) => r.id === busiestRole);
  await policyKind(
    `role permission change (${n(holders.get(busiestRole) ?? 0)} holders)`,
    'commit p95 ≤ 200 ms; applied ≤ 100 ms',
    (i) => ({
      kind: 'role.update',
      id: busiestRole,
      objects: {
        ...role?.objects,
        order: { ...role?.objects.order, export: i % 2 === 0 ? 'own' : 'none' },
      },
    }),
  );
  if (rule !== undefined)
    await policyKind('sharing-rule change', 'commit p95 ≤ 200 ms; applied ≤ 100 ms', (i) => ({
      kind: 'sharing_rule.update',
      rule: { ...rule, access: i % 2 === 0 ? 'edit' : 'read' },
    }));
  await policyKind(
    `user transfer (${n(moverRecords)} owned customers, kept)`,
    'commit p95 ≤ 200 ms; applied ≤ 100 ms',
    (i) => ({
      kind: 'user.transfer',
      id: mover,
      departmentId: departments[i % departments.length] as string,
      ownedRecords: { mode: 'keep' },
    }),
  );
  if (publicGroup !== undefined)
    await policyKind(
      'group membership add / remove',
      'commit p95 ≤ 200 ms; applied ≤ 100 ms',
      (i) => {
        const member = { kind: 'user' as const, id: 'bench-member' };
        return i % 2 === 0
          ? {
              kind: 'group.add_member',
              id: publicGroup.id,
              member: { ...member, id: ds.internalUserIds[0] as string },
            }
          : {
              kind: 'group.remove_member',
              id: publicGroup.id,
              member: { ...member, id: ds.internalUserIds[0] as string },
            };
      },
    );

  // Throughput: concurrent team edits on different customers.
  status(`${name}: concurrent team edits`);
  const edits = Math.min(2000, plainCustomers.length);
  const concurrency = name === 'postgres' ? 16 : 1;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < edits; i = next++) {
        const c = plainCustomers[i] as (typeof plainCustomers)[number];
        await putTeamMember(a.db, TENANT, {
          customerId: c.id,
          userId: ds.internalUserIds[1] as string,
          access: 'edit',
        });
      }
    }),
  );
  const perSecond = edits / ((performance.now() - t0) / 1000);
  rows.push({
    backend: name,
    what: `concurrent team edits (${concurrency} at once)`,
    target: name === 'postgres' ? '≥ 500 changes/s' : '(one connection)',
    pass: name === 'postgres' ? perSecond >= 500 : null,
    note: `${n(Math.round(perSecond))} changes/s`,
  });

  // Preview of a role change affecting the most users.
  status(`${name}: preview`);
  const previews: number[] = [];
  let last: Awaited<ReturnType<typeof previewChanges>> | undefined;
  for (let i = 0; i < 5; i++) {
    const r = await timed(() =>
      previewChanges(
        a.db,
        [
          {
            kind: 'role.update',
            id: busiestRole,
            objects: {
              ...role?.objects,
              customer: { ...role?.objects.customer, read: 'department_tree' },
            },
          },
        ],
        { tenantId: TENANT, now, policy: cacheA, budgetMs: 1500, backend: a.backend },
      ),
    );
    previews.push(r.ms);
    last = r.value;
  }
  const p = stat(previews);
  rows.push({
    backend: name,
    what: `preview: role change (${n(holders.get(busiestRole) ?? 0)} holders)`,
    commit: p,
    target: 'p95 ≤ 2 s',
    pass: p.p95 <= 2000,
    note: `${n(last?.users.length ?? 0)} users with changes; ${last?.partial === true ? `partial (${n(last.unexamined)} unexamined)` : 'complete'}`,
  });
  log(
    `  ${name}: node B full loads ${cacheB.stats.fullLoads}, incremental catch-ups ${cacheB.stats.incremental}, changes applied ${cacheB.stats.changesApplied}`,
  );
  await cacheB.stop();
}

async function httpCheck(database: Database): Promise<void> {
  status('postgres: HTTP authz/check vs an authenticated no-op');
  const user = ds.internalUserIds[5] as string;
  const email = 'bench-user@bench.example';
  await upsertCredential(database.db, {
    tenantId: TENANT,
    userId: user,
    email,
    passwordHash: await hashPassword('Bench-Password-2026'),
  });
  const app = await buildApp({ database, clock: () => now, logger: false });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Bench-Password-2026' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (cookie === undefined) throw new Error(`login failed: ${login.status}`);
    const seconds = quick ? 3 : 8;
    const run = (request: AutocannonRequest) =>
      autocannon({ url, connections: 16, duration: seconds, workers: 1, requests: [request] });
    const floor = await run({ method: 'GET', path: '/v1/auth/me', headers: { cookie } });
    const item = {
      subject: user,
      action: 'read',
      object: 'customer',
      recordId: plainCustomers[0]?.id,
    };
    const check = await run({
      method: 'POST',
      path: '/v1/authz/check',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [item] }),
    });
    const ratio = check.requests.average / floor.requests.average;
    rows.push({
      backend: 'postgres',
      what: 'HTTP authz/check batch 1 vs GET /v1/auth/me',
      target: '≥ 0.8× the floor',
      pass: ratio >= 0.8,
      note: `${n(Math.round(check.requests.average))} vs ${n(Math.round(floor.requests.average))} req/s (${ratio.toFixed(2)}×), p99 ${check.latency.p99} ms vs ${floor.latency.p99} ms`,
    });
  } finally {
    await app.close();
  }
}

if (backends.includes('postgres')) {
  status('starting PostgreSQL');
  const server = await startEmbeddedPostgres({ prefix: 'custos-bench-change-' });
  try {
    const a = await openPgDatabase({ connectionString: server.url, maxConnections: 20 });
    const b = await openPgDatabase({
      connectionString: server.url,
      maxConnections: 4,
      migrate: false,
    });
    try {
      await runBackend('postgres', a, b, true);
      await httpCheck(b);
    } finally {
      await b.close();
      await a.close();
    }
  } finally {
    await server.stop();
  }
}
if (backends.includes('pglite')) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'custos-bench-change-pglite-'));
  try {
    const db = await openPgliteDatabase({ dataDir: dir });
    try {
      // One process, one database: the second "node" is a second cache over it.
      await runBackend('pglite', db, db, false);
    } finally {
      await db.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

log('');
log(
  formatTable(
    ['backend', 'change', 'commit p50', 'commit p95', 'second node p50 / p95', 'target', 'result'],
    rows.map((r) => [
      r.backend,
      r.what,
      ms(r.commit?.p50),
      ms(r.commit?.p95),
      r.other === undefined
        ? (r.note ?? '')
        : `${r.otherLabel}: ${ms(r.other.p50)} / ${ms(r.other.p95)}`,
      r.target,
      r.pass === null ? '' : r.pass ? 'PASS' : 'MISS',
    ]),
  ),
);
for (const r of rows)
  if (r.other !== undefined && r.note !== undefined) log(`  ${r.backend} ${r.what}: ${r.note}`);
log(
  '(times in ms; second node: PostgreSQL with LISTEN on its own pool; PGlite: a second cache in the same process)',
);

// The cost of field encryption on writes (the demo company, clear vs sealed, same run).
if (encryptionSizes.length > 0) {
  log('');
  await runEncryptionCost({
    sizes: encryptionSizes,
    what: 'writes',
    runs,
    warmup: 2,
    budgetMs: quick ? 1_500 : 5_000,
    log,
    status,
  });
}
