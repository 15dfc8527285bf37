import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

export const PENDING_CHANGE_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type PendingChangeStatus = (typeof PENDING_CHANGE_STATUSES)[number];

/** A configuration change waiting for (or decided by) a second administrator. */
export interface PendingChange {
  id: string;
  tenantId: string;
  authorId: string;
  /** The policy changes as the admin API takes them (empty for a four-eyes setting change). */
  changes: unknown[];
  /** A change of the four-eyes setting itself (narrowing it), or null. */
  setting: unknown;
  /** The sensitive categories the change touches. */
  categories: string[];
  /** The policy version the change was submitted against. */
  baseVersion: number;
  reason: string | null;
  /** The impact preview at submission. */
  preview: unknown;
  status: PendingChangeStatus;
  createdAt: number;
  expiresAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionReason: string | null;
  /** The policy version the approval committed. */
  resultVersion: number | null;
}

export interface NewPendingChange {
  tenantId: string;
  authorId: string;
  changes: readonly unknown[];
  setting?: unknown;
  categories: readonly string[];
  baseVersion: number;
  reason?: string | null;
  preview?: unknown;
  now: number;
  expiresAt: number;
}

type Row = StoreSchema['pending_changes'];
const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

function fromRow(r: {
  [K in keyof Row]: Row[K] extends { __select__: infer S } ? S : Row[K];
}): PendingChange {
  return {
    id: String(r.id),
    tenantId: r.tenant_id,
    authorId: r.author_id,
    changes: json(r.changes) as unknown[],
    setting: json(r.setting) ?? null,
    categories: json(r.categories) as string[],
    baseVersion: r.base_version,
    reason: r.reason,
    preview: json(r.preview) ?? null,
    status: r.status as PendingChangeStatus,
    createdAt: millis(r.created_at),
    expiresAt: millis(r.expires_at),
    decidedBy: r.decided_by,
    decidedAt: r.decided_at === null ? null : millis(r.decided_at),
    decisionReason: r.decision_reason,
    resultVersion: r.result_version,
  };
}

/** Store a pending change (pass the transaction that audits and notifies); returns it. */
export async function insertPendingChange(
  db: Kysely<StoreSchema>,
  input: NewPendingChange,
): Promise<PendingChange> {
  const row = await db
    .insertInto('pending_changes')
    .values({
      tenant_id: input.tenantId,
      author_id: input.authorId,
      changes: JSON.stringify(input.changes),
      setting: input.setting === undefined ? null : JSON.stringify(input.setting),
      categories: JSON.stringify(input.categories),
      base_version: input.baseVersion,
      reason: input.reason ?? null,
      preview: input.preview === undefined ? null : JSON.stringify(input.preview),
      created_at: new Date(input.now),
      expires_at: new Date(input.expiresAt),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** One pending change; `forUpdate` locks its row until the transaction ends. */
export async function getPendingChange(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PendingChange | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  let query = db
    .selectFrom('pending_changes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/** A tenant's pending changes, newest first; `status` filters, `beforeId` pages on. */
export async function listPendingChanges(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: { status?: PendingChangeStatus; limit?: number; beforeId?: string } = {},
): Promise<PendingChange[]> {
  let query = db
    .selectFrom('pending_changes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  return (await query.execute()).map(fromRow);
}

/**
 * Decide a pending change: only while it is still `pending` (a second decision finds nothing to
 * change and returns undefined). Pass the transaction that commits and audits the decision.
 */
export async function decidePendingChange(
  db: Kysely<StoreSchema>,
  input: {
    tenantId: string;
    id: string;
    status: Exclude<PendingChangeStatus, 'pending'>;
    decidedBy: string | null;
    reason?: string | null;
    resultVersion?: number | null;
    now: number;
  },
): Promise<PendingChange | undefined> {
  const row = await db
    .updateTable('pending_changes')
    .set({
      status: input.status,
      decided_by: input.decidedBy,
      decided_at: new Date(input.now),
      decision_reason: input.reason ?? null,
      result_version: input.resultVersion ?? null,
    })
    .where('tenant_id', '=', input.tenantId)
    .where('id', '=', input.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/** Pending changes of every tenant past their expiry at `now` (oldest first, at most `limit`). */
export async function listExpiredPendingChanges(
  db: Kysely<StoreSchema>,
  now: number,
  limit = 500,
): Promise<PendingChange[]> {
  const rows = await db
    .selectFrom('pending_changes')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', new Date(now))
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}
