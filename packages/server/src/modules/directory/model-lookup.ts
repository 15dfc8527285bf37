import { AppError } from '../../http/app-error.ts';

/** Index of the item with `id`, or NOT_FOUND naming the kind. */
export function indexOfId<T extends { id: string }>(
  items: readonly T[],
  id: string,
  kind: string,
): number {
  const i = items.findIndex((item) => item.id === id);
  if (i < 0) throw new AppError('NOT_FOUND', `no ${kind} "${id}"`, { kind, id });
  return i;
}

/** The item with `id`, or NOT_FOUND naming the kind. */
export function findById<T extends { id: string }>(
  items: readonly T[],
  id: string,
  kind: string,
): T {
  return items[indexOfId(items, id, kind)] as T;
}

/** CONFLICT when an item with `id` exists already. */
export function assertNewId(items: readonly { id: string }[], id: string, kind: string): void {
  if (items.some((item) => item.id === id)) {
    throw new AppError('CONFLICT', `${kind} "${id}" exists already`, {
      kind,
      id,
      field: 'body/id',
    });
  }
}

/** A copy of `items` with the item at `i` replaced. */
export function replaceAt<T>(items: readonly T[], i: number, item: T): T[] {
  return items.map((x, k) => (k === i ? item : x));
}

/** A copy of `items` without the item at `i`. */
export function removeAt<T>(items: readonly T[], i: number): T[] {
  return items.filter((_, k) => k !== i);
}
