import type { Database } from '@custos/store';
import type { Config } from '../config.ts';

/** What a job's handler gets: the database, the clock, the settings, a signal to stop early. */
export interface JobServices {
  database: Database;
  clock: () => number;
  config: Config;
  /** Aborted when the runner stops (a long handler may stop between steps). */
  signal: AbortSignal;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

/** The job being run. */
export interface RunningJob {
  id: string;
  tenantId: string;
  name: string;
  payload: unknown;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
}

/** A one-off job's handler: throw to fail the attempt (retried with backoff up to max attempts). */
export type JobHandler = (services: JobServices, job: RunningJob) => Promise<unknown>;

/**
 * A recurring schedule's handler: one idempotent pass at `now`, the shape of the governance
 * parts' `run<Something>(services, now)` functions, so each registers in one line.
 */
export type RecurringHandler = (services: JobServices, now: number) => Promise<unknown>;

export interface JobDefinition {
  name: string;
  handler: JobHandler;
  /** Attempts before the job is dead (default 5). */
  maxAttempts: number;
  /** The first retry's delay; each next one doubles (default 10 s). */
  backoffMs: number;
}

export interface RecurringDefinition {
  name: string;
  everyMs: number;
  handler: RecurringHandler;
}

const NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

function checkName(name: string): void {
  if (!NAME.test(name) || name.length > 100)
    throw new Error(`job name "${name}": expected dotted lower-case words, e.g. webhook.deliver`);
}

/**
 * The jobs and recurring schedules this node knows. Every node of a cluster registers the same
 * (`schedules.ts`); a node claims only the jobs it knows.
 */
export class JobRegistry {
  readonly #jobs = new Map<string, JobDefinition>();
  readonly #recurring = new Map<string, RecurringDefinition>();

  /** A one-off job kind: `enqueueJob(db, { name, payload })` runs `handler` once (with retries). */
  registerJob(
    name: string,
    handler: JobHandler,
    options: { maxAttempts?: number; backoffMs?: number } = {},
  ): this {
    checkName(name);
    if (this.#jobs.has(name)) throw new Error(`job ${name} is registered twice`);
    const maxAttempts = options.maxAttempts ?? 5;
    const backoffMs = options.backoffMs ?? 10_000;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100)
      throw new Error(`job ${name}: maxAttempts must be an integer from 1 to 100`);
    if (!Number.isInteger(backoffMs) || backoffMs < 0 || backoffMs > 86_400_000)
      throw new Error(`job ${name}: backoffMs must be an integer from 0 to 86400000`);
    this.#jobs.set(name, { name, handler, maxAttempts, backoffMs });
    return this;
  }

  /** A recurring schedule: one pass every `everyMs`, by one node of the cluster per tick. */
  registerRecurring(name: string, everyMs: number, handler: RecurringHandler): this {
    checkName(name);
    if (this.#recurring.has(name) || this.#jobs.has(name))
      throw new Error(`recurring job ${name} is registered twice`);
    if (!Number.isInteger(everyMs) || everyMs < 1_000 || everyMs > 31 * 86_400_000)
      throw new Error(`recurring job ${name}: everyMs must be from 1000 (1 s) to 31 days`);
    this.#recurring.set(name, { name, everyMs, handler });
    // A tick runs as a one-off job of the same name: one attempt, the next tick is the retry.
    this.#jobs.set(name, {
      name,
      handler: (services) => handler(services, services.clock()),
      maxAttempts: 1,
      backoffMs: 0,
    });
    return this;
  }

  job(name: string): JobDefinition | undefined {
    return this.#jobs.get(name);
  }

  get jobNames(): string[] {
    return [...this.#jobs.keys()];
  }

  get recurring(): RecurringDefinition[] {
    return [...this.#recurring.values()];
  }
}
