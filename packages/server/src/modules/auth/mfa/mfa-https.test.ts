/**
 * MFA when served over HTTPS: the session cookie is `__Host-custos_session`, and enrolment,
 * verification (with rotation) and the end of a session after wrong codes all use that name.
 */
import { DEMO_PASSWORD } from '@custos/store';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURE_SESSION_COOKIE } from '../../../http/session-cookie.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../../../test-app.ts';
import { totpCode } from './totp.ts';

const REP = 'li.lei@yunshan.example';
const STEP = 30_000;

describe('MFA over HTTPS (the __Host- session cookie)', () => {
  let t: TestApp;
  let now = TEST_NOW + 10_000;
  beforeAll(async () => {
    t = await createTestApp({ customers: 10, clock: () => now, config: { cookieSecure: true } });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, cookie: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  function cookieOf(response: LightMyRequestResponse): string {
    const set = response.cookies.find((c) => c.name === SECURE_SESSION_COOKIE);
    if (set === undefined) throw new Error(`no ${SECURE_SESSION_COOKIE} cookie: ${response.body}`);
    expect(set.secure).toBe(true);
    return `${SECURE_SESSION_COOKIE}=${set.value}`;
  }
  async function login(): Promise<string> {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: REP, password: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    return cookieOf(r);
  }

  it('enrols, signs in with a code (the session rotated) and ends a session after wrong codes', async () => {
    const first = await login();
    const started = await post('/v1/auth/mfa/enrolment', first);
    expect(started.statusCode).toBe(200);
    const secret: string = started.json().secret;
    const confirmed = await post('/v1/auth/mfa/enrolment/confirm', first, {
      code: await totpCode(secret, now),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    const verified = cookieOf(confirmed);
    expect(verified).not.toBe(first);

    now += STEP;
    const pending = await login();
    const blocked = await t.app.inject({
      method: 'GET',
      url: '/v1/customers',
      headers: { cookie: pending },
    });
    expect(blocked.json().code).toBe('AUTH_MFA_REQUIRED');
    const verify = await post('/v1/auth/mfa/verify', pending, {
      code: await totpCode(secret, now),
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const after = cookieOf(verify);
    expect(after).not.toBe(pending);
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/customers',
      headers: { cookie: after },
    });
    expect(list.statusCode).toBe(200);
    // The pre-rotation cookie is dead.
    const old = await t.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: { cookie: pending },
    });
    expect(old.statusCode).toBe(401);

    now += STEP;
    const guessing = await login();
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 5; i++)
      last = await post('/v1/auth/mfa/verify', guessing, { code: '000000' });
    expect(last!.json().code).toBe('MFA_TOO_MANY_ATTEMPTS');
    const cleared = last!.cookies.find((c) => c.name === SECURE_SESSION_COOKIE);
    expect(cleared?.value).toBe('');
  });
});
