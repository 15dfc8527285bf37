/**
 * The shapes of the admin API's entities (`data` of `/v1/admin/*` answers): the engine's own
 * model types (type-only imports: no engine code reaches the browser).
 */
export type {
  AccessLevel,
  Department,
  Grant,
  Group,
  ObjectType,
  OrgWideDefault,
  Role,
  SharingRule,
  User,
} from '@custos/engine';

/** A page of an admin list (`GET /v1/admin/users` …). */
export interface AdminPage<T> {
  data: T[];
  version: number;
  nextCursor: string | null;
}
