import {
  decide,
  filter,
  type AccessLevel,
  type CrmRecord,
  type ObjectType,
  type RecordAction,
  type Sensitivity,
  type TeamMember,
} from '@custos/engine';
import {
  appendAuditEvent,
  bumpPolicyVersion,
  countChildren,
  countRecordsUpTo,
  deleteRecord,
  getRecord,
  insertRecord,
  listRecords,
  listTeam,
  lockRecord,
  putTeamMember,
  removeTeamMember,
  transferChildren,
  updateRecord,
  type Database,
  type RecordSort,
  type StoredRecord,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import {
  ownerOf,
  portalAccountOf,
  prepareCreate,
  prepareUpdate,
  requireAction,
} from './record-rules.ts';
import { viewRecord, type RecordView } from './record-view.ts';

type Db = Database['db'];
type FieldValue = string | number | boolean | null;

export interface ListParams {
  limit: number;
  cursor?: string;
  sort?: RecordSort;
  /** Name prefix. */
  q?: string;
  /** Count the total even on later pages (always counted on the first page). */
  count?: boolean;
}

export interface ListAnswer {
  items: RecordView[];
  nextCursor: string | null;
  /**
   * Every record the caller may read (with the name prefix): on the first page, or when asked.
   * Exact up to `COUNT_EXACT_UP_TO` (10,000); past it `total` is that threshold, a lower bound.
   */
  total: number | null;
  /** False when `total` is a lower bound ("10,000+", ADR 0007); null when not counted. */
  totalExact: boolean | null;
}

export interface CreateBody {
  fields: Record<string, FieldValue>;
  /** Children: the customer they belong to. */
  customerId?: string;
  /** Default: the caller. */
  ownerId?: string;
  sensitivity?: Sensitivity;
}

export interface UpdateBody {
  fields?: Record<string, FieldValue>;
  sensitivity?: Sensitivity;
}

export interface TransferBody {
  ownerId: string;
  /** Customers: also hand over the children the previous owner owned. */
  includeChildren?: boolean;
}

export interface TeamMemberView {
  userId: string;
  name: string | null;
  access: AccessLevel;
}

const notFound = (object: ObjectType, id: string) =>
  new AppError('NOT_FOUND', `no ${object} ${id}`, { object, id });

/** The caller's list of an object: what `filter` selects, one page, each row per field access. */
export async function listObjectRecords(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  params: ListParams,
): Promise<ListAnswer> {
  const predicate = filter(ctx.index, ctx.userId, 'read', object, ctx.now);
  const query = {
    tenantId: ctx.tenantId,
    object,
    predicate,
    ...(params.q === undefined ? {} : { namePrefix: params.q }),
  };
  const wantTotal = params.cursor === undefined || params.count === true;
  // The page does not wait for the count: both are sent at once, and the count's work is bounded.
  const [page, count] = await Promise.all([
    listRecords(db, {
      ...query,
      limit: params.limit,
      cursor: params.cursor ?? null,
      sort: params.sort ?? '-updatedAt',
    }),
    wantTotal ? countRecordsUpTo(db, query) : null,
  ]);
  return {
    items: page.records.map((r) => viewRecord(ctx, r)),
    nextCursor: page.nextCursor,
    total: count?.total ?? null,
    totalExact: count?.exact ?? null,
  };
}

/** A record the caller may read, or NOT_FOUND (an unreadable record does not exist for them). */
export async function readableRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
): Promise<StoredRecord> {
  const record = await getRecord(db, ctx.tenantId, object, id);
  if (record === undefined || !decide(ctx.index, ctx.userId, 'read', record, ctx.now)) {
    throw notFound(object, id);
  }
  return record;
}

export async function getObjectRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
): Promise<RecordView> {
  return viewRecord(ctx, await readableRecord(db, ctx, object, id), { withFieldLevels: true });
}

/**
 * Inside a write's transaction: lock the record's row, read it, and check the caller may read it
 * (else NOT_FOUND) and, when given, take `action` on it (else PERMISSION_DENIED).
 */
