import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from '@custos/store';
import { enqueueJob } from '../../jobs/job-queue.ts';

/** The events an endpoint may subscribe to. `webhook.test` goes to an endpoint on demand. */
export const WEBHOOK_EVENTS = ['alert.created', 'alert.acknowledged'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'webhook.test';

/** The job that delivers one event to one endpoint. */
export const DELIVER_JOB = 'webhook.deliver';
/** Attempts per delivery and the first retry's delay (then 2×, 4× …: about 30 s … 8 min). */
export const DELIVERY_MAX_ATTEMPTS = 6;
export const DELIVERY_BACKOFF_MS = 30_000;

const ms = (d: Date | string | null): number | null =>
  d === null ? null : d instanceof Date ? d.getTime() : Date.parse(d);
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface WebhookEndpoint {
  id: string;
  tenantId: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: number;
  createdBy: string | null;
}

type EndpointRow = Record<string, unknown>;

function endpointFromRow(r: EndpointRow): WebhookEndpoint & { secret: string } {
  return {
    id: String(r['id']),
    tenantId: String(r['tenant_id']),
    name: String(r['name']),
    url: String(r['url']),
    secret: String(r['secret']),
    events: json(r['events']) as string[],
    enabled: Boolean(r['enabled']),
    createdAt: ms(r['created_at'] as Date) ?? 0,
    createdBy: (r['created_by'] as string | null) ?? null,
  };
}

/** A fresh signing secret: 32 random bytes, `whsec_` + Base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export async function createEndpoint(
  db: Kysely<StoreSchema>,
  input: { tenantId: string; name: string; url: string; events: string[]; by: string; now: number },
): Promise<WebhookEndpoint & { secret: string }> {
  const row = await db
    .insertInto('webhook_endpoints')
    .values({
      tenant_id: input.tenantId,
      id: `wh-${randomBytes(6).toString('hex')}`,
      name: input.name,
      url: input.url,
      secret: newWebhookSecret(),
      events: JSON.stringify(input.events),
      enabled: true,
      created_at: new Date(input.now),
      created_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return endpointFromRow(row as unknown as EndpointRow);
}

export async function listEndpoints(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => withoutSecret(endpointFromRow(r as unknown as EndpointRow)));
}

export function withoutSecret(e: WebhookEndpoint & { secret?: string }): WebhookEndpoint {
  return {
    id: e.id,
    tenantId: e.tenantId,
    name: e.name,
    url: e.url,
    events: e.events,
    enabled: e.enabled,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
  };
}

export async function findEndpoint(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<(WebhookEndpoint & { secret: string }) | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : endpointFromRow(row as unknown as EndpointRow);
}

export async function updateEndpoint(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
  change: { name?: string; url?: string; events?: string[]; enabled?: boolean; secret?: string },
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.url === undefined ? {} : { url: change.url }),
      ...(change.secret === undefined ? {} : { secret: change.secret }),
      ...(change.events === undefined ? {} : { events: JSON.stringify(change.events) }),
      ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEndpoint(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('webhook_endpoints')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * Queue `event` for `endpoints` (or every enabled endpoint subscribed to it): one delivery row and
 * one `webhook.deliver` job each, in the caller's transaction. Returns the delivery ids.
 */
export async function queueWebhookEvent(
  db: Kysely<StoreSchema>,
  input: {
    tenantId: string;
    event: WebhookEvent;
    data: Record<string, unknown>;
    now: number;
    alertId?: string;
    endpointId?: string;
  },
): Promise<string[]> {
  let q = db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('tenant_id', '=', input.tenantId)
    .where('enabled', '=', true);
  if (input.endpointId !== undefined) q = q.where('id', '=', input.endpointId);
  const endpoints = (await q.execute())
    .map((r) => endpointFromRow(r as unknown as EndpointRow))
    .filter((e) => input.endpointId !== undefined || e.events.includes(input.event));
  const ids: string[] = [];
  for (const endpoint of endpoints) {
    const inserted = await db
      .insertInto('webhook_deliveries')
      .values({
        tenant_id: input.tenantId,
        endpoint_id: endpoint.id,
        event: input.event,
        alert_id: input.alertId ?? null,
        body: '',
        status: 'pending',
        created_at: new Date(input.now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = String(inserted.id);
    const body = JSON.stringify({
      id,
      event: input.event,
      tenantId: input.tenantId,
      createdAt: new Date(input.now).toISOString(),
      data: input.data,
    });
    await db
      .updateTable('webhook_deliveries')
      .set({ body })
      .where('tenant_id', '=', input.tenantId)
      .where('id', '=', id)
      .execute();
    await enqueueJob(db, {
      tenantId: input.tenantId,
      name: DELIVER_JOB,
      payload: { deliveryId: id },
      uniqueKey: `delivery:${id}`,
      maxAttempts: DELIVERY_MAX_ATTEMPTS,
      backoffMs: DELIVERY_BACKOFF_MS,
      now: input.now,
    });
    ids.push(id);
  }
  return ids;
}

export interface DeliveryAttempt {
  attempt: number;
  at: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface Delivery {
  id: string;
  endpointId: string;
  event: string;
  alertId: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  createdAt: number;
  deliveredAt: number | null;
  body: string;
  log: DeliveryAttempt[];
}

export async function findDelivery(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<Omit<Delivery, 'log'> | undefined> {
  const r = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (r === undefined) return undefined;
  return {
    id: String(r.id),
    endpointId: r.endpoint_id,
    event: r.event,
    alertId: r.alert_id === null ? null : String(r.alert_id),
    status: r.status,
    attempts: r.attempts,
    createdAt: ms(r.created_at) ?? 0,
    deliveredAt: ms(r.delivered_at),
    body: r.body,
  };
}

/** An endpoint's latest deliveries with each attempt (the delivery log). */
export async function listDeliveries(
  db: Kysely<StoreSchema>,
  tenantId: string,
  endpointId: string,
  limit: number,
): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(
      'delivery_id',
      'in',
      rows.map((r) => String(r.id)),
    )
    .orderBy('attempt')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    endpointId: r.endpoint_id,
    event: r.event,
    alertId: r.alert_id === null ? null : String(r.alert_id),
    status: r.status,
    attempts: r.attempts,
    createdAt: ms(r.created_at) ?? 0,
    deliveredAt: ms(r.delivered_at),
    body: r.body,
    log: attempts
      .filter((a) => String(a.delivery_id) === String(r.id))
      .map((a) => ({
        attempt: a.attempt,
        at: ms(a.at) ?? 0,
        statusCode: a.status_code,
        durationMs: a.duration_ms,
        error: a.error,
      })),
  }));
}

/** Log one attempt and move the delivery on. */
export async function recordAttempt(
  db: Kysely<StoreSchema>,
  tenantId: string,
  deliveryId: string,
  attempt: DeliveryAttempt,
  status: 'pending' | 'delivered' | 'failed',
): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({
      tenant_id: tenantId,
      delivery_id: deliveryId,
      attempt: attempt.attempt,
      at: new Date(attempt.at),
      status_code: attempt.statusCode,
      duration_ms: Math.round(attempt.durationMs),
      error: attempt.error === null ? null : attempt.error.slice(0, 500),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'delivery_id', 'attempt']).doNothing())
    .execute();
  await db
    .updateTable('webhook_deliveries')
    .set({
      status,
      attempts: attempt.attempt,
      ...(status === 'delivered' ? { delivered_at: new Date(attempt.at) } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', deliveryId)
    .execute();
}
