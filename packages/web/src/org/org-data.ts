import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { AdminPage, Department, Group, Role, User } from '../shared/admin-types.ts';

/** Every item of an admin list, page after page (departments, roles and groups are few). */
async function everything<T>(
  load: (cursor: string | undefined) => Promise<AdminPage<T>>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    out.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

const query = (cursor: string | undefined) => ({
  query: { limit: 500, ...(cursor === undefined ? {} : { cursor }) },
});

/** Every department of the tenant (`GET /v1/admin/departments`). */
export function useDepartments() {
  return useQuery({
    queryKey: ['admin', 'departments', 'all'],
    queryFn: () =>
      everything(
        async (cursor) =>
          (await unwrap(
            api.GET('/v1/admin/departments', { params: query(cursor) }),
          )) as unknown as AdminPage<Department>,
      ),
  });
}

/** Every role (`GET /v1/admin/roles`; needs `role_admin` — without it the ids are shown). */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'roles', 'all'],
    enabled,
    queryFn: () =>
      everything(
        async (cursor) =>
          (await unwrap(
            api.GET('/v1/admin/roles', { params: query(cursor) }),
          )) as unknown as AdminPage<Role>,
      ),
  });
}

/** Every group (`GET /v1/admin/groups`). */
export function useGroups() {
  return useQuery({
    queryKey: ['admin', 'groups', 'all'],
    queryFn: () =>
      everything(
        async (cursor) =>
          (await unwrap(
            api.GET('/v1/admin/groups', { params: query(cursor) }),
          )) as unknown as AdminPage<Group>,
      ),
  });
}

/** One user (`GET /v1/admin/users/:id`), or the users a page names (managers, members). */
export function useUser(id: string | null | undefined) {
  return useQuery({
    queryKey: ['admin', 'users', 'one', id],
    enabled: id != null,
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/v1/admin/users/{id}', { params: { path: { id: id as string } } }),
        )) as unknown as { data: User }
      ).data,
  });
}

/** A name by id, falling back to the id itself. */
export function nameOf(items: readonly { id: string; name: string }[] | undefined, id: string) {
  return items?.find((x) => x.id === id)?.name ?? id;
}

/** A fresh id for a new entity (`dept-1a2b3c4d`): a change names every id it creates. */
export function freshId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The clearances (a user's) in order, as the engine has them. */
export const CLEARANCES = ['public', 'internal', 'confidential', 'restricted'] as const;
