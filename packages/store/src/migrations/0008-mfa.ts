import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Multi-factor authentication (TOTP, RFC 6238): one authenticator per user (`mfa_totp`: the
 * shared secret, `confirmed_at` null while enrolment is pending, the last accepted time step for
 * replay refusal, and the consecutive failures for throttling), the user's single-use recovery
 * codes (`mfa_recovery_codes`, stored as SHA-256 hashes: each code carries 125 random bits), the
 * tenant's MFA policy (`mfa_policies`; no row = `off`), and on `sessions` the time the session was
 * MFA-verified (`mfa_at`, also added by 0007-accounts: hence "if not exists") and its wrong codes.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const mfaMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table mfa_totp (
        tenant_id text not null references tenants (id),
        user_id text not null,
        secret text not null,
        created_at timestamptz not null,
        confirmed_at timestamptz,
        last_step bigint,
        failures integer not null default 0,
        last_failure_at timestamptz,
        primary key (tenant_id, user_id)
      )`,
      `create table mfa_recovery_codes (
        tenant_id text not null references tenants (id),
        user_id text not null,
        code_hash text not null,
        created_at timestamptz not null,
        used_at timestamptz,
        primary key (tenant_id, user_id, code_hash)
      )`,
      `create table mfa_policies (
        tenant_id text primary key references tenants (id),
        policy text not null check (policy in ('off', 'admins', 'everyone')),
        updated_at timestamptz not null,
        updated_by text
      )`,
      'alter table sessions add column if not exists mfa_at timestamptz',
      'alter table sessions add column if not exists mfa_failures integer not null default 0',
    ]);
  },
  async down(db) {
    await run(db, [
      'alter table sessions drop column if exists mfa_failures',
      'drop table mfa_policies',
      'drop table mfa_recovery_codes',
      'drop table mfa_totp',
    ]);
  },
};
