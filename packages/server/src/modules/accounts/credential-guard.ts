import { holdingsExcess } from '@custos/engine';
import type { RequestContext } from '../../http/request-context.ts';
import { escalationDenied } from '../directory/change-checks.ts';

/**
 * An admin may act on another user's credentials (replace their e-mail and send a link, reset
 * their password, reset their MFA, end their sessions, give them a service token) only when that
 * user holds nothing the admin does not: whoever controls an account's credentials can act as it.
 * ESCALATION_DENIED (403) names what the target holds beyond the admin. Acting on oneself is fine.
 */
export function assertCredentialsWithinActor(ctx: RequestContext, targetId: string): void {
  if (targetId === ctx.userId) return;
  const errors = holdingsExcess(ctx.model, ctx.index, ctx.userId, targetId);
  if (errors.length > 0) throw escalationDenied(errors);
}
