import type { AuditContext } from '../../../http/audit-context.ts';
import { appendAuditEvent, type Database, deleteMfa, endUserAccess } from '@custos/store';

/** What a reset did. */
export interface MfaResetResult {
  userId: string;
  /** Whether the user had an authenticator (pending or confirmed). */
  hadMfa: boolean;
  sessionsEnded: number;
}

/**
 * Reset a user's MFA (lost authenticator and recovery codes): remove both and end the user's
 * sessions, audited as `mfa.reset`, in one transaction. The admin route uses it, and a future
 * `custos user mfa-reset` can (`actorId` null for the system).
 */
export function resetMfa(
  database: Database,
  input: {
    tenantId: string;
    userId: string;
    actorId: string | null;
    now: number;
    /** The request's part of the audit event (`requestAuditExtras(request)`). */
    audit?: Omit<AuditContext, 'actorId'>;
  },
): Promise<MfaResetResult> {
  return database.db.transaction().execute(async (tx) => {
    const hadMfa = await deleteMfa(tx, input.tenantId, input.userId);
    const { sessionsEnded, tokensRevoked } = await endUserAccess(tx, {
      tenantId: input.tenantId,
      userId: input.userId,
      by: input.actorId,
      now: input.now,
    });
    await appendAuditEvent(tx, {
      tenantId: input.tenantId,
      actorId: input.actorId,
      ...input.audit,
      action: 'mfa.reset',
      target: `user/${input.userId}`,
      after: { hadMfa, sessionsEnded, tokensRevoked },
      at: new Date(input.now),
    });
    return { userId: input.userId, hadMfa, sessionsEnded };
  });
}
