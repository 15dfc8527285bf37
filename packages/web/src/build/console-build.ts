import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The console package's folder, and the build folder the server serves at `/`. */
export const WEB_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const CONSOLE_DIST_DIR = join(WEB_DIR, 'dist');

/** Written last by a build: the newest source time it was built from. */
const STAMP_FILE = '.custos-build';
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

async function newestModification(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, await newestModification(join(path, entry)));
  }
  return newest;
}

/** The newest modification time of the console's sources (what a build depends on). */
export async function consoleSourcesTime(): Promise<number> {
  let newest = 0;
  for (const source of SOURCES) {
    const path = join(WEB_DIR, source);
    if (existsSync(path)) newest = Math.max(newest, await newestModification(path));
  }
  return newest;
}

/** True when the build is missing or older than its sources. */
export async function consoleBuildStale(): Promise<boolean> {
  const stamp = join(CONSOLE_DIST_DIR, STAMP_FILE);
  if (!existsSync(join(CONSOLE_DIST_DIR, 'index.html')) || !existsSync(stamp)) return true;
  const built = Number(await readFile(stamp, 'utf8'));
  return !(built >= (await consoleSourcesTime()));
}

/**
 * Build the console with Vite into `dist/` (a production build, hashed assets). Vite runs in a
 * child process with `NODE_ENV=production`: inside a test runner (`NODE_ENV=test`) an in-process
 * build would bundle React's and Ant Design's test modes (every generated id `test-id`).
 */
export async function buildConsole(): Promise<void> {
  const sourcesTime = await consoleSourcesTime();
  const vite = join(
    dirname(createRequire(join(WEB_DIR, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const { code, output } = await new Promise<{ code: number | null; output: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
        cwd: WEB_DIR,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, output: text }));
    },
  );
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output.trim()}`);
  await writeFile(join(CONSOLE_DIST_DIR, STAMP_FILE), String(sourcesTime));
}

/**
 * Build the console when it is missing or older than its sources (first start, or after an
 * update); otherwise nothing. `log` hears what happens.
 */
export async function ensureConsoleBuilt(log: (line: string) => void = () => {}): Promise<boolean> {
  if (!(await consoleBuildStale())) return false;
  const started = Date.now();
  log('Building the web console (first start, or its sources changed)…');
  await buildConsole();
  log(`Built the web console in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
