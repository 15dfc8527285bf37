import { hasFunction } from '@custos/engine';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestAuditExtras } from '../../http/audit-context.ts';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RoutePermission } from '../../http/route-permission.ts';
import { HELD_SCHEMA, holdIfSensitive } from '../four-eyes/four-eyes-gate.ts';
import { previewChanges } from './change-preview.ts';
import { CHANGE_BATCH, type PolicyChangeInput } from './change-schemas.ts';
import { commitChanges } from './commit-change.ts';
import { expectedVersionOf } from './directory-http.ts';
import { IF_MATCH_HEADERS, timeOf } from './directory-schemas.ts';
import type { PolicyChange } from './policy-change.ts';

const TAG = 'admin: changes';

/** The function a change needs: the one its own route declares. */
export function functionFor(change: PolicyChange): 'user_admin' | 'role_admin' {
  const entity = change.kind.slice(0, change.kind.indexOf('.'));
  return entity === 'department' || entity === 'user' || entity === 'group'
    ? 'user_admin'
    : 'role_admin';
}

const PER_CHANGE: RoutePermission = {
  kind: 'function_per_change',
  names: ['user_admin', 'role_admin'],
};

/** The changes of a request as `PolicyChange` values: a grant's ISO 8601 times as ms. */
export function changesOf(input: readonly PolicyChangeInput[]): PolicyChange[] {
  return input.map((change, i) =>
    change.kind === 'grant.create'
      ? {
          ...change,
          grant: {
            ...change.grant,
            startsAt: timeOf(change.grant.startsAt, `body/changes/${i}/grant/startsAt`),
            expiresAt: timeOf(change.grant.expiresAt, `body/changes/${i}/grant/expiresAt`),
          },
        }
      : change,
  );
}

/** PERMISSION_DENIED naming the first change whose function the caller lacks. */
function assertMayChange(request: FastifyRequest, changes: readonly PolicyChange[]): void {
  const ctx = request.custos;
  changes.forEach((change, i) => {
    const name = functionFor(change);
    if (!hasFunction(ctx.index, ctx.userId, name))
      throw new AppError(
        'PERMISSION_DENIED',
        `${change.kind} requires the function permission ${name}`,
        {
          function: name,
          field: `body/changes/${i}/kind`,
        },
      );
  });
}

/**
 * Changes as data (ADR 0006): `POST /v1/admin/changes` commits a batch of `PolicyChange` values
 * as one (all or nothing, one policy version); `POST /v1/admin/changes/preview` answers what the
 * same batch would do without committing it — valid or the errors, and who gains or loses which
 * access on how many records. Each change needs the function its own route needs.
 */
export async function changeRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { changes: PolicyChangeInput[] } }>(
    '/v1/admin/changes/preview',
    {
      config: { permission: PER_CHANGE },
      schema: {
        tags: [TAG],
        summary: 'Preview a change or a batch: validity and impact, nothing committed',
        body: CHANGE_BATCH,
        response: { 400: ERROR_BODY_SCHEMA, 403: ERROR_BODY_SCHEMA },
      },
    },
    async (request) => {
      const changes = changesOf(request.body.changes);
      assertMayChange(request, changes);
      const ctx = request.custos;
      return previewChanges(app.custos.database.db, changes, {
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        now: ctx.now,
        policy: app.custos.policy,
        budgetMs: app.custos.config.previewBudgetMs,
        backend: app.custos.database.backend,
      });
    },
  );

  app.post<{ Body: { changes: PolicyChangeInput[]; reason?: string } }>(
    '/v1/admin/changes',
    {
      config: { permission: PER_CHANGE },
      schema: {
        tags: [TAG],
        summary:
          'Commit a batch of changes as one (one policy version, all or nothing); a sensitive change under four eyes waits for a second administrator (202)',
        headers: IF_MATCH_HEADERS,
        body: CHANGE_BATCH,
        response: {
          202: HELD_SCHEMA,
          400: ERROR_BODY_SCHEMA,
          403: ERROR_BODY_SCHEMA,
          404: ERROR_BODY_SCHEMA,
          409: ERROR_BODY_SCHEMA,
          422: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const changes = changesOf(request.body.changes);
      assertMayChange(request, changes);
      const ctx = request.custos;
      const expectedVersion = expectedVersionOf(request);
      // Four eyes: a sensitive change waits for a second administrator.
      const held = await holdIfSensitive(app, request, changes, {
        expectedVersion,
        reason: request.body.reason,
      });
      if (held !== null) return reply.code(202).send(held);
      const { version, results } = await commitChanges(app.custos.database.db, changes, {
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        audit: requestAuditExtras(request),
        now: ctx.now,
        expectedVersion,
        policy: app.custos.policy,
      });
      void reply.header('etag', `"${version}"`);
      return {
        version,
        data: results.map((r) => ({
          action: r.action,
          target: r.target,
          entity: r.entity,
          ...(r.ownedRecordsMoved === undefined ? {} : { ownedRecordsMoved: r.ownedRecordsMoved }),
        })),
      };
    },
  );
}
