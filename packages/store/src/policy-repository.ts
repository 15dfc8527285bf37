/**
 * The policy repository: a tenant's whole `PolicyModel` in the policy tables, written in one
 * transaction and read back as the same value, with a per-tenant `policy_version` that every save
 * bumps (`tenants.policy_version`, 0002-policy-version).
 *
 * Every list (and map) is stored with its position (`ordinal`), so the model reads back in the
 * order it was written: a user's roles, the grants, the rules … all order explanations. Ordered
 * enums are stored as their rank; grant targets, sharing-rule sources and SoD permission
 * references as JSON.
 *
 * Customer teams and grants on one record are not part of the model: they are facts of their
 * records (`record-facts-repository.ts`), read with the records and by the list query.
 */
import {
  ACCESS_LEVELS,
  DATA_SCOPES,
  FIELD_LEVELS,
  SENSITIVITIES,
  type AccessLevel,
  type DataScope,
  type Department,
  type FieldLevel,
  type FieldSetting,
  type Group,
  type Locale,
  type MaskKind,
  type ObjectPermission,
  type ObjectSettings,
  type ObjectType,
  type OrgWideDefault,
  type SodRef,
  type PolicyModel,
  type Pool,
  type PrincipalKind,
  type RecordAction,
  type Role,
  type Sensitivity,
  type SharingRule,
  type SodRule,
  type TenantSettings,
  type User,
  type UserStatus,
} from '@custos/engine';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { insertPolicyModel } from './policy-delta.ts';
import { grantFromRow } from './record-facts-repository.ts';
import { StoreError } from './store-error.ts';
import type { StoreSchema } from './schema.ts';

/**
 * The policy tables a save replaces, children before parents. Customer teams and grants on one
 * record are facts of their records (`record-facts-repository.ts`): a save leaves them alone.
 */
const POLICY_TABLES = [
  'sod_rules',
  'pool_members',
  'pools',
  'grants',
  'sharing_rules',
  'field_settings',
  'object_settings',
  'group_members',
  'groups',
  'role_functions',
  'role_field_permissions',
  'role_object_permissions',
  'user_roles',
  'roles',
  'users',
  'departments',
] as const;
type PolicyTable = (typeof POLICY_TABLES)[number];

const json = (value: unknown): string => JSON.stringify(value);

/** The tenant row's settings that come from the model; other keys in the column are kept. */
function tenantSettings(tenant: TenantSettings): Record<string, unknown> {
  return tenant.defaultLocale === undefined ? {} : { defaultLocale: tenant.defaultLocale };
}

/**
 * Replace the tenant's policy with `model`, in one transaction, and bump its policy version
 * (which is returned). The tenant row is created when missing. `model.version` is ignored: the
 * stored version is the tenant's. On any error nothing changes.
 */
export async function savePolicyModel(
  db: Kysely<StoreSchema>,
  tenantId: string,
  model: PolicyModel,
): Promise<number> {
  return db.transaction().execute((tx) => writePolicyModel(tx, tenantId, model));
}

/**
 * `savePolicyModel` inside the caller's transaction: replace the tenant's policy with `model` and
 * bump (or create) the tenant's policy version, which is returned. The caller commits or rolls
 * back, so a change, its version bump and its audit row can be one unit.
 */
export async function writePolicyModel(
  tx: Transaction<StoreSchema>,
  tenantId: string,
  model: PolicyModel,
): Promise<number> {
  // First, so that concurrent saves of one tenant queue on its row.
  const { policy_version: version } = await tx
    .insertInto('tenants')
    .values({
      id: tenantId,
      name: model.tenant.name,
      settings: json(tenantSettings(model.tenant)),
      policy_version: 1,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: (eb) => eb.ref('excluded.name'),
        settings: sql<string>`(tenants.settings - 'defaultLocale') || excluded.settings`,
        policy_version: sql<number>`tenants.policy_version + 1`,
      }),
    )
    .returning('policy_version')
    .executeTakeFirstOrThrow();

  const recordGrant = model.grants.find((g) => g.target.kind === 'record');
  if (recordGrant !== undefined)
    throw new StoreError(
      'STORE_CORRUPT_ROW',
      `grant ${recordGrant.id} is on one record: record grants are stored with their records, not in the policy`,
      { grantId: recordGrant.id },
    );
  for (const table of POLICY_TABLES) {
    let remove = tx.deleteFrom(table).where('tenant_id', '=', tenantId);
    if (table === 'grants') remove = remove.where('record_id' as never, 'is', null);
    await remove.execute();
  }
  // Top-level rows take their order from `policy_ordinal_seq` (insert order); a row's parts are
  // numbered within it. Every entity is at this version.
  await insertPolicyModel(tx, tenantId, model, version);
  return version;
}