async function lockForAction(
  tx: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
  action?: RecordAction,
): Promise<StoredRecord> {
  if (!(await lockRecord(tx, ctx.tenantId, object, id))) throw notFound(object, id);
  const current = await readableRecord(tx, ctx, object, id);
  if (action !== undefined) requireAction(ctx, action, current);
  return current;
}

function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      b[name] = before[name] ?? null;
      a[name] = after[name] ?? null;
    }
  }
  return { before: b, after: a };
}

/** The stored attributes of a record, for the audit trail. */
function auditState(r: CrmRecord): Record<string, unknown> {
  return {
    ownerId: r.ownerId,
    departmentId: r.departmentId,
    sensitivity: r.sensitivity,
    customerId: r.customerId,
    fields: r.fields,
  };
}

async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => work(tx));
}

export async function createObjectRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  body: CreateBody,
): Promise<RecordView> {
  const portalAccountId = portalAccountOf(ctx);
  let parent: StoredRecord | undefined;
  if (object !== 'customer') {
    const customerId = body.customerId ?? portalAccountId ?? undefined;
    if (customerId === undefined || customerId === null) {
      throw new AppError('REQUEST_INVALID', `a ${object} belongs to a customer`, {
        field: 'body/customerId',
      });
    }
    parent = await getRecord(db, ctx.tenantId, 'customer', customerId);
    const visible =
      parent !== undefined &&
      (portalAccountId === undefined
        ? decide(ctx.index, ctx.userId, 'read', parent, ctx.now)
        : parent.id === portalAccountId);
    if (!visible) {
      throw new AppError('NOT_FOUND', `no customer ${customerId}`, {
        field: 'body/customerId',
        object: 'customer',
        id: customerId,
      });
    }
  } else if (body.customerId !== undefined) {
    throw new AppError('REQUEST_INVALID', 'a customer belongs to no customer', {
      field: 'body/customerId',
    });
  }
  const record = prepareCreate(ctx, object, body, parent);
  const id = record.id;
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    await insertRecord(tx, ctx.tenantId, record, at);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: `${object}.create`,
      target: `${object}/${id}`,
      after: auditState(record),
      at,
    });
  });
  return getObjectRecord(db, ctx, object, id).catch(() =>
    // Created but not readable afterwards (e.g. owned by someone else): answer what was written.
    viewRecord(ctx, { ...record, parent, updatedAt: at.toISOString() } as StoredRecord),
  );
}

export async function updateObjectRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
  body: UpdateBody,
): Promise<RecordView> {
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    const current = await lockForAction(tx, ctx, object, id);
    const next = prepareUpdate(ctx, current, body);
    await updateRecord(tx, ctx.tenantId, next, at);
    const diff = changedFields(current.fields, next.fields);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: `${object}.update`,
      target: `${object}/${id}`,
      before: {
        fields: diff.before,
        ...(next.sensitivity === current.sensitivity ? {} : { sensitivity: current.sensitivity }),
      },
      after: {
        fields: diff.after,
        ...(next.sensitivity === current.sensitivity ? {} : { sensitivity: next.sensitivity }),
      },
      at,
    });
  });
  return getObjectRecord(db, ctx, object, id);
}

export async function deleteObjectRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
): Promise<void> {
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    const current = await lockForAction(tx, ctx, object, id, 'delete');
    let team: TeamMember[] = [];
    if (object === 'customer') {
      const children = await countChildren(tx, ctx.tenantId, id);
      if (Object.keys(children).length > 0) {
        throw new AppError('CONFLICT', `customer ${id} still has related records`, {
          reason: 'has_children',
          children,
        });
      }
      // Its team goes with it (`deleteRecord`); the team is policy, so the version moves, and
      // the audit event keeps who was on it.
      team = await listTeam(tx, ctx.tenantId, id);
      if (team.length > 0) await bumpPolicyVersion(tx, ctx.tenantId);
    }
    await deleteRecord(tx, ctx.tenantId, object, id);
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: `${object}.delete`,
      target: `${object}/${id}`,
      before: { ...auditState(current), ...(team.length > 0 ? { team } : {}) },
      at,
    });
  });
}

