import type { Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { OnboardingTemplateRow, StoreSchema } from './schema.ts';

/** Department + title → what a new user of that department and title starts with. */
export interface OnboardingTemplate {
  id: string;
  departmentId: string;
  title: string;
  roleIds: string[];
  clearance: string;
  groupIds: string[];
  updatedAt: string;
  updatedBy: string | null;
}

const json = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : (JSON.parse(String(v)) as string[]);

function fromRow(r: Selectable<OnboardingTemplateRow>): OnboardingTemplate {
  return {
    id: r.id,
    departmentId: r.department_id,
    title: r.title,
    roleIds: json(r.role_ids),
    clearance: r.clearance,
    groupIds: json(r.group_ids),
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by,
  };
}

/** A tenant's onboarding templates, by department then title. */
export async function listOnboardingTemplates(
  db: Kysely<StoreSchema>,
  tenantId: string,
): Promise<OnboardingTemplate[]> {
  const rows = await db
    .selectFrom('onboarding_templates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('department_id')
    .orderBy('title')
    .execute();
  return rows.map(fromRow);
}

/** One template by id, or by (department, title). */
export async function findOnboardingTemplate(
  db: Kysely<StoreSchema>,
  tenantId: string,
  by: { id: string } | { departmentId: string; title: string },
): Promise<OnboardingTemplate | undefined> {
  let q = db.selectFrom('onboarding_templates').selectAll().where('tenant_id', '=', tenantId);
  q =
    'id' in by
      ? q.where('id', '=', by.id)
      : q.where('department_id', '=', by.departmentId).where('title', '=', by.title);
  const row = await q.executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}

/** Create or replace a template (its id); the one it replaces, or null. */
export async function putOnboardingTemplate(
  db: Kysely<StoreSchema>,
  tenantId: string,
  template: Omit<OnboardingTemplate, 'updatedAt' | 'updatedBy'>,
  by: { actorId: string | null; now: number },
): Promise<OnboardingTemplate | null> {
  const before = await findOnboardingTemplate(db, tenantId, { id: template.id });
  const values = {
    department_id: template.departmentId,
    title: template.title,
    role_ids: JSON.stringify(template.roleIds),
    clearance: template.clearance,
    group_ids: JSON.stringify(template.groupIds),
    updated_at: new Date(by.now),
    updated_by: by.actorId,
  };
  await db
    .insertInto('onboarding_templates')
    .values({ tenant_id: tenantId, id: template.id, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'id']).doUpdateSet(values))
    .execute();
  return before ?? null;
}

/** Delete a template; the one deleted, or undefined. */
export async function deleteOnboardingTemplate(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<OnboardingTemplate | undefined> {
  const row = await db
    .deleteFrom('onboarding_templates')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}
