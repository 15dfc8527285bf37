import {
  DATA_SCOPES,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  SENSITIVITIES,
  and,
  fieldLevelOf,
  filter,
  privilegeSlot,
  reach,
  type AccessLevel,
  type DataScope,
  type FieldLevel,
  type Grant,
  type ObjectType,
  type OrgWideDefault,
  type Predicate,
  type ReachPath,
  type RecordAction,
  type Sensitivity,
} from '@custos/engine';
import {
  countReachUpTo,
  countRecordsUpTo,
  listLiveGrantsTo,
  listRecords,
  type StoreSchema,
} from '@custos/store';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../http/request-context.ts';
import { visibleName } from '../crm/record-view.ts';

/** How many customers of my teams, and how many grants, "my access" names. */
export const MY_TEAM_CUSTOMERS_SHOWN = 20;
export const MY_GRANTS_SHOWN = 50;

export interface NamedRef {
  id: string;
  name: string;
}

export interface MyActionScope {
  action: RecordAction;
  /** The widest scope my roles give (`none` when none does). */
  scope: DataScope;
  /** The roles of mine that give that scope (empty for `none`). */
  roles: NamedRef[];
  /** An SoD rule that blocks the action for me whatever the scope (then nothing is allowed). */
  blockedBy: NamedRef | null;
}

export interface MyObjectAccess {
  object: ObjectType;
  orgWideDefault: OrgWideDefault;
  actions: MyActionScope[];
  /** The fields I do not edit: hidden, masked or read (fields absent here are `edit`). */
  fieldLevels: Record<string, Exclude<FieldLevel, 'edit'>>;
}

export interface MyGrant {
  id: string;
  object: ObjectType;
  access: AccessLevel;
  target: {
    kind: 'record' | 'department' | 'owner' | 'all';
    /** The record, department or owner (null for `all`). */
    id: string | null;
    /** Its name as I may see it (a record's name only when I may read the record). */
    name: string | null;
    includeSubdepartments: boolean;
  };
  startsAt: string | null;
  expiresAt: string | null;
  /** To me, or to one of my groups. */
  via: { kind: 'user' } | { kind: 'group'; groupId: string; groupName: string };
}

export interface ReachCount {
  path: ReachPath;
  count: number;
  /** False when `count` is a lower bound (more than 10,000: ADR 0007). */
  exact: boolean;
}

export interface MyReach {
  object: ObjectType;
  action: 'read';
  /** The records I may read: the list endpoint's `total` for me. */
  total: number;
  totalExact: boolean;
  /** Per access path of my kind; a record on two paths counts in both. */
  paths: ReachCount[];
}

export interface MyAccess {
  user: {
    id: string;
    name: string;
    kind: 'internal' | 'portal';
    departmentId: string | null;
    departmentName: string | null;
  };
  roles: NamedRef[];
  clearance: Sensitivity;
  /** The function permissions my roles give, and the SoD rule that blocks one, if any. */
  functions: { name: string; blockedBy: NamedRef | null }[];
  objects: MyObjectAccess[];
  groups: NamedRef[];
  teams: { count: number; countExact: boolean; customers: { id: string; name: string | null }[] };
  grants: MyGrant[];
  sharingRules: { id: string; name: string; object: ObjectType; access: 'read' | 'edit' }[];
  pools: NamedRef[];
  reach: MyReach;
}

