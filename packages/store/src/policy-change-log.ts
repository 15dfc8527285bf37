import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';
import { StoreError } from './store-error.ts';

/**
 * The policy change log (`policy_changes`, ADR 0006): every committed admin change as data, in
 * the transaction that makes it, under the tenant's next policy version (one version per committed
 * batch). Nodes apply the log to their in-memory policy instead of reloading it; on PostgreSQL a
 * `NOTIFY custos_policy, '<tenant>:<version>'` at commit tells them early.
 */

/** The notification channel for committed policy versions. */
export const POLICY_CHANNEL = 'custos_policy';

export interface PolicyChangeEntry {
  /** The change's kind, e.g. `role.update` (also its audit action). */
  kind: string;
  /** The change as the admin API took it (applied again by every node). */
  change: object;
  before: unknown;
  after: unknown;
  actorId: string | null;
  at: Date;
}

export interface LoggedPolicyChange {
  version: number;
  seq: number;
  kind: string;
  change: unknown;
}

type Db = Kysely<StoreSchema>;

/**
 * Commit a batch of policy changes under the next version, if the tenant is still at `expected`:
 * bump the version (`where policy_version = expected`), log every change, and notify. Returns the
 * new version, or null when another batch committed since `expected` was read (the caller rolls
 * back and retries on the newer policy). The tenant row stays locked until the caller's
 * transaction ends, so call this last: batches of one tenant queue only for their commit.
 */
export async function commitPolicyVersion(
  tx: Db,
  tenantId: string,
  expected: number,
  entries: readonly PolicyChangeEntry[],
): Promise<number | null> {
  const row = await tx
    .updateTable('tenants')
    .set({ policy_version: sql<number>`policy_version + 1` })
    .where('id', '=', tenantId)
    .where('policy_version', '=', expected)
    .returning('policy_version')
    .executeTakeFirst();
  if (row === undefined) return null;
  const version = row.policy_version;
  if (entries.length > 0) {
    await tx
      .insertInto('policy_changes')
      .values(
        entries.map((e, seq) => ({
          tenant_id: tenantId,
          version,
          seq,
          kind: e.kind,
          change: JSON.stringify(e.change),
          before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
          after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
          actor_id: e.actorId,
          at: e.at,
        })),
      )
      .execute();
  }
  await sql`select pg_notify(${POLICY_CHANNEL}, ${`${tenantId}:${version}`})`.execute(tx);
  return version;
}

/**
 * The logged changes of versions `after + 1 … upTo`, in order. Throws STORE_POLICY_LOG_GAP when a
 * version in that range has no entry (a whole-model save, which logs nothing): the caller reloads.
 */
export async function readPolicyChanges(
  db: Db,
  tenantId: string,
  after: number,
  upTo: number,
): Promise<LoggedPolicyChange[]> {
  if (upTo <= after) return [];
  const rows = await db
    .selectFrom('policy_changes')
    .select(['version', 'seq', 'kind', 'change'])
    .where('tenant_id', '=', tenantId)
    .where('version', '>', after)
    .where('version', '<=', upTo)
    .orderBy('version')
    .orderBy('seq')
    .execute();
  const versions = new Set(rows.map((r) => r.version));
  for (let v = after + 1; v <= upTo; v++) {
    if (!versions.has(v))
      throw new StoreError('STORE_POLICY_LOG_GAP', `policy version ${v} has no logged change`, {
        tenantId,
        version: v,
      });
  }
  return rows.map((r) => ({
    version: r.version,
    seq: r.seq,
    kind: r.kind,
    change: typeof r.change === 'string' ? (JSON.parse(r.change) as unknown) : r.change,
  }));
}

/** The logged changes of a tenant, newest first (for the admin API and audits). */
export async function listPolicyChanges(
  db: Db,
  tenantId: string,
  options: { beforeVersion?: number; limit: number },
): Promise<
  {
    version: number;
    seq: number;
    kind: string;
    change: unknown;
    before: unknown;
    after: unknown;
    actorId: string | null;
    at: Date;
  }[]
> {
  let query = db
    .selectFrom('policy_changes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('version', 'desc')
    .orderBy('seq')
    .limit(options.limit);
  if (options.beforeVersion !== undefined)
    query = query.where('version', '<', options.beforeVersion);
  const rows = await query.execute();
  const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    version: r.version,
    seq: r.seq,
    kind: r.kind,
    change: parse(r.change),
    before: parse(r.before),
    after: parse(r.after),
    actorId: r.actor_id,
    at: r.at instanceof Date ? r.at : new Date(r.at as unknown as string),
  }));
}

/** The policy table of each entity kind and its key column. */
const ENTITY_TABLE = {
  department: ['departments', 'id'],
  user: ['users', 'id'],
  role: ['roles', 'id'],
  object: ['object_settings', 'object'],
  group: ['groups', 'id'],
  sharing_rule: ['sharing_rules', 'id'],
  grant: ['grants', 'id'],
  pool: ['pools', 'id'],
  sod_rule: ['sod_rules', 'id'],
} as const;
export type PolicyEntity = keyof typeof ENTITY_TABLE;

/**
 * Lock one policy entity's row until the caller's transaction ends (`select … for update`) and
 * return the policy version of its last change; undefined when it does not exist. Two admins
 * changing different entities do not wait for each other; two changing the same one queue.
 */
export async function lockPolicyEntity(
  tx: Db,
  tenantId: string,
  entity: PolicyEntity,
  id: string,
): Promise<number | undefined> {
  const [table, key] = ENTITY_TABLE[entity];
  const row = await tx
    .selectFrom(table as 'roles')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where(sql.ref(key), '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row?.version;
}

/**
 * The policy version of one entity's last change, without a lock (undefined when it does not
 * exist): what a waiting change (four eyes) compares with the version it was submitted against.
 */
export async function readPolicyEntityVersion(
  db: Db,
  tenantId: string,
  entity: PolicyEntity,
  id: string,
): Promise<number | undefined> {
  const [table, key] = ENTITY_TABLE[entity];
  const row = await db
    .selectFrom(table as 'roles')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where(sql.ref(key), '=', id)
    .executeTakeFirst();
  return row?.version;
}
