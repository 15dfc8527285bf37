import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The policy repository's additions: a per-tenant `policy_version` that every policy save bumps
 * (the one cheap read the server does per request), an `ordinal` on every policy table so a model
 * reads back in the order it was written (roles per user, grants, … order explanations), and a
 * nullable `field_settings.internal` so an absent flag stays absent.
 */
const ORDERED_TABLES = [
  'departments',
  'users',
  'user_roles',
  'roles',
  'role_object_permissions',
  'role_field_permissions',
  'role_functions',
  'groups',
  'group_members',
  'object_settings',
  'field_settings',
  'customer_team_members',
  'sharing_rules',
  'grants',
  'pools',
  'pool_members',
  'sod_rules',
];

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const policyVersionMigration: Migration = {
  async up(db) {
    await run(db, [
      'alter table tenants add column policy_version integer not null default 0',
      ...ORDERED_TABLES.map(
        (t) => `alter table ${t} add column ordinal integer not null default 0`,
      ),
      'alter table field_settings alter column internal drop not null',
      'alter table field_settings alter column internal drop default',
    ]);
  },
  async down(db) {
    await run(db, [
      'update field_settings set internal = false where internal is null',
      'alter table field_settings alter column internal set default false',
      'alter table field_settings alter column internal set not null',
      ...ORDERED_TABLES.map((t) => `alter table ${t} drop column ordinal`),
      'alter table tenants drop column policy_version',
    ]);
  },
};
