import {
  OBJECT_TYPES,
  actionName,
  objectName,
  RECORD_ACTIONS,
  decide,
  diffModels,
  filter,
  updateIndex,
  validateChange,
  validateRecordGrant,
  type CrmRecord,
  type Grant,
  type ModelError,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
  type Predicate,
  type PrincipalContext,
  type RecordAction,
} from '@custos/engine';
import { RECORD_TABLE, compilePredicate, findGrant, getRecord, type Database } from '@custos/store';
import { sql } from 'kysely';
import { AppError } from '../../http/app-error.ts';
import type { PolicyCache } from '../../http/policy-cache.ts';
import { applyChange } from './apply-change.ts';
import {
  assertCommittable,
  escalationOf,
  expiredGrant,
  lookupOf,
  recordGrantEscalation,
} from './change-checks.ts';
import type { PolicyChange } from './policy-change.ts';
import { conflictDetails, sodCheck, sodConflictError } from './sod-checks.ts';
import {
  countEncryptionImpact,
  encryptionImpactText,
  type EncryptionImpact,
} from '../encryption/encryption-impact.ts';

type Db = Database['db'];

/** One (object, action) a user gains or loses, with how many records that concerns. */
export interface AccessDelta {
  object: ObjectType;
  action: RecordAction;
  /** Records newly allowed (gains) or no longer allowed (losses). */
  records: number;
}

export interface UserImpact {
  userId: string;
  name: string;
  gains: AccessDelta[];
  losses: AccessDelta[];
  /** Where the user's access changes but was not counted within the time budget. */
  uncounted: { object: ObjectType; action: RecordAction }[];
  functionsGained: string[];
  functionsLost: string[];
}

export interface ImpactSummary {
  object: ObjectType;
  action: RecordAction;
  /**
   * Users who gain it, and the records they gain, added up per user (a record two users gain
   * counts twice). Users not counted in time are in `UserImpact.uncounted`, not here.
   */
  gained: { users: number; records: number };
  lost: { users: number; records: number };
}

export interface ChangePreview {
  valid: boolean;
  /** Why the batch would be refused: the engine's errors, or the error the change itself raises. */
  errors: (ModelError | { code: string; message: string; details: unknown })[];
  /** The policy version previewed against (what `If-Match` should carry to commit it). */
  version: number;
  users: UserImpact[];
  summary: ImpactSummary[];
  text: { 'zh-CN': string[]; 'en-US': string[] };
  /** Some users' impact was not (fully) counted within the time budget. */
  partial: boolean;
  /**
   * Users who already violate an SoD rule the batch creates or replaces (allowed, so the conflict
   * can be cleaned up; named so the admin knows). A conflict the batch would introduce is an
   * error (`SOD_CONFLICT`) instead.
   */
  sodViolations?: ReturnType<typeof conflictDetails>[];
  /** Users whose access may change and were not examined in time. */
  unexamined: number;
  /** Fields whose encryption the batch turns on or off, with the stored values that moves. */
  encryption: EncryptionImpact[];
  elapsedMs: number;
}

export interface PreviewOptions {
  tenantId: string;
  now: number;
  /** The acting admin, judged for escalation as the commit would (null or absent: the system). */
  actorId?: string | null;
  policy: PolicyCache;
  /** Time budget for the impact, ms (default 1,500). */
  budgetMs?: number;
  /** Clock for the budget (tests pass one). */
  clock?: () => number;
  /** Counting queries run at once (default 2; PGlite runs them one by one anyway). */
  concurrency?: number;
  /** On PostgreSQL a count running past the budget is cancelled (statement timeout). */
  backend?: 'pglite' | 'postgres';
}