export async function transferObjectRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
  body: TransferBody,
): Promise<RecordView & { transferredChildren?: Partial<Record<ObjectType, number>> }> {
  const owner = ownerOf(ctx, body.ownerId, 'body/ownerId');
  if (body.includeChildren === true && object !== 'customer') {
    throw new AppError('REQUEST_INVALID', 'only a customer has related records to take along', {
      field: 'body/includeChildren',
    });
  }
  const at = new Date(ctx.now);
  const children = await inTransaction(db, async (tx) => {
    const current = await lockForAction(tx, ctx, object, id, 'transfer');
    const next: CrmRecord = { ...current, ownerId: owner.id, departmentId: owner.departmentId };
    await updateRecord(tx, ctx.tenantId, next, at);
    const moved =
      body.includeChildren === true && current.ownerId !== null
        ? await transferChildren(
            tx,
            ctx.tenantId,
            {
              customerId: id,
              fromOwnerId: current.ownerId,
              toOwnerId: owner.id,
              toDepartmentId: owner.departmentId,
            },
            at,
          )
        : undefined;
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: `${object}.transfer`,
      target: `${object}/${id}`,
      before: { ownerId: current.ownerId, departmentId: current.departmentId },
      after: {
        ownerId: next.ownerId,
        departmentId: next.departmentId,
        ...(moved === undefined ? {} : { children: moved }),
      },
      at,
    });
    return moved;
  });
  const view = await readableRecord(db, ctx, object, id)
    .then((r) => viewRecord(ctx, r, { withFieldLevels: true }))
    .catch(() => undefined);
  if (view === undefined) {
    // Handed to someone whose records the caller cannot see: say so without the fields.
    throw new AppError(
      'NOT_FOUND',
      `${object} ${id} was transferred and is no longer visible to you`,
      {
        object,
        id,
        transferred: true,
      },
    );
  }
  return children === undefined ? view : { ...view, transferredChildren: children };
}

function teamView(ctx: RequestContext, members: { userId: string; access: AccessLevel }[]) {
  return members.map((m) => ({
    userId: m.userId,
    name: ctx.model.users.find((u) => u.id === m.userId)?.name ?? null,
    access: m.access,
  }));
}

export async function getCustomerTeam(
  db: Db,
  ctx: RequestContext,
  customerId: string,
): Promise<TeamMemberView[]> {
  await readableRecord(db, ctx, 'customer', customerId);
  return teamView(ctx, await listTeam(db, ctx.tenantId, customerId));
}

export async function putCustomerTeamMember(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  userId: string,
  access: AccessLevel,
): Promise<TeamMemberView[]> {
  ownerOf(ctx, userId, 'params/userId');
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    await lockForAction(tx, ctx, 'customer', customerId, 'share');
    const before = await putTeamMember(tx, ctx.tenantId, { customerId, userId, access });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: before === null ? 'team.add' : 'team.update',
      target: `customer/${customerId}`,
      before: before === null ? null : { userId, access: before },
      after: { userId, access },
      at,
    });
  });
  return teamView(ctx, await listTeam(db, ctx.tenantId, customerId));
}

export async function removeCustomerTeamMember(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  userId: string,
): Promise<void> {
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    await lockForAction(tx, ctx, 'customer', customerId, 'share');
    const team = await listTeam(tx, ctx.tenantId, customerId);
    const member = team.find((m) => m.userId === userId);
    if (member === undefined || !(await removeTeamMember(tx, ctx.tenantId, customerId, userId))) {
      throw new AppError('NOT_FOUND', `${userId} is not on the team of customer ${customerId}`, {
        object: 'team_member',
        id: userId,
      });
    }
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      action: 'team.remove',
      target: `customer/${customerId}`,
      before: { userId, access: member.access },
      at,
    });
  });
}
