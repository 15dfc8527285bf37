import { DEMO_PASSWORD, findSession, hashSessionToken } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../http/session-cookie.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';
import { ARGON2ID_OPTIONS, hashPassword, verifyPassword } from './password.ts';

const REP = 'li.lei@yunshan.example';
const HOUR = 3_600_000;

describe('auth', () => {
  let t: TestApp;
  let now = TEST_NOW;
  beforeAll(async () => {
    // Idle timeout a day: the absolute lifetime (12 h) is what this suite moves the clock past.
    t = await createTestApp({
      customers: 20,
      clock: () => now,
      config: { sessionIdleMinutes: 24 * 60 },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('hashes with Argon2id and explicit parameters', async () => {
    const h = await hashPassword('s3cret-pass');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2ID_OPTIONS.memoryCost).toBe(19_456);
    expect(await verifyPassword(h, 's3cret-pass')).toBe(true);
    expect(await verifyPassword(h, 'wrong')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('signs in, sets a HttpOnly SameSite=Lax cookie and answers the user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'LI.LEI@yunshan.example', password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: {
        id: 'lilei',
        name: expect.any(String),
        tenantId: 'yunshan',
        roles: [{ id: 'sales-rep', name: '销售代表' }],
      },
      mfaRequired: false,
      mfaEnrolmentRequired: false,
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43};`));
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toContain('Path=/');
    expect(header).toContain(`Max-Age=${12 * 3600}`);
    expect(header).not.toContain('Secure');
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    const stored = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((r) => r.id_hash)).toContain(hashSessionToken(cookie?.value ?? ''));
  });

  it('answers the same 401 for an unknown e-mail and a wrong password', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: REP, password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'nobody@yunshan.example', password: DEMO_PASSWORD },
    });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
  });

  it('rejects a malformed login body naming the field', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { password: 'x' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body/email' } });
  });

  it('answers me with roles, functions and locale', async () => {
    const cookie = await t.login('zhou.min@yunshan.example');
    const zh = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toMatchObject({
      user: { id: 'zhoumin', tenantId: 'yunshan' },
      roles: [{ id: 'sys-admin' }],
      locale: 'zh-CN',
    });
    expect(zh.json().functions).toContain('user_admin');
    const en = await t.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: { cookie, 'accept-language': 'en-GB,en;q=0.8' },
    });
    expect(en.json().locale).toBe('en-US');
  });

  it('requires a session: none, unknown or expired is 401 AUTH_REQUIRED', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/v1/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=bogus` },
    });
    expect(bogus.statusCode).toBe(401);
    const cookie = await t.login(REP);
    now = TEST_NOW + 12 * HOUR - 1;
    const late = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(late.statusCode).toBe(200);
    now = TEST_NOW + 12 * HOUR;
    const expired = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    now = TEST_NOW;
  });

  it('signs out: ends the session and clears the cookie', async () => {
    const cookie = await t.login(REP);
    const token = cookie.split('=')[1] ?? '';
    const out = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: { cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(
      new RegExp(`^${SESSION_COOKIE}=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)`),
    );
    expect(await findSession(t.database.db, token, now)).toBeUndefined();
    const after = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});

describe('auth with secure cookies', () => {
  it('marks the cookie Secure and uses the configured lifetime', async () => {
    const t = await createTestApp({
      customers: 4,
      config: { cookieSecure: true, sessionTtlHours: 2 },
    });
    try {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: REP, password: DEMO_PASSWORD },
      });
      const header = String(r.headers['set-cookie']);
      expect(header).toContain('Secure');
      expect(header).toContain('Max-Age=7200');
    } finally {
      await t.close();
    }
  });
});
