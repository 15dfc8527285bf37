/**
 * A PGlite data directory is held by the process that opens it: another process (spawned with
 * tsx) or a second open in the same process is refused at once with STORE_DATA_DIR_LOCKED, the
 * lock goes with `close`, and a lock left by a dead process is taken over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE } from './data-dir-lock.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { StoreError } from './store-error.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HOLDER = fileURLToPath(new URL('./hold-data-dir.ts', import.meta.url));

interface Holder {
  child: ChildProcess;
  /** The first line it printed: `held <pid>` or `refused <CODE>`. */
  line: Promise<string>;
  exited: Promise<number | null>;
}

function holdInChild(dataDir: string): Holder {
  // Node with tsx's loader (not the tsx wrapper): the child's pid is the holder's.
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) ok(out.split('\n')[0] as string);
    });
    child.once('exit', (code) => fail(new Error(`holder exited ${code} before a line: ${out}`)));
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, line, exited };
}

async function lockedError(work: Promise<unknown>): Promise<StoreError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('the PGlite data directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custos-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses at once a data directory another live process holds, and opens it once released', async () => {
    const holder = holdInChild(dir);
    expect(await holder.line).toBe(`held ${holder.child.pid}`);
    const started = Date.now();
    const error = await lockedError(openPgliteDatabase({ dataDir: dir, migrate: false }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('STORE_DATA_DIR_LOCKED');
    expect(error.details).toMatchObject({
      pid: holder.child.pid,
      lockFile: join(dir, DATA_DIR_LOCK_FILE),
    });
    expect(error.message).toContain(`in use by process ${holder.child.pid}`);

    holder.child.stdin?.end();
    expect(await holder.exited).toBe(0);
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
    const database = await openPgliteDatabase({ dataDir: dir, migrate: false });
    await database.close();
  }, 60_000);

  it('a second process is refused while this one holds the directory', async () => {
    const database = await openPgliteDatabase({ dataDir: dir });
    try {
      const other = holdInChild(dir);
      expect(await other.line).toBe('refused STORE_DATA_DIR_LOCKED');
      expect(await other.exited).toBe(3);
      // The holder's database is unharmed.
      const { rows } = await database.db
        .selectFrom('tenants')
        .select('id')
        .execute()
        .then((r) => ({ rows: r }));
      expect(rows).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('takes over a stale lock left by a process that died holding it', async () => {
    const holder = holdInChild(dir);
    expect(await holder.line).toBe(`held ${holder.child.pid}`);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const left = JSON.parse(await readFile(join(dir, DATA_DIR_LOCK_FILE), 'utf8'));
    expect(left.pid).toBe(holder.child.pid);

    const database = await openPgliteDatabase({ dataDir: dir, migrate: false });
    const now = JSON.parse(await readFile(join(dir, DATA_DIR_LOCK_FILE), 'utf8'));
    expect(now).toMatchObject({ pid: process.pid, hostname: hostname() });
    await database.close();
    expect(existsSync(join(dir, DATA_DIR_LOCK_FILE))).toBe(false);
  }, 60_000);

  it('takes over an unreadable lock file, and refuses a second open in the same process', async () => {
    await writeFile(join(dir, DATA_DIR_LOCK_FILE), 'not a lock');
    const database = await openPgliteDatabase({ dataDir: dir, migrate: false });
    try {
      const error = await lockedError(openPgliteDatabase({ dataDir: dir, migrate: false }));
      expect(error.details).toMatchObject({ pid: process.pid });
    } finally {
      await database.close();
    }
  }, 60_000);

  it('respects a lock held on another host (it cannot be checked)', async () => {
    await writeFile(
      join(dir, DATA_DIR_LOCK_FILE),
      JSON.stringify({ pid: 999_999, hostname: `not-${hostname()}` }),
    );
    const error = await lockedError(openPgliteDatabase({ dataDir: dir, migrate: false }));
    expect(error.message).toContain(`on host not-${hostname()}`);
  });
});
