import { filter, type Locale, type Sensitivity } from '@custos/engine';
import { countRecordsBy, listPolicyChanges, type StoreSchema } from '@custos/store';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../http/request-context.ts';

/** How many permission changes the overview lists. */
export const RECENT_CHANGES_SHOWN = 20;

export interface AdminOverview {
  /** Every role, with how many active users hold it. */
  usersPerRole: { roleId: string; roleName: string; activeUsers: number }[];
  /** Every department, with how many active internal users are in it (null: in none). */
  usersPerDepartment: {
    departmentId: string | null;
    departmentName: string | null;
    activeUsers: number;
  }[];
  /** The customers the caller may read, per sensitivity (every level, zero included). */
  customersPerSensitivity: { sensitivity: Sensitivity; customers: number }[];
  /** The customers the caller may read, per owning department (null: none), largest first. */
  customersPerDepartment: {
    departmentId: string | null;
    departmentName: string | null;
    customers: number;
  }[];
  /** The latest committed policy changes, newest first. */
  recentChanges: RecentChange[];
}

export interface RecentChange {
  /** The policy version the change was committed under, and its place in that batch. */
  version: number;
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  /** The change's kind, e.g. `role.update` (also its audit action). */
  kind: string;
  /** What it changed: the entity kind of `kind` and the entity's id and name where it has them. */
  entity: { kind: string; id: string | null; name: string | null };
  summary: Record<Locale, string>;
}

const ENTITY_NAMES: Record<string, Record<Locale, string>> = {
  department: { 'zh-CN': '部门', 'en-US': 'department' },
  user: { 'zh-CN': '员工', 'en-US': 'user' },
  role: { 'zh-CN': '角色', 'en-US': 'role' },
  group: { 'zh-CN': '用户组', 'en-US': 'group' },
  object: { 'zh-CN': '对象设置', 'en-US': 'object settings' },
  sharing_rule: { 'zh-CN': '数据共享规则', 'en-US': 'sharing rule' },
  grant: { 'zh-CN': '临时授权', 'en-US': 'grant' },
  pool: { 'zh-CN': '公海', 'en-US': 'pool' },
  sod_rule: { 'zh-CN': '职责分离规则', 'en-US': 'SoD rule' },
};

const VERBS: Record<string, Record<Locale, string>> = {
  create: { 'zh-CN': '创建了', 'en-US': 'created' },
  update: { 'zh-CN': '修改了', 'en-US': 'changed' },
  delete: { 'zh-CN': '删除了', 'en-US': 'deleted' },
  rename: { 'zh-CN': '重命名了', 'en-US': 'renamed' },
  move: { 'zh-CN': '移动了', 'en-US': 'moved' },
  set_head: { 'zh-CN': '设置了负责人:', 'en-US': 'set the head of' },
  revoke: { 'zh-CN': '撤销了', 'en-US': 'revoked' },
  add_member: { 'zh-CN': '添加了成员到', 'en-US': 'added a member to' },
  remove_member: { 'zh-CN': '移除了成员自', 'en-US': 'removed a member from' },
  set_field: { 'zh-CN': '设置了字段:', 'en-US': 'set a field of' },
  remove_field: { 'zh-CN': '移除了字段设置:', 'en-US': 'removed a field setting of' },
  set_org_wide_default: {
    'zh-CN': '修改了基础数据权限:',
    'en-US': 'changed the org-wide default of',
  },
  deactivate: { 'zh-CN': '停用了', 'en-US': 'deactivated' },
  reactivate: { 'zh-CN': '重新启用了', 'en-US': 'reactivated' },
  set_manager: { 'zh-CN': '设置了汇报对象:', 'en-US': 'set the manager of' },
  transfer: { 'zh-CN': '调动了', 'en-US': 'transferred' },
};

function stringAt(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}

