import { sql, type Kysely, type Migration } from 'kysely';

/**
 * CCPA "do not sell or share" and retention rules (data protection, issue 11; docs/retention.md,
 * ADR 0023).
 *
 * - `do_not_sell`: a contact's CCPA opt-out (§1798.120/.135): whether it holds, how it was
 *   received (`source`), when, and who recorded it. One row per contact; its history is the audit
 *   trail (`contact.do_not_sell`).
 * - `retention_rules`: per tenant, which records of an object go (a condition on a field, an age
 *   from `updated_at` or a date field) and how (`delete` or `anonymise`), with the last run.
 * - `legal_holds`: customers whose records no retention rule touches while the hold stands.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const retentionMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table do_not_sell (
        tenant_id text not null references tenants (id),
        contact_id text not null,
        opted_out boolean not null,
        source text not null,
        received_at timestamptz not null,
        note text,
        recorded_by text,
        recorded_at timestamptz not null,
        primary key (tenant_id, contact_id)
      )`,
      `create index do_not_sell_opted_out_idx on do_not_sell (tenant_id, contact_id)
        where opted_out`,
      `create table retention_rules (
        tenant_id text not null references tenants (id),
        id text not null,
        name text not null,
        object text not null,
        condition jsonb,
        age_amount integer not null check (age_amount >= 1),
        age_unit text not null check (age_unit in ('days', 'months', 'years')),
        age_field text,
        action text not null check (action in ('delete', 'anonymise')),
        anonymise_fields jsonb not null default '[]'::jsonb,
        enabled boolean not null,
        last_run_at timestamptz,
        last_count integer,
        last_complete boolean,
        created_at timestamptz not null,
        created_by text,
        updated_at timestamptz not null,
        updated_by text,
        primary key (tenant_id, id)
      )`,
      `create table legal_holds (
        tenant_id text not null references tenants (id),
        customer_id text not null,
        reason text not null,
        set_by text,
        set_at timestamptz not null,
        primary key (tenant_id, customer_id)
      )`,
    ]);
  },
  async down(db) {
    await run(db, [
      'drop table legal_holds',
      'drop table retention_rules',
      'drop table do_not_sell',
    ]);
  },
};
