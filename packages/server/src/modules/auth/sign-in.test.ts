/**
 * Sign-in over HTTP: across tenants, throttled per e-mail (known or not) and per client address,
 * audited; sessions rotated at sign-in, ended when idle or too old, listed and ended by their
 * owner; the `__Host-` cookie over HTTPS.
 */
import { DEMO_PASSWORD, hashSessionToken, listAuditEvents, upsertCredential } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../../http/session-cookie.ts';
import { createTestApp, loginCookie, TEST_NOW, type TestApp } from '../../test-app.ts';
import { FIRST_DELAY_MS, loginDelayMs, MAX_DELAY_MS } from '../accounts/login-throttle.ts';
import { hashPassword } from './password.ts';

const REP = 'li.lei@yunshan.example';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestApp;
let now = TEST_NOW;

async function login(payload: object, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload, headers });
  return {
    status: response.statusCode,
    body: response.json(),
    headers: response.headers,
    cookies: response.cookies,
  };
}

async function get(url: string, cookie: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: response.statusCode, body: response.json() };
}

describe('sign-in', () => {
  beforeAll(async () => {
    t = await createTestApp({
      customers: 10,
      clock: () => now,
      config: { authRateLimitPerMinute: 1000, sessionIdleMinutes: 30 },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('doubles the delay after 5 free failures, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5].map(loginDelayMs)).toEqual([0, 0, 0, 0, 0]);
    expect(loginDelayMs(6)).toBe(FIRST_DELAY_MS);
    expect(loginDelayMs(7)).toBe(2 * FIRST_DELAY_MS);
    expect(loginDelayMs(8)).toBe(4 * FIRST_DELAY_MS);
    expect(loginDelayMs(11)).toBe(MAX_DELAY_MS);
    expect(loginDelayMs(1000)).toBe(15 * MINUTE);
  });

  it('throttles an e-mail after 5 failures with a doubling delay capped at 15 minutes, known or unknown alike', async () => {
    for (const email of [REP, 'nobody.here@yunshan.example']) {
      const started = now;
      for (let i = 1; i <= 5; i++) {
        const r = await login({ email, password: `wrong password ${i}` });
        expect(r.status, `${email} #${i}`).toBe(401);
      }
      const sixth = await login({ email, password: 'wrong password 6' });
      expect(sixth.status).toBe(401);
      // Now even the right password waits: 429, Retry-After, a catalogued code.
      const blocked = await login({ email: email.toUpperCase(), password: DEMO_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBe('30');
      expect(blocked.body).toEqual({
        code: 'AUTH_THROTTLED',
        message: expect.any(String),
        details: { retryAfterSeconds: 30 },
      });
      now += 30_000;
      expect((await login({ email, password: 'wrong password 7' })).status).toBe(401);
      const longer = await login({ email, password: DEMO_PASSWORD });
      expect(longer.headers['retry-after']).toBe('60');
      // The wait never exceeds 15 minutes, however many failures.
      for (let i = 0; i < 6; i++) {
        now += 15 * MINUTE;
        await login({ email, password: 'still wrong password' });
      }
      const capped = await login({ email, password: DEMO_PASSWORD });
      expect(capped.status).toBe(429);
      expect(capped.headers['retry-after']).toBe('900');
      now += 15 * MINUTE;
      expect(now - started).toBeGreaterThan(HOUR);
    }
  });

  it('a success resets the delay; the owner can sign in once the delay is over', async () => {
    // After the previous test the rep's delay is over: the owner signs in, and the count restarts.
    const ok = await login({ email: REP, password: DEMO_PASSWORD });
    expect(ok.status).toBe(200);
    for (let i = 1; i <= 5; i++)
      expect((await login({ email: REP, password: 'wrong again' })).status).toBe(401);
    expect((await login({ email: REP, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('unknown and known e-mails get the same status, body and comparable time', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    let knownBody: unknown;
    let unknownBody: unknown;
    for (let i = 0; i < 3; i++) {
      let started = performance.now();
      const k = await login({ email: 'zhang.wei@yunshan.example', password: `nope nope ${i}` });
      known.push(performance.now() - started);
      started = performance.now();
      const u = await login({ email: `ghost${i}@yunshan.example`, password: `nope nope ${i}` });
      unknown.push(performance.now() - started);
      expect([k.status, u.status]).toEqual([401, 401]);
      knownBody = k.body;
      unknownBody = u.body;
      expect(k.headers['set-cookie']).toBeUndefined();
      expect(u.headers['set-cookie']).toBeUndefined();
    }
    expect(unknownBody).toEqual(knownBody);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    // Both verify one Argon2id hash: the unknown e-mail is not answered measurably faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
    expect(median(unknown)).toBeLessThan(median(known) * 2.5);
    await login({ email: 'zhang.wei@yunshan.example', password: DEMO_PASSWORD });
  });

  it('audits failed and successful sign-ins without the password', async () => {
    const secret = 'a very secret wrong password';
    await login({ email: 'han.meimei@yunshan.example', password: secret });
    await login({ email: 'han.meimei@yunshan.example', password: DEMO_PASSWORD });
    const failed = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'auth.login_failed',
    });
    expect(failed[0]).toMatchObject({
      actorId: null,
      target: 'user/hanmeimei',
      after: { reason: 'wrong_password', ip: '127.0.0.1' },
    });
    const [success] = await listAuditEvents(t.database.db, 'yunshan', { action: 'auth.login' });
    expect(success).toMatchObject({ actorId: 'hanmeimei', target: 'user/hanmeimei' });
    const all = JSON.stringify(await listAuditEvents(t.database.db, 'yunshan', { limit: 1000 }));
    expect(all).not.toContain(secret);
    expect(all).not.toContain(DEMO_PASSWORD);
    // A tenant named at sign-in sees attempts with unknown e-mails too.
    await login({ email: 'intruder@elsewhere.example', password: secret, tenantId: 'yunshan' });
    const [named] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'auth.login_failed',
    });
    expect(named).toMatchObject({ target: null, after: { reason: 'unknown_email' } });
  });

  it('an e-mail in two tenants signs in after the password is proven and asks which tenant', async () => {
    await t.database.db
      .insertInto('tenants')
      .values([
        { id: 'acme', name: 'Acme 集团' },
        { id: 'globex', name: 'Globex' },
      ])
      .execute();
    const email = 'yu.xiao@yunshan.example';
    await upsertCredential(t.database.db, {
      tenantId: 'acme',
      userId: 'yx',
      email: email.toUpperCase(),
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await upsertCredential(t.database.db, {
      tenantId: 'globex',
      userId: 'zl',
      email: 'zhao.lei@yunshan.example',
      passwordHash: await hashPassword('the globex password is different'),
    });
    // A wrong password names no tenant: the usual refusal.
    const wrong = await login({ email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(JSON.stringify(wrong.body)).not.toContain('acme');
    // Right in two tenants: which one? (No session yet.)
    const ask = await login({ email, password: DEMO_PASSWORD });
    expect(ask.status).toBe(409);
    expect(ask.headers['set-cookie']).toBeUndefined();
    expect(ask.body).toMatchObject({
      code: 'AUTH_TENANT_REQUIRED',
      details: {
        field: 'body/tenantId',
        tenants: [
          { id: 'acme', name: 'Acme 集团' },
          { id: 'yunshan', name: expect.stringContaining('云杉科技') },
        ],
      },
    });
    const chosen = await login({ email, password: DEMO_PASSWORD, tenantId: 'yunshan' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user).toMatchObject({ id: 'yuxiao', tenantId: 'yunshan' });
    // In two tenants, right in one only: signed in there without a question.
    const one = await login({ email: 'zhao.lei@yunshan.example', password: DEMO_PASSWORD });
    expect(one.status).toBe(200);
    expect(one.body.user).toMatchObject({ id: 'zhaolei', tenantId: 'yunshan' });
    // A tenant the e-mail has no account in: the usual refusal.
    const elsewhere = await login({ email, password: DEMO_PASSWORD, tenantId: 'nowhere' });
    expect(elsewhere.status).toBe(401);
  });

  it("rotates the session at sign-in: the old cookie's session ends", async () => {
    const first = await loginCookie(t.app, REP);
    const again = await login({ email: REP, password: DEMO_PASSWORD }, { cookie: first });
    expect(again.status).toBe(200);
    const next = again.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    expect(`${SESSION_COOKIE}=${next}`).not.toBe(first);
    expect((await get('/v1/auth/me', first)).status).toBe(401);
    expect((await get('/v1/auth/me', `${SESSION_COOKIE}=${next}`)).status).toBe(200);
    const stored = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((r) => r.id_hash)).toContain(hashSessionToken(next));
    expect(stored.map((r) => r.id_hash)).not.toContain(next);
  });

  it('ends a session idle longer than the idle timeout, and any session past the absolute lifetime', async () => {
    const start = now;
    try {
      const idle = await loginCookie(t.app, REP);
      now = start + 30 * MINUTE - 1;
      expect((await get('/v1/auth/me', idle)).status).toBe(200);
      now = start + 60 * MINUTE - 2; // used 30 minutes ago, less a millisecond
      expect((await get('/v1/auth/me', idle)).status).toBe(200);
      now = start + 90 * MINUTE;
      const over = await get('/v1/auth/me', idle);
      expect(over.status).toBe(401);
      expect(over.body).toMatchObject({ code: 'AUTH_REQUIRED', details: { reason: 'idle' } });
      // Used every 20 minutes, a session still ends 12 hours after sign-in.
      now = start;
      const busy = await loginCookie(t.app, REP);
      for (let at = 20 * MINUTE; at < 12 * HOUR; at += 20 * MINUTE) {
        now = start + at;
        expect((await get('/v1/auth/me', busy)).status, `at ${at / MINUTE} min`).toBe(200);
      }
      now = start + 12 * HOUR;
      expect((await get('/v1/auth/me', busy)).status).toBe(401);
    } finally {
      now = start;
    }
  });

  it('lists my sessions with public ids and ends one or all', async () => {
    const email = 'wang.zhiqiang@yunshan.example';
    const a = await loginCookie(t.app, email);
    const b = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD },
      headers: { 'user-agent': 'Custos-Test/1.0' },
    });
    const bCookie = `${SESSION_COOKIE}=${b.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;
    const listed = await get('/v1/auth/sessions', a);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(2);
    type Listed = { id: string; current: boolean; userAgent: string | null };
    const sessions: Listed[] = listed.body.data;
    const newest = sessions.find((s) => s.userAgent === 'Custos-Test/1.0') as Listed;
    const oldest = sessions.find((s) => s !== newest) as Listed;
    expect(sessions.filter((s) => s.current)).toEqual([oldest]);
    expect(newest).toMatchObject({ current: false, ip: '127.0.0.1' });
    expect(newest.id).toMatch(/^[\w-]{22}$/);
    // The public id is not the secret: it does not open the session.
    expect(a).not.toContain(newest.id);
    expect(bCookie).not.toContain(newest.id);
    expect((await get('/v1/auth/me', `${SESSION_COOKIE}=${newest.id}`)).status).toBe(401);
    // End the other session.
    const other = newest;
    const end = await t.app.inject({
      method: 'DELETE',
      url: `/v1/auth/sessions/${other.id}`,
      headers: { cookie: a },
      payload: {},
    });
    expect(end.statusCode).toBe(204);
    expect((await get('/v1/auth/me', bCookie)).status).toBe(401);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/v1/auth/sessions/${other.id}`,
      headers: { cookie: a },
      payload: {},
    });
    expect(gone.statusCode).toBe(404);
    // Another user's session id is not found either.
    const someoneElse = await loginCookie(t.app, 'zhou.min@yunshan.example');
    const theirs = (await get('/v1/auth/sessions', someoneElse)).body.data[0].id;
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/v1/auth/sessions/${theirs}`,
      headers: { cookie: a },
      payload: {},
    });
    expect(foreign.statusCode).toBe(404);
    expect((await get('/v1/auth/me', someoneElse)).status).toBe(200);
    // Sign out everywhere: this one too; the cookie is cleared.
    await loginCookie(t.app, email);
    const everywhere = await t.app.inject({
      method: 'DELETE',
      url: '/v1/auth/sessions',
      headers: { cookie: a },
      payload: {},
    });
    expect(everywhere.statusCode).toBe(200);
    expect(everywhere.json()).toEqual({ ended: 2 });
    expect(String(everywhere.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect((await get('/v1/auth/me', a)).status).toBe(401);
    const [event] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'auth.sign_out_everywhere',
    });
    expect(event).toMatchObject({ actorId: 'wangzhiqiang', after: { sessionsEnded: 2 } });
  });
});

describe('sign-in limits per client address and over HTTPS', () => {
  it('limits sign-in requests per client address with 429 and Retry-After', async () => {
    const app = await createTestApp({ customers: 4, config: { authRateLimitPerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await app.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          payload: { email: `someone${i}@yunshan.example`, password: 'x' },
        });
        expect(r.statusCode).toBe(401);
      }
      const limited = await app.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: REP, password: DEMO_PASSWORD },
      });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json()).toMatchObject({
        code: 'RATE_LIMITED',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      expect(limited.headers['set-cookie']).toBeUndefined();
      // The set-password route is limited too.
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await app.app.inject({
          method: 'POST',
          url: '/v1/auth/password/set',
          payload: { token: `guess-${i}`, password: 'a long enough password' },
        });
        codes.push(r.json().code);
      }
      expect(codes).toEqual([
        'PASSWORD_LINK_INVALID',
        'PASSWORD_LINK_INVALID',
        'PASSWORD_LINK_INVALID',
        'RATE_LIMITED',
      ]);
    } finally {
      await app.close();
    }
  });

  it('uses __Host-custos_session with Secure over HTTPS', async () => {
    const app = await createTestApp({ customers: 4, config: { cookieSecure: true } });
    try {
      const r = await app.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: REP, password: DEMO_PASSWORD },
      });
      const header = String(r.headers['set-cookie']);
      expect(header).toMatch(/^__Host-custos_session=[\w-]{43}; /);
      expect(header).toContain('Secure');
      expect(header).toContain('Path=/');
      expect(header).not.toContain('Domain');
      const token = r.cookies.find((c) => c.name === SECURE_SESSION_COOKIE)?.value;
      const me = await app.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: `${SECURE_SESSION_COOKIE}=${token}` },
      });
      expect(me.statusCode).toBe(200);
      // The plain-HTTP name is not read when served over HTTPS.
      const plain = await app.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: `${SESSION_COOKIE}=${token}` },
      });
      expect(plain.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
