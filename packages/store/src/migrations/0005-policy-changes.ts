import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The policy as rows, every change as data (ADR 0006):
 * - `policy_changes`: the log of committed admin changes, one row per change, keyed by the
 *   tenant's policy version (one version per committed batch) and the change's place in it. A node
 *   at version v applies v+1 … n from here instead of reloading the model.
 * - `version` on every policy entity table: the policy version of the entity's last change, so
 *   `If-Match` guards a stale edit of that entity without refusing edits of others.
 * - `grants.record_id`: a grant on one record is a fact of that record, read with it and by the
 *   list query, never part of the node-wide model.
 * - `policy_ordinal_seq`: new rows take their place in the model's order from a sequence, so a
 *   change never scans a table for `max(ordinal)`.
 */
const ENTITY_TABLES = [
  'departments',
  'users',
  'roles',
  'groups',
  'object_settings',
  'sharing_rules',
  'grants',
  'pools',
  'sod_rules',
];

/** Tables whose rows are ordered in the model by `ordinal`, numbered by the sequence. */
const SEQUENCED_TABLES = [...ENTITY_TABLES, 'customer_team_members'];

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const policyChangesMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table policy_changes (
        tenant_id text not null references tenants (id),
        version integer not null,
        seq smallint not null,
        kind text not null,
        change jsonb not null,
        before jsonb,
        after jsonb,
        actor_id text,
        at timestamptz not null,
        primary key (tenant_id, version, seq)
      )`,
      ...ENTITY_TABLES.map((t) => `alter table ${t} add column version integer not null default 0`),
      'alter table grants add column record_id text',
      `update grants set record_id = target ->> 'recordId' where target ->> 'kind' = 'record'`,
      `create index grants_record_idx on grants (tenant_id, object, record_id)
        where record_id is not null`,
      `create index grants_subject_record_idx on grants (tenant_id, subject_kind, subject_id, object, record_id)
        where record_id is not null`,
      'create sequence policy_ordinal_seq as bigint',
      ...SEQUENCED_TABLES.map(
        (t) =>
          `alter table ${t} alter column ordinal type bigint, alter column ordinal set default nextval('policy_ordinal_seq')`,
      ),
      `select setval('policy_ordinal_seq', greatest(1, ${SEQUENCED_TABLES.map(
        (t) => `(select coalesce(max(ordinal), 0) + 1 from ${t})`,
      ).join(', ')}), false)`,
    ]);
  },
  async down(db) {
    await run(db, [
      ...SEQUENCED_TABLES.map(
        (t) =>
          `alter table ${t} alter column ordinal set default 0, alter column ordinal type integer`,
      ),
      'drop sequence policy_ordinal_seq',
      'drop index grants_subject_record_idx',
      'drop index grants_record_idx',
      'alter table grants drop column record_id',
      ...ENTITY_TABLES.map((t) => `alter table ${t} drop column version`),
      'drop table policy_changes',
    ]);
  },
};
