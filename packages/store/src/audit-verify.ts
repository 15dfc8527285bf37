import { sql, type Kysely } from 'kysely';
import {
  canonicalAuditJson,
  chainHash,
  checkpointSignatureValid,
  GENESIS_HASH,
  type SignedAuditCheckpoint,
} from './audit-chain.ts';
import type { StoreSchema } from './schema.ts';

/** Why a verification failed; stable names (the CLI and API print them). */
export type AuditChainProblem =
  /** An event's content, position or predecessor does not give its stored hash. */
  | 'hash_mismatch'
  /** A sequence number is missing (an event was deleted). */
  | 'missing_event'
  /** Sequence order and insertion (id) order disagree (events moved). */
  | 'out_of_order'
  /** The table ends before the tenant's recorded head (events cut from the tail). */
  | 'truncated'
  /** Events after the tenant's recorded head (appended without the writer). */
  | 'beyond_head'
  /** Events numbered outside the chain (below 1): inserted without the writer. */
  | 'forged_event'
  /** The chain's hash at a checkpoint's seq is not the one the checkpoint signed. */
  | 'checkpoint_mismatch'
  /** A checkpoint names a seq the log no longer reaches. */
  | 'checkpoint_beyond_log'
  /** A checkpoint's HMAC does not verify with the key. */
  | 'checkpoint_signature';

export interface AuditChainIssue {
  /** The first sequence number the check cannot vouch for. */
  seq: number;
  problem: AuditChainProblem;
  reason: string;
  /** For a checkpoint problem: the checkpoint's own seq. */
  checkpointSeq?: number;
}

export interface AuditChainReport {
  ok: boolean;
  tenantId: string;
  /** Events checked, and the last seq seen. */
  events: number;
  lastSeq: number;
  lastHash: string;
  /** Checkpoints compared (and how many of them had their HMAC verified). */
  checkpoints: number;
  signaturesChecked: number;
  /** The first problem (smallest seq); absent when ok. */
  first?: AuditChainIssue;
  /** Every problem found, up to 100, by seq. */
  issues: AuditChainIssue[];
}

export interface VerifyAuditChainOptions {
  /** Checkpoints to compare with besides those stored (e.g. an exported file). */
  checkpoints?: readonly SignedAuditCheckpoint[];
  /** Also compare with the checkpoints in `audit_checkpoints` (default true). */
  storedCheckpoints?: boolean;
  /** The HMAC key: with it every checkpoint's signature is checked first. */
  key?: Buffer;
  /** Events per query (default 5000). */
  batchSize?: number;
  /** Called after each batch with the events checked so far. */
  onProgress?: (checked: number) => void;
}

