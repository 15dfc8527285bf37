import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Field encryption at rest (data protection, issue 11; docs/encryption.md, ADR 0020).
 *
 * - `data_keys`: per tenant, random 256-bit keys wrapped (AES-256-GCM) by the key-encryption key
 *   from configuration — the database never holds a key in clear. `purpose` `data` keys seal field
 *   values and subject keys, with versions (one `active`; `retired` ones stay, because immutable
 *   audit events hold values sealed under them); the `blind` key computes the blind indexes.
 * - `subject_keys`: one random key per data subject (a contact), wrapped by a data key version;
 *   erasure deletes the row (crypto-shredding).
 * - `blind_index`: HMAC tokens of encrypted searchable fields, for exact-match search.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const encryptionKeysMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table data_keys (
        tenant_id text not null references tenants (id),
        purpose text not null check (purpose in ('data', 'blind')),
        version integer not null check (version >= 1),
        state text not null check (state in ('active', 'retired')),
        wrapped text not null,
        created_at timestamptz not null,
        retired_at timestamptz,
        primary key (tenant_id, purpose, version)
      )`,
      `create unique index data_keys_one_active_idx on data_keys (tenant_id, purpose)
        where state = 'active'`,
      `create table subject_keys (
        tenant_id text not null references tenants (id),
        subject_id text not null,
        key_version integer not null,
        wrapped text not null,
        created_at timestamptz not null,
        primary key (tenant_id, subject_id)
      )`,
      `create table blind_index (
        tenant_id text not null references tenants (id),
        object text not null,
        field text not null,
        record_id text not null,
        token text not null,
        primary key (tenant_id, object, field, record_id)
      )`,
      'create index blind_index_token_idx on blind_index (tenant_id, object, field, token)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table blind_index', 'drop table subject_keys', 'drop table data_keys']);
  },
};
