/**
 * The durable job runner (ADR 0014) on PGlite and PostgreSQL: a job runs once, failures retry with
 * exponential backoff and end dead with the last error, a unique key de-duplicates, a recurring
 * schedule runs once per interval, a job whose runner stopped mid-way is finished by another once
 * the lease expires — and, on one PostgreSQL database, two runners (two nodes) run each job once.
 */
import { openPgDatabase, type Database } from '@custos/store';
import { openPostgresTestDatabaseWithUrl, TEST_BACKENDS } from '@custos/store/test-backends';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { backoffDelay, enqueueJob, findJob, listJobs } from './job-queue.ts';
import { JobRegistry } from './job-registry.ts';
import { JobRunner } from './job-runner.ts';
import { listSchedules } from './schedule-store.ts';

const config = loadConfig({}, {});
const T0 = Date.UTC(2026, 5, 1, 8);

describe.each(TEST_BACKENDS)('job runner on $name', (backend) => {
  let database: Database;
  let now: number;
  const clock = () => now;
  const runners: JobRunner[] = [];
  const runner = (registry: JobRegistry, options: { leaseMs?: number; nodeId?: string } = {}) => {
    const r = new JobRunner({ database, registry, config, clock, ...options });
    runners.push(r);
    return r;
  };

  // One database per backend (opening one costs seconds); each test uses its own job names.
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    now = T0;
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });

  it('runs a job once, with its payload, and marks it done', async () => {
    const seen: unknown[] = [];
    const registry = new JobRegistry().registerJob('test.echo', async (_s, job) => {
      seen.push(job.payload);
    });
    const id = await enqueueJob(database.db, { name: 'test.echo', payload: { n: 1 }, now });
    const r = runner(registry);
    expect(await r.runOnce()).toBe(1);
    expect(await r.runOnce()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect((await findJob(database.db, '', id ?? ''))?.state).toBe('done');
  });

  it('waits for run_at, and a unique key de-duplicates a waiting job', async () => {
    let runs = 0;
    const registry = new JobRegistry().registerJob('test.later', async () => {
      runs += 1;
    });
    const first = await enqueueJob(database.db, {
      name: 'test.later',
      uniqueKey: 'k',
      runAt: now + 60_000,
      now,
    });
    const second = await enqueueJob(database.db, { name: 'test.later', uniqueKey: 'k', now });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const r = runner(registry);
    expect(await r.runOnce()).toBe(0);
    now += 60_000;
    expect(await r.runOnce()).toBe(1);
    expect(runs).toBe(1);
    // Done: the key is free again.
    expect(
      await enqueueJob(database.db, { name: 'test.later', uniqueKey: 'k', now }),
    ).not.toBeNull();
  });

  it('retries a failing job with exponential backoff, then marks it dead with the last error', async () => {
    let attempts = 0;
    const registry = new JobRegistry().registerJob(
      'test.flaky',
      async (_s, job) => {
        attempts += 1;
        throw new Error(`boom ${job.attempt}`);
      },
      { maxAttempts: 3, backoffMs: 1_000 },
    );
    const id = (await enqueueJob(database.db, {
      name: 'test.flaky',
      maxAttempts: 3,
      backoffMs: 1_000,
      now,
    })) as string;
    const r = runner(registry);
    expect(await r.runOnce()).toBe(1);
    let job = await findJob(database.db, '', id);
    expect(job).toMatchObject({ state: 'queued', attempts: 1, lastError: 'boom 1' });
    expect(job?.runAt).toBe(now + 1_000);
    // Not before the backoff.
    now += 999;
    expect(await r.runOnce()).toBe(0);
    now += 1;
    expect(await r.runOnce()).toBe(1);
    job = await findJob(database.db, '', id);
    expect(job).toMatchObject({ state: 'queued', attempts: 2, lastError: 'boom 2' });
    expect(job?.runAt).toBe(now + 2_000);
    now += 2_000;
    expect(await r.runOnce()).toBe(1);
    job = await findJob(database.db, '', id);
    expect(job).toMatchObject({ state: 'dead', attempts: 3, lastError: 'boom 3' });
    now += 3_600_000;
    expect(await r.runOnce()).toBe(0);
    expect(attempts).toBe(3);
    expect(backoffDelay(1_000, 30)).toBe(3_600_000);
    const dead = await listJobs(database.db, { tenantIds: [''], states: ['dead'], limit: 10 });
    expect(dead.filter((j) => j.name === 'test.flaky').map((j) => j.id)).toEqual([id]);
  });

  it('runs a recurring schedule once per interval, and records its last run', async () => {
    const ticks: number[] = [];
    const registry = new JobRegistry().registerRecurring(
      'test.every_minute',
      60_000,
      async (_s, at) => {
        ticks.push(at);
      },
    );
    const r = runner(registry);
    await r.start();
    await r.stop();
    const again = runner(registry);
    await again.runOnce(); // the tick the first runner's poll may or may not have taken
    const before = ticks.length;
    expect(before).toBe(1);
    now += 30_000;
    await again.runOnce();
    expect(ticks.length).toBe(1);
    now += 30_000;
    await again.runOnce();
    await again.runOnce();
    expect(ticks).toEqual([T0, T0 + 60_000]);
    const schedule = (await listSchedules(database.db)).find((x) => x.name === 'test.every_minute');
    expect(schedule).toMatchObject({
      name: 'test.every_minute',
      everyMs: 60_000,
      lastRunAt: T0 + 60_000,
      nextRunAt: T0 + 120_000,
      lastStatus: 'ok',
      runs: 2,
      failures: 0,
    });
  });

  it('records a failed tick on its schedule and runs the next tick anyway', async () => {
    let n = 0;
    const registry = new JobRegistry().registerRecurring('test.fails_once', 60_000, async () => {
      n += 1;
      if (n === 1) throw new Error('first tick fails');
    });
    const r = runner(registry);
    await r.runOnce();
    const mine = async () =>
      (await listSchedules(database.db)).find((x) => x.name === 'test.fails_once');
    expect(await mine()).toMatchObject({
      lastStatus: 'failed',
      lastError: 'first tick fails',
      failures: 1,
    });
    now += 60_000;
    await r.runOnce();
    expect(await mine()).toMatchObject({ lastStatus: 'ok', runs: 2 });
  });

  it('survives a restart: a job whose runner stopped mid-way is finished by another after the lease', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const finishedBy: string[] = [];
    const hanging = new JobRegistry().registerJob('test.long', async (services) => {
      // The first node "dies" mid-job: it never reports back.
      await blocked;
      if (services.signal.aborted) throw new Error('stopped');
    });
    const id = (await enqueueJob(database.db, { name: 'test.long', now })) as string;
    const first = runner(hanging, { leaseMs: 30_000, nodeId: 'node-a' });
    const inFlight = first.runOnce();
    // Wait until node-a holds it.
    for (let i = 0; i < 100; i += 1) {
      if ((await findJob(database.db, '', id))?.state === 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await findJob(database.db, '', id)).toMatchObject({
      state: 'running',
      lockedBy: 'node-a',
    });
    const healthy = new JobRegistry().registerJob('test.long', async (_s, job) => {
      finishedBy.push(`node-b attempt ${job.attempt}`);
    });
    const second = runner(healthy, { nodeId: 'node-b' });
    // Within the lease: node-b leaves it alone.
    now += 29_000;
    expect(await second.runOnce()).toBe(0);
    // The lease expired: node-b takes it over and finishes it.
    now += 2_000;
    expect(await second.runOnce()).toBe(1);
    expect(finishedBy).toEqual(['node-b attempt 2']);
    expect(await findJob(database.db, '', id)).toMatchObject({ state: 'done', attempts: 2 });
    // node-a wakes up late: its result no longer counts (the job stays done).
    await first.stop(0);
    release();
    await inFlight;
    expect(await findJob(database.db, '', id)).toMatchObject({ state: 'done' });
  });

  it('stops gracefully: a started runner finishes the job in hand before stop resolves', async () => {
    let done = false;
    const registry = new JobRegistry().registerJob('test.slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      done = true;
    });
    await enqueueJob(database.db, { name: 'test.slow', now });
    const r = new JobRunner({ database, registry, config, clock, pollMs: 20 });
    await r.start();
    const slow = async (state: 'running' | 'done') =>
      (await listJobs(database.db, { tenantIds: [''], states: [state], limit: 100 })).filter(
        (j) => j.name === 'test.slow',
      );
    for (let i = 0; i < 100 && (await slow('running')).length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await r.stop();
    expect(done).toBe(true);
    expect((await slow('done')).length).toBe(1);
  });

  it('refuses bad registrations', () => {
    const registry = new JobRegistry();
    expect(() => registry.registerJob('Bad Name', async () => undefined)).toThrow(/job name/);
    expect(() => registry.registerRecurring('test.fast', 10, async () => undefined)).toThrow(
      /everyMs/,
    );
    registry.registerJob('test.one', async () => undefined);
    expect(() => registry.registerJob('test.one', async () => undefined)).toThrow(/twice/);
  });
});

