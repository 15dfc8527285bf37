/**
 * API tokens over HTTP (ADR 0009): created with a session and shown once, a bearer token is its
 * owner's current permissions ∩ its scopes, expiry and revocation answer 401 with their codes, a
 * deactivated owner's tokens stop at once, admins list and revoke, service tokens go only to
 * service principals, and every step is audited without the secret.
 */
import { listAuditEvents } from '@custos/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../test-app.ts';

const DAY = 86_400_000;
let t: TestApp;
let now = TEST_NOW;
let admin: string;
let rep: string;

const emailOf = (userId: string): string => {
  const login = t.demo.logins.find((l) => l.userId === userId);
  if (login === undefined) throw new Error(`no demo login ${userId}`);
  return login.email;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function call(
  auth: { cookie: string } | { bearer: string } | { headers: Record<string, string> },
  method: Method,
  url: string,
  payload?: object,
) {
  const headers =
    'cookie' in auth
      ? { cookie: auth.cookie }
      : 'bearer' in auth
        ? { authorization: `Bearer ${auth.bearer}` }
        : auth.headers;
  const response = await t.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined && method === 'GET' ? {} : { payload: payload ?? {} }),
  });
  return {
    status: response.statusCode,
    body: response.body === '' ? undefined : response.json(),
    headers: response.headers,
  };
}

const inDays = (days: number): string => new Date(now + days * DAY).toISOString();

