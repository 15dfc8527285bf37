import { hasFunction, type PolicyIndex } from '@custos/engine';
import type { RoutePermission } from './route-permission.ts';

/**
 * The scopes an API token may carry (ADR 0009). A token never adds a permission: at every request
 * the owner's current permissions decide as for a session (function permissions, and each record
 * by the engine), and the route must also be within the token's scopes. Losing a role shrinks
 * every token of the user at once; a scope never widens anything.
 *
 * - `records:read`: the record routes that read (`record:<object>:read`);
 * - `records:write`: the record routes that write (create, update, delete, transfer, share);
 * - `authz`: the authorization API (`/v1/authz/…`);
 * - a function permission's name (`export`, `import`, `user_admin`, `role_admin`,
 *   `encryption_admin`…): the routes
 *   that need that function; the owner must hold it when the token is created.
 */
export const RECORD_SCOPES = ['records:read', 'records:write', 'authz'] as const;
export const FUNCTION_SCOPES = [
  'export',
  'import',
  'user_admin',
  'role_admin',
  'audit_view',
  'encryption_admin',
  // `custos backup --server` (docs/backup.md)
  'backup_admin',
] as const;
export const TOKEN_SCOPES: readonly string[] = [...RECORD_SCOPES, ...FUNCTION_SCOPES];

/** Authenticated routes a token may use with no particular scope: who am I. */
const ANY_TOKEN_ROUTES = new Set(['GET /v1/auth/me']);
/** Routes that need a signed-in session whatever their permission: a token mints no token. */
const SESSION_ONLY_ROUTES = new Set([
  'POST /v1/admin/users/:id/tokens',
  // Four eyes: the second pair of eyes is a person signed in, never a token (a token of a
  // service principal the author made would let one administrator approve their own change).
  'POST /v1/admin/pending-changes/:id/approve',
  'POST /v1/admin/pending-changes/:id/reject',
  'POST /v1/admin/pending-changes/:id/withdraw',
]);

/**
 * What a token needs to use a route: the scopes it must all carry; `[]` for none; `null` when no
 * token may use it (a signed-in session is needed: sign-out, token management, password and MFA
 * changes, and any authenticated route not listed here — deny by default).
 */
export function requiredScopes(
  permission: RoutePermission,
  method: string,
  url: string,
): readonly string[] | null {
  if (SESSION_ONLY_ROUTES.has(`${method} ${url}`)) return null;
  switch (permission.kind) {
    case 'public':
      return [];
    case 'authenticated':
      if (url.startsWith('/v1/authz/')) return ['authz'];
      return ANY_TOKEN_ROUTES.has(`${method} ${url}`) ? [] : null;
    case 'function':
      return [permission.name];
    case 'function_per_change':
      // The handler checks each change's own function against the owner only: the token must
      // carry every function the route may use.
      return permission.names;
    case 'record':
      return [permission.action === 'read' ? 'records:read' : 'records:write'];
  }
}

/**
 * The scopes of `requested` its owner may not give a token now: unknown scopes, and function
 * scopes whose function the owner does not hold (the record and authz scopes are bounded by the
 * engine's decisions at every request).
 */
export function scopesBeyond(
  index: PolicyIndex,
  userId: string,
  requested: readonly string[],
): string[] {
  return requested.filter(
    (scope) =>
      !TOKEN_SCOPES.includes(scope) ||
      ((FUNCTION_SCOPES as readonly string[]).includes(scope) &&
        !hasFunction(index, userId, scope)),
  );
}
