import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  hasFunction,
  rank,
  type Grant,
  type PolicyIndex,
  type PolicyModel,
  type Sensitivity,
  type User,
} from '@custos/engine';
import { grantFromRow, RECORD_TABLE, type Database, type ReviewScope } from '@custos/store';
import { AppError } from '../../http/app-error.ts';

type Db = Database['db'];

/** SHA-256 (hex) of the canonical JSON (RFC 8785) of a value. */
export function canonicalHash(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no canonical JSON');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The snapshot's hash: SHA-256 over the items' hashes in item order (canonical JSON array). */
export function snapshotHashOf(itemHashes: readonly string[]): string {
  return canonicalHash({ items: itemHashes });
}

/** A grant with the record it is on (null for a scope grant). */
export interface StoredGrant {
  grant: Grant;
  recordId: string | null;
}

/** Every live grant (scope and record), in id order. */
export async function liveGrants(db: Db, tenantId: string, now: number): Promise<StoredGrant[]> {
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  return rows
    .map((r) => ({ grant: grantFromRow(r), recordId: r.record_id }))
    .filter((g) => g.grant.expiresAt === null || g.grant.expiresAt > now);
}

/** A user's team memberships (customer, access), by user. */
export async function teamsByUser(
  db: Db,
  tenantId: string,
  userIds: readonly string[],
): Promise<Map<string, { customerId: string; access: string }[]>> {
  const out = new Map<string, { customerId: string; access: string }[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('customer_team_members')
    .select(['user_id', 'customer_id', 'access'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', 'in', [...userIds])
    .orderBy('user_id')
    .orderBy('customer_id')
    .execute();
  const levels = ['read', 'edit', 'manage'];
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ customerId: r.customer_id, access: levels[r.access] ?? String(r.access) });
    out.set(r.user_id, list);
  }
  return out;
}

const CONFIDENTIAL = rank.sensitivity('confidential' as Sensitivity);

/** Users with a grant or a team membership on a confidential (or restricted) record. */
async function confidentialRecordHolders(
  db: Db,
  tenantId: string,
  grants: readonly StoredGrant[],
): Promise<Set<string>> {
  const holders = new Set<string>();
  const teams = await db
    .selectFrom('customer_team_members as t')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.customer_id'),
    )
    .select('t.user_id')
    .distinct()
    .where('t.tenant_id', '=', tenantId)
    .where('c.sensitivity', '>=', CONFIDENTIAL)
    .execute();
  for (const t of teams) holders.add(t.user_id);
  for (const { grant, recordId } of grants) {
    if (recordId === null || grant.subject.kind !== 'user') continue;
    const table = RECORD_TABLE[grant.object];
    const row = await db
      .selectFrom(table)
      .select('sensitivity')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', recordId)
      .executeTakeFirst();
    if (row !== undefined && row.sensitivity >= CONFIDENTIAL) holders.add(grant.subject.userId);
  }
  return holders;
}

/** The users a scope puts under review (active, internal), in the model's order. */
export async function usersInScope(
  db: Db,
  tenantId: string,
  model: PolicyModel,
  scope: Exclude<ReviewScope, { kind: 'all_grants' }>,
  grants: readonly StoredGrant[],
): Promise<User[]> {
  const active = model.users.filter((u) => u.status === 'active' && u.kind === 'internal');
  switch (scope.kind) {
    case 'all_users':
      return active;
    case 'department': {
      const tree = new Set([scope.departmentId]);
      for (let grew = true; grew;) {
        grew = false;
        for (const d of model.departments)
          if (d.parentId !== null && tree.has(d.parentId) && !tree.has(d.id)) {
            tree.add(d.id);
            grew = true;
          }
      }
      return active.filter((u) => u.departmentId !== null && tree.has(u.departmentId));
    }
    case 'role':
      return active.filter((u) => u.roleIds.includes(scope.roleId));
    case 'confidential': {
      const holders = await confidentialRecordHolders(db, tenantId, grants);
      return active.filter(
        (u) => rank.sensitivity(u.clearance) >= CONFIDENTIAL || holders.has(u.id),
      );
    }
  }
}

/** What a user holds, as the snapshot records it: every path to access an admin would review. */
export function userSnapshot(
  model: PolicyModel,
  index: PolicyIndex,
  user: User,
  grants: readonly StoredGrant[],
  teams: readonly { customerId: string; access: string }[],
): Record<string, unknown> {
  const roles = user.roleIds.map((id) => {
    const role = model.roles.find((r) => r.id === id);
    return role === undefined
      ? { id, missing: true }
      : { id, name: role.name, scopes: role.objects, functions: [...role.functions].sort() };
  });
  const functions = [
    ...new Set(model.roles.filter((r) => user.roleIds.includes(r.id)).flatMap((r) => r.functions)),
  ]
    .filter((f) => hasFunction(index, user.id, f))
    .sort();
  const groupIds: ReadonlySet<string> = index.principals.get(user.id)?.groupIds ?? new Set();
  return {
    kind: 'user',
    user: {
      id: user.id,
      name: user.name,
      departmentId: user.departmentId,
      managerId: user.managerId,
      status: user.status,
      clearance: user.clearance,
    },
    roles,
    functions,
    grants: grants
      .filter(
        (g) =>
          (g.grant.subject.kind === 'user' && g.grant.subject.userId === user.id) ||
          (g.grant.subject.kind === 'group' && groupIds.has(g.grant.subject.groupId)),
      )
      .map((g) => g.grant),
    teams: [...teams],
  };
}

/** A grant as the snapshot records it. */
export function grantSnapshot(g: StoredGrant): Record<string, unknown> {
  return { kind: 'grant', grant: g.grant, recordId: g.recordId };
}

/** Refuse an empty scope, naming it. */
export function assertNotEmpty(count: number): void {
  if (count === 0)
    throw new AppError('REVIEW_SCOPE_EMPTY', 'the campaign scope holds nothing to review', {
      field: 'scope',
    });
}
