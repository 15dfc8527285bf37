import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Accounts (issue 8): a credential becomes the user's sign-in account. Its e-mail is unique per
 * tenant, case-insensitively (the same e-mail may sign in to several tenants); its password hash
 * is null until the invited user sets one; its status is `invited` or `active`.
 * One-time set-password links (`password_links`, stored by the SHA-256 hash of their token), an
 * `outbox` of e-mail messages for an external sender, per-e-mail sign-in throttling
 * (`login_throttle`, keyed by the hash of the normalised e-mail, known or not), and sessions
 * with a non-secret public id, the user agent and address they started from, and `mfa_at` (when
 * the session last passed a second factor; null: password only).
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const accountsMigration: Migration = {
  async up(db) {
    await run(db, [
      'drop index credentials_email_idx',
      'create unique index credentials_tenant_email_idx on credentials (tenant_id, lower(email))',
      'create index credentials_email_idx on credentials (lower(email))',
      'alter table credentials alter column password_hash drop not null',
      `alter table credentials add column status text not null default 'active'
        check (status in ('invited', 'active'))`,
      'alter table credentials add column password_changed_at timestamptz',
      `create table password_links (
        token_hash text primary key,
        tenant_id text not null references tenants (id),
        user_id text not null,
        purpose text not null check (purpose in ('invite', 'reset')),
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz
      )`,
      'create index password_links_user_idx on password_links (tenant_id, user_id)',
      `create table outbox (
        tenant_id text not null references tenants (id),
        id bigint generated always as identity,
        to_address text not null,
        subject text not null,
        body text not null,
        created_at timestamptz not null,
        sent_at timestamptz,
        primary key (tenant_id, id)
      )`,
      'create index outbox_unsent_idx on outbox (tenant_id, id) where sent_at is null',
      `create table login_throttle (
        key_hash text primary key,
        failures integer not null,
        last_failure_at timestamptz not null,
        blocked_until timestamptz
      )`,
      'alter table sessions add column public_id text',
      'update sessions set public_id = gen_random_uuid()::text',
      'alter table sessions alter column public_id set not null',
      'create unique index sessions_public_id_idx on sessions (tenant_id, public_id)',
      'alter table sessions add column user_agent text',
      'alter table sessions add column ip text',
      'alter table sessions add column mfa_at timestamptz',
    ]);
  },
  async down(db) {
    await run(db, [
      'alter table sessions drop column mfa_at',
      'alter table sessions drop column ip',
      'alter table sessions drop column user_agent',
      'alter table sessions drop column public_id',
      'drop table login_throttle',
      'drop table outbox',
      'drop table password_links',
      'alter table credentials drop column password_changed_at',
      'alter table credentials drop column status',
      'delete from credentials where password_hash is null',
      'alter table credentials alter column password_hash set not null',
      'drop index credentials_email_idx',
      'drop index credentials_tenant_email_idx',
      'create unique index credentials_email_idx on credentials (lower(email))',
    ]);
  },
};
