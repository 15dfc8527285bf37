import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';
import type { AdminPage, Role } from '../shared/admin-types.ts';
import type { ObjectType } from './role-vocabulary.ts';

/** One function permission of the catalogue (`GET /v1/admin/functions`). */
export type FunctionEntry =
  paths['/v1/admin/functions']['get']['responses'][200]['content']['application/json']['data'][number];

/** One object's settings as the API answers them: its known fields with their labels. */
export interface ObjectFields {
  object: ObjectType;
  fields: Record<string, { label?: string; sensitivity?: string; mask?: string }>;
}

export const ROLES_KEY = ['admin', 'roles'] as const;

/** Every role (`GET /v1/admin/roles`, page after page until the last). */
export function useRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: async (): Promise<Role[]> => {
      const roles: Role[] = [];
      let cursor: string | undefined;
      do {
        const page = (await unwrap(
          api.GET('/v1/admin/roles', {
            params: { query: { limit: 500, ...(cursor === undefined ? {} : { cursor }) } },
          }),
        )) as unknown as AdminPage<Role>;
        roles.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return roles;
    },
  });
}

/** One role (`GET /v1/admin/roles/:id`); a 404 is an `ApiError` the page shows in words. */
export function useRole(id: string | undefined) {
  return useQuery({
    queryKey: [...ROLES_KEY, id],
    enabled: id !== undefined,
    retry: false,
    queryFn: async (): Promise<Role> =>
      (
        (await unwrap(
          api.GET('/v1/admin/roles/{id}', { params: { path: { id: id ?? '' } } }),
        )) as unknown as { data: Role }
      ).data,
  });
}

/** Active holders per role (`GET /v1/admin/overview`: `usersPerRole`). */
export function useHoldersPerRole() {
  return useQuery({
    queryKey: ['admin', 'overview'],
    queryFn: () => unwrap(api.GET('/v1/admin/overview')),
    select: (overview) =>
      new Map(overview.usersPerRole.map((r) => [r.roleId, r.activeUsers] as const)),
  });
}

/** The function catalogue: every function a role may name, described, and whether I hold it. */
export function useFunctionCatalogue() {
  return useQuery({
    queryKey: ['admin', 'functions'],
    queryFn: async () => (await unwrap(api.GET('/v1/admin/functions'))).data,
    staleTime: 5 * 60_000,
  });
}

/** Every object's settings (`GET /v1/admin/objects`): the fields a field permission may name. */
export function useObjectSettings() {
  return useQuery({
    queryKey: ['admin', 'objects'],
    queryFn: async (): Promise<ObjectFields[]> =>
      (
        (await unwrap(api.GET('/v1/admin/objects'))) as unknown as {
          data: ObjectFields[];
        }
      ).data,
  });
}

/** One object's settings (`GET /v1/admin/objects/:object`; defaults when the model has none). */
export function useObjectFields(object: ObjectType) {
  return useQuery({
    queryKey: ['admin', 'objects', object],
    queryFn: async (): Promise<ObjectFields> =>
      (
        (await unwrap(
          api.GET('/v1/admin/objects/{object}', { params: { path: { object } } }),
        )) as unknown as { data: ObjectFields }
      ).data,
  });
}
