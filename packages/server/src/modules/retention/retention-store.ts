import { randomBytes } from 'node:crypto';
import type { ObjectType } from '@custos/engine';
import type { Database } from '@custos/store';
import type {
  AgeUnit,
  RetentionAction,
  RetentionCondition,
  RetentionRule,
  RetentionRuleInput,
} from './retention-rule.ts';

type Db = Database['db'];

const ms = (d: Date | string): number => (d instanceof Date ? d.getTime() : Date.parse(d));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A new rule id: `rr-` and 12 hex digits. */
export const newRuleId = (): string => `rr-${randomBytes(6).toString('hex')}`;

type RuleRow = Awaited<ReturnType<typeof selectRules>>[number];

function selectRules(db: Db, tenantId: string) {
  return db
    .selectFrom('retention_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

function ruleOf(row: RuleRow): RetentionRule {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    object: row.object as ObjectType,
    condition: row.condition === null ? null : json<RetentionCondition>(row.condition),
    ageAmount: row.age_amount,
    ageUnit: row.age_unit as AgeUnit,
    ageField: row.age_field,
    action: row.action as RetentionAction,
    anonymiseFields: json<string[]>(row.anonymise_fields),
    enabled: row.enabled,
    lastRunAt: row.last_run_at === null ? null : ms(row.last_run_at),
    lastCount: row.last_count,
    lastComplete: row.last_complete,
    createdAt: ms(row.created_at),
    createdBy: row.created_by,
    updatedAt: ms(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** The tenant's retention rules, oldest first. */
export async function listRetentionRules(db: Db, tenantId: string): Promise<RetentionRule[]> {
  return (await selectRules(db, tenantId)).map(ruleOf);
}

/** One rule (locked for update in the caller's transaction when asked), or undefined. */
export async function getRetentionRule(
  db: Db,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RetentionRule | undefined> {
  let query = db
    .selectFrom('retention_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : ruleOf(row);
}

const columnsOf = (input: RetentionRuleInput) => ({
  name: input.name.trim(),
  object: input.object,
  condition: input.condition === null ? null : JSON.stringify(input.condition),
  age_amount: input.ageAmount,
  age_unit: input.ageUnit,
  age_field: input.ageField,
  action: input.action,
  anonymise_fields: JSON.stringify(input.anonymiseFields),
  enabled: input.enabled,
});

export async function insertRetentionRule(
  db: Db,
  tenantId: string,
  id: string,
  input: RetentionRuleInput,
  by: string | null,
  now: number,
): Promise<void> {
  await db
    .insertInto('retention_rules')
    .values({
      tenant_id: tenantId,
      id,
      ...columnsOf(input),
      created_at: new Date(now),
      created_by: by,
      updated_at: new Date(now),
      updated_by: by,
    })
    .execute();
}

export async function updateRetentionRule(
  db: Db,
  tenantId: string,
  id: string,
  input: RetentionRuleInput,
  by: string | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('retention_rules')
    .set({ ...columnsOf(input), updated_at: new Date(now), updated_by: by })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function deleteRetentionRule(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .deleteFrom('retention_rules')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Record a rule's run: when, how many records it took, whether it finished what was due. */
export async function recordRuleRun(
  db: Db,
  tenantId: string,
  id: string,
  run: { at: number; count: number; complete: boolean },
): Promise<void> {
  await db
    .updateTable('retention_rules')
    .set({ last_run_at: new Date(run.at), last_count: run.count, last_complete: run.complete })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** The tenants with at least one enabled rule (the scheduled job's work list). */
export async function tenantsWithEnabledRules(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('retention_rules')
    .select('tenant_id')
    .distinct()
    .where('enabled', '=', true)
    .orderBy('tenant_id')
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** A legal hold: no retention rule touches the customer's records while it stands. */
export interface LegalHold {
  customerId: string;
  reason: string;
  setBy: string | null;
  setAt: number;
}

export async function listLegalHolds(db: Db, tenantId: string): Promise<LegalHold[]> {
  const rows = await db
    .selectFrom('legal_holds')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('set_at', 'desc')
    .orderBy('customer_id')
    .execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    reason: r.reason,
    setBy: r.set_by,
    setAt: ms(r.set_at),
  }));
}

export async function getLegalHold(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<LegalHold | undefined> {
  return (await listLegalHolds(db, tenantId)).find((h) => h.customerId === customerId);
}

export async function putLegalHold(db: Db, tenantId: string, hold: LegalHold): Promise<void> {
  const values = { reason: hold.reason, set_by: hold.setBy, set_at: new Date(hold.setAt) };
  await db
    .insertInto('legal_holds')
    .values({ tenant_id: tenantId, customer_id: hold.customerId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'customer_id']).doUpdateSet(values))
    .execute();
}

export async function deleteLegalHold(db: Db, tenantId: string, customerId: string): Promise<void> {
  await db
    .deleteFrom('legal_holds')
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .execute();
}
