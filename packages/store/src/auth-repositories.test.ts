import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { findCredentialByEmail, upsertCredential } from './credential-repository.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSession,
  hashSessionToken,
  touchSession,
} from './session-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 1);

describe.each(TEST_BACKENDS)('credentials and sessions on $name', (backend) => {
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

  it('upserts a credential and finds it by e-mail, case-insensitively', async () => {
    const db = database.db;
    await upsertCredential(db, {
      tenantId: 't1',
      userId: 'u1',
      email: 'Li.Na@Example.com',
      passwordHash: 'h1',
    });
    expect(await findCredentialByEmail(db, 'li.na@example.COM')).toEqual({
      tenantId: 't1',
      userId: 'u1',
      email: 'Li.Na@Example.com',
      passwordHash: 'h1',
    });
    await upsertCredential(db, {
      tenantId: 't1',
      userId: 'u1',
      email: 'lina@example.com',
      passwordHash: 'h2',
    });
    expect(await findCredentialByEmail(db, 'li.na@example.com')).toBeUndefined();
    expect((await findCredentialByEmail(db, 'LINA@example.com'))?.passwordHash).toBe('h2');
  });

  it('keeps e-mails unique across tenants', async () => {
    await expect(
      upsertCredential(database.db, {
        tenantId: 't2',
        userId: 'u9',
        email: 'LINA@EXAMPLE.COM',
        passwordHash: 'x',
      }),
    ).rejects.toThrow();
  });

  it('creates, finds, expires and deletes sessions, storing only a hash of the token', async () => {
    const db = database.db;
    const { token, session } = await createSession(db, {
      tenantId: 't1',
      userId: 'u1',
      now: NOW,
      ttlMs: 12 * HOUR,
    });
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((r) => r.id_hash)).toContain(hashSessionToken(token));
    expect(stored.map((r) => r.id_hash)).not.toContain(token);
    expect(await findSession(db, token, NOW + HOUR)).toEqual(session);
    expect(await findSession(db, token, NOW + 12 * HOUR)).toBeUndefined();
    expect(await findSession(db, 'not-a-token', NOW)).toBeUndefined();
    await touchSession(db, token, NOW + 2 * HOUR);
    expect((await findSession(db, token, NOW + 3 * HOUR))?.lastSeenAt).toBe(NOW + 2 * HOUR);
    await deleteSession(db, token);
    expect(await findSession(db, token, NOW)).toBeUndefined();
  });

  it("deletes all of one user's sessions and no one else's", async () => {
    const db = database.db;
    const input = { tenantId: 't1', now: NOW, ttlMs: HOUR };
    const a = await createSession(db, { ...input, userId: 'ua' });
    const b = await createSession(db, { ...input, userId: 'ua' });
    const c = await createSession(db, { ...input, userId: 'ub' });
    expect(await deleteUserSessions(db, 't1', 'ua')).toBe(2);
    expect(await findSession(db, a.token, NOW)).toBeUndefined();
    expect(await findSession(db, b.token, NOW)).toBeUndefined();
    expect(await findSession(db, c.token, NOW)).toBeDefined();
  });
});