const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** My roles, scopes, functions, clearance, field levels, groups, rules and pools: policy only. */
function policyPart(ctx: RequestContext): Omit<MyAccess, 'teams' | 'grants' | 'reach'> {
  const { index, userId } = ctx;
  const principal = index.principals.get(userId);
  const user = index.users.get(userId);
  if (principal === undefined || user === undefined) {
    throw new Error(`the signed-in user ${userId} is not in the policy`);
  }
  const roles = user.roleIds
    .map((id) => index.roles.get(id))
    .filter((r) => r !== undefined)
    .map((r) => ({ id: r.id, name: r.name }));
  const roleObjects = user.roleIds.map((id) => index.roles.get(id)).filter((r) => r !== undefined);
  const sod = (rule: { id: string; name: string } | undefined): NamedRef | null =>
    rule === undefined ? null : { id: rule.id, name: rule.name };

  const objects = OBJECT_TYPES.map((object): MyObjectAccess => {
    const actions = RECORD_ACTIONS.map((action): MyActionScope => {
      const scope = roleObjects.reduce<DataScope>((widest, role) => {
        const s = role.objects[object]?.[action] ?? 'none';
        return DATA_SCOPES.indexOf(s) > DATA_SCOPES.indexOf(widest) ? s : widest;
      }, 'none');
      return {
        action,
        scope,
        roles:
          scope === 'none'
            ? []
            : roleObjects
                .filter((r) => r.objects[object]?.[action] === scope)
                .map((r) => ({ id: r.id, name: r.name })),
        blockedBy: sod(principal.sodBlocks[privilegeSlot(object, action)]),
      };
    });
    const settings = ctx.model.objects.find((o) => o.object === object);
    const fieldLevels: Record<string, Exclude<FieldLevel, 'edit'>> = {};
    for (const field of Object.keys(settings?.fields ?? {})) {
      const level = fieldLevelOf(index, userId, object, field);
      // A portal user is not told the names of the fields hidden from them (they are internal).
      if (level === 'edit' || (principal.portal && level === 'hidden')) continue;
      fieldLevels[field] = level;
    }
    return {
      object,
      orgWideDefault: index.objects.find((o) => o.object === object)?.orgWideDefault ?? 'private',
      actions,
      fieldLevels,
    };
  });

  const functions = [...principal.functions].sort().map((name) => ({
    name,
    blockedBy: sod(principal.blockedFunctions.get(name)),
  }));
  const groups = [...principal.groupIds]
    .sort()
    .map((id) => ({ id, name: index.groups.get(id)?.name ?? id }));
  const sharingRules = principal.rules.flatMap((rules) =>
    rules.map((r) => ({ id: r.id, name: r.name, object: r.object, access: r.access })),
  );
  const pools = [...principal.poolIds]
    .sort()
    .map((id) => ({ id, name: index.pools.get(id)?.name ?? id }));
  const departmentId = principal.portal ? null : user.departmentId;
  return {
    user: {
      id: user.id,
      name: user.name,
      kind: principal.portal ? 'portal' : 'internal',
      departmentId,
      departmentName:
        departmentId === null ? null : (index.departments.get(departmentId)?.name ?? null),
    },
    roles,
    clearance: (SENSITIVITIES[principal.clearance] ?? 'public') as Sensitivity,
    functions,
    objects,
    groups,
    sharingRules,
    pools,
  };
}

/** The readable customers whose team I am on: counted like a list, the first few named. */
async function teamPart(db: Kysely<StoreSchema>, ctx: RequestContext): Promise<MyAccess['teams']> {
  const predicate = and(filter(ctx.index, ctx.userId, 'read', 'customer', ctx.now), {
    kind: 'team_member',
    userId: ctx.userId,
    minAccess: 'read',
  });
  const query = { tenantId: ctx.tenantId, object: 'customer' as const, predicate };
  const [count, page] = await Promise.all([
    countRecordsUpTo(db, query),
    listRecords(db, { ...query, limit: MY_TEAM_CUSTOMERS_SHOWN, factsFor: [ctx.userId] }),
  ]);
  return {
    count: count.total,
    countExact: count.exact,
    customers: page.records.map((r) => {
      const name = visibleName(ctx, r);
      return { id: r.id, name: typeof name === 'string' ? name : null };
    }),
  };
}

