import {
  appendAuditEvent,
  deleteUserSessionByPublicId,
  deleteUserSessions,
  listUserSessions,
} from '@custos/store';
import { auditContext } from '../../http/audit-context.ts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { sessionCookieName } from '../../http/session-cookie.ts';

const SESSION_SCHEMA = {
  type: 'object',
  required: ['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'userAgent', 'ip', 'current'],
  properties: {
    id: { type: 'string', description: 'The public id of the session (not its secret)' },
    createdAt: { type: 'string' },
    lastSeenAt: { type: 'string' },
    expiresAt: { type: 'string' },
    userAgent: { type: ['string', 'null'] },
    ip: { type: ['string', 'null'] },
    current: { type: 'boolean' },
  },
} as const;

const iso = (ms: number): string => new Date(ms).toISOString();

/** "My sessions": list them, end one, sign out everywhere. */
export function sessionRoutes(app: FastifyInstance): void {
  const config = { permission: { kind: 'authenticated' } } as const;

  app.get(
    '/v1/auth/sessions',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'Your sessions: where and when each started and was last used, which is this one',
        response: {
          200: {
            type: 'object',
            required: ['data'],
            properties: { data: { type: 'array', items: SESSION_SCHEMA } },
          },
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const sessions = await listUserSessions(
        app.custos.database.db,
        ctx.tenantId,
        ctx.userId,
        ctx.now,
      );
      return {
        data: sessions.map((s) => ({
          id: s.publicId,
          createdAt: iso(s.createdAt),
          lastSeenAt: iso(s.lastSeenAt),
          expiresAt: iso(s.expiresAt),
          userAgent: s.userAgent,
          ip: s.ip,
          current: s.publicId === ctx.session?.publicId,
        })),
      };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/auth/sessions/:id',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions (this one too: then you are signed out)',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
        },
        response: { 204: { type: 'null' }, 404: ERROR_BODY_SCHEMA },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const { database, config: settings } = app.custos;
      const ended = await deleteUserSessionByPublicId(
        database.db,
        ctx.tenantId,
        ctx.userId,
        request.params.id,
      );
      if (!ended)
        throw new AppError('NOT_FOUND', 'you have no such session', {
          kind: 'session',
          id: request.params.id,
        });
      await appendAuditEvent(database.db, {
        tenantId: ctx.tenantId,
        ...auditContext(request),
        action: 'auth.session_end',
        target: `user/${ctx.userId}`,
        after: { session: request.params.id },
        at: new Date(ctx.now),
      });
      if (request.params.id === ctx.session?.publicId)
        reply.clearCookie(sessionCookieName(settings.cookieSecure), {
          path: '/',
          secure: settings.cookieSecure,
          httpOnly: true,
        });
      return reply.code(204).send();
    },
  );

  app.delete(
    '/v1/auth/sessions',
    {
      config,
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: every one of your sessions ends, this one included',
        response: {
          200: {
            type: 'object',
            required: ['ended'],
            properties: { ended: { type: 'integer' } },
          },
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const { database, config: settings } = app.custos;
      const ended = await deleteUserSessions(database.db, ctx.tenantId, ctx.userId);
      await appendAuditEvent(database.db, {
        tenantId: ctx.tenantId,
        ...auditContext(request),
        action: 'auth.sign_out_everywhere',
        target: `user/${ctx.userId}`,
        after: { sessionsEnded: ended },
        at: new Date(ctx.now),
      });
      reply.clearCookie(sessionCookieName(settings.cookieSecure), {
        path: '/',
        secure: settings.cookieSecure,
        httpOnly: true,
      });
      return { ended };
    },
  );
}
