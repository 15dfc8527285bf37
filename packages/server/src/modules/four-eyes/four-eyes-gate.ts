import { hasFunction, type PolicyIndex, type PolicyModel } from '@custos/engine';
import {
  appendAuditEvent,
  insertPendingChange,
  notifyUser,
  readFourEyesSetting,
  type PendingChange,
} from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContext } from '../../http/audit-context.ts';
import { previewChanges } from '../directory/change-preview.ts';
import { functionFor } from '../directory/change-routes.ts';
import { commitChanges } from '../directory/commit-change.ts';
import type { PolicyChange } from '../directory/policy-change.ts';
import { categoriesOfChanges } from './four-eyes-categories.ts';

const DAY_MS = 86_400_000;

/** What a change route answers (202) when four eyes holds the change for a second admin. */
export interface HeldAnswer {
  pending: {
    id: string;
    status: 'pending';
    categories: string[];
    expiresAt: string;
    /** The console screen of the pending change. */
    link: string;
  };
}

/** The OpenAPI shape of `HeldAnswer`. */
export const HELD_SCHEMA = {
  type: 'object',
  required: ['pending'],
  properties: {
    pending: {
      type: 'object',
      required: ['id', 'status', 'categories', 'expiresAt', 'link'],
      properties: {
        id: { type: 'string' },
        status: { type: 'string', enum: ['pending'] },
        categories: { type: 'array', items: { type: 'string' } },
        expiresAt: { type: 'string', format: 'date-time' },
        link: { type: 'string' },
      },
    },
  },
} as const;

/** The console path of a pending change. */
export const pendingLink = (id: string): string => `/admin/pending-changes/${id}`;

/** The functions a change set needs of whoever decides it (a setting change: `role_admin`). */
export function functionsNeeded(changes: readonly PolicyChange[]): string[] {
  const names = new Set<string>(changes.map(functionFor));
  if (names.size === 0) names.add('role_admin');
  return [...names].sort();
}

/** Active users other than `authorId` who hold every function `names`: who may decide. */
export function possibleApprovers(
  model: PolicyModel,
  index: PolicyIndex,
  authorId: string,
  names: readonly string[],
): string[] {
  return model.users
    .filter(
      (u) =>
        u.id !== authorId &&
        u.status === 'active' &&
        names.every((name) => hasFunction(index, u.id, name)),
    )
    .map((u) => u.id);
}

/** Thrown inside a dry-run commit to roll it back once every check has passed. */
class DryRun extends Error {}

/**
 * Check a change set exactly as the commit would (If-Match, validation, escalation, the record
 * of a grant, the last admin …) and roll it back: a change that could not commit now is refused
 * now, not stored for a second admin to find broken.
 */
export async function dryRunCommit(
  app: FastifyInstance,
  request: FastifyRequest,
  changes: readonly PolicyChange[],
  expectedVersion: number | undefined,
): Promise<void> {
  const ctx = request.custos;
  try {
    await commitChanges(app.custos.database.db, changes, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      now: ctx.now,
      policy: app.custos.policy,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      within: () => {
        throw new DryRun();
      },
    });
  } catch (error) {
    if (error instanceof DryRun) return;
    throw error;
  }
}

/** Store a pending change, audit its submission and notify who may decide it — one transaction. */
export async function submitPendingChange(
  app: FastifyInstance,
  request: FastifyRequest,
  input: {
    changes: readonly PolicyChange[];
    setting?: unknown;
    categories: readonly string[];
    baseVersion: number;
    reason?: string | undefined;
    preview: unknown;
    expiryDays: number;
  },
): Promise<HeldAnswer> {
  const ctx = request.custos;
  const approvers = possibleApprovers(
    ctx.model,
    ctx.index,
    ctx.userId,
    functionsNeeded(input.changes),
  );
  const author = ctx.model.users.find((u) => u.id === ctx.userId);
  const pending: PendingChange = await app.custos.database.db.transaction().execute(async (tx) => {
    const stored = await insertPendingChange(tx, {
      tenantId: ctx.tenantId,
      authorId: ctx.userId,
      changes: input.changes,
      ...(input.setting === undefined ? {} : { setting: input.setting }),
      categories: input.categories,
      baseVersion: input.baseVersion,
      reason: input.reason ?? null,
      preview: input.preview,
      now: ctx.now,
      expiresAt: ctx.now + input.expiryDays * DAY_MS,
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'change.submit',
      target: `pending_change/${stored.id}`,
      at: new Date(ctx.now),
      ...auditContext(request),
      before: null,
      after: {
        changes: input.changes,
        ...(input.setting === undefined ? {} : { setting: input.setting }),
        categories: input.categories,
        baseVersion: input.baseVersion,
        reason: input.reason ?? null,
      },
    });
    for (const userId of approvers)
      await notifyUser(tx, {
        tenantId: ctx.tenantId,
        userId,
        kind: 'change.submitted',
        params: {
          pendingChangeId: stored.id,
          authorId: ctx.userId,
          authorName: author?.name ?? ctx.userId,
          categories: input.categories,
          changes: input.changes.length,
        },
        link: pendingLink(stored.id),
        now: ctx.now,
      });
    return stored;
  });
  return {
    pending: {
      id: pending.id,
      status: 'pending',
      categories: pending.categories,
      expiresAt: new Date(pending.expiresAt).toISOString(),
      link: pendingLink(pending.id),
    },
  };
}

/**
 * Four eyes at a change route: when the tenant's setting names a category the change set falls
 * in, the set is checked as the commit would check it (and refused now if it could not commit),
 * previewed, and stored as a pending change for a second administrator — the answer the route
 * gives (202). Null when the change set commits at once as before.
 */
export async function holdIfSensitive(
  app: FastifyInstance,
  request: FastifyRequest,
  changes: readonly PolicyChange[],
  options: { expectedVersion?: number | undefined; reason?: string | undefined } = {},
): Promise<HeldAnswer | null> {
  const ctx = request.custos;
  const db = app.custos.database.db;
  const setting = await readFourEyesSetting(db, ctx.tenantId);
  if (setting.categories.length === 0) return null;
  const categories = (await categoriesOfChanges(db, ctx.tenantId, ctx.model, changes)).filter((c) =>
    setting.categories.includes(c),
  );
  if (categories.length === 0) return null;
  await dryRunCommit(app, request, changes, options.expectedVersion);
  const preview = await previewChanges(db, changes, {
    tenantId: ctx.tenantId,
    actorId: ctx.userId,
    now: ctx.now,
    policy: app.custos.policy,
    budgetMs: app.custos.config.previewBudgetMs,
    backend: app.custos.database.backend,
  });
  return submitPendingChange(app, request, {
    changes,
    categories,
    baseVersion: options.expectedVersion ?? preview.version,
    reason: options.reason,
    preview,
    expiryDays: setting.expiryDays,
  });
}
