import type { Database } from '@custos/store';

type Db = Database['db'];

/**
 * Run `work` in a transaction: the caller's, when `db` is one already (the CLI import writes all
 * its rows in one), else a new one (an API write). Either way the row lock, the write and its audit
 * event commit together or not at all.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((tx) => work(tx));
}
