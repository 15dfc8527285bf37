import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';

/** The answer of `GET /v1/auth/me/access` (docs/api-console.md). */
export type MyAccess =
  paths['/v1/auth/me/access']['get']['responses'][200]['content']['application/json'];
export type MyObjectAccess = MyAccess['objects'][number];
export type MyReach = MyAccess['reach'];
export type ReachObject = MyReach['object'];

/** The objects "my access" can switch between, in the API's order. */
export const ACCESS_OBJECTS = [
  'customer',
  'contact',
  'deal',
  'order',
  'ticket',
  'activity',
] as const satisfies readonly ReachObject[];

/** The object named by `?object=`, or `customer` for anything else. */
export function accessObjectOf(value: string | null): ReachObject {
  return (ACCESS_OBJECTS as readonly string[]).includes(value ?? '')
    ? (value as ReachObject)
    : 'customer';
}

/** My access, with the reach counted for `object`. */
export function useMyAccess(object: ReachObject) {
  return useQuery({
    queryKey: ['me', 'access', object],
    queryFn: () => unwrap(api.GET('/v1/auth/me/access', { params: { query: { object } } })),
    placeholderData: (previous) => previous,
  });
}
