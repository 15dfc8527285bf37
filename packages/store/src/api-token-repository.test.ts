import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiTokenPrefix,
  createApiToken,
  findApiToken,
  findApiTokenBySecret,
  listUserApiTokens,
  parseApiToken,
  revokeApiToken,
  revokeUserApiTokens,
  touchApiToken,
} from './api-token-repository.ts';
import type { Database } from './database.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

describe.each(TEST_BACKENDS)('API tokens on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await database.db
      .insertInto('tenants')
      .values([
        { id: 't1', name: 'T1' },
        { id: 't2', name: 'T2' },
      ])
      .execute();
  });
  afterAll(async () => {
    await database.close();
  });

  const create = (userId: string, scopes: string[] = ['records:read']) =>
    createApiToken(database.db, {
      tenantId: 't1',
      userId,
      kind: 'personal',
      name: `${userId} laptop`,
      scopes,
      createdBy: userId,
      now: NOW,
      expiresAt: NOW + 30 * DAY,
    });

  it('stores only the SHA-256 of the secret; the token string is shown once', async () => {
    const { token, apiToken } = await create('u1', ['records:read', 'authz', 'authz']);
    expect(token).toMatch(/^custos_pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(`${apiTokenPrefix(apiToken)}_`)).toBe(true);
    expect(apiToken.scopes).toEqual(['authz', 'records:read']);
    const row = await database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    const secret = parseApiToken(token)?.secret as string;
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds a token by its string with the policy version, and not with a wrong secret', async () => {
    const { token, apiToken } = await create('u2');
    const found = await findApiTokenBySecret(database.db, token);
    expect(found?.apiToken).toEqual(apiToken);
    expect(found?.policyVersion).toBe(0);
    const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await findApiTokenBySecret(database.db, wrong)).toBeUndefined();
    expect(
      await findApiTokenBySecret(database.db, 'custos_pat_0000000000000000_x'),
    ).toBeUndefined();
    expect(await findApiTokenBySecret(database.db, '')).toBeUndefined();
    expect(
      await findApiTokenBySecret(database.db, `custos_pat_ffffffffffffffff_${'a'.repeat(43)}`),
    ).toBeUndefined();
  });

  it('refuses malformed token strings without a query', () => {
    expect(parseApiToken('custos_pat_abc_def')).toBeUndefined();
    expect(parseApiToken(`custos_xyz_${'0'.repeat(16)}_${'a'.repeat(43)}`)).toBeUndefined();
    expect(parseApiToken(`custos_pat_${'0'.repeat(16)}_${'a'.repeat(43)}\n`)).toBeUndefined();
    expect(parseApiToken(`custos_sat_${'0'.repeat(16)}_${'a'.repeat(43)}`)).toEqual({
      id: '0'.repeat(16),
      secret: 'a'.repeat(43),
    });
  });

  it('records the last use, revokes once, and revokes every token of a user', async () => {
    const a = await create('u3');
    const b = await create('u3');
    const other = await create('u4');
    await touchApiToken(database.db, a.apiToken.id, NOW + 1000);
    expect((await findApiToken(database.db, 't1', a.apiToken.id))?.lastUsedAt).toBe(NOW + 1000);
    expect(
      await revokeApiToken(database.db, { tenantId: 't1', id: a.apiToken.id, by: 'u3', now: NOW }),
    ).toBe(true);
    expect(
      await revokeApiToken(database.db, { tenantId: 't1', id: a.apiToken.id, by: 'u3', now: NOW }),
    ).toBe(false);
    // Another tenant cannot revoke it by id.
    expect(
      await revokeApiToken(database.db, { tenantId: 't2', id: b.apiToken.id, by: 'x', now: NOW }),
    ).toBe(false);
    expect(
      await revokeUserApiTokens(database.db, {
        tenantId: 't1',
        userId: 'u3',
        by: 'admin',
        now: NOW + 5,
      }),
    ).toEqual([b.apiToken.id]);
    const listed = await listUserApiTokens(database.db, 't1', 'u3');
    expect(listed.map((t) => [t.id, t.revokedBy]).sort()).toEqual(
      [
        [a.apiToken.id, 'u3'],
        [b.apiToken.id, 'admin'],
      ].sort(),
    );
    expect((await findApiToken(database.db, 't1', other.apiToken.id))?.revokedAt).toBeNull();
  });
});
