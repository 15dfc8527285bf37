/**
 * Logs without secrets: a full run of the app with its real logger (every level) writing to a
 * stream, with planted passwords, cookies, tokens, field values, query values, and database
 * errors that carry them; none of the planted values may appear anywhere in the log.
 */
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createKeyring, upsertCredential, type Database } from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, MODULES, type AppModule } from '../app.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { loadDemo, type LoadedDemo } from '../seed/load-demo.ts';
import { loginCookie, TEST_NOW } from '../test-app.ts';
import {
  loggerOptions,
  REDACTED,
  scrubMessage,
  serializeError,
  urlWithoutQueryValues,
} from './log-options.ts';

/** Every value that must never reach the log. */
const PLANTED = {
  password: 'Planted-Password-b81f2c',
  wrongPassword: 'Planted-Wrong-93ad1e',
  cookie: 'plantedCookieValue4c7d',
  bearer: 'plantedBearerToken5e8f',
  csrf: 'plantedCsrfToken6a9b',
  field: 'PlantedFieldValue7d0c',
  query: 'plantedQueryValue8e1d',
  cursor: 'plantedCursor9f2e',
  unknownField: 'plantedUnknownField0a3f',
  badJson: 'plantedBadJson1b4a',
  dbCast: 'plantedDbCastParam2c5b',
  dbJson: 'plantedDbJsonParam3d6c',
} as const;

/** A route whose database error carries the value it was given (as a driver error would). */
const probe: AppModule = {
  name: 'probe',
  routes: async (app: FastifyInstance) => {
    app.post<{ Body: { kind: 'cast' | 'json'; value: string } }>(
      '/test/db-failure',
      { config: { permission: { kind: 'public' } } },
      async (request) => {
        const { kind, value } = request.body;
        const { db } = app.custos.database;
        if (kind === 'cast') await sql`select cast(${value} as integer) as n`.execute(db);
        // A server-side fault (SQLSTATE 42704, not client input) whose message quotes the value.
        else await sql`select current_setting(${value}) as s`.execute(db);
        return { ok: true };
      },
    );
  },
};

let database: Database;
let demo: LoadedDemo;
let app: FastifyInstance;
const chunks: string[] = [];

