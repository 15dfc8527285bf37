import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteDatabase, type Database } from '@custos/store';
import { captureIo, type CapturedIo, type CliIo } from './cli-io.ts';
import { run } from './run.ts';

/** The clock of every test run: the demo company's dates are relative to it. */
export const TEST_NOW = Date.UTC(2026, 5, 1);

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** A temporary directory with a PGlite data directory in it, and `custos` run in-process there. */
export interface CliSandbox {
  dir: string;
  dataDir: string;
  run(argv: readonly string[], io?: Partial<CliIo>): Promise<RunResult>;
  /** Open the sandbox's database directly (no command may be running). */
  withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

export async function cliSandbox(): Promise<CliSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'custos-cli-'));
  const dataDir = join(dir, 'data');
  return {
    dir,
    dataDir,
    run: async (argv, overrides = {}) => {
      const io: CapturedIo = captureIo({ cwd: dir, now: () => TEST_NOW, ...overrides });
      const code = await run(['--data-dir', dataDir, ...argv], io);
      return { code, out: io.out(), err: io.err() };
    },
    withDatabase: async (work) => {
      const database = await openPgliteDatabase({ dataDir });
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
