import { findApiTokenBySecret, touchApiToken, type ApiToken, type Database } from '@custos/store';
import type { FastifyReply } from 'fastify';
import { AppError } from './app-error.ts';
import type { RoutePermission } from './route-permission.ts';
import { requiredScopes } from './token-scopes.ts';

/** A token's last use is written at most this often (one write per token per interval). */
export const TOKEN_TOUCH_INTERVAL_MS = 5 * 60_000;

/** RFC 6750 §2.1: `Bearer` (any case), one space, the b64token. */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * The token of an `Authorization: Bearer …` header; `''` for a Bearer header without a
 * well-formed token; undefined when there is no Bearer header (another scheme, or none).
 */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (header === undefined || !/^bearer(\s|$)/i.test(header)) return undefined;
  return BEARER.exec(header)?.[1] ?? '';
}

/** RFC 6750 §3: the `WWW-Authenticate` challenge of a refused bearer request. */
function challenge(reply: FastifyReply, error: string, scope?: string): void {
  reply.header(
    'www-authenticate',
    `Bearer realm="custos", error="${error}"${scope === undefined ? '' : `, scope="${scope}"`}`,
  );
}

export interface TokenPrincipal {
  /** What the access hook reads of a session. */
  session: { tenantId: string; userId: string; lastSeenAt: number };
  policyVersion: number;
  apiToken: ApiToken;
  /** Record the use (at most every `TOKEN_TOUCH_INTERVAL_MS`). */
  touch(now: number): Promise<void>;
}

/**
 * The principal of a bearer token, or 401: `AUTH_TOKEN_INVALID` (malformed, unknown, or the
 * secret does not match), `AUTH_TOKEN_REVOKED`, `AUTH_TOKEN_EXPIRED` — the latter two only to a
 * caller who holds the right secret.
 */
export async function tokenPrincipal(
  db: Database['db'],
  text: string,
  now: number,
  reply: FastifyReply,
): Promise<TokenPrincipal> {
  const found = text === '' ? undefined : await findApiTokenBySecret(db, text);
  if (found === undefined) {
    challenge(reply, 'invalid_token');
    throw new AppError('AUTH_TOKEN_INVALID', 'the API token is not valid');
  }
  const { apiToken, policyVersion } = found;
  if (apiToken.revokedAt !== null) {
    challenge(reply, 'invalid_token');
    throw new AppError('AUTH_TOKEN_REVOKED', 'the API token has been revoked', {
      tokenId: apiToken.id,
    });
  }
  if (apiToken.expiresAt <= now) {
    challenge(reply, 'invalid_token');
    throw new AppError('AUTH_TOKEN_EXPIRED', 'the API token has expired; create a new one', {
      tokenId: apiToken.id,
      expiresAt: new Date(apiToken.expiresAt).toISOString(),
    });
  }
  return {
    session: {
      tenantId: apiToken.tenantId,
      userId: apiToken.userId,
      lastSeenAt: apiToken.lastUsedAt ?? 0,
    },
    policyVersion,
    apiToken,
    touch: async (at) => {
      if (at - (apiToken.lastUsedAt ?? 0) > TOKEN_TOUCH_INTERVAL_MS)
        await touchApiToken(db, apiToken.id, at);
    },
  };
}

/**
 * Refuse a route outside the token's scopes (403 `AUTH_TOKEN_SCOPE`, naming the scope), after
 * the owner's own permission was checked: a token is the owner's permissions ∩ its scopes.
 */
export function tokenScopeCheck(
  apiToken: ApiToken,
  permission: RoutePermission,
  method: string,
  url: string,
  reply: FastifyReply,
): void {
  const needed = requiredScopes(permission, method, url);
  if (needed === null) {
    challenge(reply, 'insufficient_scope');
    throw new AppError(
      'AUTH_TOKEN_SCOPE',
      `${method} ${url} needs a signed-in session; API tokens cannot use it`,
      { scope: null },
    );
  }
  const missing = needed.filter((scope) => !apiToken.scopes.includes(scope));
  if (missing.length > 0) {
    challenge(reply, 'insufficient_scope', missing.join(' '));
    throw new AppError(
      'AUTH_TOKEN_SCOPE',
      `the API token lacks the scope ${missing.join(', ')} that ${method} ${url} needs`,
      { scope: missing.join(' ') },
    );
  }
}
