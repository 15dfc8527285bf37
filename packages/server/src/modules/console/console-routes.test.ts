import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase, type Database } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, MODULES } from '../../app.ts';
import { CONSOLE_CSP } from './console-csp.ts';
import { consoleRoutes } from './console-routes.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';

async function appWithConsoleIn(database: Database, dir: string): Promise<FastifyInstance> {
  return buildApp({
    database,
    logger: false,
    modules: [
      ...MODULES.filter((m) => m.name !== 'console'),
      { name: 'console', routes: consoleRoutes(dir) },
    ],
  });
}

describe('the console at /', () => {
  let database: Database;
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openPgliteDatabase();
    dir = await mkdtemp(join(tmpdir(), 'custos-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("custos")');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(tmpdir(), 'custos-outside.txt'), 'CONTENT-OUTSIDE-THE-BUILD');
    app = await appWithConsoleIn(database, dir);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with the console CSP, revalidated on every load', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('answers every console path with index.html (history fallback)', async () => {
    for (const url of ['/records/customers', '/admin/roles/sales-rep?x=1', '/login']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
    }
  });

  it('caches hashed assets for a year and serves other build files revalidated', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps unknown API and documentation paths the API’s JSON 404', async () => {
    for (const url of ['/v1/nothing-here', '/v1', '/docs/nothing-here']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ code: 'NOT_FOUND' });
      expect(response.headers['content-security-policy'], url).not.toBe(CONSOLE_CSP);
    }
  });

  it('serves nothing outside the build folder', async () => {
    for (const url of [
      '/../custos-outside.txt',
      '/%2e%2e/custos-outside.txt',
      '/assets/..%2f..%2fcustos-outside.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('CONTENT-OUTSIDE-THE-BUILD');
    }
  });

  it('says how to build the console when it is not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'custos-console-empty-'));
    const bare = await appWithConsoleIn(database, empty);
    try {
      const response = await bare.inject({ method: 'GET', url: '/records/customers' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build -w packages/web');
      const api = await bare.inject({ method: 'GET', url: '/healthz' });
      expect(api.statusCode).toBe(200);
    } finally {
      await bare.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
