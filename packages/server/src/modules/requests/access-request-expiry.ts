import {
  appendAuditEvent,
  getAccessRequest,
  listLapsedAccessRequests,
  notifyUser,
  saveAccessRequest,
  type AccessRequest,
  type Database,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import { PolicyCache } from '../../http/policy-cache.ts';
import { commitChanges } from '../directory/commit-change.ts';
import type { PolicyChange } from '../directory/policy-change.ts';

type Db = Database['db'];

export interface ExpiryServices {
  database: Database;
  clock: () => number;
  /** The node's policy cache; without one, each commit loads the policy. */
  policy?: PolicyCache;
}

/** Mark one approved request expired (if it still is), audit it and tell the requester. */
async function markExpired(
  tx: Db,
  request: AccessRequest,
  now: number,
  removed: string,
): Promise<boolean> {
  const current = await getAccessRequest(tx, request.tenantId, request.id, { forUpdate: true });
  if (current === undefined || current.status !== 'approved') return false;
  await saveAccessRequest(tx, { ...current, status: 'expired', closedReason: removed });
  await appendAuditEvent(tx, {
    tenantId: request.tenantId,
    actorId: null,
    action: 'request.expire',
    target: `access_request/${request.id}`,
    before: { status: 'approved', expiresAt: new Date(current.expiresAt ?? now).toISOString() },
    after: { status: 'expired', removed },
    at: new Date(now),
  });
  await notifyUser(tx, {
    tenantId: request.tenantId,
    userId: request.requesterId,
    kind: 'request.expired',
    params: {
      requestId: request.id,
      kind: request.kind,
      object: request.object,
      recordId: request.recordId,
      roleId: request.roleId,
    },
    link: '/requests',
    now,
  });
  return true;
}

/** NOT_FOUND from the change path: what the expiry would remove is gone already. */
const gone = (error: unknown): boolean => error instanceof AppError && error.code === 'NOT_FOUND';

/**
 * One pass of access-request expiry (run every minute): every approved request whose end has
 * come is marked `expired`, audited (`request.expire`) and its requester told. A granted role is
 * removed through the change path (the model has no expiring role assignment); a lapsed grant —
 * which already gives nothing after its `expiresAt` — is revoked too, so the grants table holds
 * only live and future grants. Idempotent: a request already expired, or a grant or role removed
 * by hand meanwhile, is only marked. Returns how many requests expired.
 */
export async function runAccessRequestExpiry(
  services: ExpiryServices,
  now: number,
): Promise<{ expired: number }> {
  const db = services.database.db;
  const policy = services.policy ?? new PolicyCache({ db });
  let expired = 0;
  for (const request of await listLapsedAccessRequests(db, now)) {
    let change: PolicyChange | null = null;
    let builtFrom: number | undefined;
    let removed = 'nothing';
    if (request.kind === 'role' && request.roleId !== null) {
      const snapshot = await policy.current(request.tenantId);
      builtFrom = snapshot.version;
      const user = snapshot.model.users.find((u) => u.id === request.requesterId);
      if (user?.roleIds.includes(request.roleId) === true) {
        change = {
          kind: 'user.update',
          id: user.id,
          roleIds: user.roleIds.filter((r) => r !== request.roleId),
        };
        removed = `role ${request.roleId}`;
      }
    } else if (request.grantId !== null) {
      change = {
        kind: 'grant.revoke',
        id: request.grantId,
        reason: `access request ${request.id} expired`,
      };
      removed = `grant ${request.grantId}`;
    }
    let done = false;
    if (change !== null) {
      try {
        await commitChanges(db, [change], {
          tenantId: request.tenantId,
          actorId: null,
          now,
          policy,
          // The role list is of `builtFrom`: a user changed since is retried by the next pass.
          ...(builtFrom === undefined ? {} : { expectedVersion: builtFrom }),
          within: async (tx) => {
            done = await markExpired(tx, request, now, removed);
            if (!done) throw new AlreadyExpired();
          },
        });
      } catch (error) {
        if (error instanceof AlreadyExpired) continue;
        if (error instanceof AppError && error.code === 'CONFLICT') continue;
        if (!gone(error)) throw error;
        removed = 'nothing (removed meanwhile)';
      }
    }
    if (!done)
      done = await db.transaction().execute((tx) => markExpired(tx, request, now, removed));
    if (done) expired++;
  }
  return { expired };
}

class AlreadyExpired extends Error {}