/** Records the predicate pair gains (`after and not before`) and loses, in one scan. */
async function countDelta(
  db: Db,
  tenantId: string,
  object: ObjectType,
  before: Predicate,
  after: Predicate,
  timeoutMs: number | null,
): Promise<{ gained: number; lost: number } | null> {
  const table = RECORD_TABLE[object];
  const was = sql`coalesce(${compilePredicate(before, { table, indexLargeSets: true })}, false)`;
  const is = sql`coalesce(${compilePredicate(after, { table, indexLargeSets: true })}, false)`;
  const query = sql<{ gained: string | number; lost: string | number }>`select
      count(*) filter (where ${is} and not ${was}) as gained,
      count(*) filter (where ${was} and not ${is}) as lost
    from ${sql.table(table)} as t where t.tenant_id = ${tenantId} and (${is} or ${was})`;
  try {
    const { rows } =
      timeoutMs === null
        ? await query.execute(db)
        : // PostgreSQL cancels the count when the preview's time is up.
          await db.transaction().execute(async (tx) => {
            await sql`select set_config('statement_timeout', ${String(Math.max(1, Math.floor(timeoutMs)))}, true)`.execute(
              tx,
            );
            return query.execute(tx);
          });
    return { gained: Number(rows[0]?.gained ?? 0), lost: Number(rows[0]?.lost ?? 0) };
  } catch (error) {
    // 57014: canceled by the statement timeout — not counted in time.
    if ((error as { code?: unknown }).code === '57014') return null;
    throw error;
  }
}

function sameMembers(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).join('\u0000');

/** Whether a principal's context differs in anything but its per-slot privileges. */
function contextDiffers(a: PrincipalContext | undefined, b: PrincipalContext | undefined): boolean {
  if (a === b) return false;
  if (a === undefined || b === undefined) return true;
  return (
    a.active !== b.active ||
    a.clearance !== b.clearance ||
    a.portal !== b.portal ||
    a.portalAccountId !== b.portalAccountId ||
    a.user.departmentId !== b.user.departmentId ||
    !sameMembers(a.subordinates, b.subordinates) ||
    !sameMembers(a.departmentTree, b.departmentTree) ||
    !sameMembers(a.groupIds, b.groupIds) ||
    !sameMembers(a.poolIds, b.poolIds) ||
    a.rules.some((list, o) => ids(list) !== ids(b.rules[o] ?? [])) ||
    a.scopeGrants.some((list, o) => ids(list) !== ids(b.scopeGrants[o] ?? []))
  );
}

/** Whether the privilege or SoD block of one (object, action) differs. */
function slotDiffers(
  a: PrincipalContext | undefined,
  b: PrincipalContext | undefined,
  object: ObjectType,
  action: RecordAction,
): boolean {
  if (a === b) return false;
  if (a === undefined || b === undefined) return true;
  const slot =
    OBJECT_TYPES.indexOf(object) * RECORD_ACTIONS.length + RECORD_ACTIONS.indexOf(action);
  return a.privileges[slot] !== b.privileges[slot] || a.sodBlocks[slot] !== b.sodBlocks[slot];
}

function effectiveFunctions(index: PolicyIndex, userId: string): Set<string> {
  const ctx = index.principals.get(userId);
  if (ctx === undefined || !ctx.active) return new Set();
  return new Set([...ctx.functions].filter((f) => !ctx.blockedFunctions.has(f)));
}

/**
 * What a change (or batch) would do, without committing it: valid or the errors; and the impact —
 * which users gain or lose which action on which object, with how many records each (the engine's
 * filter before and after, counted in SQL), and function permissions gained or lost. Users whose
 * principal context the change touches are examined (all users when an org-wide default changes),
 * within a time budget: past it, the answer says it is partial. A grant on one record is previewed
 * with `decide` on that record.
 */
