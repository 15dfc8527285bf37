/**
 * Accounts over HTTP: an admin creates a user with an e-mail (one transaction with the user),
 * the user sets a password through the one-time link, admins invite and reset, users change
 * their password. Failure cases first-class: duplicate e-mails, used and expired links, weak
 * passwords, a wrong current password.
 */
import { DEMO_PASSWORD, listAuditEvents, listUnsentMessages } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, TEST_NOW, type TestApp } from '../../test-app.ts';

const ADMIN = 'zhou.min@yunshan.example';
const REP = 'li.lei@yunshan.example';
const HOUR = 3_600_000;
const GOOD = 'glacier orchard lantern 42';

let t: TestApp;
let now = TEST_NOW;
let admin: string;

async function call(
  cookie: string | undefined,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload: object = {},
) {
  const response = await t.app.inject({
    method,
    url,
    headers: cookie === undefined ? {} : { cookie },
    ...(method === 'GET' ? {} : { payload }),
  });
  return {
    status: response.statusCode,
    body: response.body === '' ? {} : response.json(),
    headers: response.headers,
    cookies: response.cookies,
  };
}

const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? '';

async function countRows(table: 'credentials' | 'password_links' | 'outbox'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('accounts', () => {
  beforeAll(async () => {
    t = await createTestApp({
      customers: 10,
      clock: () => now,
      config: { authRateLimitPerMinute: 1000, publicUrl: 'https://crm.yunshan.example' },
    });
    admin = await t.login(ADMIN);
  });
  afterAll(async () => {
    await t.close();
  });

  it('an admin creates a user with an e-mail: the invitation link and outbox message, one transaction', async () => {
    const created = await call(admin, 'POST', '/v1/admin/users', {
      id: 'hire-a',
      name: '王芳',
      departmentId: 'marketing',
      roleIds: ['sales-rep'],
      email: 'Wang.Fang@Yunshan.example',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ id: 'hire-a', status: 'active' });
    const { invitation } = created.body;
    expect(invitation).toMatchObject({
      userId: 'hire-a',
      email: 'Wang.Fang@Yunshan.example',
      purpose: 'invite',
      expiresAt: new Date(now + 72 * HOUR).toISOString(),
    });
    expect(invitation.link).toMatch(
      /^https:\/\/crm\.yunshan\.example\/set-password\?token=[\w-]{43}$/,
    );
    // The outbox holds the message an e-mail sender delivers: to, subject, the link, unsent.
    const [message] = (await listUnsentMessages(t.database.db, { tenantId: 'yunshan' })).filter(
      (m) => m.to === 'Wang.Fang@Yunshan.example',
    );
    expect(message).toMatchObject({ sentAt: null, createdAt: now });
    expect(message?.body).toContain(invitation.link);
    expect(message?.subject).toContain('云杉科技');
    // Only the token's hash is stored.
    const stored = await t.database.db.selectFrom('password_links').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(tokenOf(invitation.link));
    const account = await t.database.db
      .selectFrom('credentials')
      .selectAll()
      .where('user_id', '=', 'hire-a')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ status: 'invited', password_hash: null });
    // Invited, no password yet: signing in is the usual refusal.
    const early = await call(undefined, 'POST', '/v1/auth/login', {
      email: 'wang.fang@yunshan.example',
      password: GOOD,
    });
    expect(early.status).toBe(401);
    expect(early.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('a duplicate e-mail in the tenant is refused naming body/email and writes nothing', async () => {
    const before = await Promise.all([
      countRows('credentials'),
      countRows('password_links'),
      countRows('outbox'),
    ]);
    const version = (await call(admin, 'GET', '/v1/admin/users?limit=1')).body.version;
    const refused = await call(admin, 'POST', '/v1/admin/users', {
      id: 'hire-d',
      name: '李雷二',
      departmentId: 'marketing',
      email: 'LI.LEI@yunshan.example',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'body/email', reason: 'email_taken' },
    });
    const missing = await call(admin, 'GET', '/v1/admin/users/hire-d');
    expect(missing.status).toBe(404);
    expect((await call(admin, 'GET', '/v1/admin/users?limit=1')).body.version).toBe(version);
    expect(
      await Promise.all([
        countRows('credentials'),
        countRows('password_links'),
        countRows('outbox'),
      ]),
    ).toEqual(before);
    const malformed = await call(admin, 'POST', '/v1/admin/users', {
      name: '无邮箱',
      departmentId: 'marketing',
      email: 'not an e-mail',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.field).toBe('body/email');
  });

  it('the set-password link works once and expires', async () => {
    const created = await call(admin, 'POST', '/v1/admin/users', {
      id: 'hire-b',
      name: '赵新',
      departmentId: 'marketing',
      email: 'hire.b@yunshan.example',
    });
    expect(created.body, JSON.stringify(created.body)).toHaveProperty('invitation');
    const token = tokenOf(created.body.invitation.link);
    const set = await call(undefined, 'POST', '/v1/auth/password/set', { token, password: GOOD });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email: 'hire.b@yunshan.example', tenantId: 'yunshan' });
    await loginCookie(t.app, 'hire.b@yunshan.example', GOOD);
    const again = await call(undefined, 'POST', '/v1/auth/password/set', {
      token,
      password: 'another fine passphrase',
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      code: 'PASSWORD_LINK_INVALID',
      details: { field: 'body/token' },
    });
    const unknown = await call(undefined, 'POST', '/v1/auth/password/set', {
      token: 'x'.repeat(43),
      password: GOOD,
    });
    expect(unknown.body).toEqual(again.body);
    // A link past its lifetime is the same answer.
    const invited = await call(admin, 'POST', '/v1/admin/users/hire-b/invite', {
      email: 'hire.b@yunshan.example',
    });
    expect(invited.status).toBe(200);
    now += 72 * HOUR;
    try {
      const expired = await call(undefined, 'POST', '/v1/auth/password/set', {
        token: tokenOf(invited.body.invitation.link),
        password: 'yet another fine passphrase',
      });
      expect(expired.status).toBe(400);
      expect(expired.body).toEqual(again.body);
    } finally {
      now = TEST_NOW;
    }
    admin = await t.login(ADMIN);
  });

  it('set-password refuses a weak password with the reason and keeps the link', async () => {
    const created = await call(admin, 'POST', '/v1/admin/users', {
      id: 'hire-c',
      name: 'Qiao Sumner',
      departmentId: 'marketing',
      email: 'qs.hire@yunshan.example',
    });
    const token = tokenOf(created.body.invitation.link);
    for (const [password, reason] of [
      ['short one', 'too_short'],
      ['passwordpassword', 'common'],
      ['my name is Qiao Sumner, ok?', 'contains_name'],
      ['qs.hire is my address ok', 'contains_email'],
      ['yunshan forever and ever', 'contains_tenant'],
      ['x'.repeat(257), 'too_long'],
    ] as const) {
      const refused = await call(undefined, 'POST', '/v1/auth/password/set', { token, password });
      expect(refused.status, password).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'PASSWORD_REJECTED',
        details: { field: 'body/password', reason },
      });
      expect(refused.body.details.messages['zh-CN']).toEqual(expect.any(String));
    }
    const ok = await call(undefined, 'POST', '/v1/auth/password/set', { token, password: GOOD });
    expect(ok.status).toBe(200);
  });

  it('admin reset password: new link, old links die, the sessions end, audited; the admin never sets the password', async () => {
    const rep = await t.login(REP);
    const first = await call(admin, 'POST', '/v1/admin/users/lilei/reset-password');
    expect(first.status).toBe(200);
    expect(first.body.invitation).toMatchObject({
      purpose: 'reset',
      email: REP,
      expiresAt: new Date(now + 60 * 60_000).toISOString(),
    });
    expect(first.body.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await call(rep, 'GET', '/v1/auth/me')).status).toBe(401);
    const second = await call(admin, 'POST', '/v1/admin/users/lilei/reset-password');
    const old = await call(undefined, 'POST', '/v1/auth/password/set', {
      token: tokenOf(first.body.invitation.link),
      password: GOOD,
    });
    expect(old.body.code).toBe('PASSWORD_LINK_INVALID');
    // The old password still works until the user sets a new one: a reset is not a lockout.
    await loginCookie(t.app, REP, DEMO_PASSWORD);
    const set = await call(undefined, 'POST', '/v1/auth/password/set', {
      token: tokenOf(second.body.invitation.link),
      password: GOOD,
    });
    expect(set.status).toBe(200);
    await expect(loginCookie(t.app, REP, DEMO_PASSWORD)).rejects.toThrow(/401/);
    await loginCookie(t.app, REP, GOOD);
    const events = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'account.reset_password',
    });
    expect(events[0]).toMatchObject({ actorId: 'zhoumin', target: 'user/lilei' });
    expect(JSON.stringify(events)).not.toContain(tokenOf(second.body.invitation.link));
    // The admin API has no way to choose a password: an unknown property is refused.
    const choose = await call(admin, 'POST', '/v1/admin/users/lilei/invite', {
      email: REP,
      password: GOOD,
    });
    expect(choose.status).toBe(400);
    expect(choose.body.details.field).toBe('body/password');
    // A user without an account cannot be reset; an unknown user is 404.
    const noAccount = await call(admin, 'POST', '/v1/admin/users/hire-e/reset-password');
    expect(noAccount.status).toBe(404);
  });

  it('admin invites an existing user and ends their sessions; a non-admin may not', async () => {
    const rep = await t.login('zhang.wei@yunshan.example');
    const denied = await call(rep, 'POST', '/v1/admin/users/lilei/end-sessions');
    expect(denied.status).toBe(403);
    const victim = await loginCookie(t.app, REP, GOOD);
    const ended = await call(admin, 'POST', '/v1/admin/users/lilei/end-sessions');
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(1);
    expect((await call(victim, 'GET', '/v1/auth/me')).status).toBe(401);
    const [event] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'account.end_sessions',
    });
    expect(event).toMatchObject({ actorId: 'zhoumin', target: 'user/lilei' });
    // Invite: replaces the e-mail (the old one no longer signs in); taken e-mails are refused.
    const taken = await call(admin, 'POST', '/v1/admin/users/lilei/invite', {
      email: 'ZHOU.MIN@yunshan.example',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.details).toMatchObject({ field: 'body/email', reason: 'email_taken' });
    const invited = await call(admin, 'POST', '/v1/admin/users/lilei/invite', {
      email: 'lei.li@yunshan.example',
    });
    expect(invited.status).toBe(200);
    await expect(loginCookie(t.app, REP, GOOD)).rejects.toThrow(/401/);
    await loginCookie(t.app, 'lei.li@yunshan.example', GOOD);
    const unknown = await call(admin, 'POST', '/v1/admin/users/nobody/invite', {
      email: 'nobody@yunshan.example',
    });
    expect(unknown.status).toBe(404);
  });

  it('change password requires the current one, ends the other sessions and renews this one', async () => {
    const email = 'lei.li@yunshan.example';
    const other = await loginCookie(t.app, email, GOOD);
    const mine = await loginCookie(t.app, email, GOOD);
    const wrong = await call(mine, 'POST', '/v1/auth/password', {
      currentPassword: 'not my password at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({
      code: 'PASSWORD_CURRENT_WRONG',
      details: { field: 'body/currentPassword' },
    });
    const missing = await call(mine, 'POST', '/v1/auth/password', { newPassword: 'whatever x' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.field).toBe('body/currentPassword');
    const weak = await call(mine, 'POST', '/v1/auth/password', {
      currentPassword: GOOD,
      newPassword: 'too short',
    });
    expect(weak.body).toMatchObject({
      code: 'PASSWORD_REJECTED',
      details: { field: 'body/newPassword', reason: 'too_short' },
    });
    const changed = await call(mine, 'POST', '/v1/auth/password', {
      currentPassword: GOOD,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await call(other, 'GET', '/v1/auth/me')).status).toBe(401);
    // This session was renewed: the old cookie is over, the new one works.
    expect((await call(mine, 'GET', '/v1/auth/me')).status).toBe(401);
    const renewed = changed.cookies.find((c) => c.name === 'custos_session');
    expect(renewed?.value).toMatch(/^[\w-]{43}$/);
    const me = await call(`custos_session=${renewed?.value}`, 'GET', '/v1/auth/me');
    expect(me.status).toBe(200);
    await loginCookie(t.app, email, 'a brand new passphrase');
    const [event] = await listAuditEvents(t.database.db, 'yunshan', {
      action: 'auth.password_change',
    });
    expect(JSON.stringify(event)).not.toContain('brand new');
  });

  it('verifies the whole password: a changed last character or changed case is refused', async () => {
    const email = 'lei.li@yunshan.example';
    for (const attempt of [
      'a brand new passphrasE',
      'a brand new passphras',
      'A BRAND NEW PASSPHRASE',
    ])
      await expect(loginCookie(t.app, email, attempt), attempt).rejects.toThrow(/401/);
    // NFKC: the full-width form of the same password is the same password.
    await loginCookie(t.app, email, 'ａ ｂｒａｎｄ ｎｅｗ ｐａｓｓｐｈｒａｓｅ');
  });

  it('a password stays valid however long ago it was set (no expiry)', async () => {
    now = TEST_NOW + 3 * 365 * 24 * HOUR;
    try {
      await loginCookie(t.app, 'lei.li@yunshan.example', 'a brand new passphrase');
      await loginCookie(t.app, ADMIN, DEMO_PASSWORD);
    } finally {
      now = TEST_NOW;
    }
  });
});
