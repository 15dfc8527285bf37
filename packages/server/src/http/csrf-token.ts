import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { STATE_CHANGING_METHODS } from './browser-guard.ts';
import { bearerTokenOf } from './bearer-token.ts';
import { sessionTokenOf } from './session-cookie.ts';

/** The request header that carries the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** What the token signs, besides the session (a version, should the scheme ever change). */
const CSRF_PURPOSE = 'custos-csrf-v1';

/**
 * The CSRF token of a session: HMAC-SHA-256 keyed with the session token (a signed
 * double-submit token bound to the session, ADR 0011). Only a holder of the session cookie's
 * value can compute it, the server recomputes it from the cookie each request (nothing stored, no
 * server key to share between nodes), it reveals nothing of the session, and it ends with the
 * session: a new sign-in needs a new token.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(CSRF_PURPOSE).digest('base64url');
}

/** True when a browser sent the request: it carries `Origin` or any `Sec-Fetch-*` header. */
export function isFromBrowser(request: FastifyRequest): boolean {
  if (request.headers.origin !== undefined) return true;
  return Object.keys(request.headers).some((name) => name.startsWith('sec-fetch-'));
}

/** True when `given` is the token of `sessionToken` (constant time). */
export function isCsrfTokenValid(sessionToken: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The CSRF token check (`onRequest`, after the access check): a state-changing request to a
 * route that needs a signed-in user, authenticated by the session cookie (no `Authorization`
 * header) and sent by a browser (`Origin` or `Sec-Fetch-*`), must carry `x-csrf-token` =
 * `csrfTokenFor(session)` — 403 `CSRF_TOKEN_INVALID` otherwise. A script or the command line sends
 * neither `Origin` nor `Sec-Fetch-*` and needs no token: no browser carries its cookie for a
 * third party (ADR 0011). The console gets the token from `GET /v1/auth/csrf`.
 */
export async function csrfTokenHook(this: FastifyInstance, request: FastifyRequest): Promise<void> {
  if (request.is404 || !STATE_CHANGING_METHODS.has(request.method)) return;
  const permission = request.routeOptions.config.permission;
  if (permission === undefined || permission.kind === 'public') return;
  // A bearer token authenticated the request, not the cookie (another scheme does not count).
  if (bearerTokenOf(request.headers.authorization) !== undefined) return;
  const session = sessionTokenOf(request, this.custos.config.cookieSecure);
  if (session === undefined || !isFromBrowser(request)) return;
  const given = request.headers[CSRF_HEADER];
  if (!isCsrfTokenValid(session, typeof given === 'string' ? given : undefined))
    throw new AppError(
      'CSRF_TOKEN_INVALID',
      `send the session's CSRF token (GET /v1/auth/csrf) in the ${CSRF_HEADER} header`,
      { header: CSRF_HEADER },
    );
}
