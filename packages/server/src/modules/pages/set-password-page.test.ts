import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-app.ts';
import { PAGE_CSP } from './set-password-page.ts';

describe('the set-password page an invitation link opens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ customers: 5 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the link of an invitation: a form whose script sets the password through the API', async () => {
    const admin = await t.login('zhou.min@yunshan.example');
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/users',
      headers: { cookie: admin },
      payload: { name: '新同事', departmentId: 'sales-east', email: 'xin@yunshan.example' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const link = new URL(created.json().invitation.link as string);
    expect(link.pathname).toBe('/set-password');

    const page = await t.app.inject({
      method: 'GET',
      url: `${link.pathname}${link.search}`,
      headers: { 'accept-language': 'en-US' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Set your password');
    expect(page.body).toContain('autocomplete="new-password"');
    // Its one script is a file of this origin (the CSP allows no inline script).
    expect(page.body.match(/<script[^>]*>/g)).toEqual(['<script src="/set-password.js" defer>']);
    // The token never appears in the page (it stays in the address bar, sent to no third party).
    expect(page.body).not.toContain(link.searchParams.get('token'));

    const zh = await t.app.inject({ method: 'GET', url: '/set-password', headers: {} });
    expect(zh.body).toContain('设置密码');
    expect(zh.body).toContain('lang="zh-CN"');

    const script = await t.app.inject({ method: 'GET', url: '/set-password.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain("fetch('/v1/auth/password/set'");
    expect(script.body).toContain("'content-type': 'application/json'");

    // What the script sends, from the page's origin as a browser would: the password is set.
    const set = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/password/set',
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: { token: link.searchParams.get('token'), password: 'maple harbour quietly 2026' },
    });
    expect(set.statusCode, set.body).toBe(200);
  });
});
