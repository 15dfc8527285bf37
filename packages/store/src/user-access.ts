import type { Kysely } from 'kysely';
import { revokeUserApiTokens } from './api-token-repository.ts';
import type { StoreSchema } from './schema.ts';
import { deleteUserSessions } from './session-repository.ts';

/**
 * End everything a user signed in with except the password: every session ends and every API
 * token is revoked (`by` the acting admin, or `system`). For the moments an account may be in
 * the wrong hands or leaves them: deactivation, an admin's password reset, a password set through
 * a link, an MFA reset. Pass the transaction of the change it belongs to.
 */
export async function endUserAccess(
  db: Kysely<StoreSchema>,
  input: { tenantId: string; userId: string; by: string | null; now: number },
): Promise<{ sessionsEnded: number; tokensRevoked: string[] }> {
  const sessionsEnded = await deleteUserSessions(db, input.tenantId, input.userId);
  const tokensRevoked = await revokeUserApiTokens(db, {
    tenantId: input.tenantId,
    userId: input.userId,
    by: input.by ?? 'system',
    now: input.now,
  });
  return { sessionsEnded, tokensRevoked };
}
