import type { ObjectType, PolicyIndex } from '@custos/engine';
import type { AccessRequest, Database } from '@custos/store';
import { nameFor, requestedRecord } from './access-request-service.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The common part of a request as the API shows it. */
function base(r: AccessRequest) {
  return {
    id: r.id,
    requesterId: r.requesterId,
    kind: r.kind,
    object: r.object,
    recordId: r.recordId,
    scope: r.scope,
    roleId: r.roleId,
    access: r.access,
    requestedDays: r.requestedDays,
    grantedDays: r.grantedDays,
    reason: r.reason,
    status: r.status,
    createdAt: iso(r.createdAt),
    decidedAt: iso(r.decidedAt),
    expiresAt: iso(r.expiresAt),
    closedReason: r.closedReason,
  };
}

/**
 * A request as its requester sees it. For a request about one record, nothing that depends on
 * the record: not its chain (which may depend on its sensitivity), not its approvers (the data
 * owner), not whether it exists — only the request's own state and the decision. Scope and role
 * requests show their chain's progress.
 */
export function requesterView(r: AccessRequest) {
  const steps =
    r.kind === 'record'
      ? []
      : r.steps.map((s, i) => ({
          kind: s.spec.kind,
          approverIds: i <= r.currentStep ? s.approverIds : [],
          decision: s.decision,
          decidedBy: s.decidedBy,
          decidedAt: iso(s.decidedAt),
          reason: s.reason,
          days: s.days,
        }));
  return {
    ...base(r),
    currentStep: r.kind === 'record' ? null : r.currentStep,
    steps,
    recordName: null,
    recordExists: null,
  };
}

/**
 * A request as an approver sees it: the whole chain with its routing, and the record's name when
 * the viewer may read the record (a fallback approver who may not sees whether it exists only).
 */
export async function approverView(
  db: Database['db'],
  index: PolicyIndex,
  r: AccessRequest,
  viewer: { userId: string; now: number },
) {
  let name: string | null = null;
  let exists: boolean | null = null;
  if (r.kind === 'record' && r.object !== null && r.recordId !== null) {
    const target = await requestedRecord(db, index, r.tenantId, r.object as ObjectType, r.recordId);
    exists = target !== undefined;
    name = nameFor(index, viewer.userId, target?.record, viewer.now);
  }
  return {
    ...base(r),
    currentStep: r.currentStep,
    recordName: name,
    recordExists: exists,
    steps: r.steps.map((s) => ({
      kind: s.spec.kind,
      of: s.spec.of ?? null,
      userId: s.spec.userId ?? null,
      functionName: s.spec.functionName ?? null,
      approverIds: s.approverIds,
      routes: s.routes,
      decision: s.decision,
      decidedBy: s.decidedBy,
      decidedAt: iso(s.decidedAt),
      reason: s.reason,
      days: s.days,
    })),
  };
}

const STRING_OR_NULL = { type: ['string', 'null'] } as const;

/** The response schema of a request view (both views: a requester's has fewer values set). */
export const REQUEST_VIEW = {
  type: 'object',
  required: [
    'id',
    'requesterId',
    'kind',
    'status',
    'requestedDays',
    'grantedDays',
    'reason',
    'steps',
  ],
  properties: {
    id: { type: 'string' },
    requesterId: { type: 'string' },
    kind: { type: 'string', enum: ['record', 'scope', 'role'] },
    object: STRING_OR_NULL,
    recordId: STRING_OR_NULL,
    recordName: STRING_OR_NULL,
    recordExists: { type: ['boolean', 'null'] },
    scope: { type: ['object', 'null'], additionalProperties: true },
    roleId: STRING_OR_NULL,
    access: STRING_OR_NULL,
    requestedDays: { type: 'integer' },
    grantedDays: { type: 'integer' },
    reason: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'cancelled', 'expired'] },
    createdAt: STRING_OR_NULL,
    decidedAt: STRING_OR_NULL,
    expiresAt: STRING_OR_NULL,
    closedReason: STRING_OR_NULL,
    currentStep: { type: ['integer', 'null'] },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          of: STRING_OR_NULL,
          userId: STRING_OR_NULL,
          functionName: STRING_OR_NULL,
          approverIds: { type: 'array', items: { type: 'string' } },
          routes: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: STRING_OR_NULL,
                reason: { type: 'string' },
                to: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          decision: STRING_OR_NULL,
          decidedBy: STRING_OR_NULL,
          decidedAt: STRING_OR_NULL,
          reason: STRING_OR_NULL,
          days: { type: ['integer', 'null'] },
        },
      },
    },
  },
} as const;
