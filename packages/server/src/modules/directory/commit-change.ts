import {
  diffModels,
  isEmptyDiff,
  validateChange,
  validateRecordGrant,
  type Grant,
  type ModelDiff,
  type ModelError,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import {
  appendAuditEvent,
  commitPolicyVersion,
  type Database,
  deleteRecordGrant,
  endUserAccess,
  findGrant,
  getRecord,
  insertRecordGrant,
  lockPolicyEntity,
  lockRecord,
  type PolicyChangeEntry,
  type PolicyEntity,
  readPolicyVersion,
  reassignOwnedRecords,
  writePolicyDiff,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import { PolicyCache } from '../../http/policy-cache.ts';
import { applyChange } from './apply-change.ts';
import {
  assertCommittable,
  escalationDenied,
  escalationOf,
  expiredGrant,
  lookupOf,
  recordGrantEscalation,
} from './change-checks.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';
import { sodCheck, sodConflictError } from './sod-checks.ts';
import { encryptionChanged, requestEncryptionSweep } from '../encryption/encryption-sweep.ts';

type Db = Database['db'];

export interface CommitOptions {
  tenantId: string;
  /** The acting admin; null for the system. */
  actorId: string | null;
  /** "Now", ms since the epoch: the audit event's time. */
  now: number;
  /**
   * If-Match: the policy version the admin saw. CONFLICT when an entity the change touches
   * changed after it (edits of other entities since do not matter).
   */
  expectedVersion?: number;
  /**
   * The node's policy cache (the model the change applies to). Without one, the policy is loaded
   * for this commit.
   */
  policy?: PolicyCache;
  /**
   * Run inside the commit's transaction, after the changes are written (e.g. a new user's
   * account and invitation): what it writes commits with the changes, and what it throws
   * rolls them back.
   */
  within?: (tx: Db, results: readonly CommitResult[]) => Promise<void>;
  /**
   * The request's part of each change's audit event (view as, request id, address, user agent):
   * `auditContext(request)` without `actorId` (which `actorId` above gives).
   */
  audit?: {
    actingAsId?: string | null;
    requestId?: string | null;
    ip?: string | null;
    userAgent?: string | null;
  };
}

export interface CommitResult {
  /** The tenant's policy version after the change. */
  version: number;
  /** The changed entity (the deleted one for a deletion). */
  entity: unknown;
  action: string;
  target: string;
  /** `user.transfer`: how many records of each object changed owner (or department). */
  ownedRecordsMoved?: Partial<Record<ObjectType, number>>;
}

/** A commit that lost the race for the next version: done again on the newer policy. */
class VersionMoved extends Error {}

/** How often a commit is tried again when another batch of the tenant committed meanwhile. */
const MAX_ATTEMPTS = 8;

/** The policy entity a change writes, to lock and to check If-Match on (creates: none). */
export function entityOf(change: PolicyChange): { entity: PolicyEntity; id: string } | null {
  switch (change.kind) {
    case 'department.create':
    case 'user.create':
    case 'role.create':
    case 'group.create':
    case 'sharing_rule.create':
    case 'grant.create':
    case 'sod_rule.create':
      return null;
    case 'department.rename':
    case 'department.move':
    case 'department.set_head':
    case 'department.delete':
      return { entity: 'department', id: change.id };
    case 'user.update':
    case 'user.transfer':
    case 'user.set_manager':
    case 'user.deactivate':
    case 'user.reactivate':
      return { entity: 'user', id: change.id };
    case 'role.update':
    case 'role.delete':
      return { entity: 'role', id: change.id };
    case 'object.set_org_wide_default':
    case 'object.set_field':
    case 'object.remove_field':
      return { entity: 'object', id: change.object };
    case 'sharing_rule.update':
      return { entity: 'sharing_rule', id: change.rule.id };
    case 'sharing_rule.delete':
      return { entity: 'sharing_rule', id: change.id };
    case 'group.update':
      return { entity: 'group', id: change.group.id };
    case 'group.delete':
    case 'group.add_member':
    case 'group.remove_member':
      return { entity: 'group', id: change.id };
    case 'grant.revoke':
      return { entity: 'grant', id: change.id };
    case 'sod_rule.update':
      return { entity: 'sod_rule', id: change.rule.id };
    case 'sod_rule.delete':
      return { entity: 'sod_rule', id: change.id };
  }
}

/** MODEL_INVALID naming the first error's path, with every error in `details.errors`. */
function invalid(errors: readonly ModelError[]): AppError {
  const first = errors[0] as ModelError;
  return new AppError(
    'MODEL_INVALID',
    `${first.message} (${first.path})${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}`,
    { errors },
  );
}

/** One committed change's outcome, and whether it was a record fact (no policy version). */
interface Applied {
  change: PolicyChange;
  outcome: ChangeOutcome;
  recordFact: boolean;
}

/**
 * A grant on one record is a fact of the record: it is checked against the policy (its subject,
 * its values) and the record (it exists, of the grant's object), then written as one row. It
 * never moves the policy version.
 */
async function applyRecordGrant(
  tx: Db,
  tenantId: string,
  model: PolicyModel,
  index: { users: ReadonlyMap<string, unknown>; groups: ReadonlyMap<string, unknown> },
  grant: Grant,
  controlledByParent: boolean,
  actor: { index: PolicyIndex; actorId: string | null; now: number },
): Promise<ChangeOutcome> {
  if (grant.target.kind !== 'record') throw new Error('not a record grant');
  const errors = validateRecordGrant(index, grant);
  if (errors.length > 0) throw invalid(errors);
  // A child controlled by its customer is decided on the customer: a grant on it would do nothing.
  if (grant.object !== 'customer' && controlledByParent)
    throw invalid([
      {
        code: 'ENGINE_INVALID_VALUE',
        path: 'grant.object',
        message: `a ${grant.object} is controlled by its customer: grant access to the customer instead`,
      },
    ]);
  const existing = await findGrant(tx, tenantId, grant.id);
  if (existing !== undefined || model.grants.some((g) => g.id === grant.id))
    throw new AppError('CONFLICT', `grant "${grant.id}" exists already`, {
      kind: 'grant',
      id: grant.id,
      field: 'body/id',
    });
  // The record and a subject group stay while this commits (a concurrent delete waits).
  const locked = await lockRecord(tx, tenantId, grant.object, grant.target.recordId);
  if (grant.subject.kind === 'group')
    await lockPolicyEntity(tx, tenantId, 'group', grant.subject.groupId);
  const record = locked
    ? await getRecord(tx, tenantId, grant.object, grant.target.recordId)
    : undefined;
  if (record === undefined)
    throw new AppError('NOT_FOUND', `no ${grant.object} ${grant.target.recordId}`, {
      field: 'body/target/recordId',
      object: grant.object,
      id: grant.target.recordId,
    });
  // No escalation: the admin may grant on the record only what they may do on it themselves.
  const excess = recordGrantEscalation(actor.index, actor.actorId, grant, record, actor.now);
  if (excess.length > 0) throw escalationDenied(excess);
  await insertRecordGrant(tx, tenantId, grant);
  return {
    model,
    action: 'grant.create',
    target: `grant/${grant.id}`,
    before: null,
    after: grant,
    entity: grant,
  };
}

/**
 * Commit a batch of admin changes as one (SCIM, a review's revocations, policy as code), all or
 * nothing (ADR 0006):
 * - lock the rows of the entities the changes touch (two admins editing different roles do not
 *   wait for each other) and check If-Match against each entity's version;
 * - apply the changes to the policy at the tenant's current version (`applyChange`, pure) and
 *   validate only what they touched (`validateChange`); refuse a batch that would lock every
 *   admin out or delete a department records still belong to;
 * - write the difference as row deltas (`writePolicyDiff`: the touched entities only), move a
 *   transferred user's records, end a deactivated user's sessions, audit each change;
 * - take the next policy version and log the changes under it (`policy_changes`), last, so the
 *   tenant's row is held only for the commit. When another batch took that version meanwhile, the
 *   whole batch runs again on the newer policy.
 * A grant on one record is a record fact: written and audited, without a policy version.
 *
 * An invalid result is refused with MODEL_INVALID (422), `details.errors` naming each path;
 * nothing is written.
 */
export async function commitChanges(
  db: Db,
  changes: readonly PolicyChange[],
  options: CommitOptions,
): Promise<{ version: number; results: CommitResult[] }> {
  const policy = options.policy ?? new PolicyCache({ db });
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => commitOnce(tx, policy, changes, options));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // Another batch of the tenant committed first (or PostgreSQL chose us as a deadlock's
      // victim): run again on the newer policy.
      const retry = error instanceof VersionMoved || code === '40P01' || code === '40001';
      if (retry && attempt < MAX_ATTEMPTS) continue;
      if (retry)
        throw new AppError('CONFLICT', 'the policy kept changing under this change; retry it', {
          reason: 'busy',
          attempts: attempt,
        });
      if (code === '23505')
        throw new AppError(
          'CONFLICT',
          'an entity of this change was created meanwhile; reload and retry',
          {
            reason: 'exists',
          },
        );
      throw error;
    }
  }
}

