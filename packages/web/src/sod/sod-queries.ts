import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { SodRef, SodRule } from '@custos/engine';

export type { SodRef, SodRule };

/** The existing conflicts per rule (`GET /v1/admin/sod/conflicts`). */
export interface RuleConflicts {
  ruleId: string;
  ruleName: string;
  conflicts: {
    userId: string;
    userName: string;
    held: {
      key: string;
      ref: SodRef;
      via: { kind: 'role' | 'grant'; roleId?: string; grantId?: string; groupId?: string }[];
    }[];
  }[];
}

export function useSodRules() {
  return useQuery({
    queryKey: ['admin', 'sod-rules'],
    queryFn: async () =>
      (await unwrap(api.GET('/v1/admin/sod-rules', { params: { query: { limit: 500 } } })))
        .data as unknown as SodRule[],
  });
}

export function useSodConflicts() {
  return useQuery({
    queryKey: ['admin', 'sod-conflicts'],
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/v1/admin/sod/conflicts', { params: { query: {} } }),
        )) as unknown as {
          data: RuleConflicts[];
        }
      ).data,
  });
}

export interface LeastPrivilege {
  roles: {
    roleId: string;
    roleName: string;
    holders: number;
    permissions: number;
    unused: string[];
  }[];
  denials: {
    userId: string;
    userName: string;
    permission: string;
    denials: number;
    lastAt: number;
    targets: string[];
  }[];
  suggestions: {
    userId: string;
    userName: string;
    currentRoleIds: string[];
    currentPermissions: number;
    suggestedRoleId: string;
    suggestedRoleName: string;
    suggestedPermissions: number;
    exercised: string[];
  }[];
}

/** The least-privilege reports for a window of `days`. */
export function useLeastPrivilege(days: number) {
  return useQuery({
    queryKey: ['admin', 'least-privilege', days],
    queryFn: async (): Promise<LeastPrivilege> => {
      const query = { params: { query: { days } } };
      const [roles, denials, suggestions] = await Promise.all([
        unwrap(api.GET('/v1/admin/least-privilege/roles', query)),
        unwrap(api.GET('/v1/admin/least-privilege/denials', query)),
        unwrap(api.GET('/v1/admin/least-privilege/suggestions', query)),
      ]);
      return {
        roles: (roles as unknown as { data: LeastPrivilege['roles'] }).data,
        denials: (denials as unknown as { data: LeastPrivilege['denials'] }).data,
        suggestions: (suggestions as unknown as { data: LeastPrivilege['suggestions'] }).data,
      };
    },
  });
}

/** A member's key, as the API names it: `record:order:create`, `function:export`, `role:finance`. */
export function refKey(ref: SodRef): string {
  switch (ref.kind) {
    case 'object':
      return `record:${ref.object}:${ref.action}`;
    case 'function':
      return `function:${ref.name}`;
    default:
      return `role:${ref.roleId}`;
  }
}

/** The member a key names (the inverse of `refKey`). */
export function refOf(key: string): SodRef {
  const [kind, a = '', b = ''] = key.split(':');
  if (kind === 'record') return { kind: 'object', object: a, action: b } as SodRef;
  if (kind === 'function') return { kind: 'function', name: a } as SodRef;
  return { kind: 'role', roleId: a };
}
