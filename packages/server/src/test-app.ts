/**
 * The app as every HTTP test uses it: a fresh database (PGlite in memory, or a PostgreSQL test
 * database), the demo company loaded, and a `login` that returns the session cookie header.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, createKeyring, type Database } from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppModule } from './app.ts';
import type { Config } from './config.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './http/session-cookie.ts';
import { hashPassword } from './modules/auth/password.ts';
import { loadDemo, type LoadedDemo } from './seed/load-demo.ts';

/** "Now" of the test apps: 2026-06-01T00:00:00Z, the demo's reference day. */
export const TEST_NOW = Date.UTC(2026, 5, 1);

let demoPasswordHash: Promise<string> | undefined;

/** One Argon2id hash of the demo password per test process (login still verifies it). */
function sharedDemoPasswordHash(): Promise<string> {
  demoPasswordHash ??= hashPassword(DEMO_PASSWORD);
  return demoPasswordHash;
}

export interface TestAppOptions {
  backend?: 'pglite' | 'postgres';
  /** Demo customers (default 200). */
  customers?: number;
  /** Default: always `TEST_NOW`. */
  clock?: () => number;
  config?: Partial<Config>;
  modules?: readonly AppModule[];
  /** Load the demo's four eyes (on for roles and sharing rules, one change waiting); default off. */
  fourEyes?: boolean;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  demo: LoadedDemo;
  /** Sign in as a demo login (password `DEMO_PASSWORD`); the `cookie` header to send. */
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const backendName = options.backend ?? 'pglite';
  const backend = TEST_BACKENDS.find((b) => b.name === backendName);
  if (backend === undefined) throw new Error(`no test backend ${backendName}`);
  const clock = options.clock ?? (() => TEST_NOW);
  const database = await backend.open();
  // One keyring (a random KEK) for the demo's loader and the app, as `custos demo` shares one.
  const keyring = createKeyring({ kek: randomBytes(32), clock });
  try {
    const demo = await loadDemo(database, {
      keyring,
      customers: options.customers ?? 200,
      now: clock(),
      sharedPasswordHash: await sharedDemoPasswordHash(),
      fourEyes: options.fourEyes ?? false,
    });
    const app = await buildApp({
      database,
      clock,
      keyring,
      logger: false,
      ...(options.config === undefined ? {} : { config: options.config }),
      ...(options.modules === undefined ? {} : { modules: options.modules }),
    });
    return {
      app,
      database,
      demo,
      login: (email) => loginCookie(app, email),
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Sign in through the API; the `cookie` request header carrying the session. */
export async function loginCookie(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find(
    (c) => c.name === SESSION_COOKIE || c.name === SECURE_SESSION_COOKIE,
  );
  if (cookie === undefined) throw new Error(`login as ${email} set no session cookie`);
  return `${cookie.name}=${cookie.value}`;
}
