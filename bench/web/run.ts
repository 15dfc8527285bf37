/**
 * `npm run bench:web [-- --loads=20]`: the web console's benchmark (issue 9).
 *
 * 1. Builds the console (Vite, production, into a temporary folder with its manifest) and
 *    reports the gzip size of the first route — the JS and CSS the sign-in page and the customer
 *    list load: `index.html`'s entry, every chunk it imports statically, and the customer list's
 *    page chunk with its static imports — against the target ≤ 400 KB, then each lazy chunk.
 * 2. Starts a server on the demo company (PGlite in memory, as the browser tests do), drives
 *    Debian's Chromium headless and times, with the Performance API in the page, how long a
 *    usable customer list takes: (a) a signed-in cold load of `/records/customers` (fresh browser
 *    context: empty cache) from navigation start to the first row, (b) from pressing "sign in" on
 *    the sign-in page to the first row. `--loads` of each (default 20, one untimed first); prints
 *    p50/p95 against the target p95 ≤ 1 s.
 *
 * A missed target is reported (MISS), not fatal; the run fails when the build or the page does.
 * No timing is asserted in tests. Documented in bench/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp, hashPassword, loadDemo } from '@custos/server';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, createKeyring, openPgliteDatabase } from '@custos/store';
import { ensureConsoleBuilt, WEB_DIR } from '@custos/web';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatTable, percentile } from '../engine/timing.ts';
import {
  entryKey,
  formatKb,
  lazyChunks,
  staticClosure,
  totalSize,
  type Manifest,
} from './bundle-size.ts';

const TARGET_FIRST_ROUTE_GZIP = 400 * 1024;
const TARGET_P95_MS = 1000;
/** The customer list's page module (its route chunk), as the manifest names it. */
const LIST_PAGE = 'src/records/record-list-page.tsx';
/** A row of the customer list (the records screens mark each record's link). */
const DEFAULT_ROW_SELECTOR = '[data-testid="record-link"]';
const DEMO_NOW = Date.UTC(2026, 5, 1);
const EMAIL = 'zhou.min@yunshan.example';

function option(name: string, fallback: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? fallback : arg.slice(name.length + 3);
}
const loads = Number(option('loads', '20'));
const rowSelector = option('selector', DEFAULT_ROW_SELECTOR);
if (!Number.isInteger(loads) || loads < 1 || loads > 1000) {
  console.error('--loads must be an integer from 1 to 1000');
  process.exit(2);
}
const log = (line = ''): void => console.log(line);
const status = (text: string): void => void process.stderr.write(`  … ${text}\n`);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

log('Custos web console benchmark');
log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
);
log('');

// --- 1. Bundle sizes. ---------------------------------------------------------------------------
status('building the console');
const outDir = await mkdtemp(path.join(os.tmpdir(), 'custos-web-bench-'));
const built = performance.now();
const { build } = await import('vite');
await build({
  configFile: path.join(WEB_DIR, 'vite.config.ts'),
  root: WEB_DIR,
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true, manifest: true },
});
const buildMs = performance.now() - built;
const manifest = JSON.parse(
  readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
) as Manifest;
const read = (file: string): Uint8Array => readFileSync(path.join(outDir, file));

// What index.html loads by itself: its module script, modulepreloads and stylesheets. They must
// be the entry's static closure (the manifest's view of the same thing).
const entry = entryKey(manifest);
const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
const fromHtml = new Set(
  [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  ),
);
const entryFiles = staticClosure(manifest, [entry]);
const missing = [...entryFiles].filter((f) => !fromHtml.has(f));
const extra = [...fromHtml].filter((f) => !entryFiles.has(f));
if (missing.length > 0 || extra.length > 0) {
  console.error(
    `index.html and the manifest disagree: not in index.html ${missing.join(', ') || '—'}; ` +
      `not in the manifest's entry ${extra.join(', ') || '—'}`,
  );
  process.exit(1);
}
if (manifest[LIST_PAGE] === undefined) {
  console.error(`the manifest has no chunk for the customer list page (${LIST_PAGE})`);
  process.exit(1);
}
const firstRoute = staticClosure(manifest, [entry, LIST_PAGE]);
const entrySize = totalSize(entryFiles, read);
const firstSize = totalSize(firstRoute, read);
log(`Bundle (vite build in ${(buildMs / 1000).toFixed(1)} s; gzip level 9; KB = 1,024 bytes)`);
log(
  formatTable(
    ['what', 'files', 'raw', 'gzip', 'target', ''],
    [
      [
        'index.html loads (sign-in page)',
        String(entrySize.files),
        formatKb(entrySize.bytes),
        formatKb(entrySize.gzip),
        '',
        '',
      ],
      [
        'first route (+ customer list)',
        String(firstSize.files),
        formatKb(firstSize.bytes),
        formatKb(firstSize.gzip),
        `≤ ${formatKb(TARGET_FIRST_ROUTE_GZIP)}`,
        verdict(firstSize.gzip <= TARGET_FIRST_ROUTE_GZIP),
      ],
    ],
  ),
);
log('');
const lazy = lazyChunks(manifest, firstRoute).map((c) => ({
  key: c.key,
  own: totalSize([c.file], read),
  adds: totalSize(c.extraFiles, read),
}));
log(`Lazy chunks (${lazy.length}): the page's own file, and all it adds to the first route`);
log(
  formatTable(
    ['chunk', 'own gzip', 'adds (files)', 'adds gzip'],
    lazy.map((c) => [c.key, formatKb(c.own.gzip), String(c.adds.files), formatKb(c.adds.gzip)]),
  ),
);
log('');
await rm(outDir, { recursive: true, force: true });

