import { appendAuditEvent, readFourEyesSetting, writeFourEyesSetting } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContext } from '../../http/audit-context.ts';
import { FOUR_EYES_CATEGORIES, SETTING_CATEGORY } from './four-eyes-categories.ts';
import { submitPendingChange, type HeldAnswer } from './four-eyes-gate.ts';

/** A new four-eyes setting as the admin gives it. */
export interface FourEyesSettingChange {
  categories: string[];
  expiryDays: number;
}

/** The setting as the API answers it. */
export interface FourEyesSettingAnswer {
  categories: string[];
  expiryDays: number;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Every category the setting may name. */
  available: string[];
}

export async function readSettingAnswer(
  app: FastifyInstance,
  tenantId: string,
): Promise<FourEyesSettingAnswer> {
  const s = await readFourEyesSetting(app.custos.database.db, tenantId);
  return {
    categories: s.categories,
    expiryDays: s.expiryDays,
    updatedBy: s.updatedBy,
    updatedAt: s.updatedAt === null ? null : new Date(s.updatedAt).toISOString(),
    available: [...FOUR_EYES_CATEGORIES],
  };
}

/**
 * Set the four-eyes setting. Turning it on, or adding categories, applies at once; once it is on,
 * turning it off or removing a category weakens the control and is itself held for a second
 * administrator (a pending change of category `four_eyes`). The expiry alone applies at once.
 */
export async function setFourEyesSetting(
  app: FastifyInstance,
  request: FastifyRequest,
  input: FourEyesSettingChange & { reason?: string | undefined },
): Promise<{ setting: FourEyesSettingAnswer } | HeldAnswer> {
  const ctx = request.custos;
  const db = app.custos.database.db;
  const before = await readFourEyesSetting(db, ctx.tenantId);
  const categories = FOUR_EYES_CATEGORIES.filter((c) => input.categories.includes(c));
  const next: FourEyesSettingChange = { categories, expiryDays: input.expiryDays };
  const narrowed = before.categories.some((c) => !categories.includes(c as never));
  if (narrowed)
    return submitPendingChange(app, request, {
      changes: [],
      setting: next,
      categories: [SETTING_CATEGORY],
      baseVersion: ctx.version,
      reason: input.reason,
      preview: {
        setting: {
          before: { categories: before.categories, expiryDays: before.expiryDays },
          after: next,
        },
      },
      expiryDays: before.expiryDays,
    });
  await db.transaction().execute(async (tx) => {
    await writeFourEyesSetting(tx, {
      tenantId: ctx.tenantId,
      ...next,
      actorId: ctx.userId,
      now: ctx.now,
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'four_eyes.update',
      target: `tenant/${ctx.tenantId}`,
      at: new Date(ctx.now),
      ...auditContext(request),
      before: { categories: before.categories, expiryDays: before.expiryDays },
      after: { ...next, reason: input.reason ?? null },
    });
  });
  return { setting: await readSettingAnswer(app, ctx.tenantId) };
}
