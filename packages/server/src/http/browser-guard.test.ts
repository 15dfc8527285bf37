/**
 * CSRF defences over HTTP (ADR 0011): JSON only, same origin, and the session's CSRF token on a
 * browser's cookie-authenticated state-changing request. Every refusal changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, type AppModule } from '../app.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { csrfTokenFor } from './csrf-token.ts';

const EVIL = 'https://evil.example';

/** A route that declares a file upload (none of the API's does today). */
const uploadProbe: AppModule = {
  name: 'upload-probe',
  routes: async (app: FastifyInstance) => {
    app.post(
      '/test/upload',
      { config: { permission: { kind: 'public' }, acceptsUpload: true } },
      async () => ({ ok: true }),
    );
  },
};

let t: TestApp;
let admin: string;

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

async function statusOfUser(userId: string): Promise<string> {
  const r = await t.app.inject({
    method: 'GET',
    url: `/v1/admin/users/${userId}`,
    headers: { cookie: admin },
  });
  expect(r.statusCode).toBe(200);
  return r.json().data.status;
}

/** The CSRF token the console gets for a session cookie header. */
async function csrfOf(cookie: string): Promise<string> {
  const r = await t.app.inject({ method: 'GET', url: '/v1/auth/csrf', headers: { cookie } });
  expect(r.statusCode).toBe(200);
  expect(r.json().header).toBe('x-csrf-token');
  return r.json().token;
}

