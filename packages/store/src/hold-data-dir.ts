/**
 * A process that opens a PGlite data directory and holds it (for `data-dir-lock.test.ts`): run
 * with `tsx hold-data-dir.ts <dataDir>`; prints `held <pid>` once open, or `refused <CODE>` and
 * exits 3 when the directory is held elsewhere; closes and exits when its stdin ends.
 */
import { openPgliteDatabase } from './pglite-database.ts';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: hold-data-dir.ts <dataDir>');
try {
  const database = await openPgliteDatabase({ dataDir, migrate: false });
  process.stdout.write(`held ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void database.close().then(() => process.exit(0));
  });
} catch (error) {
  process.stdout.write(`refused ${(error as { code?: string }).code ?? 'unknown'}\n`);
  process.exit(3);
}
