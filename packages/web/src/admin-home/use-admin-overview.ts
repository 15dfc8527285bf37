import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';

export type AdminOverview =
  paths['/v1/admin/overview']['get']['responses'][200]['content']['application/json'];

/** `GET /v1/admin/overview`: the admin home's figures (role_admin). */
export function useAdminOverview() {
  return useQuery({
    queryKey: ['admin', 'overview'],
    queryFn: () => unwrap(api.GET('/v1/admin/overview')),
  });
}
