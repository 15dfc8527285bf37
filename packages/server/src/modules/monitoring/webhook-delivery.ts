import type { JobServices, RunningJob } from '../../jobs/job-registry.ts';
import { signatureHeader, SIGNATURE_HEADER } from './webhook-signature.ts';
import { findDelivery, findEndpoint, recordAttempt } from './webhook-store.ts';
import { resolveWebhookTarget } from './webhook-address.ts';
import { postPinned } from './webhook-post.ts';

/**
 * The `webhook.deliver` job: POST the delivery's JSON body to its endpoint, signed
 * (`x-custos-signature: t=…,v1=…`, HMAC-SHA256 over `t.body`), to a public address unless the host
 * is allow-listed (resolved once, then pinned), no redirects followed, within
 * `webhookTimeoutMs`. Every attempt is logged; a non-2xx answer or an error fails the attempt, and
 * the job runner retries it with exponential backoff; after the last attempt the delivery is
 * `failed`.
 */
export async function deliverWebhook(services: JobServices, job: RunningJob): Promise<void> {
  const db = services.database.db;
  const { deliveryId } = job.payload as { deliveryId: string };
  const delivery = await findDelivery(db, job.tenantId, deliveryId);
  if (delivery === undefined || delivery.status !== 'pending') return;
  const endpoint = await findEndpoint(db, job.tenantId, delivery.endpointId);
  const last = job.attempt >= job.maxAttempts;
  const at = services.clock();
  if (endpoint === undefined || !endpoint.enabled) {
    await recordAttempt(
      db,
      job.tenantId,
      deliveryId,
      {
        attempt: job.attempt,
        at,
        statusCode: null,
        durationMs: 0,
        error: 'endpoint deleted or disabled',
      },
      'failed',
    );
    return;
  }
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  const url = new URL(endpoint.url);
  try {
    // Resolved and vetted at each attempt, then pinned for the connection (docs/monitoring.md).
    const target = await resolveWebhookTarget(url.hostname, services.config.webhookAllowedHosts);
    statusCode = await postPinned(
      url,
      target,
      {
        'content-type': 'application/json',
        'user-agent': 'Custos-Webhook/1',
        'x-custos-event': delivery.event,
        'x-custos-delivery': delivery.id,
        [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, at, delivery.body),
      },
      delivery.body,
      AbortSignal.any([AbortSignal.timeout(services.config.webhookTimeoutMs), services.signal]),
    );
    if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
  } catch (thrown) {
    const code = (thrown as { code?: string }).code;
    error =
      thrown instanceof Error
        ? `${thrown.name === 'TimeoutError' || code === 'ABORT_ERR' ? 'timed out' : thrown.message}${code === undefined || code === 'ABORT_ERR' ? '' : ` (${code})`}`
        : String(thrown);
  }
  const durationMs = performance.now() - started;
  const status = error === null ? 'delivered' : last ? 'failed' : 'pending';
  await recordAttempt(
    db,
    job.tenantId,
    deliveryId,
    { attempt: job.attempt, at, statusCode, durationMs, error },
    status,
  );
  if (error !== null) throw new Error(`delivery ${deliveryId} to ${endpoint.id}: ${error}`);
}
