import { isObjectType } from '@custos/engine';
import { RecordError } from '@custos/records';
import { appendAuditEvent } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContext } from './audit-context.ts';
import type { ErrorBody } from './error-handler.ts';
import { VIEW_AS_AUDIT_ACTION, VIEW_AS_HEADER } from './view-as.ts';

/**
 * The codes that refuse a signed-in caller for a permission reason: each such answer is one audit
 * event with outcome `denied`. Not among them: not signed in (401), an inactive account, MFA and
 * password steps, CSRF and origin checks — those are about who is asking, not what they may do.
 */
export const DENIAL_CODES: ReadonlySet<string> = new Set([
  'PERMISSION_DENIED',
  'FIELD_NOT_EDITABLE',
  'ESCALATION_DENIED',
  'VIEW_AS_DENIED',
  'VIEW_AS_READ_ONLY',
  'AUTH_TOKEN_SCOPE',
  'TOKEN_SCOPE_NOT_HELD',
  'ACCESS_REQUEST_SELF_APPROVAL',
  'REVEAL_FIELD_HIDDEN',
  'REVIEW_NOT_REVIEWER',
  'FOUR_EYES_OWN_CHANGE',
  'PENDING_CHANGE_NOT_AUTHOR',
]);

/** What a refused request is recorded as: `<object>.<action>` or `function.<name>`, and a target. */
export interface Denial {
  action: string;
  target: string;
}

function stringParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The action and target of a refused request, from the error and the route's declared permission:
 * a view-as refusal is `view_as.read` on the user viewed; a record route is `<object>.<action>` on
 * `<object>/<id>` (the record the error names, else the route's `:id`, else the object); a
 * function permission (named by the error or declared by the route) is `function.<name>` on
 * `function/<name>` (or on the record a function route hides); anything else is `request.denied` on the route.
 */
export function denialOf(request: FastifyRequest, details: Record<string, unknown>): Denial {
  const permission = request.routeOptions.config.permission;
  const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  if (details.field === `headers/${VIEW_AS_HEADER}`) {
    const header = request.headers[VIEW_AS_HEADER];
    const target = typeof header === 'string' ? header.slice(0, 200) : '';
    return { action: VIEW_AS_AUDIT_ACTION, target: `user/${target}` };
  }
  const named = typeof details.function === 'string' ? details.function : undefined;
  if (permission?.kind === 'record') {
    const object =
      permission.object === ':object' ? stringParam(request, 'object') : permission.object;
    if (object !== undefined && isObjectType(object)) {
      const detailObject = typeof details.object === 'string' ? details.object : undefined;
      const detailId = typeof details.id === 'string' ? details.id : undefined;
      const id = stringParam(request, 'id');
      const target =
        detailObject !== undefined && detailId !== undefined
          ? `${detailObject}/${detailId}`
          : id !== undefined
            ? `${object}/${id}`
            : object;
      return { action: `${object}.${permission.action}`, target };
    }
  }
  const fn =
    named !== undefined && !named.includes('|')
      ? named
      : permission?.kind === 'function'
        ? permission.name
        : permission?.kind === 'function_per_change'
          ? permission.names[0]
          : undefined;
  if (fn !== undefined) {
    // A function route on one record (a reveal) that hides the record: the record is the target.
    const hiddenRecord =
      typeof details.object === 'string' && typeof details.id === 'string'
        ? `${details.object}/${details.id}`
        : undefined;
    return { action: `function.${fn}`, target: hiddenRecord ?? `function/${fn}` };
  }
  return { action: 'request.denied', target: route };
}

/**
 * Whether an error answer is a denial to record: a permission code for a signed-in caller, or a
 * NOT_FOUND that hides a record which exists but which the caller may not read (the records
 * package marks it `hidden`; a record that does not exist is a plain 404).
 */
export function isDenial(request: FastifyRequest, error: unknown, body: ErrorBody): boolean {
  const custos = request.custos as FastifyRequest['custos'] | null;
  if (custos === null || custos === undefined) return false;
  if (DENIAL_CODES.has(body.code)) return true;
  return body.code === 'NOT_FOUND' && error instanceof RecordError && error.hidden;
}

/**
 * Record one refused request as one audit event with outcome `denied` (called by the error
 * handler, the one place every refusal passes): who, as whom, what and which record, with the
 * route, the method and the code in `after`. A failure to record is logged, never answered.
 */
export async function auditDenial(
  app: FastifyInstance,
  request: FastifyRequest,
  error: unknown,
  body: ErrorBody,
): Promise<void> {
  if (!isDenial(request, error, body)) return;
  const custos = request.custos;
  const { action, target } = denialOf(request, body.details);
  try {
    await appendAuditEvent(app.custos.database.db, {
      tenantId: custos.tenantId,
      ...auditContext(request),
      action,
      target: target.slice(0, 500),
      outcome: 'denied',
      after: {
        method: request.method,
        route: request.routeOptions.url ?? null,
        code: body.code,
        ...(custos.apiToken === undefined ? {} : { apiTokenId: custos.apiToken.id }),
      },
      at: new Date(app.custos.clock()),
    });
  } catch (failure) {
    request.log.error({ err: failure }, 'could not record a denied request in the audit log');
  }
}
