import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';

/** The session cookie's name over plain HTTP. Its value is a random token; the store keeps its hash. */
export const SESSION_COOKIE = 'custos_session';

/**
 * The session cookie's name over HTTPS (`cookieSecure`): the `__Host-` prefix makes the browser
 * keep it only when `Secure`, `Path=/` and without `Domain` (no subdomain can set or shadow it).
 */
export const SECURE_SESSION_COOKIE = '__Host-custos_session';

/** The session cookie's name for this configuration. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token the request carries (in the cookie of this configuration), if any. */
export function sessionTokenOf(request: FastifyRequest, secure: boolean): string | undefined {
  const token = request.cookies[sessionCookieName(secure)];
  return token === undefined || token === '' ? undefined : token;
}

/** Attributes of the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure per config. */
export function sessionCookieOptions(options: {
  secure: boolean;
  maxAgeSeconds: number;
}): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: options.secure,
    maxAge: options.maxAgeSeconds,
  };
}