describe('CSRF defences', () => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 10, modules: [...MODULES, uploadProbe] });
    admin = await t.login(emailOf('zhoumin'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('an empty text/plain POST from another origin no longer deactivates a user', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users/zhangwei/deactivate',
      headers: { cookie: admin, origin: EVIL, 'content-type': 'text/plain' },
      payload: '',
    });
    expect(r.statusCode).toBe(415);
    expect(r.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { header: 'content-type', received: 'text/plain' },
    });
    // The same as a form would send it, and as a JSON request from the other origin.
    const form = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users/zhangwei/deactivate',
      headers: {
        cookie: admin,
        origin: EVIL,
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'a=1',
    });
    expect(form.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const json = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users/zhangwei/deactivate',
      headers: { cookie: admin, origin: EVIL },
      payload: {},
    });
    expect(json.statusCode).toBe(403);
    expect(json.json()).toMatchObject({ code: 'ORIGIN_REFUSED', details: { header: 'origin' } });
    expect(await statusOfUser('zhangwei')).toBe('active');
  });

  it('refuses every state-changing method without application/json, even with no body', async () => {
    const cases = [
      ['POST', '/v1/admin/users/zhangwei/deactivate', undefined, undefined],
      ['POST', '/v1/auth/logout', 'text/plain', ''],
      ['PUT', '/v1/admin/users/zhangwei/manager', 'text/plain', '{"managerId":null}'],
      ['PATCH', '/v1/admin/users/zhangwei', 'application/x-www-form-urlencoded', 'name=x'],
      ['DELETE', '/v1/admin/departments/rnd', undefined, undefined],
      ['POST', '/v1/auth/login', 'text/plain', '{"email":"a@b.c","password":"x"}'],
      ['POST', '/v1/admin/users/zhangwei/deactivate', 'multipart/form-data; boundary=x', '--x--'],
    ] as const;
    for (const [method, url, type, payload] of cases) {
      const r = await t.app.inject({
        method,
        url,
        headers: { cookie: admin, ...(type === undefined ? {} : { 'content-type': type }) },
        ...(payload === undefined ? {} : { payload }),
      });
      expect(r.statusCode, `${method} ${url} ${type}`).toBe(415);
      expect(r.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await statusOfUser('zhangwei')).toBe('active');
    // The admin's session is still live (the refused logout ended nothing).
    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/auth/me',
      headers: { cookie: admin },
    });
    expect(me.statusCode).toBe(200);
  });

  it('lets multipart/form-data through only to a route that declares an upload', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/test/upload',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(text.json().message).toContain('multipart/form-data');
    // Past the guard; with no multipart parser installed the server still answers 415.
    const multipart = await t.app.inject({
      method: 'POST',
      url: '/test/upload',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    expect(multipart.statusCode).toBe(415);
    expect(multipart.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'the content type is not supported here',
    });
    const json = await t.app.inject({ method: 'POST', url: '/test/upload', payload: {} });
    expect(json.json()).toEqual({ ok: true });
  });

  it('accepts a bodiless JSON request; a route that needs a body names it', async () => {
    const cookie = await t.login(emailOf('zhangwei'));
    const out = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: { cookie, 'content-type': 'application/json; charset=utf-8' },
    });
    expect(out.statusCode).toBe(204);
    const noBody = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie: admin, 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body' } });
  });

  it('refuses another origin and a cross-site or same-site fetch, and accepts its own', async () => {
    for (const headers of [
      { origin: EVIL },
      { origin: 'null' },
      { origin: 'https://localhost' },
      { origin: 'http://localhost:8080' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-site' },
    ]) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers,
        payload: { email: emailOf('zhangwei'), password: 'wrong password' },
      });
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().code).toBe('ORIGIN_REFUSED');
    }
    // light-my-request's Host is localhost:80: the page at http://localhost is this server.
    for (const headers of [
      { origin: 'http://localhost' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ]) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers,
        payload: { email: emailOf('zhangwei'), password: 'wrong password' },
      });
      expect(r.json().code, JSON.stringify(headers)).toBe('AUTH_INVALID_CREDENTIALS');
    }
  });

  it('ignores X-Forwarded-* headers unless the proxy is trusted', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: {
        origin: 'https://crm.example.com',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'crm.example.com',
      },
      payload: { email: emailOf('zhangwei'), password: 'wrong password' },
    });
    expect(r.json().code).toBe('ORIGIN_REFUSED');
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });

  it('requires the session CSRF token on a browser request authenticated by the cookie', async () => {
    const cookie = await t.login(emailOf('zhoumin'));
    const browser = { cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };
    const deactivate = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/v1/admin/users/zhangwei/deactivate',
        headers,
        payload: {},
      });
    const missing = await deactivate(browser);
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({
      code: 'CSRF_TOKEN_INVALID',
      details: { header: 'x-csrf-token' },
    });
    const token = await csrfOf(cookie);
    // A token of another session, a forged one, and one sent by Sec-Fetch-* alone are refused.
    const other = await csrfOf(admin);
    expect(other).not.toBe(token);
    const refused: Record<string, string>[] = [
      { ...browser, 'x-csrf-token': other },
      // (the last character changed: never to itself)
      { ...browser, 'x-csrf-token': `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
      { ...browser, 'x-csrf-token': '' },
      { cookie, 'sec-fetch-mode': 'cors', 'x-csrf-token': 'x' },
    ];
    for (const headers of refused) {
      const r = await deactivate(headers);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('CSRF_TOKEN_INVALID');
    }
    expect(await statusOfUser('zhangwei')).toBe('active');
    const done = await deactivate({ ...browser, 'x-csrf-token': token });
    expect(done.statusCode).toBe(200);
    expect(await statusOfUser('zhangwei')).toBe('suspended');
    // A script (no Origin, no Sec-Fetch-*) is not a browser carrying someone's cookie.
    const script = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users/zhangwei/reactivate',
      headers: { cookie },
      payload: {},
    });
    expect(script.statusCode).toBe(200);
    // The token ends with its session: after sign-out and a new sign-in it is refused.
    const out = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: { ...browser, 'x-csrf-token': token },
      payload: {},
    });
    expect(out.statusCode).toBe(204);
    const again = await t.login(emailOf('zhoumin'));
    const stale = await deactivate({ ...browser, cookie: again, 'x-csrf-token': token });
    expect(stale.json().code).toBe('CSRF_TOKEN_INVALID');
    expect(await statusOfUser('zhangwei')).toBe('active');
  });

  it('derives the token from the session: an HMAC, not the session itself', () => {
    const token = csrfTokenFor('session-a');
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(token).not.toContain('session-a');
    expect(csrfTokenFor('session-a')).toBe(token);
    expect(csrfTokenFor('session-b')).not.toBe(token);
  });

  it('needs no token to sign in, and none for a bearer-authenticated request', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: { email: emailOf('zhangwei'), password: 'wrong password' },
    });
    expect(login.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    // A page of another site cannot add an Authorization header without a CORS preflight.
    const cookie = await t.login(emailOf('zhangwei'));
    const bearer = await t.app.inject({
      method: 'POST',
      url: '/v1/authz/check',
      headers: { cookie, origin: 'http://localhost', authorization: 'Bearer x' },
      payload: { items: [] },
    });
    expect(bearer.json().code).not.toBe('CSRF_TOKEN_INVALID');
  });

  it('documents the CSRF header on every state-changing operation of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.components.securitySchemes.csrf).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
    });
    expect(doc.paths['/v1/admin/users/{id}/deactivate'].post.security).toEqual([
      { session: [], csrf: [] },
      { bearer: [] },
    ]);
    expect(doc.paths['/v1/auth/me'].get.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(doc.paths['/v1/auth/login'].post.security).toBeUndefined();
  });

  it('answers GET /v1/auth/csrf only to a signed-in caller', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/v1/auth/csrf' });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('AUTH_REQUIRED');
  });
});

describe('CSRF defences with allowed origins', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({
      customers: 2,
      config: { allowedOrigins: ['https://console.example.com'], trustProxy: true },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('accepts a configured origin and the origin a trusted proxy forwards', async () => {
    const login = (headers: Record<string, string>) =>
      app.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers,
        payload: { email: 'nobody@example.com', password: 'wrong password' },
      });
    const listed = await login({
      origin: 'https://console.example.com',
      'sec-fetch-site': 'same-site',
    });
    expect(listed.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const proxied = await login({
      origin: 'https://crm.example.com',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'crm.example.com',
    });
    expect(proxied.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const other = await login({ origin: 'https://console.example.com.evil.example' });
    expect(other.json().code).toBe('ORIGIN_REFUSED');
  });
});
