import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { API_CSP, DOCS_CSP, HSTS, isApiPath, isLoopbackHost } from './security-headers.ts';

let t: TestApp;

describe('security headers', () => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 5, config: { trustProxy: true } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends a strict CSP, nosniff, frame-ancestors none and no-referrer on every response', async () => {
    const cookie = await t.login('li.lei@yunshan.example');
    const responses = [
      await t.app.inject({ method: 'GET', url: '/v1/customers?limit=1', headers: { cookie } }),
      await t.app.inject({ method: 'GET', url: '/v1/auth/me' }),
      await t.app.inject({ method: 'GET', url: '/v1/no/such/route' }),
      await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: 'x' }),
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'DELETE', url: '/nope', payload: {} }),
    ];
    // (A GET of any other path is the console's page, under the console's CSP: console tests.)
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 404, 415, 200, 404]);
    for (const r of responses) {
      expect(r.headers['content-security-policy']).toBe(API_CSP);
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"])
        expect(API_CSP).toContain(directive);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(r.headers['strict-transport-security']).toBeUndefined();
      expect(r.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers every /v1 response with Cache-Control: no-store, errors and 404s included', async () => {
    const cookie = await t.login('li.lei@yunshan.example');
    for (const [method, url, headers] of [
      ['GET', '/v1/customers?limit=1', { cookie }],
      ['GET', '/v1/auth/me', { cookie }],
      ['GET', '/v1/auth/me', {}],
      ['GET', '/v1/customers/no-such-id', { cookie }],
      ['GET', '/v1/no/such/route', {}],
      ['GET', '/v1', {}],
      ['GET', '/v1/customers?limit=0', { cookie }],
      ['DELETE', '/v1/customers/x', { cookie, 'content-type': 'text/plain' }],
    ] as const) {
      const r = await t.app.inject({ method, url, headers });
      expect(r.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(200);
      expect(r.headers['cache-control'], `${method} ${url} ${r.statusCode}`).toBe('no-store');
    }
    expect(isApiPath('/v1')).toBe(true);
    expect(isApiPath('/v1/customers?q=x')).toBe(true);
    expect(isApiPath('/v10/x')).toBe(false);
    expect(isApiPath('/docs/json')).toBe(false);
  });

  it('sends HSTS only on a request that came over HTTPS', async () => {
    const viaTls = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'https', host: 'crm.example.com' },
    });
    expect(viaTls.headers['strict-transport-security']).toBe(HSTS);
    // Not for the loopback (the self-signed demo): a browser would keep it for every local server.
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:8443']) {
      const local = await t.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-forwarded-proto': 'https', host },
      });
      expect(local.headers['strict-transport-security'], host).toBeUndefined();
      expect(isLoopbackHost(host)).toBe(true);
    }
    expect(isLoopbackHost('crm.example.com')).toBe(false);
    expect(isLoopbackHost('127.example.com')).toBe(false);
    expect(HSTS).toMatch(/^max-age=31536000/);
    const plain = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves swagger-ui under a CSP that allows exactly what it loads', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"])
      expect(DOCS_CSP).toContain(directive);
    const html = page.body;
    // No inline script or style, no event handler attribute: 'self' files only.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=|\son\w+=/i);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset, 'same origin').not.toMatch(/^(?:https?:)?\/\//);
      const r = await t.app.inject({
        method: 'GET',
        url: new URL(asset, 'http://x/docs').pathname,
      });
      expect(r.statusCode, asset).toBe(200);
      expect(r.headers['content-security-policy']).toBe(DOCS_CSP);
    }
    // The initializer fetches the OpenAPI document from this origin (connect-src 'self').
    const init = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.body).toContain("resolveUrl('./json')");
    expect(DOCS_CSP).toContain("connect-src 'self'");
    expect(DOCS_CSP).not.toMatch(/unsafe-(inline|eval)/);
    const json = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
  });
});
