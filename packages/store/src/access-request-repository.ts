import type { AuditEvent } from './audit-repository.ts';
import { sql, type Kysely, type Selectable } from 'kysely';
import { appendAuditEvent } from './audit-repository.ts';
import { notifyUser } from './notification-repository.ts';
import type { AccessRequestRow, StoreSchema } from './schema.ts';

/** What an access request asks for: one record, a wider scope, or a role. */
export type AccessRequestKind = 'record' | 'scope' | 'role';
export type AccessRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
export const ACCESS_REQUEST_KINDS = ['record', 'scope', 'role'] as const;
export const APPROVAL_STEP_KINDS = [
  'manager',
  'department_head',
  'data_owner',
  'user',
  'function',
] as const;
export type ApprovalStepKind = (typeof APPROVAL_STEP_KINDS)[number];

/** One step of an approval chain as configured. */
export interface ApprovalStepSpec {
  kind: ApprovalStepKind;
  /** `department_head`: of the requester's department (default) or of the record's. */
  of?: 'requester' | 'record';
  /** `user`: the named approver. */
  userId?: string;
  /** `function`: any active holder of this function permission. */
  functionName?: string;
}

/** Why a step's approvers are not the ones its kind names at first: each hop up the line. */
export interface StepRoute {
  /** The candidate passed over (null: the kind names nobody, e.g. no manager). */
  from: string | null;
  reason: 'none' | 'requester' | 'inactive' | 'cannot_grant' | 'top_of_line' | 'already_approved';
  /** Where it went: the candidate's manager, or the tenant's role_admin holders. */
  to: string[];
}

/** One step of a request's chain: who may decide it, how it was routed, and its decision. */
export interface RequestStep {
  spec: ApprovalStepSpec;
  approverIds: string[];
  routes: StepRoute[];
  decision: 'approved' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: number | null;
  reason: string | null;
  /** Approved with a shorter duration: the days this step allowed. */
  days: number | null;
}

export type RequestScope =
  | { kind: 'department'; departmentId: string; includeSubdepartments: boolean }
  | { kind: 'owner'; userId: string }
  | { kind: 'all' };

export interface AccessRequest {
  id: string;
  tenantId: string;
  requesterId: string;
  kind: AccessRequestKind;
  object: string | null;
  recordId: string | null;
  scope: RequestScope | null;
  roleId: string | null;
  access: 'read' | 'edit' | null;
  requestedDays: number;
  grantedDays: number;
  reason: string;
  status: AccessRequestStatus;
  chainId: string | null;
  steps: RequestStep[];
  currentStep: number;
  waitingOn: string[];
  createdAt: number;
  decidedAt: number | null;
  expiresAt: number | null;
  grantId: string | null;
  closedReason: string | null;
}

export interface ApprovalChain {
  id: string;
  name: string;
  requestKind: AccessRequestKind;
  /** null: any object. */
  object: string | null;
  /** null: any sensitivity. */
  sensitivity: string | null;
  steps: ApprovalStepSpec[];
  updatedAt: number;
  updatedBy: string | null;
}

type Db = Kysely<StoreSchema>;

const millis = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function toRequest(r: Selectable<AccessRequestRow>): AccessRequest {
  return {
    id: String(r.id),
    tenantId: r.tenant_id,
    requesterId: r.requester_id,
    kind: r.kind as AccessRequestKind,
    object: r.object,
    recordId: r.record_id,
    scope: r.scope === null ? null : json<RequestScope>(r.scope),
    roleId: r.role_id,
    access: r.access as AccessRequest['access'],
    requestedDays: r.requested_days,
    grantedDays: r.granted_days,
    reason: r.reason,
    status: r.status as AccessRequestStatus,
    chainId: r.chain_id,
    steps: json<RequestStep[]>(r.steps),
    currentStep: r.current_step,
    waitingOn: json<string[]>(r.waiting_on),
    createdAt: millis(r.created_at),
    decidedAt: r.decided_at === null ? null : millis(r.decided_at),
    expiresAt: r.expires_at === null ? null : millis(r.expires_at),
    grantId: r.grant_id,
    closedReason: r.closed_reason,
  };
}

export type NewAccessRequest = Omit<
  AccessRequest,
  'id' | 'decidedAt' | 'expiresAt' | 'grantId' | 'closedReason' | 'status'
>;

