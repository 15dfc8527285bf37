/**
 * The browser tests' harness: a Custos server on the demo company (PGlite in memory, a free port,
 * the built console at `/`), Debian's Chromium driven by playwright-core, sign-in, an axe-core
 * check, screenshots under `test-results/`, and the page's console errors collected.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  buildApp,
  hashPassword,
  keyringFromConfig,
  loadDemo,
  type Config,
  type LoadedDemo,
} from '@custos/server';
import { DEMO_PASSWORD, openPgliteDatabase, type Database } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureConsoleBuilt } from '../src/build/console-build.ts';

export { DEMO_PASSWORD };

/** "Now" of the browser tests' server: the demo's reference day. */
export const E2E_NOW = Date.UTC(2026, 5, 1);

/** Where screenshots go (the CI keeps the folder). */
export const TEST_RESULTS_DIR = join(import.meta.dirname, '../../../test-results');

/** The server's clock starts at `E2E_NOW` and runs (sessions age as in real life). */
const started = Date.now();

export interface ConsoleServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  demo: LoadedDemo;
  /** Move the server's clock ahead (expiries); sessions age with it. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/**
 * A server on the demo company with the console built, listening on 127.0.0.1:<free port>;
 * `config` overrides settings (a preview budget for a loaded machine, say).
 */
export async function startConsoleServer(
  options: { customers?: number; config?: Partial<Config>; fourEyes?: boolean } = {},
): Promise<ConsoleServer> {
  await ensureConsoleBuilt();
  const database = await openPgliteDatabase();
  const secret = 'e2e-secret-of-the-browser-tests-0123456789abcdef';
  // The demo's encrypted fields sealed with the keys the app derives from the same secret.
  const keyring = await keyringFromConfig({
    secret: options.config?.secret ?? secret,
    kekFile: undefined,
    shredLedger: undefined,
  });
  const demo = await loadDemo(database, {
    keyring,
    customers: options.customers ?? 200,
    now: E2E_NOW,
    sharedPasswordHash: await hashPassword(DEMO_PASSWORD),
    fourEyes: options.fourEyes ?? false,
  });
  let offset = 0;
  const app = await buildApp({
    database,
    logger: false,
    clock: () => E2E_NOW + (Date.now() - started) + offset,
    config: { secret, ...options.config },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    demo,
    advanceClock: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
/** Debian's Chromium (`apt-get install -y chromium`), or `CHROMIUM_PATH`. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium is not installed at ${path}: run \`apt-get update && apt-get install -y chromium\` (.ci/run does) or set CHROMIUM_PATH`,
    );
  return path;
}

/** Headless Chromium as this machine allows it (no sandbox as root, no background networking). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page at 1280×720 whose console errors and uncaught exceptions are collected. */
export async function newPage(
  browser: Browser,
  options: { locale?: 'zh-CN' | 'en-US' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: options.locale ?? 'zh-CN',
    // The console honours "reduce motion" (no opening and closing animations): a click never lands
    // on a popup still moving, however busy the machine is.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as an error. A 401 (nobody signed in yet: the console asks
    // `/v1/auth/me`) and a 404 (a record the user may not read) are answers the console expects
    // and shows in words; anything else (a 5xx, a 403, a script error) counts.
    const text = message.text();
    if (
      message.type() === 'error' &&
      !/^Failed to load resource: .* status of (401|404)\b/.test(text)
    )
      errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { context, page, errors };
}

/** Sign in through the console's sign-in page; resolves when the signed-in frame shows. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('signed-in-user').waitFor();
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Run axe-core (WCAG 2 A and AA rules) on the page as it is now; throws listing every serious or
 * critical violation.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Judge the screen at rest: no pointer hovering a button, no dialog or menu mid-animation
  // (a fading element fails colour contrast). Endless animations (a spinner) are not waited for.
  await page.mouse.move(0, 0);
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  // Evaluated through the DevTools protocol: the console's CSP (no inline script) stays on.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0)
    throw new Error(
      `${screen}: axe found ${serious.length} serious or critical violations:\n` +
        serious
          .map(
            (v) =>
              `- ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          )
          .join('\n'),
    );
}

/** Save a screenshot as `test-results/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(TEST_RESULTS_DIR, { recursive: true });
  const path = join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
