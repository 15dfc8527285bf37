import type { ObjectSettings } from '@custos/engine';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { AdminPage, Department, Group, SharingRule, User } from '../shared/admin-types.ts';

/** The largest page the admin lists give (`limit` ≤ 500). */
const ALL = 500;

/** Every object's settings: org-wide default and the field catalogue (`GET /v1/admin/objects`). */
export function useObjectSettings() {
  return useQuery({
    queryKey: ['admin', 'objects'],
    queryFn: async () =>
      (await unwrap(api.GET('/v1/admin/objects'))) as unknown as {
        data: ObjectSettings[];
        version: number;
      },
  });
}

/** The groups (a sharing rule's target and owner source, a grant's subject). */
export function useGroups() {
  return useQuery({
    queryKey: ['admin', 'groups', 'all'],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/groups', { params: { query: { limit: ALL } } }),
      )) as unknown as AdminPage<Group>,
  });
}

/** The departments (a grant's department target). */
export function useDepartments() {
  return useQuery({
    queryKey: ['admin', 'departments', 'all'],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/departments', { params: { query: { limit: ALL } } }),
      )) as unknown as AdminPage<Department>,
  });
}

/** The sharing rules (`GET /v1/admin/sharing-rules`). */
export function useSharingRules() {
  return useQuery({
    queryKey: ['admin', 'sharing-rules'],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/sharing-rules', { params: { query: { limit: ALL } } }),
      )) as unknown as AdminPage<SharingRule>,
  });
}

/** One user, by id (names in the grant list). */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'users', id],
    enabled: id !== null,
    staleTime: 60_000,
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/v1/admin/users/{id}', { params: { path: { id: id ?? '' } } }),
        )) as unknown as { data: User }
      ).data,
  });
}

/** A fresh id for an entity a change creates (`rule-1a2b3c4d`): changes name every id. */
export function newEntityId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