describe('two runners on one PostgreSQL database (two nodes)', () => {
  let database: Database;
  let other: Database;
  beforeEach(async () => {
    const opened = await openPostgresTestDatabaseWithUrl();
    database = opened.database;
    other = await openPgDatabase({ connectionString: opened.connectionString, migrate: false });
  });
  afterEach(async () => {
    await other.close();
    await database.close();
  });

  it('runs each job exactly once and each recurring tick once', async () => {
    const runs = new Map<string, string[]>();
    let ticks = 0;
    const registryFor = (node: string) =>
      new JobRegistry()
        .registerJob('test.count', async (_s, job) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          runs.set(job.id, [...(runs.get(job.id) ?? []), node]);
        })
        .registerRecurring('test.tick', 60_000, async () => {
          ticks += 1;
        });
    const now = T0;
    for (let i = 0; i < 40; i += 1)
      await enqueueJob(database.db, { name: 'test.count', payload: { i }, now });
    const a = new JobRunner({
      database,
      registry: registryFor('a'),
      config,
      clock: () => now,
      batch: 3,
    });
    const b = new JobRunner({
      database: other,
      registry: registryFor('b'),
      config,
      clock: () => now,
      batch: 3,
    });
    for (let round = 0; round < 20; round += 1) await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((nodes) => nodes.length === 1)).toBe(true);
    const nodes = new Set([...runs.values()].flat());
    expect(nodes).toEqual(new Set(['a', 'b']));
    expect(ticks).toBe(1);
    await a.stop();
    await b.stop();
  });
});
