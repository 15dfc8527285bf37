import { EngineError } from '@custos/engine';
import { StoreError, savePolicyModel } from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, MODULES, type AppModule } from './app.ts';
import { AppError } from './http/app-error.ts';
import { toErrorResponse } from './http/error-handler.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** Extra routes for the tests: one per error source, and a function-guarded route. */
const probe: AppModule = {
  name: 'probe',
  routes: async (app: FastifyInstance) => {
    const pub = { permission: { kind: 'public' as const } };
    app.get('/test/app-error', { config: pub }, async () => {
      throw new AppError('CONFLICT', 'already there', { field: 'name' });
    });
    app.get('/test/engine-error', { config: pub }, async () => {
      throw new EngineError([{ code: 'ENGINE_DUPLICATE_ID', path: 'users[1].id', message: 'dup' }]);
    });
    app.get('/test/store-error', { config: pub }, async () => {
      throw new StoreError('STORE_UNKNOWN_TENANT', 'no tenant x', { tenantId: 'x' });
    });
    app.get('/test/crash', { config: pub }, async () => {
      throw new Error('secret internals');
    });
    app.get(
      '/test/user-admin',
      { config: { permission: { kind: 'function', name: 'user_admin' } } },
      async (request) => ({ userId: request.custos.userId, version: request.custos.version }),
    );
  },
};

describe('app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ customers: 10, modules: [...MODULES, probe] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every error as { code, message, details } with the catalogue status', async () => {
    const cases = [
      ['/test/app-error', 409, 'CONFLICT', { field: 'name' }],
      ['/test/engine-error', 422, 'ENGINE_DUPLICATE_ID', { errors: [expect.any(Object)] }],
      ['/test/store-error', 404, 'STORE_UNKNOWN_TENANT', { tenantId: 'x' }],
      ['/test/crash', 500, 'INTERNAL', {}],
      ['/v1/no/such/route', 404, 'NOT_FOUND', {}],
    ] as const;
    for (const [url, status, code, details] of cases) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(status);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.json()).toEqual({ code, message: expect.any(String), details });
    }
    const crash = await t.app.inject({ method: 'GET', url: '/test/crash' });
    expect(crash.body).not.toContain('secret internals');
  });

  it('answers bad JSON and validation errors as REQUEST_INVALID', async () => {
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: 'REQUEST_INVALID' });
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a@b.c', password: 'x', extra: 1 },
    });
    expect(wrongType.json()).toMatchObject({
      code: 'REQUEST_INVALID',
      details: { field: 'body/extra' },
    });
  });

  it('echoes a well-formed x-request-id and makes one otherwise', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\u00e9' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const notFound = await t.app.inject({ method: 'GET', url: '/v1/nope' });
    expect(notFound.headers['x-request-id']).toBeDefined();
  });

  it('checks function permissions in the access hook', async () => {
    const admin = await t.login('zhou.min@yunshan.example');
    const ok = await t.app.inject({
      method: 'GET',
      url: '/test/user-admin',
      headers: { cookie: admin },
    });
    expect(ok.statusCode).toBe(200);
    const { version } = await t.app.custos.policy.current(t.demo.tenantId);
    expect(ok.json()).toEqual({ userId: 'zhoumin', version });
    const rep = await t.login('li.lei@yunshan.example');
    const denied = await t.app.inject({
      method: 'GET',
      url: '/test/user-admin',
      headers: { cookie: rep },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { function: 'user_admin' },
    });
    const anonymous = await t.app.inject({ method: 'GET', url: '/test/user-admin' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a suspended user with a live session: 403 AUTH_USER_INACTIVE', async () => {
    const cookie = await t.login('lin.fang@yunshan.example');
    const model = t.demo.company.model;
    const suspended = {
      ...model,
      users: model.users.map((u) =>
        u.id === 'linfang' ? { ...u, status: 'suspended' as const } : u,
      ),
    };
    await savePolicyModel(t.database.db, t.demo.tenantId, suspended);
    try {
      const r = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie } });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'AUTH_USER_INACTIVE' });
      const login = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'lin.fang@yunshan.example', password: 'Custos-Demo-2026' },
      });
      expect(login.statusCode).toBe(403);
    } finally {
      await savePolicyModel(t.database.db, t.demo.tenantId, model);
    }
  });

  it('serves OpenAPI 3.1 at /docs/json with x-permission on every operation', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(r.statusCode).toBe(200);
    const spec = r.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/v1/auth/login'].post['x-permission']).toBe('public');
    expect(spec.paths['/v1/auth/me'].get['x-permission']).toBe('authenticated');
    expect(spec.paths['/v1/authz/check'].post['x-permission']).toBe('authenticated');
    expect(spec.paths['/healthz'].get['x-permission']).toBe('public');
    for (const [path, item] of Object.entries(spec.paths as Record<string, object>)) {
      for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>))
        expect(op['x-permission'], `${method} ${path}`).toEqual(expect.any(String));
    }
    expect(Object.keys(spec.paths).some((p) => p.startsWith('/docs'))).toBe(false);
    // Admin lists document their paging.
    const users = spec.paths['/v1/admin/users'].get;
    expect(users.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'cursor',
      'limit',
      'q',
    ]);
    expect(users.responses['200'].content['application/json'].schema.required).toEqual([
      'data',
      'version',
      'nextCursor',
    ]);
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });

  it('answers healthz and readyz', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });
});

describe('app startup', () => {
  it('refuses a route without config.permission', async () => {
    const database = await TEST_BACKENDS[0]!.open();
    try {
      const careless: AppModule = {
        name: 'careless',
        routes: async (app) => {
          app.get('/oops', async () => 'no permission declared');
        },
      };
      await expect(buildApp({ database, logger: false, modules: [careless] })).rejects.toThrow(
        /GET \/oops declares no config\.permission/,
      );
    } finally {
      await database.close();
    }
  });

  it('is not ready while migrations are pending', async () => {
    const database = await TEST_BACKENDS[0]!.open({ migrate: false });
    try {
      const app = await buildApp({ database, logger: false });
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({
        code: 'NOT_READY',
        details: { pending: expect.arrayContaining(['0001-initial', '0003-auth']) },
      });
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('maps unknown errors to INTERNAL without their message', () => {
    expect(toErrorResponse(new TypeError('boom'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error', details: {} },
    });
  });
});
