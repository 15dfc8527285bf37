import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, listAuditEvents } from '@custos/store';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../http/session-cookie.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../../test-app.ts';
import { totpCode } from './totp.ts';

const REP = 'li.lei@yunshan.example';
const MANAGER = 'han.meimei@yunshan.example';
const ADMIN = 'zhou.min@yunshan.example';
const ADMIN2 = 'wu.hao@yunshan.example';
const STEP = 30_000;

describe('MFA (TOTP) over HTTP', () => {
  let t: TestApp;
  // Ten seconds into a time step, so that a step is never crossed by accident.
  let now = TEST_NOW + 10_000;
  const later = (ms: number): void => {
    now += ms;
  };

  beforeAll(async () => {
    t = await createTestApp({ customers: 20, clock: () => now });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(cookie === undefined ? {} : { headers: { cookie } }),
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
  const post = (url: string, cookie: string | undefined, payload: object = {}) =>
    send('POST', url, cookie, payload);

  /** The session cookie a response sets, as a `cookie` header. */
  function cookieOf(response: LightMyRequestResponse): string {
    const set = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (set === undefined || set.value === '')
      throw new Error(`no session cookie: ${response.body}`);
    return `${SESSION_COOKIE}=${set.value}`;
  }

  async function login(email: string, password = DEMO_PASSWORD) {
    const response = await post('/v1/auth/login', undefined, { email, password });
    expect(response.statusCode).toBe(200);
    return { cookie: cookieOf(response), body: response.json() };
  }

  /** Enrol `email` from a fresh login: the verified cookie, the secret and the recovery codes. */
  async function enrol(email: string) {
    const { cookie } = await login(email);
    const started = await post('/v1/auth/mfa/enrolment', cookie);
    expect(started.statusCode).toBe(200);
    const secret: string = started.json().secret;
    const confirmed = await post('/v1/auth/mfa/enrolment/confirm', cookie, {
      code: await totpCode(secret, now),
    });
    expect(confirmed.statusCode).toBe(200);
    return {
      cookie: cookieOf(confirmed),
      secret,
      recoveryCodes: confirmed.json().recoveryCodes as string[],
    };
  }

  async function audits(action: string) {
    return listAuditEvents(t.database.db, 'yunshan', { action, limit: 500 });
  }

  let repSecret = '';
  let repCodes: string[] = [];

  it('enrols a TOTP authenticator: QR code, confirmation code, 10 recovery codes stored hashed', async () => {
    const { cookie } = await login(REP);
    const me = await send('GET', '/v1/auth/me', cookie);
    expect(me.json().mfa).toEqual({
      enabled: false,
      verified: false,
      verifiedAt: null,
      required: false,
    });
    const started = await post('/v1/auth/mfa/enrolment', cookie);
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, uri, qrCode } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(decodeURIComponent(parsed.pathname)).toBe(
      `/Custos:${REP} (云杉科技有限公司 (Yunshan Technology))`,
    );
    expect(parsed.searchParams.get('issuer')).toBe('Custos');
    expect(parsed.searchParams.get('secret')).toBe(secret);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toContain('<svg');

    const wrong = await post('/v1/auth/mfa/enrolment/confirm', cookie, {
      code: (Number(await totpCode(secret, now)) + 1).toString().padStart(6, '0').slice(-6),
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { field: 'body/code' },
    });
    const malformed = await post('/v1/auth/mfa/enrolment/confirm', cookie, { code: '12ab56' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/code' },
    });

    const confirmed = await post('/v1/auth/mfa/enrolment/confirm', cookie, {
      code: await totpCode(secret, now),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^([a-z2-7]{5}-){4}[a-z2-7]{5}$/);
    // The session was rotated: a new cookie, and the old one no longer works.
    const verified = cookieOf(confirmed);
    expect(verified).not.toBe(cookie);
    expect((await send('GET', '/v1/auth/me', cookie)).statusCode).toBe(401);
    const after = await send('GET', '/v1/auth/me', verified);
    expect(after.json().mfa).toMatchObject({ enabled: true, verified: true, required: true });

    const stored = await t.database.db
      .selectFrom('mfa_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', 'lilei')
      .execute();
    const sha256 = (s: string) => createHash('sha256').update(s.replace(/-/g, '')).digest('hex');
    expect(stored.map((r) => r.code_hash).sort()).toEqual(codes.map(sha256).sort());

    const events = [...(await audits('mfa.enrol_start')), ...(await audits('mfa.enrol'))];
    expect(events.map((e) => e.action).sort()).toEqual(['mfa.enrol', 'mfa.enrol_start']);
    const text = JSON.stringify(events);
    expect(text).not.toContain(secret);
    for (const code of codes) expect(text).not.toContain(code);
    repSecret = secret;
    repCodes = codes;
  });

  it('refuses a second enrolment, a confirmation without one, and an expired one', async () => {
    const rep = await login(REP);
    // A password-only session of an enrolled user may not even start one: verify first.
    expect((await post('/v1/auth/mfa/enrolment', rep.cookie)).json()).toMatchObject({
      code: 'AUTH_MFA_REQUIRED',
    });
    later(STEP);
    const verified = await post('/v1/auth/mfa/verify', rep.cookie, {
      code: await totpCode(repSecret, now),
    });
    const again = await post('/v1/auth/mfa/enrolment', cookieOf(verified));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'MFA_ALREADY_ENABLED' });

    const { cookie } = await login(MANAGER);
    const none = await post('/v1/auth/mfa/enrolment/confirm', cookie, { code: '123456' });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      code: 'MFA_ENROLMENT_NOT_STARTED',
      details: { reason: 'none' },
    });
    const started = await post('/v1/auth/mfa/enrolment', cookie);
    const secret = started.json().secret;
    later(16 * 60_000);
    const expired = await post('/v1/auth/mfa/enrolment/confirm', cookie, {
      code: await totpCode(secret, now),
    });
    expect(expired.statusCode).toBe(409);
    expect(expired.json()).toMatchObject({
      code: 'MFA_ENROLMENT_NOT_STARTED',
      details: { reason: 'expired' },
    });
    expect((await send('GET', '/v1/auth/me', cookie)).json().mfa.enabled).toBe(false);
  });

  it('signs in in two steps: a password-only session may only finish sign-in', async () => {
    later(STEP);
    const { cookie, body } = await login(REP);
    expect(body).toMatchObject({ mfaRequired: true, mfaEnrolmentRequired: false });
    for (const [method, url] of [
      ['GET', '/v1/customers?limit=5'],
      ['GET', '/v1/admin/security/mfa-policy'],
      ['POST', '/v1/authz/check'],
      ['POST', '/v1/auth/mfa/recovery-codes'],
      ['POST', '/v1/auth/mfa/disable'],
    ] as const) {
      const r = await send(method, url, cookie, { items: [] });
      expect({ url, status: r.statusCode, code: r.json().code }).toEqual({
        url,
        status: 401,
        code: 'AUTH_MFA_REQUIRED',
      });
    }
    const me = await send('GET', '/v1/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().mfa).toMatchObject({ enabled: true, verified: false });

    const ok = await post('/v1/auth/mfa/verify', cookie, { code: await totpCode(repSecret, now) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ mfa: { enabled: true, verified: true }, recoveryCodesLeft: 10 });
    const rotated = cookieOf(ok);
    expect(rotated).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43}$`));
    expect(rotated).not.toBe(cookie);
    expect((await send('GET', '/v1/customers?limit=5', cookie)).json().code).toBe('AUTH_REQUIRED');
    expect((await send('GET', '/v1/customers?limit=5', rotated)).statusCode).toBe(200);
    const me2 = await send('GET', '/v1/auth/me', rotated);
    expect(me2.json().mfa).toEqual({
      enabled: true,
      verified: true,
      verifiedAt: new Date(now).toISOString(),
      required: true,
    });
    expect((await audits('mfa.verify')).length).toBeGreaterThanOrEqual(2);
  });

  it('accepts a code once: the same code and an older one are refused', async () => {
    const { cookie } = await login(REP);
    const used = await totpCode(repSecret, now);
    const replay = await post('/v1/auth/mfa/verify', cookie, { code: used });
    expect(replay.statusCode).toBe(403);
    expect(replay.json()).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { field: 'body/code', reason: 'replayed', attemptsLeft: 4 },
    });
    const older = await post('/v1/auth/mfa/verify', cookie, {
      code: await totpCode(repSecret, now - STEP),
    });
    expect(older.json()).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { reason: 'replayed' },
    });
    // The next step's code (one step ahead of the server: clock drift) is accepted once.
    const ahead = await post('/v1/auth/mfa/verify', cookie, {
      code: await totpCode(repSecret, now + STEP),
    });
    expect(ahead.statusCode).toBe(200);
    later(2 * STEP);
  });

  it('ends the pending session after 5 wrong codes', async () => {
    const { cookie } = await login(REP);
    const right = await totpCode(repSecret, now);
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const r = await post('/v1/auth/mfa/verify', cookie, { code: wrongCode });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({
        code: 'MFA_CODE_INVALID',
        details: { reason: 'invalid', attemptsLeft: left },
      });
    }
    const last = await post('/v1/auth/mfa/verify', cookie, { code: wrongCode });
    expect(last.statusCode).toBe(401);
    expect(last.json()).toMatchObject({ code: 'MFA_TOO_MANY_ATTEMPTS' });
    expect(last.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    // The right code no longer helps: the session is gone.
    const after = await post('/v1/auth/mfa/verify', cookie, { code: right });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'AUTH_REQUIRED' });
    const failed = await audits('mfa.verify_failed');
    expect(failed[0]?.after).toMatchObject({ sessionFailures: 5, sessionEnded: true });
  });

  it('slows guessing down across sessions: a doubling wait after 5 wrong codes, never a lock-out', async () => {
    // The user has 5 consecutive failures now: the next attempt waits 1 s.
    const { cookie } = await login(REP);
    const throttled = await post('/v1/auth/mfa/verify', cookie, { code: '000000' });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.json()).toMatchObject({
      code: 'MFA_THROTTLED',
      details: { retryAfterSeconds: 1 },
    });
    later(1_000);
    const right = await totpCode(repSecret, now);
    const wrongCode = right === '000000' ? '111111' : '000000';
    expect((await post('/v1/auth/mfa/verify', cookie, { code: wrongCode })).statusCode).toBe(403);
    const second = await post('/v1/auth/mfa/verify', cookie, { code: right });
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('2');
    later(2_000);
    const ok = await post('/v1/auth/mfa/verify', cookie, { code: right });
    expect(ok.statusCode).toBe(200);
    // A right code clears the count: the next wrong one is answered at once.
    later(STEP);
    const { cookie: next } = await login(REP);
    const fresh = await post('/v1/auth/mfa/verify', next, { code: wrongCode });
    expect(fresh.json()).toMatchObject({ code: 'MFA_CODE_INVALID', details: { attemptsLeft: 4 } });
    expect(
      (await post('/v1/auth/mfa/verify', next, { code: await totpCode(repSecret, now) }))
        .statusCode,
    ).toBe(200);
  });

  it('signs in with a recovery code, each usable once', async () => {
    const first = repCodes[0] as string;
    const { cookie } = await login(REP);
    const typed = ` ${first.toUpperCase().replace(/-/g, ' ')} `;
    const ok = await post('/v1/auth/mfa/verify', cookie, { recoveryCode: typed });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ mfa: { enabled: true, verified: true }, recoveryCodesLeft: 9 });
    const used = await audits('mfa.recovery_used');
    expect(used[0]?.after).toEqual({ recoveryCodesLeft: 9 });
    expect(JSON.stringify(used)).not.toContain(first);

    const { cookie: again } = await login(REP);
    const reused = await post('/v1/auth/mfa/verify', again, { recoveryCode: first });
    expect(reused.statusCode).toBe(403);
    expect(reused.json()).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { field: 'body/recoveryCode' },
    });
    const both = await post('/v1/auth/mfa/verify', again, {
      code: '123456',
      recoveryCode: repCodes[1],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body/code' } });
    const neither = await post('/v1/auth/mfa/verify', again, {});
    expect(neither.json()).toMatchObject({ code: 'REQUEST_INVALID' });
    const ok2 = await post('/v1/auth/mfa/verify', again, { recoveryCode: repCodes[1] });
    expect(ok2.json().recoveryCodesLeft).toBe(8);
  });

  it('regenerates the recovery codes with a current code only', async () => {
    later(STEP);
    const { cookie } = await login(REP);
    const verified = cookieOf(
      await post('/v1/auth/mfa/verify', cookie, { code: await totpCode(repSecret, now) }),
    );
    later(STEP);
    const noCode = await post('/v1/auth/mfa/recovery-codes', verified, {});
    expect(noCode.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/code' },
    });
    const right = await totpCode(repSecret, now);
    const wrong = await post('/v1/auth/mfa/recovery-codes', verified, {
      code: right === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'MFA_CODE_INVALID' });
    const ok = await post('/v1/auth/mfa/recovery-codes', verified, { code: right });
    expect(ok.statusCode).toBe(200);
    const fresh: string[] = ok.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => repCodes.includes(c))).toBe(false);
    expect(await audits('mfa.recovery_regenerate')).toHaveLength(1);
    // The old codes are gone, the new ones work.
    const { cookie: next } = await login(REP);
    const old = await post('/v1/auth/mfa/verify', next, { recoveryCode: repCodes[2] });
    expect(old.json()).toMatchObject({ code: 'MFA_CODE_INVALID' });
    const neu = await post('/v1/auth/mfa/verify', next, { recoveryCode: fresh[0] });
    expect(neu.json().recoveryCodesLeft).toBe(9);
    repCodes = fresh;
  });

  it('disables MFA with the password or a current code, audited', async () => {
    later(STEP);
    const { cookie } = await login(REP);
    const verified = cookieOf(
      await post('/v1/auth/mfa/verify', cookie, { code: await totpCode(repSecret, now) }),
    );
    const wrong = await post('/v1/auth/mfa/disable', verified, { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { field: 'body/password' },
    });
    const both = await post('/v1/auth/mfa/disable', verified, {
      password: DEMO_PASSWORD,
      code: '123456',
    });
    expect(both.statusCode).toBe(400);
    const ok = await post('/v1/auth/mfa/disable', verified, { password: DEMO_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mfa.enabled).toBe(false);
    expect((await send('GET', '/v1/auth/me', verified)).json().mfa.enabled).toBe(false);
    const { body } = await login(REP);
    expect(body).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: false });
    const events = await audits('mfa.disable');
    expect(events[0]?.after).toEqual({ method: 'password' });
    expect(JSON.stringify(events)).not.toContain(DEMO_PASSWORD);
    const gone = await post('/v1/auth/mfa/disable', verified, { password: DEMO_PASSWORD });
    expect(gone.statusCode).toBe(409);
    expect(gone.json()).toMatchObject({ code: 'MFA_NOT_ENABLED' });
    const verify = await post('/v1/auth/mfa/verify', verified, { code: '123456' });
    expect(verify.json()).toMatchObject({ code: 'MFA_NOT_ENABLED' });
  });

  let adminCookie = '';
  let adminSecret = '';

  it('requires MFA of administrators under the tenant policy admins', async () => {
    const plain = await login(ADMIN);
    const read = await send('GET', '/v1/admin/security/mfa-policy', plain.cookie);
    expect(read.json()).toEqual({
      policy: 'off',
      adminFunctions: ['user_admin', 'role_admin', 'authz_query', '*_admin'],
    });
    // An admin without MFA may not require it (they would be locked into enrolment).
    const early = await send('PUT', '/v1/admin/security/mfa-policy', plain.cookie, {
      policy: 'admins',
    });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({
      code: 'AUTH_MFA_ENROLMENT_REQUIRED',
      details: { reason: 'actor_not_enrolled' },
    });
    const bad = await send('PUT', '/v1/admin/security/mfa-policy', plain.cookie, {
      policy: 'sometimes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/policy' },
    });

    later(STEP);
    const admin = await enrol(ADMIN);
    adminCookie = admin.cookie;
    adminSecret = admin.secret;
    const set = await send('PUT', '/v1/admin/security/mfa-policy', adminCookie, {
      policy: 'admins',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().policy).toBe('admins');
    const events = await audits('mfa.policy_set');
    expect(events[0]).toMatchObject({
      actorId: 'zhoumin',
      before: { policy: 'off' },
      after: { policy: 'admins' },
    });

    // Another administrator without MFA must enrol before anything else.
    const other = await login(ADMIN2);
    expect(other.body).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: true });
    const users = await send('GET', '/v1/admin/users', other.cookie);
    expect(users.statusCode).toBe(403);
    expect(users.json()).toMatchObject({ code: 'AUTH_MFA_ENROLMENT_REQUIRED' });
    expect((await send('GET', '/v1/customers', other.cookie)).statusCode).toBe(403);
    expect((await send('GET', '/v1/auth/me', other.cookie)).json().mfa).toMatchObject({
      enabled: false,
      required: true,
    });
    expect((await post('/v1/auth/mfa/enrolment', other.cookie)).statusCode).toBe(200);
    // A user without an admin function is not asked.
    const rep = await login(REP);
    expect(rep.body).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: false });
    expect((await send('GET', '/v1/customers', rep.cookie)).statusCode).toBe(200);
    // The enrolled admin cannot disable MFA while the policy requires it.
    const disable = await post('/v1/auth/mfa/disable', adminCookie, { password: DEMO_PASSWORD });
    expect(disable.statusCode).toBe(403);
    expect(disable.json()).toMatchObject({ code: 'MFA_REQUIRED_BY_POLICY' });
  });

  it('requires MFA of every user under the policy everyone', async () => {
    const set = await send('PUT', '/v1/admin/security/mfa-policy', adminCookie, {
      policy: 'everyone',
    });
    expect(set.statusCode).toBe(200);
    const rep = await login(REP);
    expect(rep.body).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: true });
    const list = await send('GET', '/v1/customers', rep.cookie);
    expect(list.json()).toMatchObject({ code: 'AUTH_MFA_ENROLMENT_REQUIRED' });
    // Enrolling finishes sign-in: the confirmed session is verified.
    const started = await post('/v1/auth/mfa/enrolment', rep.cookie);
    const confirmed = await post('/v1/auth/mfa/enrolment/confirm', rep.cookie, {
      code: await totpCode(started.json().secret, now),
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await send('GET', '/v1/customers', cookieOf(confirmed))).statusCode).toBe(200);
    // Logout stays open to a pending session.
    const pending = await login(MANAGER);
    expect((await post('/v1/auth/logout', pending.cookie)).statusCode).toBe(204);
    // Back to off.
    const off = await send('PUT', '/v1/admin/security/mfa-policy', adminCookie, { policy: 'off' });
    expect(off.json().policy).toBe('off');
    expect((await login(MANAGER)).body).toMatchObject({ mfaEnrolmentRequired: false });
  });

  it("lets another administrator reset a user's MFA, ending their sessions", async () => {
    later(STEP);
    const rep = await login(REP);
    expect(rep.body.mfaRequired).toBe(true);
    const denied = await post('/v1/admin/users/lilei/mfa/reset', (await login(MANAGER)).cookie);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'PERMISSION_DENIED' });
    const self = await post('/v1/admin/users/zhoumin/mfa/reset', adminCookie);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: 'PERMISSION_DENIED', details: { reason: 'self' } });
    const unknown = await post('/v1/admin/users/nobody/mfa/reset', adminCookie);
    expect(unknown.statusCode).toBe(404);

    const reset = await post('/v1/admin/users/lilei/mfa/reset', adminCookie);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ userId: 'lilei', hadMfa: true });
    expect(reset.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await send('GET', '/v1/auth/me', rep.cookie)).statusCode).toBe(401);
    const after = await login(REP);
    expect(after.body).toMatchObject({ mfaRequired: false });
    const events = await audits('mfa.reset');
    expect(events[0]).toMatchObject({ actorId: 'zhoumin', target: 'user/lilei' });
    // The admin's own MFA is untouched.
    expect((await send('GET', '/v1/auth/me', adminCookie)).json().mfa.enabled).toBe(true);
    expect(adminSecret).not.toBe('');
  });
});

describe('MFA on PostgreSQL with the TOTP secrets encrypted at rest', () => {
  let t: TestApp;
  const now = TEST_NOW + 10_000;
  const key = randomBytes(32).toString('base64');
  beforeAll(async () => {
    t = await createTestApp({
      backend: 'postgres',
      customers: 10,
      clock: () => now,
      config: { mfaSecretKey: key },
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('stores the TOTP secret encrypted and signs in with it once', async () => {
    const cookie = await t.login(REP);
    const started = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/mfa/enrolment',
      headers: { cookie },
      payload: {},
    });
    const secret: string = started.json().secret;
    const row = await t.database.db
      .selectFrom('mfa_totp')
      .select('secret')
      .where('user_id', '=', 'lilei')
      .executeTakeFirstOrThrow();
    // Sealed under the tenant's data key (docs/encryption.md), bound to tenant, user and `totp`.
    expect(row.secret).toMatch(/^tk:v1\.t\d+\./);
    expect(row.secret).not.toContain(secret);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/mfa/enrolment/confirm',
      headers: { cookie },
      payload: { code: await totpCode(secret, now) },
    });
    expect(confirmed.statusCode).toBe(200);
    const pending = await t.login(REP);
    const code = await totpCode(secret, now + STEP);
    const verify = (c: string) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/auth/mfa/verify',
        headers: { cookie: c },
        payload: { code },
      });
    expect((await verify(pending)).statusCode).toBe(200);
    const replay = await verify(await t.login(REP));
    expect(replay.json()).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { reason: 'replayed' },
    });
  });
});
