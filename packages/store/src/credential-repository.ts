import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/** A user's password credential. Login is by e-mail across tenants. */
export interface Credential {
  tenantId: string;
  userId: string;
  email: string;
  /** Argon2id PHC string (`$argon2id$…`). */
  passwordHash: string;
}

/** Create or replace the user's credential (e-mail and password hash). */
export async function upsertCredential(
  db: Kysely<StoreSchema>,
  credential: Credential,
): Promise<void> {
  await upsertCredentials(db, [credential]);
}

/** Create or replace many credentials, in batches. */
export async function upsertCredentials(
  db: Kysely<StoreSchema>,
  credentials: readonly Credential[],
): Promise<void> {
  for (let i = 0; i < credentials.length; i += 500) {
    const batch = credentials.slice(i, i + 500);
    if (batch.length === 0) continue;
    await db
      .insertInto('credentials')
      .values(
        batch.map((c) => ({
          tenant_id: c.tenantId,
          user_id: c.userId,
          email: c.email,
          password_hash: c.passwordHash,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
          email: eb.ref('excluded.email'),
          password_hash: eb.ref('excluded.password_hash'),
        })),
      )
      .execute();
  }
}

/** The credential with this e-mail (compared case-insensitively), in any tenant. */
export async function findCredentialByEmail(
  db: Kysely<StoreSchema>,
  email: string,
): Promise<Credential | undefined> {
  const row = await db
    .selectFrom('credentials')
    .select(['tenant_id', 'user_id', 'email', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        tenantId: row.tenant_id,
        userId: row.user_id,
        email: row.email,
        passwordHash: row.password_hash,
      };
}
