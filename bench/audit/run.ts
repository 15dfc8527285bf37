/**
 * `npm run bench:audit [-- --quick]`: what the audit hash chain (ADR 0013) costs.
 *
 * Per backend (an embedded PostgreSQL server started here, and PGlite in memory) and per size of
 * the existing log (10,000 and 1,000,000 events of the tenant; `--sizes=a,b`), events/s of:
 * - bulk: `appendAuditEvent(db, events[])` with batches of 100 (group commit: one head-row bump,
 *   one multi-row insert), from 8 concurrent writers on PostgreSQL (1 on PGlite, one connection);
 *   and 100 single `appendAuditEvent` calls in one transaction;
 * - single: one event per transaction (a record update's own event), same concurrency;
 * - records: record updates through the real write path (`updateRecordAs`, its audit event
 *   chained) on the demo company's customers;
 * and, as the peer measured in the same run, the same bulk and single inserts into a copy of the
 * table WITHOUT the chain (no seq, no hash, no head row). The existing log is laid down with one
 * SQL statement (synthetic hashes: it is there for its size, its index and its head row; the
 * chain is not verified here). Prints a table with the ratio to the peer and the target
 * (≥ 20,000 events/s on PostgreSQL, bulk). No timing is asserted in tests.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildIndex } from '@custos/engine';
import { updateRecordAs } from '@custos/records';
import { hashPassword, loadDemo } from '@custos/server';
import {
  appendAuditEvent,
  createKeyring,
  loadPolicyModel,
  openPgDatabase,
  openPgliteDatabase,
  type Database,
} from '@custos/store';
import { startEmbeddedPostgres } from '../../packages/store/src/test-postgres-server.ts';
import { formatTable } from '../engine/timing.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const flag = (name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (flag('sizes') ?? (quick ? '10000,100000' : '10000,1000000')).split(',').map(Number);
const TENANT = 'yunshan';
const BATCH = 100;
const TARGET = 20_000;

type Row = readonly string[];
const rows: Row[] = [];
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function createPeer(database: Database): Promise<void> {
  await sql`create table if not exists audit_peer (
    tenant_id text not null, id bigserial not null, at timestamptz not null, actor_id text,
    action text not null, target text, before jsonb, after jsonb, outcome text not null,
    acting_as_id text, request_id text, ip text, user_agent text,
    primary key (tenant_id, id))`.execute(database.db);
  await sql`create index if not exists audit_peer_at on audit_peer (tenant_id, at desc)`.execute(
    database.db,
  );
}

function event(i: number) {
  return {
    tenantId: TENANT,
    actorId: `u${i % 50}`,
    action: 'customer.update',
    target: `customer/c-${i}`,
    before: { phone: '138 0000 0000' },
    after: { phone: `139 ${String(i).padStart(8, '0')}` },
    at: new Date(Date.UTC(2026, 10, 30) + i),
    outcome: 'success' as const,
    requestId: `req-${i}`,
    ip: '10.1.2.3',
    userAgent: 'bench',
  };
}

async function peerInsert(db: Database['db'], i: number): Promise<void> {
  const e = event(i);
  await sql`insert into audit_peer (tenant_id, at, actor_id, action, target, before, after, outcome,
      acting_as_id, request_id, ip, user_agent)
    values (${e.tenantId}, ${e.at.toISOString()}::timestamptz, ${e.actorId}, ${e.action}, ${e.target},
      ${JSON.stringify(e.before)}::jsonb, ${JSON.stringify(e.after)}::jsonb, ${e.outcome}, null,
      ${e.requestId}, ${e.ip}, ${e.userAgent})`.execute(db);
}

async function peerInsertMany(db: Database['db'], from: number, n: number): Promise<void> {
  const es = Array.from({ length: n }, (_, k) => event(from + k));
  await sql`insert into audit_peer (tenant_id, at, actor_id, action, target, before, after, outcome,
      acting_as_id, request_id, ip, user_agent)
    select ${TENANT}, v.at, v.actor, v.action, v.target, v.before, v.after, v.outcome, null,
      v.request_id, v.ip, v.user_agent
    from unnest(${es.map((e) => e.at.toISOString())}::timestamptz[], ${es.map((e) => e.actorId)}::text[],
      ${es.map((e) => e.action)}::text[], ${es.map((e) => e.target)}::text[],
      ${es.map((e) => JSON.stringify(e.before))}::jsonb[], ${es.map((e) => JSON.stringify(e.after))}::jsonb[],
      ${es.map((e) => e.outcome)}::text[], ${es.map((e) => e.requestId)}::text[],
      ${es.map((e) => e.ip)}::text[], ${es.map((e) => e.userAgent)}::text[])
      as v(at, actor, action, target, before, after, outcome, request_id, ip, user_agent)`.execute(
    db,
  );
}

/** Lay down `size` events of the tenant (one statement) and point its head at the last. */
async function growLog(database: Database, size: number): Promise<void> {
  const { rows: r } = await sql<{ n: string }>`
    select coalesce(max(seq), 0) as n from audit_events where tenant_id = ${TENANT}`.execute(
    database.db,
  );
  const have = Number(r[0]!.n);
  if (have >= size) return;
  await sql`insert into audit_events (tenant_id, at, actor_id, action, target, after, outcome, seq, hash)
    select ${TENANT}, now(), 'seed', 'customer.read', 'customer/c-' || g, '{"n":1}'::jsonb,
      'success', g, md5(g::text) || md5((g + 1)::text)
    from generate_series(${have + 1}::bigint, ${size}::bigint) g`.execute(database.db);
  await sql`insert into audit_heads (tenant_id, seq, hash) values (${TENANT}, ${size}, ${'0'.repeat(64)})
    on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash`.execute(
    database.db,
  );
  await sql`insert into audit_peer (tenant_id, at, actor_id, action, target, after, outcome)
    select ${TENANT}, now(), 'seed', 'customer.read', 'customer/c-' || g, '{"n":1}'::jsonb, 'success'
    from generate_series(1, ${size - have}::bigint) g`.execute(database.db);
  await sql`analyze audit_events`.execute(database.db);
}

