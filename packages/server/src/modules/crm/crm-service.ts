import {
  fieldLevelOf,
  filter,
  type AccessLevel,
  type ObjectType,
  type Sensitivity,
} from '@custos/engine';
import {
  createRecordAs,
  deleteRecordAs,
  lockForAction,
  ownerOf,
  readableRecord,
  transferRecordAs,
  updateRecordAs,
  writeAuditFields,
  type WriteAuditContext,
} from '@custos/records';
import {
  appendAuditEvent,
  countRecordsUpTo,
  listRecords,
  listTeam,
  putTeamMember,
  removeTeamMember,
  type Database,
  type RecordSort,
  type StoredRecord,
  CryptoError,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import { cursorBinding, type CursorSeal } from '../../http/cursor-seal.ts';
import type { RequestContext } from '../../http/request-context.ts';
import {
  filterBinding,
  filtersEncrypted,
  listNarrowing,
  type ListFilterParams,
} from './list-filters.ts';
import { openRecords, viewRecord, type RecordView } from './record-view.ts';

type Db = Database['db'];
/** A request's context with its audit part (`auditContext(request)`) for the events writes append. */
export type WriteRequestContext = RequestContext & { audit?: WriteAuditContext };
type FieldValue = string | number | boolean | null;

export interface ListParams extends ListFilterParams {
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
   * Every record the caller may read (with the name prefix and the filters): on the first page,
   * or when asked.
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

/**
 * `q` (a name prefix) and `sort=name` only for a caller who reads the name in clear: a search or an
 * order by a masked or hidden name would tell, record by record, what the name is. The level is
 * the caller's on every record of the object they read (`fieldLevelOf`), so the rule is one answer
 * per caller and object, not per record: PERMISSION_DENIED naming the parameter.
 */
function requireNameInClear(ctx: RequestContext, object: ObjectType, params: ListParams): void {
  const byName = params.sort === 'name' || params.sort === '-name';
  if (params.q === undefined && !byName) return;
  const level = fieldLevelOf(ctx.index, ctx.userId, object, 'name');
  if (level === 'read' || level === 'edit') return;
  const field = params.q !== undefined ? 'querystring/q' : 'querystring/sort';
  throw new AppError(
    'PERMISSION_DENIED',
    `${field.slice('querystring/'.length)} searches or sorts by the name, which is ${level} for you`,
    { field, level },
  );
}

/**
 * The caller's list of an object: what `filter` selects, one page, each row per field access.
 * The cursor is sealed (`cursor-seal.ts`) and bound to this list: tenant, caller, object, sort and
 * search; the store's own cursor (a sort value and an id) never reaches the caller.
 */
export async function listObjectRecords(
  db: Db,
  ctx: RequestContext,
  cursors: CursorSeal,
  object: ObjectType,
  params: ListParams,
): Promise<ListAnswer> {
  const sort = params.sort ?? '-updatedAt';
  requireNameInClear(ctx, object, params);
  const keys =
    filtersEncrypted(ctx, object, params) && ctx.keyring !== undefined
      ? await ctx.keyring.tenant(db, ctx.tenantId)
      : undefined;
  const narrow = listNarrowing(ctx, object, params, keys);
  const binding = cursorBinding(
    'crm',
    ctx.tenantId,
    ctx.userId,
    object,
    sort,
    params.q,
    filterBinding(params),
  );
  const cursor =
    params.cursor === undefined ? null : cursors.open(binding, params.cursor, 'querystring/cursor');
  const predicate = filter(ctx.index, ctx.userId, 'read', object, ctx.now);
  const query = {
    tenantId: ctx.tenantId,
    object,
    predicate,
    ...(params.q === undefined ? {} : { namePrefix: params.q }),
    ...(narrow === undefined ? {} : { narrow }),
  };
  const wantTotal = params.cursor === undefined || params.count === true;
  // The page does not wait for the count: both are sent at once, and the count's work is bounded.
  const [page, count] = await Promise.all([
    listRecords(db, {
      ...query,
      limit: params.limit,
      cursor,
      sort,
      // Each row's field levels are the caller's: only the caller's team rows are read.
      factsFor: [ctx.userId],
    }),
    wantTotal ? countRecordsUpTo(db, query) : null,
  ]);
  return {
    items: (await openRecords(db, ctx, page.records)).map((r) => viewRecord(ctx, r)),
    nextCursor: page.nextCursor === null ? null : cursors.seal(binding, page.nextCursor),
    total: count?.total ?? null,
    totalExact: count?.exact ?? null,
  };
}

export async function getObjectRecord(
  db: Db,
  ctx: RequestContext,
  object: ObjectType,
  id: string,
): Promise<RecordView> {
  const [record] = await openRecords(db, ctx, [await readableRecord(db, ctx, object, id)]);
  return viewRecord(ctx, record as StoredRecord, { withFieldLevels: true });
}

async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => work(tx));
}

/** Create a record through the one write path (`@custos/records`), answered as the caller sees it. */
export async function createObjectRecord(
  db: Db,
  ctx: WriteRequestContext,
  object: ObjectType,
  body: CreateBody,
): Promise<RecordView> {
  const written = await createRecordAs(db, ctx, object, body);
  return getObjectRecord(db, ctx, object, written.id).catch(async (error: unknown) => {
    if (error instanceof CryptoError) throw error;
    // Created but not readable afterwards (e.g. owned by someone else): answer what was written.
    const [opened] = await openRecords(db, ctx, [written]);
    return viewRecord(ctx, opened ?? written);
  });
}

export async function updateObjectRecord(
  db: Db,
  ctx: WriteRequestContext,
  object: ObjectType,
  id: string,
  body: UpdateBody,
): Promise<RecordView> {
  await updateRecordAs(db, ctx, object, id, body);
  return getObjectRecord(db, ctx, object, id);
}

export async function deleteObjectRecord(
  db: Db,
  ctx: WriteRequestContext,
  object: ObjectType,
  id: string,
): Promise<void> {
  await deleteRecordAs(db, ctx, object, id);
}

export async function transferObjectRecord(
  db: Db,
  ctx: WriteRequestContext,
  object: ObjectType,
  id: string,
  body: TransferBody,
): Promise<RecordView & { transferredChildren?: Partial<Record<ObjectType, number>> }> {
  const { children } = await transferRecordAs(db, ctx, object, id, body);
  const view = await getObjectRecord(db, ctx, object, id).catch((error: unknown) => {
    if (error instanceof CryptoError) throw error;
    return undefined;
  });
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
    name: ctx.index.users.get(m.userId)?.name ?? null,
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
  ctx: WriteRequestContext,
  customerId: string,
  userId: string,
  access: AccessLevel,
): Promise<TeamMemberView[]> {
  const at = new Date(ctx.now);
  await inTransaction(db, async (tx) => {
    await lockForAction(tx, ctx, 'customer', customerId, 'share');
    // Only now, with the customer found and shareable: whether the id is an active colleague
    // (before, a caller who cannot see the customer would learn which ids are active staff).
    ownerOf(ctx, userId, 'params/userId');
    const before = await putTeamMember(tx, ctx.tenantId, { customerId, userId, access });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...writeAuditFields(ctx),
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
  ctx: WriteRequestContext,
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
      ...writeAuditFields(ctx),
      action: 'team.remove',
      target: `customer/${customerId}`,
      before: { userId, access: member.access },
      at,
    });
  });
}
