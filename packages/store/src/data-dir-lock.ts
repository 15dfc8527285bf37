import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StoreError } from './store-error.ts';

/** The lock file in a PGlite data directory: `{ pid, hostname, at }` of the process holding it. */
export const DATA_DIR_LOCK_FILE = 'custos.lock';

/** A held data directory; `release` lets it go (only if the lock is still this process's). */
export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  hostname: string;
  at?: string;
}

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (
      Number.isSafeInteger(value.pid) &&
      (value.pid as number) > 0 &&
      typeof value.hostname === 'string'
    )
      return value as Holder;
  } catch {
    // not a lock this code wrote: stale
  }
  return undefined;
}

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/**
 * Hold a PGlite data directory for this process, or refuse at once (`STORE_DATA_DIR_LOCKED`):
 * PGlite is one process's database, and a second opener crashes it (`Aborted()`). The lock is
 * `<dataDir>/custos.lock`, created atomically (written aside, then hard-linked into place) with
 * the holder's pid and host. A lock whose process is gone (same host, pid not running) is stale
 * and taken over; a lock from another host cannot be checked and is respected. The same process
 * opening the directory twice is refused too.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, DATA_DIR_LOCK_FILE);
  const mine = JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    at: new Date().toISOString(),
  });
  const unique = () => `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const aside = unique();
    await writeFile(aside, mine, { flag: 'wx' });
    try {
      await link(aside, path);
      return {
        path,
        release: async () => {
          const now = await readFile(path, 'utf8').catch(() => undefined);
          if (now === mine) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw error;
    } finally {
      await unlink(aside).catch(() => undefined);
    }
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      if (errno(error) === 'ENOENT') return undefined; // released meanwhile: try again
      throw error;
    });
    if (text === undefined) continue;
    const holder = holderOf(text);
    if (holder !== undefined && (holder.hostname !== hostname() || isAlive(holder.pid))) {
      const where = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
      throw new StoreError(
        'STORE_DATA_DIR_LOCKED',
        `the data directory ${dir} is in use by process ${holder.pid}${where} (a running Custos server?); ` +
          `if no such process runs, remove ${path}`,
        { dataDir: dir, pid: holder.pid, hostname: holder.hostname, lockFile: path },
      );
    }
    // Stale (its process is gone, or unreadable): move it away, and put it back if what was moved
    // is not what was judged stale (another process took over in between).
    const stale = `${unique()}.stale`;
    try {
      await rename(path, stale);
    } catch (error) {
      if (errno(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = await readFile(stale, 'utf8').catch(() => undefined);
    if (moved !== text) await link(stale, path).catch(() => undefined);
    await unlink(stale).catch(() => undefined);
  }
  throw new StoreError(
    'STORE_DATA_DIR_LOCKED',
    `the data directory ${dir} is being opened by other processes; try again`,
    { dataDir: dir, lockFile: path },
  );
}
