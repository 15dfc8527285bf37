import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import {
  findCredentialByEmail,
  findCredentialsByEmail,
  upsertCredential,
} from './credential-repository.ts';
import {
  loginBlockedUntil,
  recordLoginFailure,
  resetLoginFailures,
} from './login-throttle-repository.ts';
import { enqueueMessage, listUnsentMessages, markMessageSent } from './outbox-repository.ts';
import { consumePasswordLink, issuePasswordLink } from './password-link-repository.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessionByPublicId,
  deleteUserSessions,
  listUserSessions,
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
      status: 'active',
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

  it('keeps e-mails unique per tenant, case-insensitively; one e-mail may be in several tenants', async () => {
    const db = database.db;
    await expect(
      upsertCredential(db, {
        tenantId: 't1',
        userId: 'u9',
        email: 'LINA@EXAMPLE.COM',
        passwordHash: 'x',
      }),
    ).rejects.toThrow();
    await upsertCredential(db, {
      tenantId: 't2',
      userId: 'u9',
      email: 'LINA@EXAMPLE.COM',
      passwordHash: null,
    });
    const both = await findCredentialsByEmail(db, 'lina@example.com');
    expect(both.map((c) => [c.tenantId, c.userId, c.status])).toEqual([
      ['t1', 'u1', 'active'],
      ['t2', 'u9', 'invited'],
    ]);
    expect((await findCredentialByEmail(db, 'lina@example.com', 't2'))?.passwordHash).toBeNull();
  });

  it('a set-password link works once, before it expires, and a new link kills the old', async () => {
    const db = database.db;
    const input = {
      tenantId: 't1',
      userId: 'u1',
      purpose: 'invite' as const,
      now: NOW,
      ttlMs: HOUR,
    };
    const first = await issuePasswordLink(db, input);
    const second = await issuePasswordLink(db, input);
    expect(second.token).toMatch(/^[\w-]{43}$/);
    expect(await consumePasswordLink(db, first.token, NOW)).toBeUndefined();
    expect(await consumePasswordLink(db, second.token, NOW + HOUR)).toBeUndefined();
    expect(await consumePasswordLink(db, second.token, NOW + 1)).toMatchObject({
      tenantId: 't1',
      userId: 'u1',
      purpose: 'invite',
    });
    expect(await consumePasswordLink(db, second.token, NOW + 2)).toBeUndefined();
    const stored = await db.selectFrom('password_links').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(second.token);
  });

  it('counts sign-in failures per key and forgets them on success', async () => {
    const db = database.db;
    const delay = (failures: number) => (failures > 2 ? 1000 * failures : 0);
    expect(await recordLoginFailure(db, 'k@x', NOW, delay)).toEqual({
      failures: 1,
      blockedUntil: 0,
    });
    await recordLoginFailure(db, 'k@x', NOW, delay);
    expect(await recordLoginFailure(db, 'k@x', NOW, delay)).toEqual({
      failures: 3,
      blockedUntil: NOW + 3000,
    });
    expect(await loginBlockedUntil(db, 'k@x')).toBe(NOW + 3000);
    expect(await loginBlockedUntil(db, 'other@x')).toBe(0);
    const keys = await db.selectFrom('login_throttle').select('key_hash').execute();
    expect(JSON.stringify(keys)).not.toContain('k@x');
    await resetLoginFailures(db, 'k@x');
    expect(await loginBlockedUntil(db, 'k@x')).toBe(0);
  });

  it('queues outbox messages for a sender and marks them sent', async () => {
    const db = database.db;
    const id = await enqueueMessage(db, {
      tenantId: 't1',
      to: 'a@x',
      subject: 's',
      body: 'b',
      now: NOW,
    });
    expect(await listUnsentMessages(db, { tenantId: 't1' })).toEqual([
      { id, tenantId: 't1', to: 'a@x', subject: 's', body: 'b', createdAt: NOW, sentAt: null },
    ]);
    await markMessageSent(db, id, NOW + 1);
    expect(await listUnsentMessages(db, { tenantId: 't1' })).toEqual([]);
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
    expect(await deleteUserSessions(db, 't1', 'ua', a.token)).toBe(1);
    expect(await findSession(db, a.token, NOW)).toBeDefined();
    const listed = await listUserSessions(db, 't1', 'ua', NOW);
    expect(listed.map((s) => s.publicId)).toEqual([a.session.publicId]);
    expect(a.session.publicId).toMatch(/^[\w-]{22}$/);
    expect(await deleteUserSessionByPublicId(db, 't1', 'ub', a.session.publicId)).toBe(false);
    expect(await deleteUserSessions(db, 't1', 'ua')).toBe(1);
    expect(await findSession(db, a.token, NOW)).toBeUndefined();
    expect(await findSession(db, b.token, NOW)).toBeUndefined();
    expect(await findSession(db, c.token, NOW)).toBeDefined();
  });
});
