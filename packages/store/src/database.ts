import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/**
 * The store's narrow port to PostgreSQL: a typed Kysely instance over the schema, whichever
 * backend (PGlite in-process, or a PostgreSQL server) runs underneath.
 */
export interface Database {
  readonly backend: 'pglite' | 'postgres';
  readonly db: Kysely<StoreSchema>;
  /** Run the migrations up to the latest. */
  migrate(): Promise<void>;
  /**
   * Call `onMessage` with the payload of every `NOTIFY` on `channel` (PostgreSQL: one dedicated
   * connection, reconnected when it drops; PGlite: in process). Resolves once listening; the
   * returned function stops.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
