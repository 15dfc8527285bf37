import {
  ACCESS_LEVELS,
  type AccessLevel,
  type CrmRecord,
  type Grant,
  type GrantTarget,
  type ObjectType,
  type TeamMember,
} from '@custos/engine';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { GrantRow, StoreSchema } from './schema.ts';
import { StoreError } from './store-error.ts';

/**
 * Record facts: a customer's team (相关团队) and the grants on one record (临时授权 whose target is
 * the record). They are read with the records (`attachRecordFacts`) and by the list query, never
 * loaded into the node-wide policy, so writing one never moves the policy version: the very next
 * request on any server reads it from the database with the record.
 */

function accessOf(r: number): AccessLevel {
  const level = ACCESS_LEVELS[r];
  if (level === undefined)
    throw new StoreError('STORE_CORRUPT_ROW', `stored access rank ${r} is out of range`, {
      what: 'access',
      rank: r,
    });
  return level;
}

function millis(value: Date | string | null): number | null {
  if (value === null) return null;
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/** The columns of a grant row that make the grant (times as the driver or JSON gives them). */
export type GrantColumns = Pick<
  Selectable<GrantRow>,
  'id' | 'subject_kind' | 'subject_id' | 'object' | 'target' | 'access' | 'reason'
> & { starts_at: Date | string | null; expires_at: Date | string | null };

/** A stored grant row as the engine's grant. */
export function grantFromRow(g: GrantColumns): Grant {
  const target = (typeof g.target === 'string' ? JSON.parse(g.target) : g.target) as GrantTarget;
  const grant: Grant = {
    id: g.id,
    subject:
      g.subject_kind === 'user'
        ? { kind: 'user', userId: g.subject_id }
        : { kind: 'group', groupId: g.subject_id },
    object: g.object as ObjectType,
    target,
    access: accessOf(g.access),
    startsAt: millis(g.starts_at),
    expiresAt: millis(g.expires_at),
  };
  if (g.reason !== null) grant.reason = g.reason;
  return grant;
}

/** Team rows of these customers, by customer id, in the order members were added. */
export async function teamsOf(
  db: Kysely<StoreSchema>,
  tenantId: string,
  customerIds: readonly string[],
  onlyUsers?: readonly string[],
): Promise<Map<string, TeamMember[]>> {
  const out = new Map<string, TeamMember[]>();
  if (customerIds.length === 0) return out;
  let query = db
    .selectFrom('customer_team_members')
    .select(['customer_id', 'user_id', 'access'])
    .where('tenant_id', '=', tenantId)
    .where('customer_id', 'in', [...new Set(customerIds)]);
  if (onlyUsers !== undefined) query = query.where('user_id', 'in', [...new Set(onlyUsers)]);
  const rows = await query.orderBy('customer_id').orderBy('ordinal').execute();
  for (const r of rows) {
    const member: TeamMember = {
      customerId: r.customer_id,
      userId: r.user_id,
      access: accessOf(r.access),
    };
    const list = out.get(r.customer_id);
    if (list === undefined) out.set(r.customer_id, [member]);
    else list.push(member);
  }
  return out;
}

/** Grants stored on these records of one object, by record id, in the order they were given. */
export async function recordGrantsOf(
  db: Kysely<StoreSchema>,
  tenantId: string,
  object: ObjectType,
  recordIds: readonly string[],
): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>();
  if (recordIds.length === 0) return out;
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('object', '=', object)
    .where('record_id', 'in', [...new Set(recordIds)])
    .orderBy('ordinal')
    .execute();
  for (const r of rows) {
    const grant = grantFromRow(r);
    const id = r.record_id as string;
    const list = out.get(id);
    if (list === undefined) out.set(id, [grant]);
    else list.push(grant);
  }
  return out;
}

/**
 * Put on each record (and each child's `parent`) its customer's team and the grants stored on
 * it: two indexed queries per object present, whatever the number of records.
 */
