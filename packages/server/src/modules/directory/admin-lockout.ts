import type { PolicyModel } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';

/** The function permissions that administer the policy: somebody active must keep each. */
export const ADMIN_FUNCTIONS = ['user_admin', 'role_admin'] as const;

function holders(model: PolicyModel, name: string): number {
  const roles = new Set(model.roles.filter((r) => r.functions.includes(name)).map((r) => r.id));
  return model.users.filter(
    (u) => u.kind === 'internal' && u.status === 'active' && u.roleIds.some((r) => roles.has(r)),
  ).length;
}

/**
 * CONFLICT when a change would leave nobody active holding `user_admin` or `role_admin` (which
 * the tenant had): nobody could undo it through the admin API.
 */
export function assertAdminsRemain(before: PolicyModel, after: PolicyModel): void {
  for (const name of ADMIN_FUNCTIONS) {
    if (holders(before, name) > 0 && holders(after, name) === 0) {
      throw new AppError(
        'CONFLICT',
        `the change would leave no active user with the function permission ${name}`,
        { function: name, reason: 'last_admin' },
      );
    }
  }
}