/** Store a new (pending) request; returns it with its id. */
export async function insertAccessRequest(db: Db, r: NewAccessRequest): Promise<AccessRequest> {
  const row = await db
    .insertInto('access_requests')
    .values({
      tenant_id: r.tenantId,
      requester_id: r.requesterId,
      kind: r.kind,
      object: r.object,
      record_id: r.recordId,
      scope: r.scope === null ? null : JSON.stringify(r.scope),
      role_id: r.roleId,
      access: r.access,
      requested_days: r.requestedDays,
      granted_days: r.grantedDays,
      reason: r.reason,
      status: 'pending',
      chain_id: r.chainId,
      steps: JSON.stringify(r.steps),
      current_step: r.currentStep,
      waiting_on: JSON.stringify(r.waitingOn),
      created_at: new Date(r.createdAt),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRequest(row);
}

/** One request; `forUpdate` locks its row for the rest of the transaction. */
export async function getAccessRequest(
  db: Db,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AccessRequest | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  let q = db
    .selectFrom('access_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (options.forUpdate === true) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row === undefined ? undefined : toRequest(row);
}

/** Write a request's changed state (status, steps, decision, expiry, grant). */
export async function saveAccessRequest(db: Db, r: AccessRequest): Promise<void> {
  await db
    .updateTable('access_requests')
    .set({
      status: r.status,
      granted_days: r.grantedDays,
      steps: JSON.stringify(r.steps),
      current_step: r.currentStep,
      waiting_on: JSON.stringify(r.waitingOn),
      decided_at: r.decidedAt === null ? null : new Date(r.decidedAt),
      expires_at: r.expiresAt === null ? null : new Date(r.expiresAt),
      grant_id: r.grantId,
      closed_reason: r.closedReason,
    })
    .where('tenant_id', '=', r.tenantId)
    .where('id', '=', r.id)
    .execute();
}

/** Requests, newest first: a requester's, or those waiting on an approver; `beforeId` pages on. */
export async function listAccessRequests(
  db: Db,
  tenantId: string,
  filter: {
    requesterId?: string;
    waitingOn?: string;
    status?: AccessRequestStatus;
    limit?: number;
    beforeId?: string;
  },
): Promise<AccessRequest[]> {
  let q = db
    .selectFrom('access_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 50);
  if (filter.requesterId !== undefined) q = q.where('requester_id', '=', filter.requesterId);
  if (filter.waitingOn !== undefined)
    q = q
      .where('status', '=', 'pending')
      .where(sql<boolean>`waiting_on @> ${JSON.stringify([filter.waitingOn])}::jsonb`);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  const rows = await q.execute();
  return rows.map((r) => toRequest(r));
}

/** Approved requests whose access has lapsed by `now` (every tenant), oldest first. */
export async function listLapsedAccessRequests(
  db: Db,
  now: number,
  limit = 500,
): Promise<AccessRequest[]> {
  const rows = await db
    .selectFrom('access_requests')
    .selectAll()
    .where('status', '=', 'approved')
    .where('expires_at', '<=', new Date(now))
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map((r) => toRequest(r));
}

/**
 * Cancel every pending request of `userId` (offboarding calls it in its transaction): each is
 * closed with `reason`, audited as `request.cancel` by the system, and its waiting approvers are
 * told. Returns the ids cancelled.
 */
export async function cancelOpenRequestsOf(
  tx: Db,
  tenantId: string,
  userId: string,
  now: number,
  reason: string,
  /** Who cancels and the request's context (offboarding passes its own); default: the system. */
  audit: Partial<
    Pick<AuditEvent, 'actorId' | 'actingAsId' | 'requestId' | 'ip' | 'userAgent'>
  > = {},
): Promise<string[]> {
  const open = await tx
    .selectFrom('access_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('requester_id', '=', userId)
    .where('status', '=', 'pending')
    .forUpdate()
    .execute();
  const ids: string[] = [];
  for (const row of open) {
    const request = toRequest(row);
    const waiting = request.waitingOn;
    await saveAccessRequest(tx, {
      ...request,
      status: 'cancelled',
      waitingOn: [],
      decidedAt: now,
      closedReason: reason,
    });
    await appendAuditEvent(tx, {
      tenantId,
      actorId: null,
      action: 'request.cancel',
      target: `access_request/${request.id}`,
      before: { status: 'pending' },
      after: { status: 'cancelled', reason },
      at: new Date(now),
      ...audit,
    });
    for (const approverId of waiting)
      await notifyUser(tx, {
        tenantId,
        userId: approverId,
        kind: 'request.cancelled',
        params: { requestId: request.id, requesterId: userId, reason },
        link: `/requests/approvals`,
        now,
      });
    ids.push(request.id);
  }
  return ids;
}

function toChain(r: Selectable<StoreSchema['approval_chains']>): ApprovalChain {
  return {
    id: r.id,
    name: r.name,
    requestKind: r.request_kind as AccessRequestKind,
    object: r.object,
    sensitivity: r.sensitivity,
    steps: json<ApprovalStepSpec[]>(r.steps),
    updatedAt: millis(r.updated_at),
    updatedBy: r.updated_by,
  };
}

/** A tenant's approval chains, by id. */
export async function listApprovalChains(db: Db, tenantId: string): Promise<ApprovalChain[]> {
  const rows = await db
    .selectFrom('approval_chains')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  return rows.map((r) => toChain(r));
}

export async function getApprovalChain(
  db: Db,
  tenantId: string,
  id: string,
): Promise<ApprovalChain | undefined> {
  const row = await db
    .selectFrom('approval_chains')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toChain(row);
}

/** Create or replace a chain. */
export async function upsertApprovalChain(
  db: Db,
  tenantId: string,
  chain: ApprovalChain,
): Promise<void> {
  const values = {
    name: chain.name,
    request_kind: chain.requestKind,
    object: chain.object,
    sensitivity: chain.sensitivity,
    steps: JSON.stringify(chain.steps),
    updated_at: new Date(chain.updatedAt),
    updated_by: chain.updatedBy,
  };
  await db
    .insertInto('approval_chains')
    .values({ tenant_id: tenantId, id: chain.id, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet(values))
    .execute();
}

/** Delete a chain; whether it existed. */
export async function deleteApprovalChain(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('approval_chains')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