/** Events/s of `transactions` transactions of `perTx` events each, from `writers` writers. */
async function measure(
  database: Database,
  writers: number,
  transactions: number,
  perTx: number,
  write: (db: Database['db'], i: number) => Promise<unknown>,
  eventsPerWrite = 1,
): Promise<number> {
  let next = 0;
  let counter = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < transactions) {
        next += 1;
        await database.db.transaction().execute(async (tx) => {
          for (let k = 0; k < perTx; k += 1) await write(tx, (counter += 1));
        });
      }
    }),
  );
  return (transactions * perTx * eventsPerWrite) / ((performance.now() - start) / 1000);
}

async function recordUpdates(database: Database, writers: number, count: number): Promise<number> {
  const model = await loadPolicyModel(database.db, TENANT);
  const index = buildIndex(model);
  const ids = (
    await database.db.selectFrom('customers').select('id').where('tenant_id', '=', TENANT).execute()
  ).map((r) => r.id);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) {
        const i = (next += 1);
        const ctx = { tenantId: TENANT, userId: 'zhoumin', model, index, now: Date.now(), keyring };
        await updateRecordAs(database.db, ctx, 'customer', ids[i % ids.length]!, {
          fields: { phone: `139 ${String(i).padStart(8, '0')}` },
        });
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

/** The bench's keys: the demo's encrypted fields are sealed and opened with them. */
const keyring = createKeyring({ kek: randomBytes(32) });

async function benchBackend(name: string, database: Database, writers: number): Promise<void> {
  process.stderr.write(`${name}: loading the demo company…\n`);
  await loadDemo(database, {
    keyring,
    customers: 500,
    now: Date.now(),
    sharedPasswordHash: await hashPassword('bench-password-unused'),
  });
  await createPeer(database);
  const scale = name === 'PGlite' ? 0.25 : 1;
  const bulkTx = Math.round((quick ? 100 : 400) * scale);
  const singleTx = Math.round((quick ? 2000 : 8000) * scale);
  const updates = Math.round((quick ? 500 : 2000) * scale);
  for (const size of sizes) {
    process.stderr.write(`${name}: growing the log to ${fmt(size)} events…\n`);
    await growLog(database, size);
    const label = `${name}, log ${fmt(size)}`;
    const bulk = await measure(
      database,
      writers,
      bulkTx,
      1,
      (db, i) =>
        appendAuditEvent(
          db,
          Array.from({ length: BATCH }, (_, k) => event(i * BATCH + k)),
        ),
      BATCH,
    );
    const bulkPeer = await measure(
      database,
      writers,
      bulkTx,
      1,
      (db, i) => peerInsertMany(db, i * BATCH, BATCH),
      BATCH,
    );
    const bulkEach = await measure(database, writers, Math.max(1, bulkTx / 4), BATCH, (db, i) =>
      appendAuditEvent(db, event(i)),
    );
    const single = await measure(database, writers, singleTx, 1, (db, i) =>
      appendAuditEvent(db, event(i)),
    );
    const singlePeer = await measure(database, writers, singleTx, 1, peerInsert);
    const records = await recordUpdates(database, writers, updates);
    const verdict = (v: number): string =>
      name === 'PostgreSQL' ? (v >= TARGET ? 'PASS' : 'MISS') : '(report)';
    rows.push(
      [
        label,
        `batches of ${BATCH} (${writers} writers)`,
        fmt(bulk),
        fmt(bulkPeer),
        `${(bulk / bulkPeer).toFixed(2)}×`,
        `≥ ${fmt(TARGET)}/s`,
        verdict(bulk),
      ],
      [
        label,
        `${BATCH} single appends/tx (${writers} w.)`,
        fmt(bulkEach),
        fmt(bulkPeer),
        `${(bulkEach / bulkPeer).toFixed(2)}×`,
        '',
        '',
      ],
      [
        label,
        `single (1/tx, ${writers} writers)`,
        fmt(single),
        fmt(singlePeer),
        `${(single / singlePeer).toFixed(2)}×`,
        '',
        '',
      ],
      [label, `record updates (${writers} writers)`, fmt(records), '', '', '', ''],
    );
  }
}

const pg = await startEmbeddedPostgres({ prefix: 'custos-bench-audit-' });
try {
  const database = await openPgDatabase({ connectionString: pg.url, maxConnections: 10 });
  try {
    await benchBackend('PostgreSQL', database, 8);
  } finally {
    await database.close();
  }
} finally {
  await pg.stop();
}
const lite = await openPgliteDatabase();
try {
  await benchBackend('PGlite', lite, 1);
} finally {
  await lite.close();
}

console.log(
  `\nAudit chain throughput (events/s; peer: the same inserts without the chain, same run; ${new Date().toISOString()})\n`,
);
console.log(
  formatTable(
    ['backend, existing log', 'workload', 'chained', 'peer', 'ratio', 'target', ''],
    rows,
  ),
);
console.log(
  '\nEmbedded PostgreSQL runs with durability off (fsync, synchronous commit): commit cost is not disk-bound here.',
);
