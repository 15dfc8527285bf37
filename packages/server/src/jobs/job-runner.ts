import { randomUUID } from 'node:crypto';
import type { Database } from '@custos/store';
import type { Config } from '../config.ts';
import type { JobRegistry, JobServices } from './job-registry.ts';
import { claimJobs, completeJob, extendLeases, failJob, type StoredJob } from './job-queue.ts';
import { recordTickResult, takeDueTick, upsertSchedules } from './schedule-store.ts';

export interface JobRunnerOptions {
  database: Database;
  registry: JobRegistry;
  config: Config;
  clock?: () => number;
  /** This node's name in `locked_by`; default a random one per runner. */
  nodeId?: string;
  /** Between two polls when nothing was due (default `config.jobsPollMs`). */
  pollMs?: number;
  /** How long a claim holds before another node may take the job over (default 60 s). */
  leaseMs?: number;
  /** Jobs claimed and run at once per poll (default 4). */
  batch?: number;
  log?: JobServices['log'];
}

const SILENT: JobServices['log'] = { warn: () => undefined, info: () => undefined };

/**
 * The durable job runner (ADR 0014): polls the `jobs` table, claims due jobs with
 * `FOR UPDATE SKIP LOCKED` under a lease, runs them, and retries failures with exponential backoff
 * up to their max attempts (then `dead` with the last error). Recurring schedules queue one job
 * per tick. Several runners on one database (several nodes) run each job once; a runner that dies
 * mid-job leaves a lease that expires, and another runner takes the job over.
 */
export class JobRunner {
  readonly nodeId: string;
  readonly #options: JobRunnerOptions;
  readonly #clock: () => number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #batch: number;
  readonly #abort = new AbortController();
  readonly #running = new Map<string, StoredJob>();
  #timer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #tick: Promise<number> | undefined;
  #stopped = false;
  #started = false;
  #schedulesWritten: Promise<void> | undefined;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
    this.nodeId = options.nodeId ?? `node-${randomUUID().slice(0, 8)}`;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#pollMs = options.pollMs ?? options.config.jobsPollMs;
    this.#batch = options.batch ?? 4;
  }

  get #services(): JobServices {
    return {
      database: this.#options.database,
      clock: this.#clock,
      config: this.#options.config,
      signal: this.#abort.signal,
      log: this.#options.log ?? SILENT,
    };
  }

  /** Write the schedules' rows, then poll until `stop`. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await this.#writeSchedules();
    this.#heartbeat = setInterval(() => void this.#beat(), Math.max(1_000, this.#leaseMs / 3));
    this.#heartbeat.unref();
    this.#schedule(0);
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#tick = this.runOnce()
        .catch((error: unknown) => {
          (this.#options.log ?? SILENT).warn({ err: error }, 'job runner poll failed');
          return 0;
        })
        .finally(() => {
          this.#tick = undefined;
        });
      void this.#tick.then((ran) => this.#schedule(ran > 0 ? 0 : this.#pollMs));
    }, delay);
    this.#timer.unref();
  }

  /** Each schedule's row, written once per runner. */
  #writeSchedules(): Promise<void> {
    this.#schedulesWritten ??= upsertSchedules(
      this.#options.database.db,
      this.#options.registry.recurring,
      this.#clock(),
    ).catch((error: unknown) => {
      this.#schedulesWritten = undefined;
      throw error;
    });
    return this.#schedulesWritten;
  }

  async #beat(): Promise<void> {
    if (this.#running.size === 0) return;
    await extendLeases(
      this.#options.database.db,
      this.nodeId,
      [...this.#running.values()],
      this.#clock() + this.#leaseMs,
    ).catch(() => undefined);
  }

  /**
   * One poll: queue the due ticks of the recurring schedules, then claim and run up to `batch`
   * due jobs. Returns the number of jobs run. (Tests call it directly.)
   */
  async runOnce(): Promise<number> {
    const { database, registry } = this.#options;
    const db = database.db;
    await this.#writeSchedules();
    for (const schedule of registry.recurring) {
      if (this.#stopped) return 0;
      await takeDueTick(db, schedule, this.#clock());
    }
    if (this.#stopped) return 0;
    const now = this.#clock();
    const claimed = await claimJobs(db, {
      names: registry.jobNames,
      nodeId: this.nodeId,
      now,
      leaseUntil: now + this.#leaseMs,
      limit: this.#batch,
    });
    await Promise.all(claimed.map((job) => this.#run(job)));
    return claimed.length;
  }

  async #run(job: StoredJob): Promise<void> {
    const db = this.#options.database.db;
    const definition = this.#options.registry.job(job.name);
    if (definition === undefined) return;
    // A job taken over after its node died: that attempt counts; past the last one it is dead.
    if (job.attempts > job.maxAttempts) {
      await failJob(
        db,
        { ...job, attempts: job.maxAttempts },
        this.nodeId,
        this.#clock(),
        job.lastError ?? 'the node running the last attempt stopped (lease expired)',
      );
      return;
    }
    this.#running.set(`${job.tenantId}/${job.id}`, job);
    const started = this.#clock();
    const startedReal = performance.now();
    let error: string | null = null;
    try {
      await definition.handler(this.#services, {
        id: job.id,
        tenantId: job.tenantId,
        name: job.name,
        payload: job.payload,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
      });
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message || thrown.name : String(thrown);
    } finally {
      this.#running.delete(`${job.tenantId}/${job.id}`);
    }
    const now = Math.max(this.#clock(), started);
    if (error === null) await completeJob(db, job, this.nodeId, now);
    else {
      const state = await failJob(db, job, this.nodeId, now, error);
      if (state !== null)
        (this.#options.log ?? SILENT).warn(
          { job: job.name, id: job.id, attempt: job.attempts, state, error },
          'job attempt failed',
        );
    }
    const schedule = (job.payload as { schedule?: unknown } | null)?.schedule;
    if (typeof schedule === 'string')
      await recordTickResult(db, schedule, {
        finishedAt: now,
        durationMs: performance.now() - startedReal,
        error,
      });
  }

  /**
   * Stop polling and wait for the jobs in hand to finish (their handlers see `signal` aborted).
   * After `timeoutMs` it returns anyway: their leases expire and another node takes them over.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    clearInterval(this.#heartbeat);
    this.#abort.abort();
    const tick = this.#tick;
    if (tick !== undefined) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        tick.catch(() => 0),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
  }
}
