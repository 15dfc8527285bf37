import type { FastifyRequest } from 'fastify';

/** The request's part of an audit event: who really asked, as whom, from where, which request. */
export interface AuditContext {
  /** The signed-in user (under view as: the viewer, not the user viewed as); null before sign-in. */
  actorId: string | null;
  /** Under view as: the user whose access served the request. */
  actingAsId: string | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
}

/**
 * Who causes an event outside a request's handler (a step of a larger action, a job): the actor
 * and whatever of the request's context there is.
 */
export interface AuditedBy {
  actorId: string | null;
  actingAsId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

const MAX_USER_AGENT = 512;

/**
 * The context to spread into `appendAuditEvent` for an event a request causes:
 * `appendAuditEvent(tx, { tenantId, action, target, at, ...auditContext(request) })`.
 */
export function auditContext(request: FastifyRequest): AuditContext {
  // Null before sign-in (the request decorator's default) and on public routes.
  const custos = (request.custos ?? null) as {
    userId: string;
    viewAs?: { actorId: string };
  } | null;
  const agent = request.headers['user-agent'];
  return {
    actorId: custos === null ? null : (custos.viewAs?.actorId ?? custos.userId),
    actingAsId: custos === null || custos.viewAs === undefined ? null : custos.userId,
    requestId: String(request.id),
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : null,
  };
}

/**
 * The request's context without the actor, for a writer that names the actor itself (the change
 * path's `CommitOptions.audit`, a service's `audit` input).
 */
export function requestAuditExtras(request: FastifyRequest): Omit<AuditContext, 'actorId'> {
  const { actingAsId, requestId, ip, userAgent } = auditContext(request);
  return { actingAsId, requestId, ip, userAgent };
}
