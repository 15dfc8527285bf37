import type { Kysely } from 'kysely';
import { enqueueMessage } from './outbox-repository.ts';
import type { StoreSchema } from './schema.ts';

/** An in-app notification: `kind` names the event, `params` fill the reader's words for it. */
export interface Notification {
  id: string;
  tenantId: string;
  userId: string;
  /** A stable dotted name: `request.submitted`, `request.approved`, `review.reminder`, … */
  kind: string;
  params: Record<string, unknown>;
  /** A console path to follow, e.g. `/requests/42`. */
  link: string | null;
  createdAt: number;
  readAt: number | null;
}

/** What to notify; `email` also queues an e-mail in the outbox (same transaction). */
export interface NewNotification {
  tenantId: string;
  userId: string;
  kind: string;
  params: Record<string, unknown>;
  link?: string | null;
  now: number;
  email?: { to: string; subject: string; body: string };
}

/** Notify one user (pass the transaction that makes the change); returns the notification id. */
export async function notifyUser(db: Kysely<StoreSchema>, n: NewNotification): Promise<string> {
  const row = await db
    .insertInto('notifications')
    .values({
      tenant_id: n.tenantId,
      user_id: n.userId,
      kind: n.kind,
      params: JSON.stringify(n.params),
      link: n.link ?? null,
      created_at: new Date(n.now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (n.email !== undefined) {
    await enqueueMessage(db, { tenantId: n.tenantId, ...n.email, now: n.now });
  }
  return String(row.id);
}

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/** A user's notifications, newest first; `beforeId` pages on. */
export async function listNotifications(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  options: { unreadOnly?: boolean; limit?: number; beforeId?: string } = {},
): Promise<Notification[]> {
  let query = db
    .selectFrom('notifications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50);
  if (options.unreadOnly === true) query = query.where('read_at', 'is', null);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: String(r.id),
    tenantId: r.tenant_id,
    userId: r.user_id,
    kind: r.kind,
    params: (typeof r.params === 'string' ? JSON.parse(r.params) : r.params) as Record<
      string,
      unknown
    >,
    link: r.link,
    createdAt: millis(r.created_at),
    readAt: r.read_at === null ? null : millis(r.read_at),
  }));
}

/** How many unread notifications a user has. */
export async function countUnreadNotifications(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Mark a user's notifications read (the given ids, or all); returns how many changed. */
export async function markNotificationsRead(
  db: Kysely<StoreSchema>,
  tenantId: string,
  userId: string,
  ids: readonly string[] | 'all',
  now: number,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: new Date(now) })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', [...ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
