import { readPolicyEntityVersion, type PendingChange } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { applyChange } from '../directory/apply-change.ts';
import { previewChanges, type ChangePreview } from '../directory/change-preview.ts';
import { entityOf } from '../directory/commit-change.ts';
import type { PolicyChange } from '../directory/policy-change.ts';
import { pendingLink } from './four-eyes-gate.ts';

/** A pending change as the API lists it. */
export interface PendingChangeSummary {
  id: string;
  status: string;
  authorId: string;
  authorName: string;
  categories: string[];
  kinds: string[];
  /** How many changes the set holds (a setting change: 0). */
  size: number;
  reason: string | null;
  baseVersion: number;
  createdAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  resultVersion: number | null;
  link: string;
}

/** One change of the set: the entity before (now) and after it. */
export interface DiffEntry {
  kind: string;
  target: string | null;
  before: unknown;
  after: unknown;
  /** Why the change no longer applies to the current policy, when it does not. */
  error: { code: string; message: string } | null;
}

/** An entity the change touches that changed after the version it was submitted at. */
export interface Conflict {
  entity: string;
  id: string;
  version: number;
}

export interface PendingChangeDetail extends PendingChangeSummary {
  changes: unknown[];
  setting: unknown;
  /** The impact preview when it was submitted. */
  submittedPreview: unknown;
  /** The impact against the current policy (pending changes only; null once decided). */
  preview: ChangePreview | null;
  diff: DiffEntry[];
  conflicts: Conflict[];
  /** Whether it can be approved now: pending, valid, no conflict. */
  applies: boolean;
  /** The tenant's policy version now. */
  currentVersion: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function summaryOf(request: FastifyRequest, p: PendingChange): PendingChangeSummary {
  const name = (id: string | null) =>
    id === null ? null : (request.custos.model.users.find((u) => u.id === id)?.name ?? id);
  const changes = p.changes as { kind: string }[];
  return {
    id: p.id,
    status: p.status,
    authorId: p.authorId,
    authorName: name(p.authorId) ?? p.authorId,
    categories: p.categories,
    kinds: p.setting !== null ? ['four_eyes.update'] : [...new Set(changes.map((c) => c.kind))],
    size: changes.length,
    reason: p.reason,
    baseVersion: p.baseVersion,
    createdAt: iso(p.createdAt) as string,
    expiresAt: iso(p.expiresAt) as string,
    decidedBy: p.decidedBy,
    decidedByName: name(p.decidedBy),
    decidedAt: iso(p.decidedAt),
    decisionReason: p.decisionReason,
    resultVersion: p.resultVersion,
    link: pendingLink(p.id),
  };
}

/** The diff of a change set against the current policy: each change's entity now and after. */
function diffOf(request: FastifyRequest, changes: readonly PolicyChange[]): DiffEntry[] {
  let model = request.custos.model;
  return changes.map((change) => {
    try {
      const outcome = applyChange(model, change);
      model = outcome.model;
      return {
        kind: change.kind,
        target: outcome.target,
        before: outcome.before,
        after: outcome.after,
        error: null,
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const target = entityOf(change);
      return {
        kind: change.kind,
        target: target === null ? null : `${target.entity}/${target.id}`,
        before: null,
        after: change,
        error: { code: error.code, message: error.message },
      };
    }
  });
}

/**
 * One pending change with what a reviewer needs: the diff and a fresh impact preview against the
 * current policy (as the viewer would commit it), and the entities that changed since it was
 * submitted (an approval would be refused: PENDING_CHANGE_STALE).
 */
export async function detailOf(
  app: FastifyInstance,
  request: FastifyRequest,
  p: PendingChange,
): Promise<PendingChangeDetail> {
  const ctx = request.custos;
  const db = app.custos.database.db;
  const changes = p.changes as PolicyChange[];
  const conflicts: Conflict[] = [];
  let preview: ChangePreview | null = null;
  if (p.status === 'pending' && p.setting === null) {
    const seen = new Set<string>();
    for (const change of changes) {
      const target = entityOf(change);
      if (target === null || seen.has(`${target.entity}/${target.id}`)) continue;
      seen.add(`${target.entity}/${target.id}`);
      const version = await readPolicyEntityVersion(db, ctx.tenantId, target.entity, target.id);
      if (version !== undefined && version > p.baseVersion)
        conflicts.push({ entity: target.entity, id: target.id, version });
    }
    preview = await previewChanges(db, changes, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      now: ctx.now,
      policy: app.custos.policy,
      budgetMs: app.custos.config.previewBudgetMs,
      backend: app.custos.database.backend,
    });
  }
  const diff =
    p.setting !== null
      ? [
          {
            kind: 'four_eyes.update',
            target: `tenant/${ctx.tenantId}`,
            before:
              (p.preview as { setting?: { before?: unknown } } | null)?.setting?.before ?? null,
            after: p.setting,
            error: null,
          },
        ]
      : p.status === 'pending'
        ? diffOf(request, changes)
        : [];
  return {
    ...summaryOf(request, p),
    changes: p.changes,
    setting: p.setting,
    submittedPreview: p.preview,
    preview,
    diff,
    conflicts,
    applies:
      p.status === 'pending' &&
      conflicts.length === 0 &&
      (p.setting !== null || (preview?.valid ?? false)),
    currentVersion: ctx.version,
  };
}