interface ChainRow {
  id: string;
  seq: string;
  hash: string;
  at: Date | string;
  actor_id: string | null;
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

function json(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/** The canonical form of a stored row (the one `appendAuditEvent` hashed). */
export function canonicalOfRow(tenantId: string, r: ChainRow): string {
  return canonicalAuditJson({
    tenant: tenantId,
    seq: Number(r.seq),
    at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
    actor: r.actor_id,
    action: r.action,
    target: r.target,
    before: json(r.before),
    after: json(r.after),
    outcome: r.outcome,
    acting_as_id: r.acting_as_id,
    request_id: r.request_id,
    ip: r.ip,
    user_agent: r.user_agent,
  });
}

/**
 * Recompute a tenant's chain from the first event and compare it with the stored hashes, the
 * tenant's head row and the signed checkpoints. Returns ok, or the FIRST bad sequence number
 * with the reason. Checks, in one pass by seq: each seq is the previous + 1 (a gap: a deleted
 * event), ids grow with seq (moved events), each stored hash is `SHA-256(h_{i-1} ‖ C(event_i))`
 * (an edit, a swap, a forged row); then the head row (a cut tail, rows added past it); then each
 * checkpoint: its HMAC with the key, and the chain's hash at its seq. A rewrite of every event
 * after k with recomputed hashes passes the first checks — only a checkpoint signed before the
 * rewrite (with the key, which the database does not hold) catches it: the issue then names the
 * first seq after the last checkpoint that still matches, and the checkpoint that does not.
 */
export async function verifyAuditChain(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainReport> {
  const issues: AuditChainIssue[] = [];
  const add = (issue: AuditChainIssue): void => {
    if (issues.length < 100) issues.push(issue);
  };
  const checkpoints: SignedAuditCheckpoint[] = [...(options.checkpoints ?? [])].filter(
    (c) => c.tenant === tenantId,
  );
  if (options.storedCheckpoints ?? true) {
    const stored = await db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('seq')
      .execute();
    for (const c of stored)
      checkpoints.push({
        tenant: c.tenant_id,
        seq: Number(c.seq),
        hash: c.hash,
        at: (c.at instanceof Date ? c.at : new Date(c.at)).toISOString(),
        mac: c.mac,
      });
  }
  checkpoints.sort((a, b) => a.seq - b.seq);
  const wanted = new Set(checkpoints.map((c) => c.seq));
  /** The hash the chain (as recomputed) has at each checkpoint's seq. */
  const chainAt = new Map<number, string>();

  const batch = options.batchSize ?? 5000;
  let expected = 1;
  let previous = GENESIS_HASH;
  let previousId = -1n;
  let events = 0;
  let lastSeq = 0;
  for (;;) {
    const { rows } = await sql<ChainRow>`
      select id, seq, hash, at, actor_id, action, target, before, after, outcome, acting_as_id,
        request_id, ip, user_agent
      from audit_events where tenant_id = ${tenantId} and seq >= ${expected}
      order by seq limit ${batch}`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected)
        add({
          seq: expected,
          problem: 'missing_event',
          reason:
            seq === expected + 1
              ? `event ${expected} is missing (deleted)`
              : `events ${expected}–${seq - 1} are missing (deleted)`,
        });
      const id = BigInt(r.id);
      if (id <= previousId)
        add({
          seq,
          problem: 'out_of_order',
          reason: `event ${seq} was inserted before event ${lastSeq} (ids ${r.id} ≤ ${previousId}): events moved`,
        });
      const recomputed = chainHash(previous, canonicalOfRow(tenantId, r));
      if (recomputed !== r.hash)
        add({
          seq,
          problem: 'hash_mismatch',
          reason: `event ${seq}: its content and predecessor give ${recomputed.slice(0, 12)}…, the log stores ${r.hash.slice(0, 12)}…: edited, moved or forged`,
        });
      // Continue from the stored hash, so one bad event is reported once, not its whole tail.
      previous = r.hash;
      if (wanted.has(seq)) chainAt.set(seq, r.hash);
      previousId = id;
      expected = seq + 1;
      lastSeq = seq;
      events += 1;
    }
    options.onProgress?.(events);
    if (rows.length < batch) break;
  }

  // Rows the walk from 1 never reaches (numbered below 1, with the check constraint dropped) are
  // forged: the log must hold exactly the events the walk read.
  const stray = await sql<{ n: string | number; min: string | number | null }>`
    select count(*) as n, min(seq) as min from audit_events
    where tenant_id = ${tenantId} and seq < 1`.execute(db);
  const strayRow = stray.rows[0];
  if (strayRow !== undefined && Number(strayRow.n) > 0)
    add({
      seq: Number(strayRow.min),
      problem: 'forged_event',
      reason: `${Number(strayRow.n)} event(s) numbered below 1 lie outside the chain: inserted outside the writer`,
    });

  const head = await db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const headSeq = head === undefined ? 0 : Number(head.seq);
  if (headSeq > lastSeq)
    add({
      seq: lastSeq + 1,
      problem: 'truncated',
      reason: `the log ends at event ${lastSeq} but its head records ${headSeq}: events ${lastSeq + 1}–${headSeq} were removed`,
    });
  else if (headSeq < lastSeq)
    add({
      seq: headSeq + 1,
      problem: 'beyond_head',
      reason: `events ${headSeq + 1}–${lastSeq} lie past the recorded head (${headSeq}): added outside the writer`,
    });
  else if (head !== undefined && head.hash !== previous)
    add({
      seq: headSeq,
      problem: 'hash_mismatch',
      reason: `the head's hash for event ${headSeq} differs from the log's`,
    });

  let signaturesChecked = 0;
  let lastGood = 0;
  for (const c of checkpoints) {
    if (options.key !== undefined) {
      signaturesChecked += 1;
      if (!checkpointSignatureValid(options.key, c)) {
        add({
          seq: lastGood + 1,
          problem: 'checkpoint_signature',
          checkpointSeq: c.seq,
          reason: `the checkpoint for event ${c.seq} (${c.at}) does not verify with the audit key: forged or altered, so events ${lastGood + 1}–${c.seq} are unproven`,
        });
        continue;
      }
    }
    const at = chainAt.get(c.seq);
    if (at === undefined) {
      if (c.seq > lastSeq)
        add({
          seq: lastSeq + 1,
          problem: 'checkpoint_beyond_log',
          checkpointSeq: c.seq,
          reason: `the checkpoint signed at ${c.at} vouches for ${c.seq} events but the log ends at ${lastSeq}: the tail was cut`,
        });
      continue;
    }
    if (at !== c.hash)
      add({
        seq: lastGood + 1,
        problem: 'checkpoint_mismatch',
        checkpointSeq: c.seq,
        reason: `the checkpoint signed at ${c.at} for event ${c.seq} holds another hash: events ${lastGood + 1}–${c.seq} were rewritten (the last checkpoint that matches is at ${lastGood === 0 ? 'the start' : `event ${lastGood}`})`,
      });
    else lastGood = c.seq;
  }

  issues.sort((a, b) => a.seq - b.seq);
  return {
    ok: issues.length === 0,
    tenantId,
    events,
    lastSeq,
    lastHash: previous,
    checkpoints: checkpoints.length,
    signaturesChecked,
    ...(issues[0] === undefined ? {} : { first: issues[0] }),
    issues,
  };
}

/**
 * Recompute the chain from a trusted point (`from`: a seq and its hash — a checkpoint whose
 * signature verified, or the genesis at 0) to `to`, the head about to be signed: every event in
 * between present once, in order, each hash `SHA-256(h_{i-1} ‖ C(event_i))`, ending at `to.hash`.
 * Returns the first problem in words, or undefined when the segment holds. A checkpoint is signed
 * only over a segment that holds, so a signature never vouches for an edited log.
 */
export async function verifyAuditSegment(
  db: Kysely<StoreSchema>,
  tenantId: string,
  from: { seq: number; hash: string },
  to: { seq: number; hash: string },
  batchSize = 5000,
): Promise<string | undefined> {
  let expected = from.seq + 1;
  let previous = from.hash;
  while (expected <= to.seq) {
    const { rows } = await sql<ChainRow>`
      select id, seq, hash, at, actor_id, action, target, before, after, outcome, acting_as_id,
        request_id, ip, user_agent
      from audit_events where tenant_id = ${tenantId} and seq >= ${expected} and seq <= ${to.seq}
      order by seq limit ${batchSize}`.execute(db);
    if (rows.length === 0) return `events ${expected}–${to.seq} are missing`;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return `event ${expected} is missing`;
      if (chainHash(previous, canonicalOfRow(tenantId, r)) !== r.hash)
        return `event ${seq} does not match its hash: edited, moved or forged`;
      previous = r.hash;
      expected = seq + 1;
    }
  }
  if (previous !== to.hash) return `the head's hash for event ${to.seq} differs from the log's`;
  return undefined;
}
