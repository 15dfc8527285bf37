import { loginBlockedUntil } from '@custos/store';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../http/app-error.ts';

/** 429 AUTH_THROTTLED with `Retry-After` (seconds). */
export function throttled(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('AUTH_THROTTLED', `too many failed sign-ins; try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}

/** Refuse at once while the e-mail's sign-in delay runs (429 with Retry-After). */
export async function assertNotThrottled(
  app: FastifyInstance,
  reply: FastifyReply,
  key: string,
  now: number,
): Promise<void> {
  const until = await loginBlockedUntil(app.custos.database.db, key);
  if (until <= now) return;
  const error = throttled(until - now);
  void reply.header('retry-after', String(error.details.retryAfterSeconds));
  throw error;
}

/** The per-client-address limit of the sign-in and password routes (`@fastify/rate-limit`). */
export function authRateLimit(app: FastifyInstance): { max: number; timeWindow: number } {
  return { max: app.custos.config.authRateLimitPerMinute, timeWindow: 60_000 };
}
