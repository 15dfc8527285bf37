import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/** Whether the account's holder has set a password yet. */
export type AccountStatus = 'invited' | 'active';

/**
 * A user's sign-in account (the `credentials` table): e-mail (unique per tenant,
 * case-insensitively), password hash (null while invited) and status. One e-mail may have an
 * account in several tenants.
 */
export interface Credential {
  tenantId: string;
  userId: string;
  email: string;
  /** Argon2id PHC string (`$argon2id$…`); null until an invited user sets a password. */
  passwordHash: string | null;
  status?: AccountStatus;
}

/** The form an e-mail is compared and throttled in: trimmed, NFKC, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/** Create or replace the user's credential (e-mail and password hash). */
export async function upsertCredential(
  db: Kysely<StoreSchema>,
  credential: Credential,
): Promise<void> {
  await upsertCredentials(db, [credential]);
}

const statusOf = (c: Credential): AccountStatus =>
  c.status ?? (c.passwordHash === null ? 'invited' : 'active');

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
          email: c.email.trim(),
          password_hash: c.passwordHash,
          status: statusOf(c),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
          email: eb.ref('excluded.email'),
          password_hash: eb.ref('excluded.password_hash'),
          status: eb.ref('excluded.status'),
        })),
      )
      .execute();
  }
}

type CredentialSelect = {
  tenant_id: string;
  user_id: string;
  email: string;
  password_hash: string | null;
  status: AccountStatus;
};

const fromRow = (row: CredentialSelect): Credential => ({
  tenantId: row.tenant_id,
  userId: row.user_id,
  email: row.email,
  passwordHash: row.password_hash,
  status: row.status,
});

/**
 * The accounts with this e-mail (compared case-insensitively), in every tenant or in `tenantId`,
 * in tenant order.
 */
export async function findCredentialsByEmail(
  db: Kysely<StoreSchema>,
  email: string,
  tenantId?: string,
): Promise<Credential[]> {
  let query = db
    .selectFrom('credentials')
    .select(['tenant_id', 'user_id', 'email', 'password_hash', 'status'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase());
  if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
  const rows = await query.orderBy('tenant_id').execute();
  return rows.map(fromRow);
}

/** The account with this e-mail in `tenantId` (or the first tenant's, when none is given). */
export async function findCredentialByEmail(
  db: Kysely<StoreSchema>,
  email: string,
  tenantId?: string,
): Promise<Credential | undefined> {
  return (await findCredentialsByEmail(db, email, tenantId))[0];
}

/** The user's account, if it has one. */
export async function findCredentialOfUser(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<Credential | undefined> {
  const row = await db
    .selectFrom('credentials')
    .select(['tenant_id', 'user_id', 'email', 'password_hash', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/** Set the user's password hash (the account becomes active) at `now`. */
export async function setCredentialPassword(
  db: Kysely<StoreSchema>,
  input: { tenantId: string; userId: string; passwordHash: string; now: number },
): Promise<void> {
  await db
    .updateTable('credentials')
    .set({
      password_hash: input.passwordHash,
      status: 'active',
      password_changed_at: new Date(input.now),
    })
    .where('tenant_id', '=', input.tenantId)
    .where('user_id', '=', input.userId)
    .execute();
}
