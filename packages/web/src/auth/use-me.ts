import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { components, paths } from '../api/schema';

export type Me = paths['/v1/auth/me']['get']['responses'][200]['content']['application/json'];
export type { components };

/** The query key of the signed-in user (`GET /v1/auth/me`); invalidate it after sign-in/out. */
export const ME_KEY = ['me'] as const;

/**
 * The signed-in user, or null when nobody is (401). Under "view as" this is the viewed user
 * (with `viewAs` naming the real one).
 */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/v1/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

/** True when the user holds the function permission (from the API's `functions`). */
export function holds(me: Me | null | undefined, fn: string): boolean {
  return me?.functions.includes(fn) ?? false;
}
