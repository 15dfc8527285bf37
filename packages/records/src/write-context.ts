import type { PolicyIndex, PolicyModel } from '@custos/engine';
import type { Keyring } from '@custos/store';

/**
 * Who writes, in which tenant, under which policy, and when: what every record write is judged
 * by. The server's request context is one; the CLI import builds one for the importer.
 */
export interface WriteContext {
  tenantId: string;
  userId: string;
  /** The policy the write is judged by. */
  model: PolicyModel;
  index: PolicyIndex;
  /** "Now" of the write, ms since the epoch (grants' time bounds, `updated_at`, the audit event). */
  now: number;
  /**
   * The request's part of the audit events the write appends (who really asked — under view as
   * the viewer —, as whom, request id, IP, user agent); without it the actor is `userId`.
   */
  audit?: WriteAuditContext;
  /**
   * The tenant keys (docs/encryption.md): encrypted fields are sealed on write and opened for the
   * write's own comparisons. Required when the policy encrypts a field: without it such a write
   * fails loudly rather than store plaintext.
   */
  keyring?: Keyring;
}

/** The request's context for audit events (the server's `auditContext(request)`). */
export interface WriteAuditContext {
  actorId: string | null;
  actingAsId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** The actor and request fields of an audit event a write appends. */
export function writeAuditFields(ctx: Pick<WriteContext, 'userId' | 'audit'>): WriteAuditContext {
  if (ctx.audit === undefined) return { actorId: ctx.userId };
  return {
    actorId: ctx.audit.actorId ?? ctx.userId,
    actingAsId: ctx.audit.actingAsId ?? null,
    requestId: ctx.audit.requestId ?? null,
    ip: ctx.audit.ip ?? null,
    userAgent: ctx.audit.userAgent ?? null,
  };
}

/** What the pure rules need: the policy, the user and the time (no tenant, no database). */
export type DecisionContext = Pick<WriteContext, 'index' | 'model' | 'userId' | 'now'>;
