import {
  createFieldAccess,
  decide,
  fieldAccess,
  hasFunction,
  ID_RULE,
  isId,
  rank,
  type CrmRecord,
  type ObjectType,
  type RecordAction,
  type Sensitivity,
  type User,
} from '@custos/engine';
import { randomUUID } from 'node:crypto';
import { RecordError } from './record-error.ts';
import type { DecisionContext } from './write-context.ts';

/**
 * The rules of a record write, as pure functions over the policy at hand: who may create or
 * change which record, which fields, which owner, which sensitivity. The CRM API and the
 * command-line import (`custos import`) both go through them, so a write is judged the same way
 * whichever door it comes in by. Each throws a `RecordError` naming the field at fault
 * (`details.field`: `body/fields/creditLimit`).
 */

export interface CreateInput {
  fields: Record<string, unknown>;
  /** Default: the caller (a portal user may not choose: the account's owner owns it). */
  ownerId?: string;
  /** Default: `internal`. */
  sensitivity?: Sensitivity;
  /** Default: a fresh `<obj>-<uuid>`. Given (an import), an id by the one rule (`isId`). */
  id?: string;
}

export interface UpdateInput {
  fields?: Record<string, unknown>;
  sensitivity?: Sensitivity;
}

/** The caller's portal account: undefined for internal users (null: a portal user without one). */
export function portalAccountOf(ctx: DecisionContext): string | null | undefined {
  const me = ctx.index.users.get(ctx.userId);
  return me?.kind === 'portal' ? (me.portalAccountId ?? null) : undefined;
}

/**
 * The record a create makes, checked: known fields, a customer's name, the owner (an active
 * internal user; for a portal user the account's owner, and the portal user is creator and
 * contact — their `own` scope), the sensitivity within the caller's clearance, the right to create
 * it, and `edit` on every field given. `parent` is the customer of a child, already found and
 * shown to be visible to the caller.
 */
export function prepareCreate(
  ctx: DecisionContext,
  object: ObjectType,
  input: CreateInput,
  parent?: CrmRecord,
): CrmRecord {
  if (input.id !== undefined && !isId(input.id)) {
    throw new RecordError('REQUEST_INVALID', `"${input.id}" is not a valid id (${ID_RULE})`, {
      field: 'body/id',
    });
  }
  checkKnownFields(ctx, object, input.fields);
  if (object === 'customer' && typeof input.fields.name !== 'string') {
    throw new RecordError('REQUEST_INVALID', 'a customer needs a name', {
      field: 'body/fields/name',
    });
  }
  const portalAccountId = portalAccountOf(ctx);
  if (portalAccountId !== undefined && input.ownerId !== undefined) {
    throw new RecordError('REQUEST_INVALID', 'a portal user does not choose the owner', {
      field: 'body/ownerId',
    });
  }
  const owner =
    portalAccountId === undefined
      ? ownerOf(ctx, input.ownerId ?? ctx.userId, 'body/ownerId')
      : { id: parent?.ownerId ?? null, departmentId: parent?.departmentId ?? null };
  const sensitivity = input.sensitivity ?? 'internal';
  checkSensitivity(ctx, sensitivity);
  const id = input.id ?? `${object.slice(0, 3)}-${randomUUID()}`;
  const record: CrmRecord = {
    object,
    id,
    customerId: parent?.id ?? id,
    ownerId: owner.id,
    departmentId: owner.departmentId,
    sensitivity,
    createdById: ctx.userId,
    contactUserId: portalAccountId === undefined ? null : ctx.userId,
    poolId: null,
    fields: { ...input.fields },
    ...(parent === undefined ? {} : { parent }),
  };
  requireAction(ctx, 'create', record);
  checkEditable(createFieldAccess(ctx.index, ctx.userId, object, record, ctx.now), input.fields);
  return record;
}

/**
 * The record an update makes of `current` (which the caller may read), checked: the right to
 * update it, known fields, `edit` on every field given, the sensitivity within the caller's
 * clearance, and a customer keeps a name.
 */
