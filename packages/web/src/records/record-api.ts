import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';
import type { ObjectType } from '../shared/admin-types.ts';
import { pathOfObject, type RecordPath } from '../shared/record-objects.ts';

/** A page of a record list as the API answers it (`GET /v1/customers` …). */
export type RecordListAnswer =
  paths['/v1/customers']['get']['responses'][200]['content']['application/json'];
/** A record as the API shows it to the caller: hidden fields absent, masked ones masked. */
export type RecordView =
  paths['/v1/customers/{id}']['get']['responses'][200]['content']['application/json'];
export type ListQuery = NonNullable<paths['/v1/customers']['get']['parameters']['query']>;
export type RecordSort = NonNullable<ListQuery['sort']>;
export type Explanation =
  paths['/v1/authz/explain']['post']['responses'][200]['content']['application/json'];
export type MyAccess =
  paths['/v1/auth/me/access']['get']['responses'][200]['content']['application/json'];
export type TeamMember =
  paths['/v1/customers/{id}/team']['get']['responses'][200]['content']['application/json']['members'][number];
export type FieldLevel = 'hidden' | 'masked' | 'read' | 'edit';
export type AccessLevel = 'read' | 'edit' | 'manage';

export const SORTS: readonly RecordSort[] = ['-updatedAt', 'updatedAt', 'name', '-name'];
export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
/** The actions `/v1/authz/explain` is asked about on a record's "why" drawer. */
export const EXPLAINED_ACTIONS = [
  'read',
  'update',
  'delete',
  'transfer',
  'share',
  'export',
] as const;
export type ExplainedAction = (typeof EXPLAINED_ACTIONS)[number];

// Every object has the same routes; the types are those of `/v1/customers`.
const listPath = (path: RecordPath) => `/v1/${path}` as '/v1/customers';
const itemPath = (path: RecordPath) => `/v1/${path}/{id}` as '/v1/customers/{id}';

/** One page of the caller's records of an object (`query` may carry the list's filters). */
export function listRecords(object: ObjectType, query: Record<string, unknown>) {
  return unwrap(api.GET(listPath(pathOfObject(object)), { params: { query: query as ListQuery } }));
}

/** One record with the caller's level on each field (404 when the caller may not read it). */
export function getRecord(object: ObjectType, id: string) {
  return unwrap(api.GET(itemPath(pathOfObject(object)), { params: { path: { id } } }));
}

export function createRecord(
  object: ObjectType,
  body: { fields: Record<string, unknown>; customerId?: string; sensitivity?: Sensitivity },
) {
  return unwrap(api.POST(listPath(pathOfObject(object)), { body: body as never }));
}

export function updateRecord(
  object: ObjectType,
  id: string,
  body: { fields?: Record<string, unknown>; sensitivity?: Sensitivity },
) {
  return unwrap(
    api.PATCH(itemPath(pathOfObject(object)), { params: { path: { id } }, body: body as never }),
  );
}

export function deleteRecord(object: ObjectType, id: string) {
  return unwrap(
    api.DELETE(itemPath(pathOfObject(object)), { params: { path: { id } }, body: {} as never }),
  );
}

export function transferRecord(
  object: ObjectType,
  id: string,
  body: { ownerId: string; includeChildren?: boolean },
) {
  return unwrap(
    api.POST(`/v1/${pathOfObject(object)}/{id}/transfer` as '/v1/customers/{id}/transfer', {
      params: { path: { id } },
      body,
    }),
  );
}

export async function getTeam(customerId: string): Promise<TeamMember[]> {
  const answer = await unwrap(
    api.GET('/v1/customers/{id}/team', { params: { path: { id: customerId } } }),
  );
  return answer.members;
}

export function putTeamMember(customerId: string, userId: string, access: AccessLevel) {
  return unwrap(
    api.PUT('/v1/customers/{id}/team/{userId}', {
      params: { path: { id: customerId, userId } },
      body: { access },
    }),
  );
}

export function removeTeamMember(customerId: string, userId: string) {
  return unwrap(
    api.DELETE('/v1/customers/{id}/team/{userId}', {
      params: { path: { id: customerId, userId } },
      body: {} as never,
    }),
  );
}

/** The engine's explanation of one action of `subject` on a record. */
export function explainAction(
  subject: string,
  object: ObjectType,
  recordId: string,
  action: ExplainedAction,
) {
  return unwrap(api.POST('/v1/authz/explain', { body: { subject, object, recordId, action } }));
}

/** My access to one object (scopes per action, field levels): `GET /v1/auth/me/access`. */
export function getMyAccess(object: ObjectType) {
  return unwrap(api.GET('/v1/auth/me/access', { params: { query: { object } } }));
}
