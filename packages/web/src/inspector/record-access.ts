import { useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, apiErrorOf } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';
import { VIEW_AS_HEADER } from '../api/view-as.ts';
import type { ObjectType } from '../shared/admin-types.ts';
import { pathOfObject } from '../shared/record-objects.ts';

/** Every action of a record, in the order the inspector shows them. */
export const INSPECTED_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'transfer',
  'share',
  'export',
] as const;
export type InspectedAction = (typeof INSPECTED_ACTIONS)[number];

export type Explanation =
  paths['/v1/authz/explain']['post']['responses'][200]['content']['application/json'];
export type CheckResult =
  paths['/v1/authz/check']['post']['responses'][200]['content']['application/json']['results'][number];
export type FieldLevel = 'edit' | 'read' | 'masked' | 'hidden';

export interface Inspected {
  user: string;
  object: ObjectType;
  record: string;
}

/** `POST /v1/authz/check`: every action for the user on the record, in one batch. */
export function useDecisions({ user, object, record }: Inspected) {
  return useQuery({
    queryKey: ['inspector', 'check', user, object, record],
    queryFn: async () => {
      const answer = await unwrap(
        api.POST('/v1/authz/check', {
          body: {
            items: INSPECTED_ACTIONS.map((action) => ({
              subject: user,
              action,
              object,
              recordId: record,
            })),
          },
        }),
      );
      return new Map(
        INSPECTED_ACTIONS.map((action, i) => [action, answer.results[i]] as const),
      ) as Map<InspectedAction, CheckResult | undefined>;
    },
  });
}

/** `POST /v1/authz/explain` for each action: every path that allowed it, or the rule that denied it. */
export function useExplanations({ user, object, record }: Inspected) {
  return useQueries({
    queries: INSPECTED_ACTIONS.map((action) => ({
      queryKey: ['inspector', 'explain', user, object, record, action],
      queryFn: () =>
        unwrap(
          api.POST('/v1/authz/explain', {
            body: { subject: user, action, object, recordId: record },
          }),
        ),
    })),
  });
}

/** The record as the user reads it: their field levels, or why there are none to show. */
export type FieldView =
  | {
      kind: 'levels';
      levels: Record<string, FieldLevel>;
      fields: Record<string, unknown>;
    }
  | { kind: 'unreadable' }
  | { kind: 'not_served_as' };

/**
 * Every field's level for the user on the record: the record read as the user ("view as": the
 * API answers `fieldLevels` as theirs, and `x-custos-viewing-as` says it did). A 404 means they
 * may not read it (every field hidden). The authorization API has no field levels of its own.
 */
export function useFieldView({ user, object, record }: Inspected, selfId: string | undefined) {
  return useQuery({
    queryKey: ['inspector', 'fields', user, object, record],
    queryFn: async (): Promise<FieldView> => {
      const self = user === selfId;
      const { data, error, response } = await api.GET(
        `/v1/${pathOfObject(object)}/{id}` as '/v1/customers/{id}',
        {
          params: { path: { id: record } },
          ...(self ? {} : { headers: { [VIEW_AS_HEADER]: user } }),
        },
      );
      if (response.status === 404) return { kind: 'unreadable' };
      if (!response.ok || data === undefined) throw apiErrorOf(response.status, error);
      if (!self && response.headers.get('x-custos-viewing-as') !== user)
        return { kind: 'not_served_as' };
      return {
        kind: 'levels',
        levels: (data.fieldLevels ?? {}) as Record<string, FieldLevel>,
        fields: data.fields as Record<string, unknown>,
      };
    },
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
  });
}
