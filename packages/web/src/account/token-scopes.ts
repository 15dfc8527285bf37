import type { paths } from '../api/schema';

/** A scope an API token may carry (the server's `TOKEN_SCOPES`, ADR 0009). */
export type TokenScope =
  paths['/v1/auth/tokens']['post']['requestBody']['content']['application/json']['scopes'][number];

/**
 * The scopes, in the server's order; `fn` names the function permission the owner must hold to
 * give it (the record and authz scopes are bounded by the engine at every request).
 */
export const TOKEN_SCOPE_OPTIONS: readonly { scope: TokenScope; fn: string | null }[] = [
  { scope: 'records:read', fn: null },
  { scope: 'records:write', fn: null },
  { scope: 'authz', fn: null },
  { scope: 'export', fn: 'export' },
  { scope: 'import', fn: 'import' },
  { scope: 'user_admin', fn: 'user_admin' },
  { scope: 'role_admin', fn: 'role_admin' },
  { scope: 'audit_view', fn: 'audit_view' },
  { scope: 'encryption_admin', fn: 'encryption_admin' },
  { scope: 'backup_admin', fn: 'backup_admin' },
];

/** The message key of a scope (i18next reads `:` as a namespace separator). */
export function scopeKey(scope: string): string {
  return `tokens.scope.${scope.replace(':', '_')}`;
}
