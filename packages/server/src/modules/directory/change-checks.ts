import {
  checkEscalation,
  recordGrantExcess,
  updateIndex,
  type CrmRecord,
  type EscalationError,
  type Grant,
  type ModelDiff,
  type ModelError,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import { listStoredGrants, type Database } from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import { assertAdminsRemain } from './admin-lockout.ts';
import { assertEncryptionFits } from './encrypted-field-checks.ts';
import { assertNoDepartmentRecords } from './department-records.ts';

type Db = Database['db'];

/**
 * The checks a change's commit and its preview share: what the model alone cannot tell.
 */

/**
 * What the policy alone cannot tell, asked of the database and the whole model: a change that
 * would leave no active admin (CONFLICT, `last_admin`), delete a department records still belong
 * to (DEPARTMENT_NOT_EMPTY), or delete a group that grants on records still name (CONFLICT,
 * `group_in_use`). The commit and its preview ask the same.
 */
export async function assertCommittable(
  db: Db,
  tenantId: string,
  before: PolicyModel,
  after: PolicyModel,
  diff: ModelDiff,
): Promise<void> {
  // Encrypted fields and the criteria that compare stored values must not meet.
  assertEncryptionFits(after);
  if (diff.users.upserted.size + diff.roles.upserted.size + diff.roles.removed.size > 0)
    assertAdminsRemain(before, after);
  for (const id of diff.departments.removed.keys())
    await assertNoDepartmentRecords(db, tenantId, id);
  // Grants on records name groups too (they are not in the model): a group they name stays.
  for (const groupId of diff.groups.removed.keys()) {
    const naming = await listStoredGrants(db, tenantId, { limit: 20, subjectGroupId: groupId });
    if (naming.length > 0)
      throw new AppError(
        'CONFLICT',
        `group "${groupId}" is still the subject of grants on records`,
        {
          reason: 'group_in_use',
          id: groupId,
          grants: naming.map((g) => g.grant.id),
        },
      );
  }
}

/** A grant that would be over before it is given: refused, naming `grant.expiresAt`. */
export function expiredGrant(grant: Grant, now: number): ModelError | null {
  return grant.expiresAt !== null && grant.expiresAt <= now
    ? {
        code: 'ENGINE_INVALID_VALUE',
        path: 'grant.expiresAt',
        message: `grant ${grant.id} would have expired already (at ${new Date(grant.expiresAt).toISOString()})`,
      }
    : null;
}

/** Users and groups by id: the index's when the model is the indexed one, else from the model. */
export function lookupOf(
  index: PolicyIndex,
  indexed: PolicyModel,
  model: PolicyModel,
): { users: ReadonlyMap<string, unknown>; groups: ReadonlyMap<string, unknown> } {
  if (model === indexed) return index;
  return {
    users: model.users === indexed.users ? index.users : new Map(model.users.map((u) => [u.id, u])),
    groups:
      model.groups === indexed.groups ? index.groups : new Map(model.groups.map((g) => [g.id, g])),
  };
}

/** ESCALATION_DENIED (403) naming the first field and what the admin lacks; every one in `errors`. */
export function escalationDenied(errors: readonly EscalationError[]): AppError {
  const first = errors[0] as EscalationError;
  return new AppError(
    'ESCALATION_DENIED',
    `${first.message} (${first.field})${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}`,
    { field: first.field, missing: first.missing, errors },
  );
}

/**
 * No escalation (`checkEscalation`): what the change `before` → `after` would give that the
 * acting admin does not hold, judged on the admin's effective privileges in `index` (the index of
 * `before`). The system (actorId null: seeding, migrations) is not limited.
 */
export function escalationOf(
  index: PolicyIndex,
  after: PolicyModel,
  diff: ModelDiff,
  actorId: string | null,
): EscalationError[] {
  if (actorId === null) return [];
  const membership =
    diff.users.upserted.size +
      diff.groups.upserted.size +
      diff.departments.upserted.size +
      diff.roles.upserted.size +
      diff.sharingRules.upserted.size +
      diff.grants.upserted.size >
    0;
  const next = membership
    ? updateIndex(index, { ...after, version: index.version + 1 }, diff)
    : undefined;
  return checkEscalation(index, after, diff, actorId, next);
}

/** A grant on one record, judged on the record: what the acting admin may not do on it. */
export function recordGrantEscalation(
  index: PolicyIndex,
  actorId: string | null,
  grant: Grant,
  record: CrmRecord,
  now: number,
): EscalationError[] {
  return actorId === null ? [] : recordGrantExcess(index, actorId, grant, record, now);
}
