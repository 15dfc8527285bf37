import { OBJECT_CATALOGUE, OBJECT_TYPES, type ObjectTable, type ObjectType } from '@custos/engine';

/** The table holding each object's records (from the engine's object catalogue). */
export const RECORD_TABLE = Object.fromEntries(
  OBJECT_TYPES.map((object) => [object, OBJECT_CATALOGUE[object].table]),
) as { readonly [T in ObjectType]: (typeof OBJECT_CATALOGUE)[T]['table'] };

export type RecordTable = ObjectTable;

export const RECORD_TABLES: readonly RecordTable[] = Object.values(RECORD_TABLE);
