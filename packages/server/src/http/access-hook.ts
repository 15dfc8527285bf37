import { hasFunction } from '@custos/engine';
import { findSessionWithPolicyVersion, touchSession } from '@custos/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mfaGate } from '../modules/auth/mfa/mfa-gate.ts';
import { AppError } from './app-error.ts';
import { bearerTokenOf, tokenPrincipal, tokenScopeCheck } from './bearer-token.ts';
import { localeOf } from './locale.ts';
import { sessionTokenOf } from './session-cookie.ts';

/**
 * A session is marked as seen at most this often (one write per session per interval), and at
 * least four times per idle timeout.
 */
const TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * The access check, in one place, as every request arrives (`onRequest`, before the body is
 * parsed): a route's `config.permission` decides.
 * `public` passes. Otherwise the session cookie must name a live session (401 AUTH_REQUIRED);
 * the tenant's policy is read at its current version, which comes with the session in the same
 * query (zero staleness); `request.custos` is set;
 * an inactive user gets 403 AUTH_USER_INACTIVE; a session that has not finished MFA sign-in
 * may call only routes with `config.mfa` (`mfa-gate.ts`); a `function` permission needs `hasFunction`
 * (403 PERMISSION_DENIED). `record` permissions are decided per record by the handler.
 * With `Authorization: Bearer <token>` an API token authenticates instead and no cookie is read
 * (`bearer-token.ts`, ADR 0009): the owner's permissions decide as above, and the route must also
 * be within the token's scopes.
 */
export async function accessHook(
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const permission = request.routeOptions.config.permission;
  if (request.is404 || permission === undefined || permission.kind === 'public') return;
  const { database, clock, policy, config } = this.custos;
  const now = clock();
  const bearer = bearerTokenOf(request.headers.authorization);
  const apiToken =
    bearer === undefined ? undefined : await tokenPrincipal(database.db, bearer, now, reply);
  // With a bearer header, the cookie is not read at all.
  const token = bearer === undefined ? sessionTokenOf(request, config.cookieSecure) : undefined;
  if (apiToken === undefined && token === undefined)
    throw new AppError('AUTH_REQUIRED', 'sign in first');
  // The session (or token) and its tenant's policy version in one round trip (zero staleness).
  const signedIn =
    token === undefined ? undefined : await findSessionWithPolicyVersion(database.db, token, now);
  const found = apiToken ?? signedIn;
  if (found === undefined)
    throw new AppError('AUTH_REQUIRED', 'the session has expired or ended; sign in again');
  const { session, policyVersion } = found;
  // Idle timeout of a session (the absolute one is the session's expiry, checked by the lookup).
  const idleMs = config.sessionIdleMinutes * 60_000;
  if (signedIn !== undefined && now - session.lastSeenAt >= idleMs)
    throw new AppError('AUTH_REQUIRED', 'the session was idle too long; sign in again', {
      reason: 'idle',
    });
  const snapshot = await policy.atLeast(session.tenantId, policyVersion);
  const user = snapshot.users.get(session.userId);
  if (user === undefined) throw new AppError('AUTH_REQUIRED', 'the user no longer exists');
  if (user.status !== 'active')
    throw new AppError('AUTH_USER_INACTIVE', `the user is ${user.status}`, { status: user.status });
  request.custos = {
    tenantId: session.tenantId,
    userId: session.userId,
    model: snapshot.model,
    index: snapshot.index,
    version: snapshot.version,
    now,
    keyring: this.custos.keyring,
    ...(apiToken === undefined ? {} : { apiToken: apiToken.apiToken }),
    ...(signedIn === undefined
      ? {}
      : {
          session: {
            publicId: signedIn.session.publicId,
            createdAt: signedIn.session.createdAt,
            mfaAt: signedIn.session.mfaAt,
          },
        }),
    locale: localeOf(
      request.headers['accept-language'],
      snapshot.model.tenant.defaultLocale ?? config.defaultLocale,
    ),
  };
  // MFA: a session at "password only" may call only the routes that finish sign-in.
  if (signedIn !== undefined) mfaGate(request, signedIn.mfa);
  if (
    permission.kind === 'function_per_change' &&
    !permission.names.some((name) => hasFunction(snapshot.index, user.id, name))
  )
    throw new AppError(
      'PERMISSION_DENIED',
      `requires one of the function permissions ${permission.names.join(', ')}`,
      { function: permission.names.join('|') },
    );
  if (permission.kind === 'function' && !hasFunction(snapshot.index, user.id, permission.name))
    throw new AppError('PERMISSION_DENIED', `requires the function permission ${permission.name}`, {
      function: permission.name,
    });
  if (apiToken !== undefined) {
    tokenScopeCheck(
      apiToken.apiToken,
      permission,
      request.method,
      request.routeOptions.url ?? request.url,
      reply,
    );
    await apiToken.touch(now);
    return;
  }
  if (token !== undefined && now - session.lastSeenAt > Math.min(TOUCH_INTERVAL_MS, idleMs / 4))
    await touchSession(database.db, token, now);
}
