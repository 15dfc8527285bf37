import {
  rank,
  type Department,
  type Grant,
  type Group,
  type ObjectSettings,
  type Pool,
  type Role,
  type SharingRule,
  type SodRule,
  type User,
} from '@custos/engine';
import type { Insertable } from 'kysely';
import { sensitivityRank } from './record-row.ts';
import type { StoreSchema } from './schema.ts';

/**
 * The rows of one policy entity: its own row (at `version`, the policy version of its last change)
 * and the rows of its parts (a user's roles, a role's permissions, a group's or pool's members, an
 * object's field settings), numbered within it. The whole-model save and the row-delta writer both
 * build rows here, so the two cannot drift apart. Ordered enums are stored as their rank.
 */
export type PolicyEntityKind =
  | 'department'
  | 'user'
  | 'role'
  | 'object'
  | 'group'
  | 'sharing_rule'
  | 'grant'
  | 'pool'
  | 'sod_rule';

type Row<T extends keyof StoreSchema> = Insertable<StoreSchema[T]>;

/** A part table's rows, with the column that ties them to their entity. */
export interface PartRows<T extends keyof StoreSchema = keyof StoreSchema> {
  table: T;
  /** The column naming the owning entity (`user_id`, `role_id`, …). */
  owner: string;
  rows: Row<T>[];
}

export interface EntityRows {
  table: keyof StoreSchema;
  /** The key column besides `tenant_id` (`id`, or `object` for object settings). */
  key: 'id' | 'object';
  row: Record<string, unknown>;
  parts: PartRows[];
}

const json = (value: unknown): string => JSON.stringify(value);

function entriesOf<K extends string, V>(map: Partial<Record<K, V>>): [K, V][] {
  return Object.entries(map).filter((e): e is [K, V] => e[1] !== undefined) as [K, V][];
}

function members(
  tenantId: string,
  ownerColumn: 'group_id' | 'pool_id',
  ownerId: string,
  list: { kind: string; id: string }[],
) {
  return list.map((m, ordinal) => ({
    tenant_id: tenantId,
    [ownerColumn]: ownerId,
    member_kind: m.kind,
    member_id: m.id,
    ordinal,
  }));
}

export function departmentRows(tenantId: string, d: Department, version: number): EntityRows {
  return {
    table: 'departments',
    key: 'id',
    row: {
      tenant_id: tenantId,
      id: d.id,
      name: d.name,
      parent_id: d.parentId,
      head_id: d.headId ?? null,
      version,
    },
    parts: [],
  };
}

export function userRows(tenantId: string, u: User, version: number): EntityRows {
  return {
    table: 'users',
    key: 'id',
    row: {
      tenant_id: tenantId,
      id: u.id,
      name: u.name,
      kind: u.kind,
      status: u.status,
      department_id: u.departmentId,
      manager_id: u.managerId,
      clearance: sensitivityRank(u.clearance),
      portal_account_id: u.portalAccountId ?? null,
      title: u.title ?? null,
      version,
    },
    parts: [
      {
        table: 'user_roles',
        owner: 'user_id',
        rows: u.roleIds.map((roleId, ordinal) => ({
          tenant_id: tenantId,
          user_id: u.id,
          role_id: roleId,
          ordinal,
        })),
      },
    ],
  };
}

export function roleRows(tenantId: string, r: Role, version: number): EntityRows {
  const objectPermissions = entriesOf(r.objects).flatMap(([object, permission]) =>
    entriesOf(permission).map(([action, scope]) => ({ object, action, scope })),
  );
  const fieldPermissions = entriesOf(r.fields).flatMap(([object, fields]) =>
    Object.entries(fields).map(([field, level]) => ({ object, field, level })),
  );
  return {
    table: 'roles',
    key: 'id',
    row: { tenant_id: tenantId, id: r.id, name: r.name, version },
    parts: [
      {
        table: 'role_object_permissions',
        owner: 'role_id',
        rows: objectPermissions.map((p, ordinal) => ({
          tenant_id: tenantId,
          role_id: r.id,
          object: p.object,
          action: p.action,
          scope: rank.scope(p.scope),
          ordinal,
        })),
      },
      {
        table: 'role_field_permissions',
        owner: 'role_id',
        rows: fieldPermissions.map((p, ordinal) => ({
          tenant_id: tenantId,
          role_id: r.id,
          object: p.object,
          field: p.field,
          level: rank.field(p.level),
          ordinal,
        })),
      },
      {
        table: 'role_functions',
        owner: 'role_id',
        rows: r.functions.map((name, ordinal) => ({
          tenant_id: tenantId,
          role_id: r.id,
          name,
          ordinal,
        })),
      },
    ],
  };
}

