import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Sign-in: one credential per user (login is by e-mail across tenants, so the e-mail is unique
 * case-insensitively) and server-side sessions, stored by the SHA-256 hash of their random token
 * (a leaked table does not give usable cookies).
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const authMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table credentials (
        tenant_id text not null references tenants (id),
        user_id text not null,
        email text not null,
        password_hash text not null,
        primary key (tenant_id, user_id)
      )`,
      'create unique index credentials_email_idx on credentials (lower(email))',
      `create table sessions (
        id_hash text primary key,
        tenant_id text not null references tenants (id),
        user_id text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        last_seen_at timestamptz not null
      )`,
      'create index sessions_user_idx on sessions (tenant_id, user_id)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table sessions', 'drop table credentials']);
  },
};