describe('logs without secrets', () => {
  beforeAll(async () => {
    database = await TEST_BACKENDS[0]!.open();
    const keyring = createKeyring({ kek: randomBytes(32) });
    demo = await loadDemo(database, {
      keyring,
      customers: 5,
      now: TEST_NOW,
      sharedPasswordHash: await hashPassword('not-the-planted-one'),
    });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildApp({
      database,
      keyring,
      clock: () => TEST_NOW,
      config: { logLevel: 'trace' },
      logStream: stream,
      modules: [...MODULES, probe],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('logs no planted password, cookie, token, field value or database parameter', async () => {
    const login = demo.logins.find((l) => l.userId === 'lilei') ?? demo.logins[0]!;
    await upsertCredential(database.db, {
      tenantId: demo.tenantId,
      userId: login.userId,
      email: login.email,
      passwordHash: await hashPassword(PLANTED.password),
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: login.email, password: PLANTED.wrongPassword },
    });
    expect(wrong.statusCode).toBe(401);
    const cookie = await loginCookie(app, login.email, PLANTED.password);
    const sessionToken = cookie.split('=')[1] ?? '';
    const csrf = await app.inject({ method: 'GET', url: '/v1/auth/csrf', headers: { cookie } });
    const realCsrf: string = csrf.json().token;

    const answers = [
      // A forged session cookie and a bearer token.
      await app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: `custos_session=${PLANTED.cookie}` },
      }),
      await app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { authorization: `Bearer ${PLANTED.bearer}` },
      }),
      // Query values: a search term and a cursor.
      await app.inject({
        method: 'GET',
        url: `/v1/customers?q=${PLANTED.query}&limit=5`,
        headers: { cookie },
      }),
      await app.inject({
        method: 'GET',
        url: `/v1/customers?cursor=${PLANTED.cursor}`,
        headers: { cookie },
      }),
      // A field value written, and a browser's request with a forged then the real CSRF token.
      await app.inject({
        method: 'POST',
        url: '/v1/customers',
        headers: { cookie },
        payload: { fields: { name: PLANTED.field } },
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/customers',
        headers: { cookie, origin: 'http://localhost', 'x-csrf-token': PLANTED.csrf },
        payload: { fields: { name: PLANTED.field } },
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/customers',
        headers: { cookie, origin: 'http://localhost', 'x-csrf-token': realCsrf },
        payload: { fields: { name: PLANTED.field } },
      }),
      // Validation errors: an unknown field, an extra property, bad JSON.
      await app.inject({
        method: 'POST',
        url: '/v1/customers',
        headers: { cookie },
        payload: { fields: { name: 'x', colour: PLANTED.unknownField } },
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: login.email, password: PLANTED.wrongPassword, extra: PLANTED.field },
      }),
      await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"${login.email}","password":"${PLANTED.badJson}`,
      }),
      // Database errors whose message, detail and context quote the parameter.
      await app.inject({
        method: 'POST',
        url: '/test/db-failure',
        payload: { kind: 'cast', value: PLANTED.dbCast },
      }),
      await app.inject({
        method: 'POST',
        url: '/test/db-failure',
        payload: { kind: 'json', value: PLANTED.dbJson },
      }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([
      401, 401, 200, 400, 201, 403, 201, 400, 400, 400, 400, 500,
    ]);
    // The caller of a failing request learns nothing of it either: bad input (a cast) is
    // REQUEST_INVALID naming only the SQLSTATE, a server fault is INTERNAL.
    const [badInput, fault] = answers.slice(-2);
    expect(badInput!.json()).toMatchObject({ code: 'REQUEST_INVALID' });
    expect(fault!.json()).toEqual({ code: 'INTERNAL', message: 'internal error', details: {} });
    for (const failed of [badInput!, fault!])
      expect(failed.body).not.toMatch(/planted|select|cast|integer|json|setting/i);
    const out = await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: { cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(204);

    const log = chunks.join('');
    const lines = log
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // The log is there and says what happened: every request (the 12 above, a failed and a
    // good sign-in, the CSRF token, the sign-out), its status, the failure.
    expect(lines.filter((l) => l.msg === 'incoming request')).toHaveLength(answers.length + 4);
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(answers.length + 4);
    // Only the server fault is a failure (bad input, even when the database finds it, is a 400).
    const failures = lines.filter((l) => l.msg === 'request failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.err).toMatchObject({ type: expect.any(String), code: '42704' });
    expect((failures[0]!.err as { message: string }).message).toContain(
      'unrecognized configuration parameter',
    );
    expect(log).toContain(`/v1/customers?q=${REDACTED}&limit=${REDACTED}`);
    expect(log).toContain('CSRF_TOKEN_INVALID');
    // And nothing planted, nor the real session token or its CSRF token.
    for (const [name, value] of Object.entries(PLANTED))
      expect(log.includes(value), `${name} (${value}) is in the log`).toBe(false);
    expect(log.includes(sessionToken), 'the session token is in the log').toBe(false);
    expect(log.includes(realCsrf), 'the CSRF token is in the log').toBe(false);
  });

  it('redacts secrets logged by hand under their usual names', () => {
    const written: string[] = [];
    const logger = pino(
      loggerOptions({ logLevel: 'info' }),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          written.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    logger.info(
      {
        password: PLANTED.password,
        token: PLANTED.bearer,
        headers: { authorization: `Bearer ${PLANTED.bearer}`, cookie: PLANTED.cookie },
        body: { fields: { name: PLANTED.field } },
        user: { password: PLANTED.wrongPassword, token: PLANTED.csrf },
        query: { parameters: [PLANTED.dbCast] },
      },
      'by hand',
    );
    const line = written.join('');
    expect(line).toContain('by hand');
    for (const value of Object.values(PLANTED)) expect(line).not.toContain(value);
  });

  it('keeps of a URL only the path and the names of its query parameters', () => {
    expect(urlWithoutQueryValues('/v1/customers?q=abc&cursor=xyz&flag')).toBe(
      `/v1/customers?q=${REDACTED}&cursor=${REDACTED}&flag=${REDACTED}`,
    );
    expect(urlWithoutQueryValues('/v1/customers')).toBe('/v1/customers');
  });

  it('keeps of a database error its code and identifiers, not the values it quotes', () => {
    expect(scrubMessage('invalid input syntax for type integer: "secret"')).toBe(
      `invalid input syntax for type integer: ${REDACTED}`,
    );
    expect(scrubMessage('Key (email)=(a@b.c) already exists.')).toBe(
      `Key ${REDACTED} already exists.`,
    );
    const error = Object.assign(new Error('duplicate key value violates "credentials_pkey"'), {
      code: '23505',
      detail: 'Key (email)=(secret@example.com) already exists.',
      where: 'SQL statement with secret@example.com',
      constraint: 'credentials_pkey',
      parameters: ['secret@example.com'],
    });
    const logged = serializeError(error);
    expect(logged).toMatchObject({ type: 'Error', code: '23505', constraint: 'credentials_pkey' });
    expect(JSON.stringify(logged)).not.toContain('secret@example.com');
  });
});
