import { NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { MIGRATIONS, migrator } from './migrations/migrate.ts';
import { TEST_BACKENDS } from './test-backends.ts';

describe.each(TEST_BACKENDS)('$name database', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  describe('schema and transactions', () => {
    it('is the backend asked for', () => {
      expect(database.backend).toBe(backend.name);
    });

    it('keys every table and index by tenant_id first', async () => {
      const { rows } = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where schemaname = 'public'
        and tablename not like 'kysely_%' and tablename <> 'tenants'`.execute(database.db);
      expect(rows.length).toBeGreaterThan(40);
      // Sign-in looks up by e-mail and by session token before any tenant is known (0003-auth),
      // and a bearer request by its API token's id (0009-api-tokens), by set-password token and
      // throttle key (0007-accounts): those keys are global on purpose.
      const global = new Set([
        'credentials_email_idx',
        'sessions_pkey',
        'password_links_pkey',
        'login_throttle_pkey',
        'api_tokens_pkey',
        // The job runner claims due jobs of every tenant (0015-jobs-monitoring, ADR 0014).
        'jobs_due_idx',
      ]);
      const offenders = rows.filter(
        (r) => !/\(tenant_id[,)]/.test(r.indexdef) && !global.has(r.indexname),
      );
      expect(offenders).toEqual([]);
    });

    it('has the list indexes', async () => {
      const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where tablename = 'customers'`.execute(database.db);
      const defs = rows.map((r) => r.indexdef.replace(/^.* USING btree /, ''));
      expect(defs).toEqual(
        expect.arrayContaining([
          '(tenant_id, owner_id, updated_at DESC, id)',
          '(tenant_id, department_id, updated_at DESC, id)',
          '(tenant_id, updated_at DESC, id)',
        ]),
      );
    });

    it('rolls a failed transaction back and serialises concurrent queries', async () => {
      await expect(
        database.db.transaction().execute(async (tx) => {
          await tx.insertInto('tenants').values({ id: 'tx-test', name: 'x' }).execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      // A query issued while a transaction is open waits for it: it must not run inside it (and be
      // rolled back with it).
      const [rolledBack] = await Promise.allSettled([
        database.db.transaction().execute(async (t) => {
          await t.insertInto('tenants').values({ id: 'tx-inside', name: 'x' }).execute();
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('rollback');
        }),
        database.db.insertInto('tenants').values({ id: 'tx-outside', name: 'x' }).execute(),
      ]);
      expect(rolledBack.status).toBe('rejected');
      const rows = await database.db
        .selectFrom('tenants')
        .select('id')
        .where('id', 'like', 'tx-%')
        .execute();
      expect(rows.map((r) => r.id)).toEqual(['tx-outside']);
    });

    it('migrates down and up again', async () => {
      const m = migrator(database.db as never);
      const down = await m.migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      expect(down.results).toEqual([
        ...Object.keys(MIGRATIONS)
          .slice(2)
          .reverse()
          .map((name) => expect.objectContaining({ migrationName: name, status: 'Success' })),
        expect.objectContaining({ migrationName: '0002-policy-version', status: 'Success' }),
        expect.objectContaining({ migrationName: '0001-initial', status: 'Success' }),
      ]);
      await database.migrate();
      const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables
        where table_schema = 'public' and table_name = 'customer_team_members'`.execute(
        database.db,
      );
      expect(rows[0]?.n).toBe(1);
    });
  });
});
