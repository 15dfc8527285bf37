import { SENSITIVITIES, type PolicyModel } from '@custos/engine';
import { functionEntry } from '@custos/engine';
import { getRecord, type Database } from '@custos/store';

type Db = Database['db'];

/**
 * The categories of configuration change that four eyes (双人复核) can hold for a second
 * administrator. Changes are matched by their kind (a prefix for a whole concept, so kinds added
 * later — `sod_rule.*` — are covered when they land).
 */
export const FOUR_EYES_CATEGORIES = [
  'roles',
  'sharing_rules',
  'org_wide_defaults',
  'field_settings',
  'clearance',
  'confidential_grants',
  'sod_rules',
] as const;
export type FourEyesCategory = (typeof FOUR_EYES_CATEGORIES)[number];

/** The category of a change of the four-eyes setting itself (turning it off or narrowing it). */
export const SETTING_CATEGORY = 'four_eyes';

/** Clearance from this level up is sensitive when a user is created with it. */
const SENSITIVE_RANK = SENSITIVITIES.indexOf('confidential');

const rank = (s: unknown): number => SENSITIVITIES.indexOf(s as (typeof SENSITIVITIES)[number]);

/** A change as far as the categories look at it: its kind and what it carries. */
type AnyChange = { kind: string } & Record<string, unknown>;

/**
 * The four-eyes categories one change falls in (none for a change that is not sensitive):
 * - `roles`: `role.*`, and giving a user a role that carries an administrative function; `sharing_rules`: `sharing_rule.*`; `sod_rules`: `sod_rule.*`;
 * - `org_wide_defaults`: `object.set_org_wide_default`; `field_settings`: `object.set_field`,
 *   `object.remove_field`;
 * - `clearance`: a `user.update` that changes the user's clearance, a `user.create` with a
 *   clearance of `confidential` or above;
 * - `confidential_grants`: a grant on a whole scope (a department, an owner's records, all
 *   records — it reaches whatever confidential records lie in it) or on one record whose
 *   sensitivity is `confidential` or above.
 */
export async function categoriesOfChange(
  db: Db,
  tenantId: string,
  model: PolicyModel,
  change: AnyChange,
): Promise<FourEyesCategory[]> {
  const kind = change.kind;
  if (kind.startsWith('role.')) return ['roles'];
  if (kind.startsWith('sharing_rule.')) return ['sharing_rules'];
  if (kind.startsWith('sod_rule.')) return ['sod_rules'];
  if (kind === 'object.set_org_wide_default') return ['org_wide_defaults'];
  if (kind === 'object.set_field' || kind === 'object.remove_field') return ['field_settings'];
  if (kind === 'user.update') {
    const user = model.users.find((u) => u.id === change.id);
    const categories: FourEyesCategory[] = [];
    // Giving someone an administrative role is a role change too: without this, an
    // administrator could hand role_admin to a helper of theirs and approve their own held
    // change with it. Ordinary roles (a new rep's) are not held.
    const roleIds = change.roleIds as readonly string[] | undefined;
    const added = (roleIds ?? []).filter((r) => !(user?.roleIds ?? []).includes(r));
    if (grantsAdministration(model, added)) categories.push('roles');
    if (change.clearance !== undefined && user?.clearance !== change.clearance)
      categories.push('clearance');
    return categories;
  }
  if (kind === 'user.create') {
    const user = change.user as { clearance?: unknown; roleIds?: readonly string[] } | undefined;
    const categories: FourEyesCategory[] = [];
    if (grantsAdministration(model, user?.roleIds ?? [])) categories.push('roles');
    if (rank(user?.clearance) >= SENSITIVE_RANK) categories.push('clearance');
    return categories;
  }
  if (kind === 'grant.create') {
    const grant = change.grant as {
      object: Parameters<typeof getRecord>[2];
      target: { kind: string; recordId?: string };
    };
    if (grant.target.kind !== 'record') return ['confidential_grants'];
    const record = await getRecord(db, tenantId, grant.object, String(grant.target.recordId));
    return record !== undefined && rank(record.sensitivity) >= SENSITIVE_RANK
      ? ['confidential_grants']
      : [];
  }
  return [];
}

/** Whether any of the roles carries an administrative function (`admin` in the catalogue). */
function grantsAdministration(model: PolicyModel, roleIds: readonly string[]): boolean {
  return roleIds.some((id) =>
    (model.roles.find((r) => r.id === id)?.functions ?? []).some(
      (name) => functionEntry(name)?.admin === true,
    ),
  );
}

/** The categories a batch falls in, in catalogue order, each once. */
export async function categoriesOfChanges(
  db: Db,
  tenantId: string,
  model: PolicyModel,
  changes: readonly AnyChange[],
): Promise<FourEyesCategory[]> {
  const found = new Set<FourEyesCategory>();
  for (const change of changes)
    for (const c of await categoriesOfChange(db, tenantId, model, change)) found.add(c);
  return FOUR_EYES_CATEGORIES.filter((c) => found.has(c));
}
