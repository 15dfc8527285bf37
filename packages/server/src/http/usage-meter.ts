import type { FastifyReply, FastifyRequest } from 'fastify';
import { addUsage, type Database, type UsageCount } from '@custos/store';
import { describePermission } from './route-permission.ts';

/**
 * Counts each permission a user exercises (per UTC day) and writes the counts in batches: a read
 * costs a map update, not a database write. Least-privilege analytics (permissions not used in N
 * days) and monitoring (read volume against the user's own baseline) read `usage_daily`.
 * Counts still in memory are written by `flush()` — every few seconds and when the app closes.
 */
export class UsageMeter {
  readonly #database: Database;
  #pending = new Map<string, UsageCount>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(database: Database) {
    this.#database = database;
  }

  /** Count one use of `permission` by `userId` at `at` that returned `records` records. */
  add(tenantId: string, userId: string, permission: string, records: number, at: number): void {
    const day = new Date(at).toISOString().slice(0, 10);
    const key = `${tenantId}\u0000${userId}\u0000${day}\u0000${permission}`;
    const count = this.#pending.get(key);
    if (count === undefined) {
      this.#pending.set(key, {
        tenantId,
        userId,
        day,
        permission,
        requests: 1,
        records,
        lastAt: at,
      });
      return;
    }
    count.requests += 1;
    count.records += records;
    count.lastAt = Math.max(count.lastAt, at);
  }

  /** Write what is counted so far (one statement); concurrent calls run one after the other. */
  flush(): Promise<void> {
    const next = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return;
      const batch = [...this.#pending.values()];
      this.#pending = new Map();
      await addUsage(this.#database.db, batch);
    });
    // A failed write is not retried (the counts are statistics, not records of truth); the next
    // flush starts clean.
    this.#flushing = next.catch(() => undefined);
    return next;
  }

  /** Flush every `intervalMs` until `stop()`; errors go to `onError`. */
  start(intervalMs: number, onError: (error: unknown) => void): void {
    this.#timer ??= setInterval(() => {
      this.flush().catch(onError);
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stop the timer and write what is left. */
  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** How many records this request returned (a list handler sets it; default 1 for one record). */
    usageRecords?: number;
  }
}

/**
 * The `onResponse` hook: a successful request by a signed-in user counts one use of the route's
 * declared permission (a record permission or a function). Requests served "as" another user (view
 * as) exercise nobody's permission and are not counted.
 */
export function usageHook(meter: UsageMeter, clock: () => number) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (reply.statusCode >= 400) return;
    const custos = request.custos as FastifyRequest['custos'] | null;
    if (custos === null || custos.viewAs !== undefined) return;
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) return;
    if (permission.kind !== 'record' && permission.kind !== 'function') return;
    let text = describePermission(permission);
    if (permission.kind === 'record' && permission.object === ':object') {
      const object = (request.params as { object?: unknown } | undefined)?.object;
      if (typeof object !== 'string') return;
      text = `record:${object}:${permission.action}`;
    }
    const records =
      request.usageRecords ?? (permission.kind === 'record' && request.method === 'GET' ? 1 : 0);
    meter.add(custos.tenantId, custos.userId, text, records, clock());
  };
}
