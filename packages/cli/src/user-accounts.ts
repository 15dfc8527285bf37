import { findCredentialByEmail, loadPolicyModel, type Database } from '@custos/store';
import type { AccountSettings, Invitation } from '@custos/server';
import { CliError } from './cli-error.ts';
import type { ServerModule } from './server-bridge.ts';

/**
 * The cores of `custos user invite` and `custos user reset-password`: inputs in, the result out,
 * working on the database directly through the server's account services (the same checks,
 * transaction and audit as the admin API; the actor is the system). An online mode can call the
 * API instead and return the same results.
 */

export interface UserInviteInput {
  tenantId: string;
  email: string;
  name: string;
  departmentId: string;
  roleIds: string[];
  now: number;
  settings: AccountSettings;
}

export interface UserInviteResult {
  userId: string;
  invitation: Invitation;
}

/** Create an internal user with a sign-in e-mail and issue the invitation link. */
export async function inviteNewUser(
  server: ServerModule,
  database: Database,
  input: UserInviteInput,
): Promise<UserInviteResult> {
  const created = await server.createInvitedUser(database.db, {
    tenantId: input.tenantId,
    actorId: null,
    now: input.now,
    settings: input.settings,
    user: { name: input.name, departmentId: input.departmentId, roleIds: input.roleIds },
    email: input.email,
    field: '--email',
  });
  if (created.invitation === null) throw new Error('no invitation was issued');
  return { userId: (created.result.entity as { id: string }).id, invitation: created.invitation };
}

export interface UserResetInput {
  tenantId: string;
  /** A user id or a sign-in e-mail of the tenant. */
  who: string;
  now: number;
  settings: AccountSettings;
}

/** Reset a user's password: a new link; the user's sessions end. */
export async function resetUserPassword(
  server: ServerModule,
  database: Database,
  input: UserResetInput,
): Promise<Invitation & { sessionsEnded: number }> {
  let userId = input.who;
  if (input.who.includes('@')) {
    const account = await findCredentialByEmail(database.db, input.who, input.tenantId);
    if (account === undefined)
      throw new CliError(
        'NOT_FOUND',
        `no user signs in with ${input.who} in tenant ${input.tenantId}`,
      );
    userId = account.userId;
  } else {
    const model = await loadPolicyModel(database.db, input.tenantId);
    if (!model.users.some((u) => u.id === userId))
      throw new CliError('NOT_FOUND', `no user ${userId} in tenant ${input.tenantId}`);
  }
  return server.resetPassword(database.db, {
    tenantId: input.tenantId,
    actorId: null,
    now: input.now,
    settings: input.settings,
    userId,
  });
}
