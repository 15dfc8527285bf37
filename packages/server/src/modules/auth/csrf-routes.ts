import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { CSRF_HEADER, csrfTokenFor } from '../../http/csrf-token.ts';
import { sessionTokenOf } from '../../http/session-cookie.ts';

/** `GET /v1/auth/csrf`: the CSRF token of the caller's session, for the console (ADR 0011). */
export async function csrfRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/auth/csrf',
    {
      // A session at password only needs the token too, to finish sign-in from a browser.
      config: { permission: { kind: 'authenticated' }, mfa: 'pending-ok' },
      schema: {
        tags: ['auth'],
        summary:
          'The CSRF token of this session: a browser sends it as x-csrf-token on every POST, PUT, PATCH and DELETE',
        response: {
          200: {
            type: 'object',
            required: ['token', 'header'],
            properties: { token: { type: 'string' }, header: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      const session = sessionTokenOf(request, app.custos.config.cookieSecure);
      // A session authenticated otherwise (a bearer token) has no cookie to protect.
      if (session === undefined)
        throw new AppError('AUTH_REQUIRED', 'a CSRF token protects a session cookie; sign in');
      return { token: csrfTokenFor(session), header: CSRF_HEADER };
    },
  );
}