function entityOf(
  kind: string,
  change: unknown,
  before: unknown,
  after: unknown,
): RecentChange['entity'] {
  const entityKind = kind.split('.')[0] ?? kind;
  const id =
    stringAt(after, 'id') ??
    stringAt(before, 'id') ??
    stringAt(change, 'id') ??
    stringAt(change, 'userId') ??
    stringAt(change, 'object') ??
    stringAt(after, 'object') ??
    null;
  const name = stringAt(after, 'name') ?? stringAt(before, 'name');
  return { kind: entityKind, id, name };
}

function summaryOf(
  kind: string,
  entity: RecentChange['entity'],
  actorName: string | null,
): Record<Locale, string> {
  const verb = kind.split('.').slice(1).join('.');
  const what = ENTITY_NAMES[entity.kind];
  const does = VERBS[verb];
  const label = entity.name ?? entity.id ?? '';
  const zhActor = actorName ?? '系统';
  const enActor = actorName ?? 'The system';
  if (what === undefined || does === undefined) {
    return {
      'zh-CN': `${zhActor}:${kind} ${label}`.trim(),
      'en-US': `${enActor}: ${kind} ${label}`.trim(),
    };
  }
  return {
    'zh-CN': `${zhActor}${does['zh-CN']}${what['zh-CN']}「${label}」`,
    'en-US': `${enActor} ${does['en-US']} ${what['en-US']} “${label}”`,
  };
}

/**
 * The admin home's figures: users per role and per department (policy), the customers the caller
 * may read per sensitivity and per owning department (one `group by` each over the engine's
 * `filter` for the caller: an admin who reads only some customers sees only those counted), and
 * the latest committed policy changes from the change log.
 */
export async function adminOverview(
  db: Kysely<StoreSchema>,
  ctx: RequestContext,
): Promise<AdminOverview> {
  const { index, model } = ctx;
  const active = model.users.filter((u) => u.status === 'active');
  const usersPerRole = model.roles.map((role) => ({
    roleId: role.id,
    roleName: role.name,
    activeUsers: active.filter((u) => u.roleIds.includes(role.id)).length,
  }));
  const internal = active.filter((u) => u.kind === 'internal');
  const usersPerDepartment: AdminOverview['usersPerDepartment'] = model.departments.map((d) => ({
    departmentId: d.id,
    departmentName: d.name,
    activeUsers: internal.filter((u) => u.departmentId === d.id).length,
  }));
  const homeless = internal.filter((u) => u.departmentId === null).length;
  if (homeless > 0) {
    usersPerDepartment.push({ departmentId: null, departmentName: null, activeUsers: homeless });
  }

  const query = {
    tenantId: ctx.tenantId,
    object: 'customer' as const,
    predicate: filter(index, ctx.userId, 'read', 'customer', ctx.now),
  };
  const [bySensitivity, byDepartment, changes] = await Promise.all([
    countRecordsBy(db, query, 'sensitivity'),
    countRecordsBy(db, query, 'department'),
    listPolicyChanges(db, ctx.tenantId, { limit: RECENT_CHANGES_SHOWN }),
  ]);
  const sensitivityCount = new Map(bySensitivity.map((g) => [g.key, g.count]));
  const customersPerSensitivity = (
    ['public', 'internal', 'confidential', 'restricted'] as const
  ).map((sensitivity) => ({ sensitivity, customers: sensitivityCount.get(sensitivity) ?? 0 }));
  const customersPerDepartment = byDepartment.map((g) => ({
    departmentId: g.key,
    departmentName: g.key === null ? null : (index.departments.get(g.key)?.name ?? null),
    customers: g.count,
  }));
  const recentChanges = changes.map((c): RecentChange => {
    const actorName = c.actorId === null ? null : (index.users.get(c.actorId)?.name ?? c.actorId);
    const entity = entityOf(c.kind, c.change, c.before, c.after);
    return {
      version: c.version,
      seq: c.seq,
      at: c.at.toISOString(),
      actor: c.actorId === null ? null : { id: c.actorId, name: actorName ?? c.actorId },
      kind: c.kind,
      entity,
      summary: summaryOf(c.kind, entity, actorName),
    };
  });
  return {
    usersPerRole,
    usersPerDepartment,
    customersPerSensitivity,
    customersPerDepartment,
    recentChanges,
  };
}