export function prepareUpdate(
  ctx: DecisionContext,
  current: CrmRecord,
  input: UpdateInput,
): CrmRecord {
  const fields = input.fields ?? {};
  requireAction(ctx, 'update', current);
  checkKnownFields(ctx, current.object, fields);
  checkEditable(fieldAccess(ctx.index, ctx.userId, current.object, current, ctx.now), fields);
  if (input.sensitivity !== undefined) {
    checkSensitivity(ctx, input.sensitivity);
    checkDeclassify(ctx, current.sensitivity, input.sensitivity);
  }
  const next: CrmRecord = {
    ...current,
    sensitivity: input.sensitivity ?? current.sensitivity,
    fields: { ...current.fields, ...fields },
  };
  if (current.object === 'customer' && typeof next.fields.name !== 'string') {
    throw new RecordError('REQUEST_INVALID', 'a customer needs a name', {
      field: 'body/fields/name',
    });
  }
  return next;
}

export function requireAction(ctx: DecisionContext, action: RecordAction, record: CrmRecord): void {
  if (!decide(ctx.index, ctx.userId, action, record, ctx.now)) {
    throw new RecordError('PERMISSION_DENIED', `you may not ${action} this ${record.object}`, {
      action,
      object: record.object,
      id: record.id,
    });
  }
}

/** Every field of the body must be a known field of the object. */
export function checkKnownFields(
  ctx: DecisionContext,
  object: ObjectType,
  fields: Record<string, unknown>,
): void {
  const known = ctx.model.objects.find((o) => o.object === object)?.fields ?? {};
  for (const name of Object.keys(fields)) {
    // An own property of the catalogue: `constructor` or `__proto__` is no field of any object.
    if (!Object.hasOwn(known, name)) {
      throw new RecordError('REQUEST_INVALID', `${name} is not a field of ${object}`, {
        field: `body/fields/${name}`,
      });
    }
  }
}

/** Every field written must be `edit` for the caller; the first that is not is named. */
export function checkEditable(
  levels: Record<string, string>,
  fields: Record<string, unknown>,
): void {
  for (const name of Object.keys(fields)) {
    const level = Object.hasOwn(levels, name) ? levels[name] : 'hidden';
    if (level !== 'edit') {
      throw new RecordError('FIELD_NOT_EDITABLE', `you may not edit the field ${name}`, {
        field: `body/fields/${name}`,
        level,
      });
    }
  }
}

/** A sensitivity the caller is cleared for (one cannot label a record above what one may see). */
export function checkSensitivity(ctx: DecisionContext, sensitivity: Sensitivity): void {
  const me = ctx.index.principals.get(ctx.userId);
  if (me === undefined || rank.sensitivity(sensitivity) > me.clearance) {
    throw new RecordError('PERMISSION_DENIED', `you may not label a record ${sensitivity}`, {
      field: 'body/sensitivity',
      sensitivity,
    });
  }
}

/** The function permission that lowers a record's sensitivity (declassification). */
export const DECLASSIFY_FUNCTION = 'declassify';

/** Whether a change of sensitivity lowers it (a declassification). */
export function isDeclassification(from: Sensitivity, to: Sensitivity): boolean {
  return rank.sensitivity(to) < rank.sensitivity(from);
}

/**
 * Lowering a record's sensitivity (declassification) needs the function permission `declassify`:
 * otherwise any updater could undo the clearance layer by relabelling a record down. Raising it
 * needs only the clearance (`checkSensitivity`).
 */
export function checkDeclassify(ctx: DecisionContext, from: Sensitivity, to: Sensitivity): void {
  if (isDeclassification(from, to) && !hasFunction(ctx.index, ctx.userId, DECLASSIFY_FUNCTION)) {
    throw new RecordError(
      'PERMISSION_DENIED',
      `lowering a record's sensitivity from ${from} to ${to} needs the function permission ${DECLASSIFY_FUNCTION}`,
      { field: 'body/sensitivity', function: DECLASSIFY_FUNCTION, sensitivity: to },
    );
  }
}

/** An active internal user who can own records. */
export function ownerOf(ctx: DecisionContext, userId: string, field: string): User {
  const user = ctx.index.users.get(userId);
  if (user === undefined || user.status !== 'active' || user.kind !== 'internal') {
    throw new RecordError('REQUEST_INVALID', `${userId} is not an active internal user`, {
      field,
      userId,
    });
  }
  return user;
}
