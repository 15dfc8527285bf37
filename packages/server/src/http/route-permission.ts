import type { ObjectType, RecordAction } from '@custos/engine';

/**
 * The permission a route needs, declared on every route as `config.permission` and checked in
 * one place (the access hook) before the handler runs. A snapshot test lists every route with
 * its permission, so a permission change is a reviewable diff.
 *
 * - `public`: anyone (login, health, docs).
 * - `authenticated`: any signed-in, active user (logout, me, authz API on one's own behalf).
 * - `function`: a function permission (功能权限) such as `user_admin`, checked with `hasFunction`.
 * - `function_per_change`: the admin change routes that take any change (a batch, a preview): the
 *   hook requires one of `names`; the handler requires, per change, the function that change's
 *   own route needs.
 * - `record`: a record action on an object type; the route's handler decides each record with the
 *   engine (`decide`, `filter`), and the hook only requires a signed-in user. `object` is
 *   `:object` when the object type comes from the URL.
 */
export type RoutePermission =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'function'; name: string }
  | { kind: 'function_per_change'; names: readonly string[] }
  | { kind: 'record'; object: ObjectType | ':object'; action: RecordAction };

/** Text form used by the snapshot and the OpenAPI `x-permission` extension. */
export function describePermission(p: RoutePermission): string {
  switch (p.kind) {
    case 'public':
    case 'authenticated':
      return p.kind;
    case 'function':
      return `function:${p.name}`;
    case 'function_per_change':
      return `function per change:${p.names.join('|')}`;
    case 'record':
      return `record:${p.object}:${p.action}`;
  }
}