/**
 * Lock the tenant's row until the caller's transaction ends (`select … for update`) and return
 * its policy version, so that read-modify-write changes of one tenant's policy queue up. Throws
 * `STORE_UNKNOWN_TENANT` for an unknown tenant.
 */
export async function lockPolicyVersion(
  tx: Transaction<StoreSchema>,
  tenantId: string,
): Promise<number> {
  const row = await tx
    .selectFrom('tenants')
    .select('policy_version')
    .where('id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined)
    throw new StoreError('STORE_UNKNOWN_TENANT', `unknown tenant: ${tenantId}`, { tenantId });
  return row.policy_version;
}

/** The tenant's policy version: 0 before its first save, or for an unknown tenant. */
export async function readPolicyVersion(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<number> {
  const row = await db
    .selectFrom('tenants')
    .select('policy_version')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return row?.policy_version ?? 0;
}

/** Group rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [row]);
    else list.push(row);
  }
  return groups;
}

/** A JSON column as stored: parsed by the driver, or (some drivers) still a string. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function unrank<T>(levels: readonly T[], r: number, what: string): T {
  const level = levels[r];
  if (level === undefined)
    throw new StoreError('STORE_CORRUPT_ROW', `stored ${what} rank ${r} is out of range`, {
      what,
      rank: r,
    });
  return level;
}

/**
 * Read the tenant's policy back as a model whose `version` is the tenant's policy version. All
 * tables are read in one repeatable-read transaction: a concurrent save is seen whole or not at
 * all. Throws for an unknown tenant.
 */
export async function loadPolicyModel(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<PolicyModel> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((tx) => loadPolicyModelIn(tx, tenantId));
}

/**
 * `loadPolicyModel` inside the caller's transaction (e.g. after `lockPolicyVersion`, to read the
 * model that a change will be applied to). Throws for an unknown tenant.
 */
export async function loadPolicyModelIn(
  tx: Transaction<StoreSchema>,
  tenantId: string,
): Promise<PolicyModel> {
  const tenant = await tx
    .selectFrom('tenants')
    .select(['id', 'name', 'settings', 'policy_version'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (tenant === undefined)
    throw new StoreError('STORE_UNKNOWN_TENANT', `unknown tenant: ${tenantId}`, { tenantId });

  const rowsOf = <T extends PolicyTable>(table: T) =>
    tx
      .selectFrom(table as 'roles')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('ordinal')
      .execute() as unknown as Promise<Selectable<StoreSchema[T]>[]>;

  const departments = await rowsOf('departments');
  const users = await rowsOf('users');
  const userRoles = groupBy(await rowsOf('user_roles'), (r) => r.user_id);
  const roles = await rowsOf('roles');
  const objectPermissions = groupBy(await rowsOf('role_object_permissions'), (r) => r.role_id);
  const fieldPermissions = groupBy(await rowsOf('role_field_permissions'), (r) => r.role_id);
  const functions = groupBy(await rowsOf('role_functions'), (r) => r.role_id);
  const groups = await rowsOf('groups');
  const groupMembers = groupBy(await rowsOf('group_members'), (r) => r.group_id);
  const objects = await rowsOf('object_settings');
  const fieldSettings = groupBy(await rowsOf('field_settings'), (r) => r.object);
  const sharingRules = await rowsOf('sharing_rules');
  const grants = (await rowsOf('grants')).filter((g) => g.record_id === null);
  const pools = await rowsOf('pools');
  const poolMembers = groupBy(await rowsOf('pool_members'), (r) => r.pool_id);
  const sodRules = await rowsOf('sod_rules');

  const settings = parsed<Record<string, unknown>>(tenant.settings);
  const tenantSettings: TenantSettings = { id: tenant.id, name: tenant.name };
  if (typeof settings.defaultLocale === 'string') {
    tenantSettings.defaultLocale = settings.defaultLocale as Locale;
  }

  return {
    version: tenant.policy_version,
    tenant: tenantSettings,
    departments: departments.map((d): Department => {
      const department: Department = { id: d.id, name: d.name, parentId: d.parent_id };
      if (d.head_id !== null) department.headId = d.head_id;
      return department;
    }),
    users: users.map((u): User => {
      const user: User = {
        id: u.id,
        name: u.name,
        kind: u.kind as PrincipalKind,
        status: u.status as UserStatus,
        departmentId: u.department_id,
        managerId: u.manager_id,
        roleIds: (userRoles.get(u.id) ?? []).map((r) => r.role_id),
        clearance: unrank<Sensitivity>(SENSITIVITIES, u.clearance, 'clearance'),
      };
      if (u.portal_account_id !== null) user.portalAccountId = u.portal_account_id;
      if (u.title != null) user.title = u.title;
      return user;
    }),
    roles: roles.map((r): Role => {
      const objects: Partial<Record<ObjectType, ObjectPermission>> = {};
      for (const p of objectPermissions.get(r.id) ?? []) {
        const permission = (objects[p.object as ObjectType] ??= {});
        permission[p.action as RecordAction] = unrank<DataScope>(DATA_SCOPES, p.scope, 'scope');
      }
      const fields: Partial<Record<ObjectType, Record<string, FieldLevel>>> = {};
      for (const p of fieldPermissions.get(r.id) ?? []) {
        const levels = (fields[p.object as ObjectType] ??= {});
        levels[p.field] = unrank<FieldLevel>(FIELD_LEVELS, p.level, 'field level');
      }
      return {
        id: r.id,
        name: r.name,
        objects,
        functions: (functions.get(r.id) ?? []).map((f) => f.name),
        fields,
      };
    }),
    objects: objects.map((o): ObjectSettings => {
      const fields: Record<string, FieldSetting> = {};
      for (const f of fieldSettings.get(o.object) ?? []) {
        const setting: FieldSetting = {};
        if (f.sensitivity !== null) {
          setting.sensitivity = unrank<Sensitivity>(SENSITIVITIES, f.sensitivity, 'sensitivity');
        }
        if (f.mask !== null) setting.mask = f.mask as MaskKind;
        if (f.internal !== null) setting.internal = f.internal;
        if (f.encrypted !== null && f.encrypted !== undefined) setting.encrypted = f.encrypted;
        if (f.label !== null) setting.label = f.label;
        fields[f.field] = setting;
      }
      return {
        object: o.object as ObjectType,
        orgWideDefault: o.org_wide_default as OrgWideDefault,
        controlledByParent: o.controlled_by_parent,
        portalExposed: o.portal_exposed,
        fields,
      };
    }),
    groups: groups.map((g): Group => {
      switch (g.kind) {
        case 'department':
          return {
            id: g.id,
            name: g.name,
            kind: 'department',
            departmentId: g.department_id ?? '',
            includeSubdepartments: g.include_subdepartments,
          };
        case 'role':
          return { id: g.id, name: g.name, kind: 'role', roleId: g.role_id ?? '' };
        case 'public': {
          const members = groupMembers.get(g.id) ?? [];
          return {
            id: g.id,
            name: g.name,
            kind: 'public',
            userIds: members.filter((m) => m.member_kind === 'user').map((m) => m.member_id),
            groupIds: members.filter((m) => m.member_kind === 'group').map((m) => m.member_id),
          };
        }
        default:
          throw new StoreError(
            'STORE_CORRUPT_ROW',
            `stored group ${g.id} has unknown kind ${g.kind}`,
            { groupId: g.id },
          );
      }
    }),
    sharingRules: sharingRules.map((r): SharingRule => ({
      id: r.id,
      name: r.name,
      object: r.object as ObjectType,
      source: parsed<SharingRule['source']>(r.source),
      targetGroupId: r.target_group_id,
      access: unrank<AccessLevel>(ACCESS_LEVELS, r.access, 'access') as SharingRule['access'],
    })),
    grants: grants.map(grantFromRow),
    pools: pools.map((p): Pool => {
      const members = poolMembers.get(p.id) ?? [];
      return {
        id: p.id,
        name: p.name,
        memberGroupIds: members.filter((m) => m.member_kind === 'group').map((m) => m.member_id),
        memberUserIds: members.filter((m) => m.member_kind === 'user').map((m) => m.member_id),
      };
    }),
    sodRules: sodRules.map((r): SodRule => {
      const others = parsed<SodRef[]>(r.others);
      return {
        id: r.id,
        name: r.name,
        left: parsed<SodRef>(r.left),
        right: parsed<SodRef>(r.right),
        ...(others.length > 0 ? { others } : {}),
      };
    }),
  };
}