export function objectRows(tenantId: string, o: ObjectSettings, version: number): EntityRows {
  return {
    table: 'object_settings',
    key: 'object',
    row: {
      tenant_id: tenantId,
      object: o.object,
      org_wide_default: o.orgWideDefault,
      controlled_by_parent: o.controlledByParent,
      portal_exposed: o.portalExposed,
      version,
    },
    parts: [
      {
        table: 'field_settings',
        owner: 'object',
        rows: Object.entries(o.fields).map(([field, s], ordinal) => ({
          tenant_id: tenantId,
          object: o.object,
          field,
          sensitivity: s.sensitivity === undefined ? null : sensitivityRank(s.sensitivity),
          mask: s.mask ?? null,
          internal: s.internal ?? null,
          encrypted: s.encrypted ?? null,
          label: s.label ?? null,
          ordinal,
        })),
      },
    ],
  };
}

export function groupRows(tenantId: string, g: Group, version: number): EntityRows {
  return {
    table: 'groups',
    key: 'id',
    row: {
      tenant_id: tenantId,
      id: g.id,
      name: g.name,
      kind: g.kind,
      department_id: g.kind === 'department' ? g.departmentId : null,
      include_subdepartments: g.kind === 'department' ? g.includeSubdepartments : false,
      role_id: g.kind === 'role' ? g.roleId : null,
      version,
    },
    parts: [
      {
        table: 'group_members',
        owner: 'group_id',
        rows:
          g.kind !== 'public'
            ? []
            : members(tenantId, 'group_id', g.id, [
                ...g.userIds.map((id) => ({ kind: 'user', id })),
                ...g.groupIds.map((id) => ({ kind: 'group', id })),
              ]),
      },
    ],
  };
}

export function sharingRuleRows(tenantId: string, r: SharingRule, version: number): EntityRows {
  return {
    table: 'sharing_rules',
    key: 'id',
    row: {
      tenant_id: tenantId,
      id: r.id,
      name: r.name,
      object: r.object,
      source: json(r.source),
      target_group_id: r.targetGroupId,
      access: rank.access(r.access),
      version,
    },
    parts: [],
  };
}

export function grantRows(tenantId: string, g: Grant, version: number): EntityRows {
  return {
    table: 'grants',
    key: 'id',
    row: {
      tenant_id: tenantId,
      id: g.id,
      subject_kind: g.subject.kind,
      subject_id: g.subject.kind === 'user' ? g.subject.userId : g.subject.groupId,
      object: g.object,
      target: json(g.target),
      record_id: null,
      access: rank.access(g.access),
      starts_at: g.startsAt == null ? null : new Date(g.startsAt),
      expires_at: g.expiresAt === null ? null : new Date(g.expiresAt),
      reason: g.reason ?? null,
      version,
    },
    parts: [],
  };
}

export function poolRows(tenantId: string, p: Pool, version: number): EntityRows {
  return {
    table: 'pools',
    key: 'id',
    row: { tenant_id: tenantId, id: p.id, name: p.name, version },
    parts: [
      {
        table: 'pool_members',
        owner: 'pool_id',
        rows: members(tenantId, 'pool_id', p.id, [
          ...p.memberGroupIds.map((id) => ({ kind: 'group', id })),
          ...p.memberUserIds.map((id) => ({ kind: 'user', id })),
        ]),
      },
    ],
  };
}

export function sodRuleRows(tenantId: string, r: SodRule, version: number): EntityRows {
  return {
    table: 'sod_rules',
    key: 'id',
    row: {
      tenant_id: tenantId,
      id: r.id,
      name: r.name,
      left: json(r.left),
      right: json(r.right),
      others: json(r.others ?? []),
      version,
    },
    parts: [],
  };
}