export async function loadRecordFacts(
  db: Kysely<StoreSchema>,
  tenantId: string,
  records: readonly CrmRecord[],
  options: { factsFor?: readonly string[] } = {},
): Promise<void> {
  if (records.length === 0) return;
  const all = new Set<CrmRecord>();
  for (const r of records) {
    all.add(r);
    if (r.parent !== undefined) all.add(r.parent);
  }
  const teams = await teamsOf(
    db,
    tenantId,
    [...all].map((r) => r.customerId),
    options.factsFor,
  );
  const byObject = new Map<ObjectType, CrmRecord[]>();
  for (const r of all) {
    const list = byObject.get(r.object);
    if (list === undefined) byObject.set(r.object, [r]);
    else list.push(r);
  }
  for (const [object, list] of byObject) {
    const grants = await recordGrantsOf(
      db,
      tenantId,
      object,
      list.map((r) => r.id),
    );
    for (const r of list) {
      const team = teams.get(r.customerId);
      if (team === undefined) delete r.team;
      else r.team = team;
      const g = grants.get(r.id);
      if (g === undefined) delete r.grants;
      else r.grants = g;
    }
  }
}

/** One stored grant (record or scope) by id, with whether it is a record grant. */
export async function findGrant(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<{ grant: Grant; recordId: string | null; version: number } | undefined> {
  const row = await db
    .selectFrom('grants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { grant: grantFromRow(row), recordId: row.record_id, version: row.version };
}

/** Store a grant on one record (its target is the record). Its id must be new (CONFLICT). */
export async function insertRecordGrant(
  db: Kysely<StoreSchema>,
  tenantId: string,
  grant: Grant,
): Promise<void> {
  if (grant.target.kind !== 'record')
    throw new StoreError('STORE_CORRUPT_ROW', `grant ${grant.id} is not on one record`, {
      grantId: grant.id,
    });
  await db.insertInto('grants').values(recordGrantRow(tenantId, grant)).execute();
}

/** The `grants` row of a grant on one record. */
export function recordGrantRow(tenantId: string, grant: Grant): Insertable<GrantRow> {
  if (grant.target.kind !== 'record')
    throw new StoreError('STORE_CORRUPT_ROW', `grant ${grant.id} is not on one record`, {
      grantId: grant.id,
    });
  return {
    tenant_id: tenantId,
    id: grant.id,
    subject_kind: grant.subject.kind,
    subject_id: grant.subject.kind === 'user' ? grant.subject.userId : grant.subject.groupId,
    object: grant.object,
    target: JSON.stringify(grant.target),
    record_id: grant.target.recordId,
    access: ACCESS_LEVELS.indexOf(grant.access),
    starts_at: grant.startsAt == null ? null : new Date(grant.startsAt),
    expires_at: grant.expiresAt === null ? null : new Date(grant.expiresAt),
    reason: grant.reason ?? null,
  };
}

/** Remove a grant stored on one record; the grant removed, or undefined when there was none. */
export async function deleteRecordGrant(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<Grant | undefined> {
  const row = await db
    .deleteFrom('grants')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('record_id', 'is not', null)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : grantFromRow(row);
}

/**
 * Every stored grant of a tenant — the policy's scope grants and the grants on one record — in id
 * order after `after`, at most `limit`; `q` matches the id or the reason (case-insensitive),
 * `recordId` (with `object`) keeps the grants on one record. For the admin list, which must show
 * both kinds although only scope grants are in the node-wide model.
 */
export async function listStoredGrants(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: {
    after?: string;
    limit: number;
    q?: string;
    object?: ObjectType;
    recordId?: string;
    /** Only the grants to this group. */
    subjectGroupId?: string;
  },
): Promise<{ grant: Grant; recordId: string | null }[]> {
  let query = db
    .selectFrom('grants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .limit(options.limit);
  if (options.after !== undefined) query = query.where('id', '>', options.after);
  if (options.object !== undefined) query = query.where('object', '=', options.object);
  if (options.recordId !== undefined) query = query.where('record_id', '=', options.recordId);
  if (options.subjectGroupId !== undefined)
    query = query
      .where('subject_kind', '=', 'group')
      .where('subject_id', '=', options.subjectGroupId);
  if (options.q !== undefined) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('id', 'ilike', like), eb('reason', 'ilike', like)]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ grant: grantFromRow(r), recordId: r.record_id }));
}
