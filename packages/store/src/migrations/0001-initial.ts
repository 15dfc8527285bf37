import { sql, type Kysely, type Migration } from 'kysely';
import { RECORD_TABLES } from '../record-tables.ts';

/**
 * The initial schema. Every table is keyed by `tenant_id` first (primary keys and indexes), so a
 * Citus cluster can distribute by tenant. Ordered enums (sensitivity, access, scope, field level)
 * are stored as their rank (smallint) so that SQL compares them the way the engine does.
 */
const POLICY_TABLES = [
  `create table tenants (
    id text primary key,
    name text not null,
    settings jsonb not null default '{}'
  )`,
  `create table departments (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    parent_id text,
    head_id text,
    primary key (tenant_id, id)
  )`,
  `create table users (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    kind text not null,
    status text not null,
    department_id text,
    manager_id text,
    clearance smallint not null,
    portal_account_id text,
    primary key (tenant_id, id)
  )`,
  `create table roles (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    primary key (tenant_id, id)
  )`,
  `create table user_roles (
    tenant_id text not null,
    user_id text not null,
    role_id text not null,
    primary key (tenant_id, user_id, role_id)
  )`,
  `create table role_object_permissions (
    tenant_id text not null,
    role_id text not null,
    object text not null,
    action text not null,
    scope smallint not null,
    primary key (tenant_id, role_id, object, action)
  )`,
  `create table role_field_permissions (
    tenant_id text not null,
    role_id text not null,
    object text not null,
    field text not null,
    level smallint not null,
    primary key (tenant_id, role_id, object, field)
  )`,
  `create table role_functions (
    tenant_id text not null,
    role_id text not null,
    name text not null,
    primary key (tenant_id, role_id, name)
  )`,
  `create table groups (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    kind text not null,
    department_id text,
    include_subdepartments boolean not null default false,
    role_id text,
    primary key (tenant_id, id)
  )`,
  `create table group_members (
    tenant_id text not null,
    group_id text not null,
    member_kind text not null,
    member_id text not null,
    primary key (tenant_id, group_id, member_kind, member_id)
  )`,
  `create table object_settings (
    tenant_id text not null references tenants (id),
    object text not null,
    org_wide_default text not null,
    controlled_by_parent boolean not null,
    portal_exposed boolean not null,
    primary key (tenant_id, object)
  )`,
  `create table field_settings (
    tenant_id text not null,
    object text not null,
    field text not null,
    sensitivity smallint,
    mask text,
    internal boolean not null default false,
    label text,
    primary key (tenant_id, object, field)
  )`,
];

function recordTable(table: string, isCustomer: boolean): string[] {
  const customerRef = isCustomer
    ? ''
    : ',\n    foreign key (tenant_id, customer_id) references customers (tenant_id, id)';
  return [
    `create table ${table} (
    tenant_id text not null references tenants (id),
    id text not null,
    customer_id text not null,
    owner_id text,
    department_id text,
    sensitivity smallint not null,
    created_by_id text,
    contact_user_id text,
    pool_id text,
    name text,
    data jsonb not null default '{}',
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id)${customerRef}
  )`,
    `create index ${table}_owner_idx on ${table} (tenant_id, owner_id, updated_at desc, id)`,
    `create index ${table}_department_idx on ${table} (tenant_id, department_id, updated_at desc, id)`,
    `create index ${table}_updated_idx on ${table} (tenant_id, updated_at desc, id)`,
    ...(isCustomer
      ? [`create index ${table}_pool_idx on ${table} (tenant_id, pool_id, updated_at desc, id)`]
      : [`create index ${table}_customer_idx on ${table} (tenant_id, customer_id)`]),
  ];
}

const SHARING_TABLES = [
  `create table customer_team_members (
    tenant_id text not null,
    customer_id text not null,
    user_id text not null,
    access smallint not null,
    primary key (tenant_id, customer_id, user_id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id)
  )`,
  `create index customer_team_members_user_idx
    on customer_team_members (tenant_id, user_id, customer_id)`,
  `create table sharing_rules (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    object text not null,
    source jsonb not null,
    target_group_id text not null,
    access smallint not null,
    primary key (tenant_id, id)
  )`,
  `create table grants (
    tenant_id text not null references tenants (id),
    id text not null,
    subject_kind text not null,
    subject_id text not null,
    object text not null,
    target jsonb not null,
    access smallint not null,
    starts_at timestamptz,
    expires_at timestamptz,
    reason text,
    primary key (tenant_id, id)
  )`,
  `create index grants_subject_idx on grants (tenant_id, subject_kind, subject_id)`,
  `create table pools (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    primary key (tenant_id, id)
  )`,
  `create table pool_members (
    tenant_id text not null,
    pool_id text not null,
    member_kind text not null,
    member_id text not null,
    primary key (tenant_id, pool_id, member_kind, member_id)
  )`,
  `create table sod_rules (
    tenant_id text not null references tenants (id),
    id text not null,
    name text not null,
    "left" jsonb not null,
    "right" jsonb not null,
    primary key (tenant_id, id)
  )`,
  `create table audit_events (
    tenant_id text not null references tenants (id),
    id bigserial not null,
    at timestamptz not null default now(),
    actor_id text,
    action text not null,
    target text,
    before jsonb,
    after jsonb,
    primary key (tenant_id, id)
  )`,
  `create index audit_events_at_idx on audit_events (tenant_id, at desc)`,
];

const TABLES_IN_DROP_ORDER = [
  'audit_events',
  'sod_rules',
  'pool_members',
  'pools',
  'grants',
  'sharing_rules',
  'customer_team_members',
  ...RECORD_TABLES.filter((t) => t !== 'customers'),
  'customers',
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
  'tenants',
];

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const initialMigration: Migration = {
  async up(db) {
    await run(db, POLICY_TABLES);
    await run(db, recordTable('customers', true));
    for (const table of RECORD_TABLES) {
      if (table !== 'customers') await run(db, recordTable(table, false));
    }
    await run(db, SHARING_TABLES);
  },
  async down(db) {
    await run(
      db,
      TABLES_IN_DROP_ORDER.map((t) => `drop table ${t}`),
    );
  },
};
