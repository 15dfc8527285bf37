import { sql, type Kysely, type Migration } from 'kysely';

/**
 * API tokens (ADR 0009): personal and service tokens, found by a public id and kept as the SHA-256
 * hash of their random secret (a leaked table gives no usable token). A token names its owner,
 * scopes, expiry (required), last use and revocation; rows are never deleted, so the list of a
 * user's tokens shows revoked ones too.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const apiTokensMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table api_tokens (
        id text primary key,
        tenant_id text not null references tenants (id),
        user_id text not null,
        kind text not null check (kind in ('personal', 'service')),
        name text not null,
        secret_hash text not null,
        scopes jsonb not null,
        created_at timestamptz not null,
        created_by text not null,
        expires_at timestamptz not null,
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by text
      )`,
      'create index api_tokens_user_idx on api_tokens (tenant_id, user_id)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table api_tokens']);
  },
};
