import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The audit log's hash chain (governance, issue 10; ADR 0013, docs/audit.md). Per tenant,
 * `h_0` is 32 zero bytes and `h_i = SHA-256(h_{i-1} ‖ C(event_i))`, where `‖` is byte
 * concatenation of the previous hash's 32 raw bytes and `C` is the RFC 8785 (JCS) canonical JSON
 * of the event, UTF-8 encoded. Hashes are stored and exchanged as lower-case hex.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed form of an event: every column of `audit_events` except `id` and `hash`. */
export interface CanonicalAuditEvent {
  tenant: string;
  seq: number;
  /** ISO 8601 in UTC with milliseconds, `2026-11-30T19:21:00.123Z`. */
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
  acting_as_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

/** RFC 8785 canonical JSON of the event (`before`/`after` as their JSON value; absent: null). */
export function canonicalAuditJson(event: CanonicalAuditEvent): string {
  const text = canonicalize({
    ...event,
    before: event.before === undefined ? null : event.before,
    after: event.after === undefined ? null : event.after,
  });
  if (text === undefined) throw new Error('audit event is not representable as JSON');
  return text;
}

/** `h_i` from `h_{i-1}` (hex) and the canonical JSON of event i. */
export function chainHash(previousHex: string, canonicalJson: string): string {
  return createHash('sha256')
    .update(Buffer.from(previousHex, 'hex'))
    .update(canonicalJson, 'utf8')
    .digest('hex');
}

/** A sequence number no real event reaches, used to split the canonical JSON around `seq`. */
const SEQ_SENTINEL = 9007199254740991;

/**
 * The canonical JSON of an event whose `seq` is not known yet, as the text before and after the
 * number: the database inserts `seq` (taken under the tenant's head-row lock) between them. Keys
 * sort `…, request_id, seq, target, tenant, user_agent`: after `seq` come only plain strings (or
 * null), which cannot contain an unescaped `"`, so the last `"seq":` is the top-level one.
 */
export function canonicalAuditJsonAroundSeq(
  event: Omit<CanonicalAuditEvent, 'seq'>,
): [before: string, after: string] {
  const text = canonicalAuditJson({ ...event, seq: SEQ_SENTINEL });
  const marker = `"seq":${SEQ_SENTINEL}`;
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error('canonical audit JSON without seq');
  return [text.slice(0, at + '"seq":'.length), text.slice(at + marker.length)];
}

/** A signed statement that a tenant's chain had `hash` at `seq`, made at `at`. */
export interface AuditCheckpoint {
  tenant: string;
  seq: number;
  hash: string;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
}

export interface SignedAuditCheckpoint extends AuditCheckpoint {
  /** HMAC-SHA256 over the RFC 8785 JSON of {at, hash, seq, tenant}, hex. */
  mac: string;
}

/** What the checkpoint's MAC covers: the RFC 8785 JSON of its four fields. */
export function checkpointMessage(c: AuditCheckpoint): string {
  return canonicalize({ tenant: c.tenant, seq: c.seq, hash: c.hash, at: c.at }) ?? '';
}

export function signCheckpoint(key: Buffer, c: AuditCheckpoint): SignedAuditCheckpoint {
  const mac = createHmac('sha256', key).update(checkpointMessage(c), 'utf8').digest('hex');
  return { tenant: c.tenant, seq: c.seq, hash: c.hash, at: c.at, mac };
}

export function checkpointSignatureValid(key: Buffer, c: SignedAuditCheckpoint): boolean {
  const expected = createHmac('sha256', key).update(checkpointMessage(c), 'utf8').digest();
  const given = /^[0-9a-f]{64}$/.test(c.mac) ? Buffer.from(c.mac, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
