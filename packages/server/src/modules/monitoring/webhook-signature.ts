import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a delivery's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-custos-signature';

/** HMAC-SHA256 with the endpoint's secret over `<t>.<body>`, hex. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header's value for a body sent at `nowMs`. */
export function signatureHeader(secret: string, nowMs: number, body: string): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${signPayload(secret, t, body)}`;
}

/**
 * Verify a received delivery as a receiver would: the signature matches the body and the secret,
 * and the timestamp is within `toleranceSeconds` of `nowMs` (a replayed old delivery fails).
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowMs: number,
  toleranceSeconds = 300,
): boolean {
  if (header === undefined) return false;
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, t, body), 'hex');
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
