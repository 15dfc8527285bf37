import { hasFunction, type PolicyIndex, type PolicyModel } from '@custos/engine';
import type { MfaPolicy } from '@custos/store';

/** The function permissions that make a user an administrator for the MFA policy. */
export const ADMIN_FUNCTIONS: readonly string[] = ['user_admin', 'role_admin', 'authz_query'];

/** Whether a function permission is an administrator's: the three above, or any `…_admin`. */
export function isAdminFunction(name: string): boolean {
  return ADMIN_FUNCTIONS.includes(name) || name.endsWith('_admin');
}

/** The function permissions the user holds (after separation-of-duties blocks), sorted. */
export function functionsOf(model: PolicyModel, index: PolicyIndex, userId: string): string[] {
  const user = index.users.get(userId);
  if (user === undefined) return [];
  const roleIds = new Set(user.roleIds);
  return [...new Set(model.roles.filter((r) => roleIds.has(r.id)).flatMap((r) => r.functions))]
    .filter((name) => hasFunction(index, userId, name))
    .sort();
}

/** Whether the user holds any administrator's function permission. */
export function holdsAdminFunction(
  model: PolicyModel,
  index: PolicyIndex,
  userId: string,
): boolean {
  return functionsOf(model, index, userId).some(isAdminFunction);
}

/**
 * Whether the tenant's policy requires MFA of this user: `everyone`: all; `admins`: holders of an
 * administrator's function. Administrators are included whenever the policy is not `off`.
 */
export function policyRequiresMfa(
  policy: MfaPolicy,
  model: PolicyModel,
  index: PolicyIndex,
  userId: string,
): boolean {
  if (policy === 'off') return false;
  if (policy === 'everyone') return true;
  return holdsAdminFunction(model, index, userId);
}