async function commitOnce(
  tx: Db,
  policy: PolicyCache,
  changes: readonly PolicyChange[],
  options: CommitOptions,
): Promise<{ version: number; results: CommitResult[] }> {
  const { tenantId } = options;
  // Row locks on what the batch writes, and If-Match per entity.
  // Locks in one order (entity, id), so two batches touching the same entities cannot deadlock.
  const ordered = changes
    .map(entityOf)
    .filter((t): t is { entity: PolicyEntity; id: string } => t !== null)
    .map((t) => ({ target: t, key: `${t.entity}\u0000${t.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { target } of ordered) {
    // (A grant on one record locks its row too; its version stays 0, so If-Match never refuses it.)
    const version = await lockPolicyEntity(tx, tenantId, target.entity, target.id);
    if (
      options.expectedVersion !== undefined &&
      version !== undefined &&
      version > options.expectedVersion
    ) {
      throw new AppError(
        'CONFLICT',
        `${target.entity} "${target.id}" changed at version ${version}, after version ${options.expectedVersion}; reload and retry`,
        { expectedVersion: options.expectedVersion, currentVersion: version, ...target },
      );
    }
  }

  // The policy at the tenant's current version: what the batch applies to.
  const snapshot = await policy.atLeast(tenantId, await readPolicyVersion(tx, tenantId), tx);
  const before = snapshot.model;
  let model = before;
  const applied: Applied[] = [];
  /** Grants on records this batch creates: no policy grant may take their ids. */
  const recordGrantsMade = new Set<string>();
  let revoked: Grant | undefined;
  for (const change of changes) {
    const expired = change.kind === 'grant.create' ? expiredGrant(change.grant, options.now) : null;
    if (expired !== null) throw invalid([expired]);
    if (change.kind === 'grant.create' && change.grant.target.kind === 'record') {
      const lookup = lookupOf(snapshot.index, before, model);
      const controlled =
        model.objects.find((o) => o.object === change.grant.object)?.controlledByParent ?? true;
      if (recordGrantsMade.has(change.grant.id))
        throw new AppError('CONFLICT', `grant "${change.grant.id}" is created twice`, {
          kind: 'grant',
          id: change.grant.id,
        });
      recordGrantsMade.add(change.grant.id);
      const outcome = await applyRecordGrant(
        tx,
        tenantId,
        model,
        lookup,
        change.grant,
        controlled,
        {
          index: snapshot.index,
          actorId: options.actorId,
          now: options.now,
        },
      );
      applied.push({ change, outcome, recordFact: true });
    } else if (
      change.kind === 'grant.revoke' &&
      !model.grants.some((g) => g.id === change.id) &&
      (revoked = await deleteRecordGrant(tx, tenantId, change.id)) !== undefined
    ) {
      // Not a policy grant: a grant on one record (perhaps created earlier in this batch).
      applied.push({
        change,
        outcome: {
          model,
          action: change.kind,
          target: `grant/${change.id}`,
          before: revoked,
          after: change.reason === undefined ? null : { revoked: true, reason: change.reason },
          entity: revoked,
        },
        recordFact: true,
      });
    } else {
      // Grant ids are one namespace: a policy grant may not take the id of a grant on a record.
      if (
        change.kind === 'grant.create' &&
        (recordGrantsMade.has(change.grant.id) ||
          (await findGrant(tx, tenantId, change.grant.id)) !== undefined)
      )
        throw new AppError('CONFLICT', `grant "${change.grant.id}" exists already`, {
          kind: 'grant',
          id: change.grant.id,
          field: 'body/id',
        });
      const outcome = applyChange(model, change);
      model = outcome.model;
      applied.push({ change, outcome, recordFact: false });
    }
  }

  const diff: ModelDiff = diffModels(before, model);
  // A batch of record facts only leaves the policy as it was: nothing of it to validate.
  const errors = isEmptyDiff(diff) ? [] : validateChange(before, model, diff).errors;
  if (errors.length > 0) throw invalid(errors);
  // No escalation: nothing the acting admin does not hold (the system is not limited).
  const escalation = isEmptyDiff(diff)
    ? []
    : escalationOf(snapshot.index, model, diff, options.actorId);
  if (escalation.length > 0) throw escalationDenied(escalation);
  await assertCommittable(tx, tenantId, before, model, diff);
  // Separation of duties: nobody may come to hold two members of a rule (ADR 0019).
  const madeOnRecords = applied.flatMap(({ change, recordFact }) =>
    recordFact && change.kind === 'grant.create' ? [change.grant] : [],
  );
  const sod = sodCheck(before, model, changes, options.now, madeOnRecords, snapshot.index);
  if (sod.introduced.length > 0) throw sodConflictError(model, sod.introduced);

  const policyChanges = applied.filter((a) => !a.recordFact);
  const nextVersion = snapshot.version + 1;
  if (policyChanges.length > 0) await writePolicyDiff(tx, tenantId, model, diff, nextVersion);

  const at = new Date(options.now);
  const results: CommitResult[] = [];
  const logged: PolicyChangeEntry[] = [];
  for (const { change, outcome, recordFact } of applied) {
    let after = outcome.after;
    let ownedRecordsMoved: Partial<Record<ObjectType, number>> | undefined;
    if (change.kind === 'user.transfer') {
      // Owned records follow the user to the new department (归属部门), or go to the successor.
      const owned = change.ownedRecords;
      const toOwnerId = owned.mode === 'transfer_to' ? owned.userId : change.id;
      const toDepartmentId = model.users.find((u) => u.id === toOwnerId)?.departmentId ?? null;
      const moved = await reassignOwnedRecords(tx, tenantId, {
        ownerId: change.id,
        toOwnerId,
        toDepartmentId,
      });
      after = { ...(after as object), ownedRecords: { ...owned, moved } };
      ownedRecordsMoved = moved;
    }
    // A deactivated user's sessions end with the change (the access hook refuses them anyway).
    // Their API tokens are revoked with it too (ADR 0009).
    if (change.kind === 'user.deactivate') {
      const { tokensRevoked } = await endUserAccess(tx, {
        tenantId,
        userId: change.id,
        by: options.actorId,
        now: options.now,
      });
      if (tokensRevoked.length > 0) after = { ...(after as object), revokedTokens: tokensRevoked };
    }
    await appendAuditEvent(tx, {
      tenantId,
      actorId: options.actorId,
      action: outcome.action,
      target: outcome.target,
      before: outcome.before,
      after,
      at,
      ...options.audit,
    });
    if (!recordFact)
      logged.push({
        kind: change.kind,
        change,
        before: outcome.before,
        after,
        actorId: options.actorId,
        at,
      });
    results.push({
      version: recordFact ? snapshot.version : nextVersion,
      entity: outcome.entity,
      action: outcome.action,
      target: outcome.target,
      ...(ownedRecordsMoved === undefined ? {} : { ownedRecordsMoved }),
    });
  }
  if (logged.length === 0) {
    await options.within?.(tx, results);
    return { version: snapshot.version, results };
  }
  const version = await commitPolicyVersion(tx, tenantId, snapshot.version, logged);
  if (version === null) throw new VersionMoved();
  // A field's encryption turned on or off: the sweep seals (or opens) its values, after commit.
  if (encryptionChanged(before, model))
    await requestEncryptionSweep(tx, {
      tenantId,
      reason: 'field encryption changed',
      trigger: 'policy',
      requestedBy: options.actorId,
      now: options.now,
    });
  await options.within?.(tx, results);
  return { version, results };
}

/** Commit one admin change (a batch of one); see `commitChanges`. */
export async function commitChange(
  db: Db,
  change: PolicyChange,
  options: CommitOptions,
): Promise<CommitResult> {
  const { results } = await commitChanges(db, [change], options);
  return results[0] as CommitResult;
}