// --- 2. Time to a usable customer list in Chromium. ----------------------------------------------
status('starting the demo server');
await ensureConsoleBuilt((line) => status(line));
const database = await openPgliteDatabase();
const keyring = createKeyring({ kek: randomBytes(32) });
await loadDemo(database, {
  keyring,
  customers: 200,
  now: DEMO_NOW,
  sharedPasswordHash: await hashPassword(DEMO_PASSWORD),
});
const started = Date.now();
const app = await buildApp({
  database,
  keyring,
  logger: false,
  clock: () => DEMO_NOW + (Date.now() - started),
  // 40 sign-ins in a minute from one address: past the default rate limit of sign-in.
  config: {
    secret: 'bench-web-secret-of-the-benchmark-0123456789abcdef',
    authRateLimitPerMinute: 1000,
  },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/**
 * performance.now() in the page once a list row exists. The console's CSP forbids eval, so no
 * page-side predicate: wait for the row, then read the page's clock (DevTools protocol).
 */
async function firstRowAt(page: Page): Promise<number> {
  await page.waitForSelector(rowSelector, { timeout: 20_000 });
  return (await page.evaluate('performance.now()')) as number;
}

async function freshPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return { page: await context.newPage(), close: () => context.close() };
}

/** (a) Signed in, a cold load of the list: navigation start → first row. */
async function coldListLoad(): Promise<number> {
  const { page, close } = await freshPage();
  const login = await page.request.post(`${url}/v1/auth/login`, {
    data: { email: EMAIL, password: DEMO_PASSWORD },
  });
  if (login.status() !== 200) throw new Error(`sign-in answered ${login.status()}`);
  await page.goto(`${url}/records/customers`, { waitUntil: 'commit' });
  const ms = await firstRowAt(page);
  await close();
  return ms;
}

/** (b) On the sign-in page: pressing "sign in" → first row of the list it opens. */
async function signInToList(): Promise<number> {
  const { page, close } = await freshPage();
  await page.goto(`${url}/login`);
  await page.locator('input[autocomplete="username"]').fill(EMAIL);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  const pressed = (await page.evaluate('performance.now()')) as number;
  await page.locator('button[type="submit"]').click();
  const ms = (await firstRowAt(page)) - pressed;
  await close();
  return ms;
}

const runs = { cold: [] as number[], signIn: [] as number[] };
try {
  status('warming up (one untimed load of each)');
  await coldListLoad();
  await signInToList();
  for (let i = 0; i < loads; i++) {
    status(`load ${i + 1} of ${loads}`);
    runs.cold.push(await coldListLoad());
    runs.signIn.push(await signInToList());
  }
} catch (error) {
  console.error(
    `The customer list did not render (waiting for ${rowSelector}): ${(error as Error).message}`,
  );
  await browser.close();
  await app.close();
  await database.close();
  process.exit(1);
}
await browser.close();
await app.close();
await database.close();

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
};
const cold = summary(runs.cold);
const signIn = summary(runs.signIn);
const ms = (x: number): string => `${Math.round(x)} ms`;
log(
  `Time to a usable customer list (Chromium headless, 1280×720, demo company 200 customers, ` +
    `${loads} loads each after one untimed; performance.now() in the page at the first frame ` +
    `showing a row)`,
);
log(
  formatTable(
    ['measure', 'p50', 'p95', 'max', 'target p95', ''],
    [
      [
        'signed in, cold load (navigation → first row)',
        ms(cold.p50),
        ms(cold.p95),
        ms(cold.max),
        `≤ ${ms(TARGET_P95_MS)}`,
        verdict(cold.p95 <= TARGET_P95_MS),
      ],
      [
        'sign-in pressed → first row',
        ms(signIn.p50),
        ms(signIn.p95),
        ms(signIn.max),
        `≤ ${ms(TARGET_P95_MS)}`,
        verdict(signIn.p95 <= TARGET_P95_MS),
      ],
    ],
  ),
);

const resultsDir = fileURLToPath(new URL('../results', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, 'web.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      buildMs,
      entry: entrySize,
      firstRoute: { ...firstSize, targetGzip: TARGET_FIRST_ROUTE_GZIP },
      lazy,
      loads,
      coldLoad: { ...cold, runs: runs.cold },
      signInToList: { ...signIn, runs: runs.signIn },
      targetP95Ms: TARGET_P95_MS,
    },
    null,
    2,
  ),
);
log('');
log(`Results written to bench/results/web.json`);
