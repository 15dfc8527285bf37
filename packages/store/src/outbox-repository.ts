import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/** An e-mail message waiting for (or delivered by) an external sender. */
export interface OutboxMessage {
  id: string;
  tenantId: string;
  to: string;
  subject: string;
  body: string;
  createdAt: number;
  sentAt: number | null;
}

/** Queue a message (in the caller's transaction); returns its id. */
export async function enqueueMessage(
  db: Kysely<StoreSchema>,
  message: { tenantId: string; to: string; subject: string; body: string; now: number },
): Promise<string> {
  const row = await db
    .insertInto('outbox')
    .values({
      tenant_id: message.tenantId,
      to_address: message.to,
      subject: message.subject,
      body: message.body,
      created_at: new Date(message.now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));

/** The messages not sent yet, oldest first (what a sender reads). */
export async function listUnsentMessages(
  db: Kysely<StoreSchema>,
  options: { tenantId?: string; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .orderBy('id')
    .limit(options.limit ?? 100);
  if (options.tenantId !== undefined) query = query.where('tenant_id', '=', options.tenantId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: String(r.id),
    tenantId: r.tenant_id,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    createdAt: millis(r.created_at),
    sentAt: r.sent_at === null ? null : millis(r.sent_at),
  }));
}

/** Record that a sender delivered the message at `now`. */
export async function markMessageSent(
  db: Kysely<StoreSchema>,
  id: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ sent_at: new Date(now) })
    .where('id', '=', id)
    .execute();
}