async function createToken(
  cookie: string,
  scopes: string[],
  options: { days?: number; name?: string } = {},
): Promise<{ token: string; id: string }> {
  const { status, body } = await call({ cookie }, 'POST', '/v1/auth/tokens', {
    name: options.name ?? 'laptop',
    scopes,
    expiresAt: inDays(options.days ?? 30),
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return { token: body.token, id: body.apiToken.id };
}

describe('API tokens', () => {
  beforeAll(async () => {
    t = await createTestApp({ customers: 40, clock: () => now });
    admin = await t.login(emailOf('zhoumin'));
    rep = await t.login(emailOf('lilei'));
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    now = TEST_NOW;
  });

  it('creates a personal token shown once; lists show its prefix and last use, never the secret', async () => {
    const { status, body } = await call({ cookie: rep }, 'POST', '/v1/auth/tokens', {
      name: 'CI export',
      scopes: ['records:read', 'authz'],
      expiresAt: inDays(30),
    });
    expect(status).toBe(201);
    expect(body.token).toMatch(/^custos_pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(body.apiToken).toMatchObject({
      name: 'CI export',
      kind: 'personal',
      userId: 'lilei',
      scopes: ['authz', 'records:read'],
      status: 'active',
      lastUsedAt: null,
      expiresAt: inDays(30),
    });
    expect(body.token.startsWith(`${body.apiToken.prefix}_`)).toBe(true);
    const secret = (body.token as string).slice(body.apiToken.prefix.length + 1);

    now += 60_000;
    expect((await call({ bearer: body.token }, 'GET', '/v1/auth/me')).status).toBe(200);
    const listed = await call({ cookie: rep }, 'GET', '/v1/auth/tokens');
    expect(listed.status).toBe(200);
    const mine = listed.body.items.find((i: { id: string }) => i.id === body.apiToken.id);
    expect(mine.lastUsedAt).toBe(new Date(now).toISOString());
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // Used again within five minutes: the last use is not written again.
    now += 60_000;
    await call({ bearer: body.token }, 'GET', '/v1/auth/me');
    const again = await call({ cookie: rep }, 'GET', '/v1/auth/tokens');
    expect(again.body.items.find((i: { id: string }) => i.id === body.apiToken.id).lastUsedAt).toBe(
      mine.lastUsedAt,
    );
  });

  it('a bearer token reads exactly what its owner reads, without a cookie', async () => {
    const { token } = await createToken(rep, ['records:read']);
    const byToken = await call({ bearer: token }, 'GET', '/v1/customers?limit=200');
    const byCookie = await call({ cookie: rep }, 'GET', '/v1/customers?limit=200');
    expect(byToken.status).toBe(200);
    expect(byToken.body.total).toBeGreaterThan(0);
    expect(byToken.body).toEqual(byCookie.body);
    const me = await call({ bearer: token }, 'GET', '/v1/auth/me');
    expect(me.body.user.id).toBe('lilei');
  });

  it('with a bearer header no cookie is read: a bad token is refused even beside a good cookie', async () => {
    const { status, body, headers } = await call(
      { headers: { cookie: rep, authorization: 'Bearer custos_pat_nonsense' } },
      'GET',
      '/v1/customers',
    );
    expect(status).toBe(401);
    expect(body.code).toBe('AUTH_TOKEN_INVALID');
    expect(headers['www-authenticate']).toBe('Bearer realm="custos", error="invalid_token"');
  });

  it('refuses malformed, unknown and wrong-secret tokens with AUTH_TOKEN_INVALID', async () => {
    const { token } = await createToken(rep, ['records:read']);
    const wrong = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bearer of [wrong, 'custos_pat_0123456789abcdef_short', '']) {
      const { status, body } = await call(
        { headers: { authorization: `Bearer ${bearer}` } },
        'GET',
        '/v1/customers',
      );
      expect(status, bearer).toBe(401);
      expect(body.code, bearer).toBe('AUTH_TOKEN_INVALID');
    }
    const unknownId = token.replace(/^custos_pat_[0-9a-f]{16}/, 'custos_pat_ffffffffffffffff');
    expect((await call({ bearer: unknownId }, 'GET', '/v1/customers')).body.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
  });

  it('refuses a route outside the token scopes with AUTH_TOKEN_SCOPE naming the scope', async () => {
    const { token } = await createToken(rep, ['records:read']);
    const write = await call({ bearer: token }, 'POST', '/v1/customers', {
      fields: { name: 'Scope test Ltd' },
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({
      code: 'AUTH_TOKEN_SCOPE',
      details: { scope: 'records:write' },
    });
    expect(write.headers['www-authenticate']).toBe(
      'Bearer realm="custos", error="insufficient_scope", scope="records:write"',
    );
    const authz = await call({ bearer: token }, 'POST', '/v1/authz/check', {
      items: [{ action: 'read', object: 'customer', recordId: 'c-00001' }],
    });
    expect(authz.body).toMatchObject({ code: 'AUTH_TOKEN_SCOPE', details: { scope: 'authz' } });
  });

  it('a token cannot manage tokens or sign out: those need a signed-in session', async () => {
    const { token, id } = await createToken(rep, ['records:read', 'records:write', 'authz']);
    for (const [method, url] of [
      ['GET', '/v1/auth/tokens'],
      ['POST', '/v1/auth/tokens'],
      ['DELETE', `/v1/auth/tokens/${id}`],
      ['POST', '/v1/auth/logout'],
    ] as const) {
      const { status, body } = await call({ bearer: token }, method, url, {
        name: 'x',
        scopes: ['records:read'],
        expiresAt: inDays(1),
      });
      expect(status, `${method} ${url}`).toBe(403);
      expect(body).toMatchObject({ code: 'AUTH_TOKEN_SCOPE', details: { scope: null } });
    }
    expect((await call({ bearer: token }, 'GET', '/v1/customers')).status).toBe(200);
  });

  it('refuses a scope the owner does not hold, naming it, and creates nothing', async () => {
    const before = await call({ cookie: rep }, 'GET', '/v1/auth/tokens');
    const { status, body } = await call({ cookie: rep }, 'POST', '/v1/auth/tokens', {
      name: 'escalate',
      scopes: ['records:read', 'export'],
      expiresAt: inDays(5),
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({
      code: 'TOKEN_SCOPE_NOT_HELD',
      details: { scope: 'export', field: 'body/scopes/1' },
    });
    const after = await call({ cookie: rep }, 'GET', '/v1/auth/tokens');
    expect(after.body.items).toEqual(before.body.items);
  });

  it('refuses bad token input naming the field: expiry required, in the future, within the maximum', async () => {
    const cases: [object, string][] = [
      [{ name: 'a', scopes: ['records:read'] }, 'body/expiresAt'],
      [{ name: 'a', scopes: ['records:read'], expiresAt: 'tomorrow' }, 'body/expiresAt'],
      [{ name: 'a', scopes: ['records:read'], expiresAt: inDays(-1) }, 'body/expiresAt'],
      [{ name: 'a', scopes: ['records:read'], expiresAt: inDays(91) }, 'body/expiresAt'],
      [{ name: 'a', scopes: ['records:raed'], expiresAt: inDays(1) }, 'body/scopes/0'],
      [{ name: 'a', scopes: [], expiresAt: inDays(1) }, 'body/scopes'],
      [{ name: '', scopes: ['records:read'], expiresAt: inDays(1) }, 'body/name'],
      [{ name: 'a', scopes: ['authz'], expiresAt: inDays(1), secret: 'x' }, 'body/secret'],
    ];
    for (const [payload, field] of cases) {
      const { status, body } = await call({ cookie: rep }, 'POST', '/v1/auth/tokens', payload);
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(body.code).toBe('REQUEST_INVALID');
      expect(body.details.field, JSON.stringify(payload)).toBe(field);
    }
    const ok = await call({ cookie: rep }, 'POST', '/v1/auth/tokens', {
      name: 'longest',
      scopes: ['authz'],
      expiresAt: inDays(90),
    });
    expect(ok.status).toBe(201);
  });

  it('expired and revoked tokens answer 401 with AUTH_TOKEN_EXPIRED and AUTH_TOKEN_REVOKED', async () => {
    const short = await createToken(rep, ['records:read'], { days: 1 });
    expect((await call({ bearer: short.token }, 'GET', '/v1/customers')).status).toBe(200);
    now += DAY;
    const expired = await call({ bearer: short.token }, 'GET', '/v1/customers');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      code: 'AUTH_TOKEN_EXPIRED',
      details: { tokenId: short.id },
    });
    expect(expired.headers['www-authenticate']).toContain('error="invalid_token"');

    now = TEST_NOW;
    const revokedOne = await createToken(rep, ['records:read']);
    const revoke = await call({ cookie: rep }, 'DELETE', `/v1/auth/tokens/${revokedOne.id}`);
    expect(revoke.status).toBe(204);
    const revoked = await call({ bearer: revokedOne.token }, 'GET', '/v1/customers');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('AUTH_TOKEN_REVOKED');
    const listed = await call({ cookie: rep }, 'GET', '/v1/auth/tokens');
    expect(listed.body.items.find((i: { id: string }) => i.id === revokedOne.id)).toMatchObject({
      status: 'revoked',
      revokedBy: 'lilei',
    });
  });

  it("a user cannot revoke another user's token (404), and an admin lists and revokes it", async () => {
    const { token, id } = await createToken(rep, ['records:read']);
    const manager = await t.login(emailOf('hanmeimei'));
    const foreign = await call({ cookie: manager }, 'DELETE', `/v1/auth/tokens/${id}`);
    expect(foreign.status).toBe(404);
    expect((await call({ bearer: token }, 'GET', '/v1/customers')).status).toBe(200);

    const notAdmin = await call({ cookie: manager }, 'GET', '/v1/admin/users/lilei/tokens');
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.code).toBe('PERMISSION_DENIED');

    const list = await call({ cookie: admin }, 'GET', '/v1/admin/users/lilei/tokens');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const wrongUser = await call(
      { cookie: admin },
      'DELETE',
      `/v1/admin/users/hanmeimei/tokens/${id}`,
    );
    expect(wrongUser.status).toBe(404);
    const revoke = await call({ cookie: admin }, 'DELETE', `/v1/admin/users/lilei/tokens/${id}`);
    expect(revoke.status).toBe(204);
    const refused = await call({ bearer: token }, 'GET', '/v1/customers');
    expect(refused.body.code).toBe('AUTH_TOKEN_REVOKED');
  });

  it('audits token.create and token.revoke with the actor, never the secret', async () => {
    const { token, id } = await createToken(rep, ['authz'], { name: 'audited' });
    await call({ cookie: admin }, 'DELETE', `/v1/admin/users/lilei/tokens/${id}`);
    const events = await listAuditEvents(t.database.db, t.demo.tenantId, { limit: 500 });
    const created = events.find((e) => e.action === 'token.create' && e.target === `token/${id}`);
    const revoked = events.find((e) => e.action === 'token.revoke' && e.target === `token/${id}`);
    expect(created).toMatchObject({
      actorId: 'lilei',
      after: { name: 'audited', scopes: ['authz'] },
    });
    expect(revoked).toMatchObject({ actorId: 'zhoumin', after: { revokedBy: 'zhoumin' } });
    const secret = token.split('_').slice(3).join('_');
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("losing a role shrinks the token at once: it is the owner's current permissions ∩ its scopes", async () => {
    const director = t.demo.company.model.users.find((u) => u.roleIds.includes('sales-director'));
    if (director === undefined) throw new Error('the demo has no sales director');
    const cookie = await t.login(emailOf(director.id));
    const { token } = await createToken(cookie, ['records:read', 'export']);
    const exported = await call({ bearer: token }, 'GET', '/v1/customers/export?format=json');
    expect(exported.status).toBe(200);
    const demote = await call({ cookie: admin }, 'PATCH', `/v1/admin/users/${director.id}`, {
      roleIds: ['sales-rep'],
    });
    expect(demote.status).toBe(200);
    const after = await call({ bearer: token }, 'GET', '/v1/customers/export?format=json');
    expect(after.status).toBe(403);
    expect(after.body).toMatchObject({
      code: 'PERMISSION_DENIED',
      details: { function: 'export' },
    });
    // Reading still works, as far as the sales-rep role now reaches.
    const reps = await call({ bearer: token }, 'GET', '/v1/customers?limit=200');
    expect(reps.status).toBe(200);
  });

  it("deactivating the owner revokes the owner's tokens at once (401 AUTH_TOKEN_REVOKED)", async () => {
    const userId = 'zhangwei';
    const cookie = await t.login(emailOf(userId));
    const { token, id } = await createToken(cookie, ['records:read']);
    expect((await call({ bearer: token }, 'GET', '/v1/customers')).status).toBe(200);
    const deactivate = await call(
      { cookie: admin },
      'POST',
      `/v1/admin/users/${userId}/deactivate`,
      {},
    );
    expect(deactivate.status).toBe(200);
    const refused = await call({ bearer: token }, 'GET', '/v1/customers');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH_TOKEN_REVOKED');
    const list = await call({ cookie: admin }, 'GET', `/v1/admin/users/${userId}/tokens`);
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'revoked',
      revokedBy: 'zhoumin',
    });
    // Reactivation does not bring them back.
    await call({ cookie: admin }, 'POST', `/v1/admin/users/${userId}/reactivate`, {});
    expect((await call({ bearer: token }, 'GET', '/v1/customers')).body.code).toBe(
      'AUTH_TOKEN_REVOKED',
    );
  });

  it('issues service tokens only to service principals, only by a user_admin, only with held scopes', async () => {
    const departmentId = t.demo.company.model.users.find((u) => u.id === 'lilei')?.departmentId;
    const created = await call({ cookie: admin }, 'POST', '/v1/admin/users', {
      id: 'svc-erp',
      name: 'ERP sync',
      departmentId,
      roleIds: ['sales-rep'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const body = { name: 'erp', scopes: ['records:read'], expiresAt: inDays(60) };

    const byRep = await call({ cookie: rep }, 'POST', '/v1/admin/users/svc-erp/tokens', body);
    expect(byRep.status).toBe(403);
    const toPerson = await call({ cookie: admin }, 'POST', '/v1/admin/users/lilei/tokens', body);
    expect(toPerson.status).toBe(400);
    expect(toPerson.body.details).toMatchObject({ field: 'params/id', reason: 'has_sign_in' });
    const unknown = await call({ cookie: admin }, 'POST', '/v1/admin/users/nobody/tokens', body);
    expect(unknown.status).toBe(404);
    const beyond = await call({ cookie: admin }, 'POST', '/v1/admin/users/svc-erp/tokens', {
      ...body,
      scopes: ['records:read', 'user_admin'],
    });
    expect(beyond.status).toBe(403);
    expect(beyond.body).toMatchObject({
      code: 'TOKEN_SCOPE_NOT_HELD',
      details: { scope: 'user_admin' },
    });

    const issued = await call({ cookie: admin }, 'POST', '/v1/admin/users/svc-erp/tokens', body);
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^custos_sat_/);
    expect(issued.body.apiToken).toMatchObject({
      kind: 'service',
      userId: 'svc-erp',
      createdBy: 'zhoumin',
    });
    const read = await call({ bearer: issued.body.token }, 'GET', '/v1/auth/me');
    expect(read.body.user.id).toBe('svc-erp');
    // A token (even an admin's) cannot mint a service token.
    const { token: adminToken } = await createToken(admin, ['user_admin']);
    const minted = await call(
      { bearer: adminToken },
      'POST',
      '/v1/admin/users/svc-erp/tokens',
      body,
    );
    expect(minted.status).toBe(403);
    expect(minted.body.code).toBe('AUTH_TOKEN_SCOPE');
    const listed = await call({ bearer: adminToken }, 'GET', '/v1/admin/users/svc-erp/tokens');
    expect(listed.status).toBe(200);
  });

  it("an admin's password reset and MFA reset revoke the user's tokens with their sessions", async () => {
    for (const [userId, route] of [
      ['lilei', 'reset-password'],
      ['hanmeimei', 'mfa/reset'],
    ] as const) {
      const cookie = await t.login(emailOf(userId));
      const { token } = await createToken(cookie, ['records:read']);
      expect((await call({ bearer: token }, 'GET', '/v1/customers')).status).toBe(200);
      const done = await call({ cookie: admin }, 'POST', `/v1/admin/users/${userId}/${route}`, {});
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const refused = await call({ bearer: token }, 'GET', '/v1/customers');
      expect(refused.body.code, route).toBe('AUTH_TOKEN_REVOKED');
      expect((await call({ cookie }, 'GET', '/v1/auth/me')).status, route).toBe(401);
    }
  });
});
