import type { PolicyModel, User } from '@custos/engine';
import { findCredentialByEmail, type StoreSchema } from '@custos/store';
import type { Kysely } from 'kysely';
import { CliError } from './cli-error.ts';

/**
 * The user `who` names: a user id, a login email (from the stored credentials), or a user's exact
 * name (李雷) when only one user has it.
 */
export async function resolvePrincipal(
  db: Kysely<StoreSchema>,
  model: PolicyModel,
  who: string,
): Promise<User> {
  const byId = model.users.find((u) => u.id === who);
  if (byId !== undefined) return byId;
  if (who.includes('@')) {
    const credential = await findCredentialByEmail(db, who, model.tenant.id);
    const user =
      credential === undefined ? undefined : model.users.find((u) => u.id === credential.userId);
    if (user !== undefined) return user;
  } else {
    const byName = model.users.filter((u) => u.name === who);
    if (byName.length === 1) return byName[0] as User;
    if (byName.length > 1) {
      throw new CliError(
        'REQUEST_INVALID',
        `${byName.length} users are named ${who}: pass a user id (${byName.map((u) => u.id).join(', ')})`,
      );
    }
  }
  throw new CliError('NOT_FOUND', `no user ${who} in tenant ${model.tenant.id}`);
}

/** `李雷 (lilei)`. */
export function principalLabel(user: User): string {
  return `${user.name} (${user.id})`;
}