export async function previewChanges(
  db: Db,
  changes: readonly PolicyChange[],
  options: PreviewOptions,
): Promise<ChangePreview> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const budget = options.budgetMs ?? 1500;
  const snapshot = await options.policy.current(options.tenantId);
  const before = snapshot.model;
  const base = {
    version: snapshot.version,
    users: [] as UserImpact[],
    summary: [] as ImpactSummary[],
    text: { 'zh-CN': [] as string[], 'en-US': [] as string[] },
    partial: false,
    unexamined: 0,
    encryption: [] as EncryptionImpact[],
  };

  let model: PolicyModel = before;
  const recordGrants: { grant: Grant; added: boolean }[] = [];
  try {
    for (const change of changes) {
      if (change.kind === 'grant.create' && change.grant.target.kind === 'record') {
        recordGrants.push({ grant: change.grant, added: true });
        continue;
      }
      if (change.kind === 'grant.revoke' && !model.grants.some((g) => g.id === change.id)) {
        const stored = await findGrant(db, options.tenantId, change.id);
        if (stored?.recordId != null) {
          recordGrants.push({ grant: stored.grant, added: false });
          continue;
        }
      }
      model = applyChange(model, change).model;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ...base,
      valid: false,
      errors: [{ code: error.code, message: error.message, details: error.details }],
      elapsedMs: clock() - started,
    };
  }
  const diff = diffModels(before, model);
  const errors = [
    ...validateChange(before, model, diff).errors,
    ...recordGrants.flatMap(({ grant, added }) =>
      added ? validateRecordGrant(lookupOf(snapshot.index, before, model), grant) : [],
    ),
    ...changes.flatMap((c) => {
      const expired = c.kind === 'grant.create' ? expiredGrant(c.grant, options.now) : null;
      return expired === null ? [] : [expired];
    }),
  ];
  if (errors.length > 0) return { ...base, valid: false, errors, elapsedMs: clock() - started };
  // No escalation, as the commit judges it: the batch, and each grant on a record on its record.
  const actorId = options.actorId ?? null;
  const escalation = escalationOf(snapshot.index, model, diff, actorId);
  if (actorId !== null)
    for (const { grant, added } of recordGrants) {
      if (!added || grant.target.kind !== 'record') continue;
      const record = await getRecord(db, options.tenantId, grant.object, grant.target.recordId, {
        factsFor: [actorId],
      });
      if (record !== undefined)
        escalation.push(
          ...recordGrantEscalation(snapshot.index, actorId, grant, record, options.now),
        );
    }
  if (escalation.length > 0)
    return {
      ...base,
      valid: false,
      errors: escalation.map((e) => ({
        code: 'ESCALATION_DENIED',
        message: `${e.message} (${e.field})`,
        details: { field: e.field, missing: e.missing },
      })),
      elapsedMs: clock() - started,
    };
  // What the commit would refuse besides the model (the last admin, a department in use …).
  try {
    await assertCommittable(db, options.tenantId, before, model, diff);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      ...base,
      valid: false,
      errors: [{ code: error.code, message: error.message, details: error.details }],
      elapsedMs: clock() - started,
    };
  }

  // Separation of duties, as the commit judges it: refused conflicts, and a new rule's violators.
  const sod = sodCheck(
    before,
    model,
    changes,
    options.now,
    recordGrants.flatMap(({ grant, added }) => (added ? [grant] : [])),
    snapshot.index,
  );
  if (sod.introduced.length > 0) {
    const error = sodConflictError(model, sod.introduced);
    return {
      ...base,
      valid: false,
      errors: [{ code: error.code, message: error.message, details: error.details }],
      sodViolations: [],
      elapsedMs: clock() - started,
    };
  }
  const sodViolations = sod.violations.map((c) => conflictDetails(model, c));
  // Fields turned encrypted or clear: how many stored values the re-encryption sweep will move.
  base.encryption = await countEncryptionImpact(db, options.tenantId, before, model);

  const next = updateIndex(snapshot.index, { ...model, version: snapshot.version + 1 }, diff);
  const prev = snapshot.index;
  const impacts = new Map<string, UserImpact>();
  const impactOf = (userId: string): UserImpact => {
    let impact = impacts.get(userId);
    if (impact === undefined) {
      impact = {
        userId,
        name: next.users.get(userId)?.name ?? prev.users.get(userId)?.name ?? userId,
        gains: [],
        losses: [],
        uncounted: [],
        functionsGained: [],
        functionsLost: [],
      };
      impacts.set(userId, impact);
    }
    return impact;
  };

  // Who may be affected: every principal whose context the change rebuilt, everyone when an
  // object's sharing settings changed.
  const owdChanged = [...diff.objects.upserted].some(([object, after]) => {
    const was = diff.objects.replaced.get(object);
    return (
      was === undefined ||
      was.orgWideDefault !== after.orgWideDefault ||
      was.controlledByParent !== after.controlledByParent ||
      was.portalExposed !== after.portalExposed
    );
  });
  // Users whose decisions may read something the change touched, though their own context is
  // the same: the targets of rules whose owner group changed members, the subjects of grants on a
  // department whose subtree changed.
  const changedGroups = new Set<string>();
  for (const id of new Set([...prev.groupMembers.keys(), ...next.groupMembers.keys()]))
    if (!sameMembers(prev.groupMembers.get(id), next.groupMembers.get(id))) changedGroups.add(id);
  const broad = new Set<string>();
  const addMembers = (groupId: string) => {
    for (const id of prev.groupMembers.get(groupId) ?? []) broad.add(id);
    for (const id of next.groupMembers.get(groupId) ?? []) broad.add(id);
  };
  for (const rule of model.sharingRules)
    if (rule.source.kind === 'owner' && changedGroups.has(rule.source.ownerGroupId))
      addMembers(rule.targetGroupId);
  if (diff.departments.upserted.size + diff.departments.removed.size > 0)
    for (const grant of model.grants)
      if (grant.target.kind === 'department') {
        if (grant.subject.kind === 'user') broad.add(grant.subject.userId);
        else addMembers(grant.subject.groupId);
      }
  const candidates: string[] = [];
  for (const [id, ctx] of next.principals) {
    if (owdChanged || broad.has(id) || prev.principals.get(id) !== ctx) candidates.push(id);
  }

  // 1. Which (user, object, action) change: the engine's filter before and after, only for the
  // slots the user's context says may differ.
  interface Job {
    userId: string;
    object: ObjectType;
    action: RecordAction;
    p1: Predicate;
    p2: Predicate;
  }
  const jobs: Job[] = [];
  let examined = 0;
  const diffBudget = budget / 2;
  for (const userId of candidates) {
    if (clock() - started > diffBudget) break;
    examined++;
    const fBefore = effectiveFunctions(prev, userId);
    const fAfter = effectiveFunctions(next, userId);
    const gainedF = [...fAfter].filter((f) => !fBefore.has(f));
    const lostF = [...fBefore].filter((f) => !fAfter.has(f));
    if (gainedF.length + lostF.length > 0) {
      const impact = impactOf(userId);
      impact.functionsGained = gainedF;
      impact.functionsLost = lostF;
    }
    const a = prev.principals.get(userId);
    const b = next.principals.get(userId);
    const all = owdChanged || broad.has(userId) || contextDiffers(a, b);
    for (const object of OBJECT_TYPES) {
      for (const action of RECORD_ACTIONS) {
        if (!all && !slotDiffers(a, b, object, action)) continue;
        const p1 = filter(prev, userId, action, object, options.now);
        const p2 = filter(next, userId, action, object, options.now);
        if (JSON.stringify(p1) !== JSON.stringify(p2))
          jobs.push({ userId, object, action, p1, p2 });
      }
    }
  }
  base.unexamined = candidates.length - examined;
  if (base.unexamined > 0) base.partial = true;

  // 2. How many records each gains and loses: one count per distinct pair of predicates, a few at
  // once, until the budget is spent; the rest are listed without a count.
  const counts = new Map<string, Promise<{ gained: number; lost: number } | null>>();
  const keyOf = (j: Job) => `${j.object}\u0000${JSON.stringify(j.p1)}\u0000${JSON.stringify(j.p2)}`;
  let nextJob = 0;
  const results = new Array<{ gained: number; lost: number } | null>(jobs.length).fill(null);
  // On PostgreSQL a count is cancelled when the budget is spent; elsewhere none starts that the
  // slowest so far could not finish in time.
  const cancellable = options.backend === 'postgres';
  let slowest = 0;
  const worker = async () => {
    for (let k = nextJob++; k < jobs.length; k = nextJob++) {
      const left = budget - (clock() - started);
      if (left <= 0 || (!cancellable && left < slowest)) return;
      const job = jobs[k] as Job;
      const key = keyOf(job);
      let pending = counts.get(key);
      if (pending === undefined) {
        const t0 = clock();
        pending = countDelta(
          db,
          options.tenantId,
          job.object,
          job.p1,
          job.p2,
          cancellable ? left : null,
        ).then((r) => {
          slowest = Math.max(slowest, clock() - t0);
          return r;
        });
        counts.set(key, pending);
      }
      results[k] = await pending;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  jobs.forEach((job, k) => {
    const r = results[k] ?? null;
    if (r === null) {
      // Its access there changes, but whether it gains or loses was not counted in time.
      base.partial = true;
      impactOf(job.userId).uncounted.push({ object: job.object, action: job.action });
      return;
    }
    if (r.gained > 0)
      impactOf(job.userId).gains.push({
        object: job.object,
        action: job.action,
        records: r.gained,
      });
    if (r.lost > 0)
      impactOf(job.userId).losses.push({ object: job.object, action: job.action, records: r.lost });
  });

  // Grants on one record: decide on that record with and without the grant.
  for (const { grant, added } of recordGrants) {
    if (grant.target.kind !== 'record') continue;
    const record = await getRecord(db, options.tenantId, grant.object, grant.target.recordId);
    if (record === undefined) {
      return {
        ...base,
        valid: false,
        errors: [
          {
            code: 'NOT_FOUND',
            message: `no ${grant.object} ${grant.target.recordId}`,
            details: { field: 'changes/grant/target/recordId' },
          },
        ],
        elapsedMs: clock() - started,
      };
    }
    const others = (record.grants ?? []).filter((g) => g.id !== grant.id);
    const without: CrmRecord = { ...record, grants: others };
    const withGrant: CrmRecord = { ...record, grants: [...others, grant] };
    const subjects =
      grant.subject.kind === 'user'
        ? [grant.subject.userId]
        : [...(next.groupMembers.get(grant.subject.groupId) ?? [])];
    for (const userId of subjects) {
      for (const action of RECORD_ACTIONS) {
        const a = decide(next, userId, action, without, options.now);
        const b = decide(next, userId, action, withGrant, options.now);
        if (a === b) continue;
        const delta = { object: grant.object, action, records: 1 };
        if (b === added) impactOf(userId).gains.push(delta);
        else impactOf(userId).losses.push(delta);
      }
    }
  }

  const users = [...impacts.values()].filter(
    (u) =>
      u.gains.length +
        u.losses.length +
        u.uncounted.length +
        u.functionsGained.length +
        u.functionsLost.length >
      0,
  );
  const summary = new Map<string, ImpactSummary>();
  for (const u of users) {
    for (const [list, side] of [
      [u.gains, 'gained'],
      [u.losses, 'lost'],
    ] as const) {
      for (const d of list) {
        const key = `${d.object}:${d.action}`;
        const s = summary.get(key) ?? {
          object: d.object,
          action: d.action,
          gained: { users: 0, records: 0 },
          lost: { users: 0, records: 0 },
        };
        s[side].users++;
        s[side].records += d.records;
        summary.set(key, s);
      }
    }
  }
  const text = encryptionImpactText(base.encryption, model, before);
  const n = (x: number) => x.toLocaleString('en-US');
  for (const s of summary.values()) {
    if (s.gained.users > 0) {
      text['zh-CN'].push(
        `${n(s.gained.users)} 位用户获得${objectName(s.object, 'zh-CN')}的${actionName(s.action, 'zh-CN')}权限(共 ${n(s.gained.records)} 条记录,按人累计)`,
      );
      text['en-US'].push(
        `grants ${n(s.gained.users)} users ${s.action} on ${n(s.gained.records)} ${s.object} records (added up per user)`,
      );
    }
    if (s.lost.users > 0) {
      text['zh-CN'].push(
        `${n(s.lost.users)} 位用户失去${objectName(s.object, 'zh-CN')}的${actionName(s.action, 'zh-CN')}权限(共 ${n(s.lost.records)} 条记录,按人累计)`,
      );
      text['en-US'].push(
        `revokes ${n(s.lost.users)} users' ${s.action} on ${n(s.lost.records)} ${s.object} records (added up per user)`,
      );
    }
  }
  const fGained = users.filter((u) => u.functionsGained.length > 0).length;
  const fLost = users.filter((u) => u.functionsLost.length > 0).length;
  if (fGained > 0) {
    text['zh-CN'].push(`${n(fGained)} 位用户获得功能权限`);
    text['en-US'].push(`grants function permissions to ${n(fGained)} users`);
  }
  if (fLost > 0) {
    text['zh-CN'].push(`${n(fLost)} 位用户失去功能权限`);
    text['en-US'].push(`revokes function permissions from ${n(fLost)} users`);
  }
  if (users.length === 0) {
    text['zh-CN'].push('没有用户的访问权限发生变化');
    text['en-US'].push("no user's access changes");
  }
  const uncounted = users.filter((u) => u.uncounted.length > 0).length;
  if (uncounted > 0) {
    text['zh-CN'].push(`另有 ${n(uncounted)} 位用户的访问权限有变化,未在时限内统计记录数`);
    text['en-US'].push(`${n(uncounted)} more users' access changes, not counted in time`);
  }
  if (base.partial) {
    text['zh-CN'].push('(部分结果:在时限内未能统计全部影响)');
    text['en-US'].push('(partial: not every impact could be counted in time)');
  }
  return {
    ...base,
    valid: true,
    errors: [],
    users,
    summary: [...summary.values()],
    text,
    sodViolations,
    elapsedMs: clock() - started,
  };
}
