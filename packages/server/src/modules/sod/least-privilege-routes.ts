import { CLOSED } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { ROLE_ADMIN } from '../directory/directory-http.ts';
import { leastPrivilegeReport } from './least-privilege-service.ts';

const TAG = 'admin: least privilege';

/** The window (1 … 365 days, default 90) and the denials that count as repeated (default 3). */
const QUERY = Type.Object(
  {
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })),
    minDenials: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 3 })),
  },
  CLOSED,
);
type Query = Static<typeof QUERY>;

const PARTS = {
  users: 'Over-privilege per user: permissions and grants not used in the window',
  roles: 'Over-privilege per role: permissions none of its holders used in the window',
  denials: 'Under-privilege: repeated denials per user and permission',
  suggestions: 'Role suggestions: users whose used permissions fit a smaller existing role',
} as const;

/**
 * Least-privilege analytics (最小权限原则), `role_admin`: over-privilege per user and per role,
 * under-privilege (repeated denials) and role suggestions, over the last `days` days.
 */
export async function leastPrivilegeRoutes(app: FastifyInstance): Promise<void> {
  for (const [part, summary] of Object.entries(PARTS) as [keyof typeof PARTS, string][]) {
    app.get<{ Querystring: Query }>(
      `/v1/admin/least-privilege/${part}`,
      {
        config: { permission: ROLE_ADMIN },
        schema: {
          tags: [TAG],
          summary,
          querystring: QUERY,
          response: { 400: ERROR_BODY_SCHEMA, 403: ERROR_BODY_SCHEMA },
        },
      },
      async (request) => {
        const ctx = request.custos;
        const report = await leastPrivilegeReport(app.custos.database.db, {
          tenantId: ctx.tenantId,
          index: ctx.index,
          now: ctx.now,
          days: request.query.days ?? 90,
          ...(request.query.minDenials === undefined
            ? {}
            : { minDenials: request.query.minDenials }),
        });
        const data =
          part === 'users'
            ? report.users
            : part === 'roles'
              ? report.roles
              : part === 'denials'
                ? report.underPrivileged
                : report.suggestions;
        return { days: report.days, from: report.from, to: report.to, data };
      },
    );
  }
}
