import { Buffer } from 'node:buffer';
import { AppError } from '../../http/app-error.ts';

/** Admin lists: rows per page when `limit` is not given, and the most a page may ask for. */
export const ADMIN_PAGE_SIZE = 50;
export const ADMIN_MAX_PAGE_SIZE = 500;

/** The query of an admin list: `limit`, `cursor` (a previous page's `nextCursor`), `q`. */
export interface AdminPageQuery {
  limit?: number;
  cursor?: string;
  /** Name contains, case-insensitive. */
  q?: string;
}

export interface AdminPage<T> {
  items: T[];
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
}

/** An entity list in id order, and by id. */
export interface EntityIndex<T> {
  readonly inIdOrder: readonly T[];
  readonly byId: ReadonlyMap<string, T>;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Keyed by the model's own array: built once per policy version and kind, then every page and
// every get of that version is a lookup and a slice, not a sort or a scan.
const indexes = new WeakMap<readonly { id: string }[], EntityIndex<{ id: string }>>();

/** The entities of one kind of a model, sorted by id and by id (cached per model array). */
export function entityIndex<T extends { id: string }>(items: readonly T[]): EntityIndex<T> {
  let index = indexes.get(items) as EntityIndex<T> | undefined;
  if (index === undefined) {
    const inIdOrder = [...items].sort((a, b) => byCodeUnits(a.id, b.id));
    const byId = new Map<string, T>();
    for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
    index = { inIdOrder, byId };
    indexes.set(items, index);
  }
  return index;
}

/** An opaque cursor: the kind of list and the last id served. */
export function encodeCursor(kind: string, lastId: string): string {
  return Buffer.from(JSON.stringify({ k: kind, a: lastId }), 'utf8').toString('base64url');
}

/** The last id a cursor of this kind of list names; REQUEST_INVALID for anything else. */
export function decodeCursor(kind: string, cursor: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { k, a } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
    k?: unknown;
    a?: unknown;
  };
  if (k !== kind || typeof a !== 'string') {
    throw new AppError('REQUEST_INVALID', `the cursor is not one of this ${kind} list`, {
      field: 'querystring/cursor',
    });
  }
  return a;
}

/** What `q` is matched against: the name, or the id of an entity without one (a grant). */
function searchTextOf(item: { id: string }): string {
  const name = (item as { name?: unknown }).name;
  return typeof name === 'string' ? name : item.id;
}

/**
 * One page of an admin list, in id order: the entities after the cursor whose name contains `q`
 * (case-insensitive), at most `limit` of them.
 */
export function adminPage<T extends { id: string }>(
  items: readonly T[],
  kind: string,
  query: AdminPageQuery,
): AdminPage<T> {
  const limit = Math.min(Math.max(query.limit ?? ADMIN_PAGE_SIZE, 1), ADMIN_MAX_PAGE_SIZE);
  const { inIdOrder } = entityIndex(items);
  let start = 0;
  if (query.cursor !== undefined) {
    const after = decodeCursor(kind, query.cursor);
    // Binary search: the first entity whose id sorts after the cursor's.
    let high = inIdOrder.length;
    while (start < high) {
      const mid = (start + high) >>> 1;
      if (byCodeUnits((inIdOrder[mid] as T).id, after) <= 0) start = mid + 1;
      else high = mid;
    }
  }
  const needle = query.q?.toLowerCase();
  const matches = (item: T): boolean =>
    needle === undefined || searchTextOf(item).toLowerCase().includes(needle);
  const page: T[] = [];
  let i = start;
  for (; i < inIdOrder.length && page.length < limit; i++) {
    const item = inIdOrder[i] as T;
    if (matches(item)) page.push(item);
  }
  // A cursor only when another match follows, so the last page says so itself.
  while (i < inIdOrder.length && !matches(inIdOrder[i] as T)) i++;
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: i < inIdOrder.length && last !== undefined ? encodeCursor(kind, last.id) : null,
  };
}