/** Names of the records the grants are on, for those I may read. */
async function readableNames(
  db: Kysely<StoreSchema>,
  ctx: RequestContext,
  grants: readonly { grant: Grant; recordId: string | null }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byObject = new Map<ObjectType, string[]>();
  for (const { grant, recordId } of grants) {
    if (recordId === null) continue;
    byObject.set(grant.object, [...(byObject.get(grant.object) ?? []), recordId]);
  }
  for (const [object, ids] of byObject) {
    const predicate: Predicate = and(filter(ctx.index, ctx.userId, 'read', object, ctx.now), {
      kind: 'record_in',
      recordIds: [...new Set(ids)].sort(),
    });
    const page = await listRecords(db, {
      tenantId: ctx.tenantId,
      object,
      predicate,
      limit: MY_GRANTS_SHOWN,
      factsFor: [ctx.userId],
    });
    for (const r of page.records) {
      const name = visibleName(ctx, r);
      if (typeof name === 'string') names.set(`${object}/${r.id}`, name);
    }
  }
  return names;
}

async function grantPart(db: Kysely<StoreSchema>, ctx: RequestContext): Promise<MyGrant[]> {
  const principal = ctx.index.principals.get(ctx.userId);
  const grants = await listLiveGrantsTo(db, ctx.tenantId, {
    userId: ctx.userId,
    groupIds: [...(principal?.groupIds ?? [])],
    at: ctx.now,
    limit: MY_GRANTS_SHOWN,
  });
  const names = await readableNames(db, ctx, grants);
  return grants.map(({ grant, recordId }): MyGrant => {
    const t = grant.target;
    const target: MyGrant['target'] =
      t.kind === 'record'
        ? {
            kind: 'record',
            id: recordId ?? t.recordId,
            name: names.get(`${grant.object}/${recordId ?? t.recordId}`) ?? null,
            includeSubdepartments: false,
          }
        : t.kind === 'department'
          ? {
              kind: 'department',
              id: t.departmentId,
              name: ctx.index.departments.get(t.departmentId)?.name ?? null,
              includeSubdepartments: t.includeSubdepartments,
            }
          : t.kind === 'owner'
            ? {
                kind: 'owner',
                id: t.userId,
                name: ctx.index.users.get(t.userId)?.name ?? null,
                includeSubdepartments: false,
              }
            : { kind: 'all', id: null, name: null, includeSubdepartments: false };
    const s = grant.subject;
    return {
      id: grant.id,
      object: grant.object,
      access: grant.access,
      target,
      startsAt: iso(grant.startsAt),
      expiresAt: iso(grant.expiresAt),
      via:
        s.kind === 'user'
          ? { kind: 'user' }
          : {
              kind: 'group',
              groupId: s.groupId,
              groupName: ctx.index.groups.get(s.groupId)?.name ?? s.groupId,
            },
    };
  });
}

/**
 * How many records of `object` I may read, and through which path: the total is the list's own
 * count (`countRecordsUpTo` over `filter`), each path the engine's `reach` term counted in SQL;
 * all bounded at 10,000 (ADR 0007).
 */
export async function myReach(
  db: Kysely<StoreSchema>,
  ctx: RequestContext,
  object: ObjectType,
): Promise<MyReach> {
  const r = reach(ctx.index, ctx.userId, 'read', object, ctx.now);
  const [total, paths] = await Promise.all([
    countRecordsUpTo(db, { tenantId: ctx.tenantId, object, predicate: r.total }),
    countReachUpTo(db, { tenantId: ctx.tenantId, object, terms: r.terms }),
  ]);
  return {
    object,
    action: 'read',
    total: total.total,
    totalExact: total.exact,
    paths: paths.map((p) => ({ path: p.path, count: p.count.total, exact: p.count.exact })),
  };
}

/** Everything the console's "my access" page shows, from the engine and the store. */
export async function myAccess(
  db: Kysely<StoreSchema>,
  ctx: RequestContext,
  reachObject: ObjectType,
): Promise<MyAccess> {
  const policy = policyPart(ctx);
  const [teams, grants, reachAnswer] = await Promise.all([
    teamPart(db, ctx),
    grantPart(db, ctx),
    myReach(db, ctx, reachObject),
  ]);
  return { ...policy, teams, grants, reach: reachAnswer };
}
