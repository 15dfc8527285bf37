import type { CookieSerializeOptions } from '@fastify/cookie';

/** The session cookie's name. Its value is a random token; the store keeps only its hash. */
export const SESSION_COOKIE = 'custos_session';

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
