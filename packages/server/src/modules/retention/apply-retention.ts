import { OBJECT_CATALOGUE, OBJECT_TYPES, type ObjectType } from '@custos/engine';
import {
  appendAuditEvent,
  deleteBlindIndex,
  deleteDoNotSell,
  deleteRecord,
  writeBlindIndex,
  type Database,
} from '@custos/store';
import { sql } from 'kysely';
import { inTransaction } from '@custos/records';
import type { AuditContext } from '../../http/audit-context.ts';
import type { RetentionRule } from './retention-rule.ts';
import { selectDue, type DueRecord } from './retention-selection.ts';
import { recordRuleRun, tenantsWithEnabledRules, listRetentionRules } from './retention-store.ts';

type Db = Database['db'];

/** Records one scheduled run may delete or anonymise per tenant; the next run goes on. */
export const RETENTION_BATCH = 1_000;
/** Records selected at a time within a run. */
const PAGE = 100;

/** What a rule did in a run. */
export interface RuleRunOutcome {
  ruleId: string;
  /** Records deleted (children of a deleted customer included) or anonymised. */
  count: number;
  /** Everything due was handled (false: the run's bound stopped it; the next run goes on). */
  complete: boolean;
}

const origin = (at: number): string => new Date(at).toISOString();

/**
 * Whether the record is still due under the rule, its row locked (a record changed since the
 * selection — a new update, a legal hold — is left alone).
 */
async function lockIfDue(
  tx: Db,
  rule: RetentionRule,
  record: DueRecord,
  now: number,
): Promise<boolean> {
  await sql`select 1 from ${sql.table(OBJECT_CATALOGUE[record.object].table)}
    where tenant_id = ${rule.tenantId} and id = ${record.id} for update`.execute(tx);
  return (await selectDue(tx, rule.tenantId, rule, now, 1, record.id)).length > 0;
}

/** Delete one record (no value kept: the audit says what went, by which rule, not what it held). */
async function deleteOne(
  tx: Db,
  rule: RetentionRule,
  object: ObjectType,
  id: string,
  customerId: string,
  ageFrom: number | null,
  now: number,
  withCustomer?: string,
): Promise<void> {
  await deleteRecord(tx, rule.tenantId, object, id);
  await deleteBlindIndex(tx, rule.tenantId, object, id);
  if (object === 'contact') await deleteDoNotSell(tx, rule.tenantId, id);
  await appendAuditEvent(tx, {
    tenantId: rule.tenantId,
    actorId: null,
    action: 'retention.delete',
    target: `${object}/${id}`,
    before: {
      object,
      id,
      customerId,
      ...(ageFrom === null ? {} : { ageFrom: origin(ageFrom) }),
    },
    after: {
      ruleId: rule.id,
      ruleName: rule.name,
      ...(withCustomer === undefined ? {} : { withCustomer }),
    },
    at: new Date(now),
  });
}

/** Delete a due record — a customer with its children first — in one transaction; how many went. */
async function deleteDue(
  db: Db,
  rule: RetentionRule,
  record: DueRecord,
  now: number,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    if (!(await lockIfDue(tx, rule, record, now))) return 0;
    let n = 0;
    if (record.object === 'customer') {
      for (const child of OBJECT_TYPES) {
        if (OBJECT_CATALOGUE[child].parent !== 'customer') continue;
        const rows = await tx
          .selectFrom(OBJECT_CATALOGUE[child].table as 'contacts')
          .select('id')
          .where('tenant_id', '=', rule.tenantId)
          .where('customer_id', '=', record.id)
          .orderBy('id')
          .execute();
        for (const row of rows) {
          await deleteOne(tx, rule, child, row.id, record.id, null, now, record.id);
          n += 1;
        }
      }
    }
    await deleteOne(tx, rule, record.object, record.id, record.customerId, record.ageFrom, now);
    return n + 1;
  });
}

/** Clear the rule's fields of a due record (and their blind index tokens), in one transaction. */
async function anonymiseDue(
  db: Db,
  rule: RetentionRule,
  record: DueRecord,
  now: number,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    if (!(await lockIfDue(tx, rule, record, now))) return 0;
    const table = OBJECT_CATALOGUE[record.object].table as 'contacts';
    const row = await tx
      .selectFrom(table)
      .select(['data', 'name'])
      .where('tenant_id', '=', rule.tenantId)
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    const data = { ...(typeof row.data === 'string' ? JSON.parse(row.data) : row.data) } as Record<
      string,
      unknown
    >;
    const cleared = rule.anonymiseFields.filter((f) => data[f] !== undefined && data[f] !== null);
    for (const field of rule.anonymiseFields) data[field] = null;
    await tx
      .updateTable(table)
      .set({
        data: JSON.stringify(data),
        ...(rule.anonymiseFields.includes('name') ? { name: null } : {}),
      })
      .where('tenant_id', '=', rule.tenantId)
      .where('id', '=', record.id)
      .execute();
    await writeBlindIndex(
      tx,
      rule.tenantId,
      record.object,
      record.id,
      Object.fromEntries(rule.anonymiseFields.map((f) => [f, null])),
    );
    await appendAuditEvent(tx, {
      tenantId: rule.tenantId,
      actorId: null,
      action: 'retention.anonymise',
      target: `${record.object}/${record.id}`,
      before: { object: record.object, id: record.id, ageFrom: origin(record.ageFrom) },
      after: { ruleId: rule.id, ruleName: rule.name, cleared },
      at: new Date(now),
    });
    return 1;
  });
}

/**
 * Apply one rule: the records it selects (oldest first), each deleted or anonymised in its own
 * transaction and audited, until none is due or `budget` records were taken. Safe to repeat: a
 * record taken is no longer selected, so a run cut short (or a crash) is resumed by the next.
 */
export async function applyRetentionRule(
  db: Db,
  rule: RetentionRule,
  now: number,
  budget: number,
  signal?: AbortSignal,
): Promise<RuleRunOutcome> {
  let count = 0;
  let skipped = new Set<string>();
  const stopped = (): boolean => signal?.aborted === true;
  for (;;) {
    if (count >= budget || stopped()) break;
    const page = (await selectDue(db, rule.tenantId, rule, now, PAGE + skipped.size)).filter(
      (r) => !skipped.has(r.id),
    );
    if (page.length === 0) return { ruleId: rule.id, count, complete: true };
    const nextSkipped = new Set(skipped);
    for (const record of page) {
      if (count >= budget || stopped()) break;
      const n =
        rule.action === 'delete'
          ? await deleteDue(db, rule, record, now)
          : await anonymiseDue(db, rule, record, now);
      if (n === 0) nextSkipped.add(record.id);
      count += n;
    }
    skipped = nextSkipped;
  }
  const rest = await selectDue(db, rule.tenantId, rule, now, 1 + skipped.size);
  return { ruleId: rule.id, count, complete: rest.every((r) => skipped.has(r.id)) };
}

/**
 * One tenant's pass: every enabled rule in turn within the run's bound, each rule's `lastRun`
 * recorded, and one `retention.run` audit event summing the run up.
 */
export async function runTenantRetention(
  db: Db,
  tenantId: string,
  now: number,
  options: {
    budget?: number;
    signal?: AbortSignal;
    /** Run these rules (enabled or not: a run on demand); default every enabled rule. */
    ruleIds?: readonly string[];
    /** Who asked for a run on demand (its summary event's actor); default the schedule. */
    audit?: AuditContext;
  } = {},
): Promise<RuleRunOutcome[]> {
  const rules = (await listRetentionRules(db, tenantId)).filter((r) =>
    options.ruleIds === undefined ? r.enabled : options.ruleIds.includes(r.id),
  );
  let budget = options.budget ?? RETENTION_BATCH;
  const outcomes: RuleRunOutcome[] = [];
  for (const rule of rules) {
    const outcome = await applyRetentionRule(db, rule, now, budget, options.signal);
    budget -= outcome.count;
    outcomes.push(outcome);
    await recordRuleRun(db, tenantId, rule.id, {
      at: now,
      count: outcome.count,
      complete: outcome.complete,
    });
  }
  if (rules.length > 0)
    await appendAuditEvent(db, {
      tenantId,
      actorId: null,
      ...options.audit,
      action: 'retention.run',
      target: null,
      after: {
        rules: outcomes,
        total: outcomes.reduce((sum, o) => sum + o.count, 0),
        complete: outcomes.every((o) => o.complete),
      },
      at: new Date(now),
    });
  return outcomes;
}

/** The scheduled pass (`retention.apply`, daily): every tenant with an enabled rule. */
export async function runRetention(
  services: { database: Database; signal?: AbortSignal },
  now: number,
): Promise<void> {
  const db = services.database.db;
  for (const tenantId of await tenantsWithEnabledRules(db)) {
    if (services.signal?.aborted === true) return;
    await runTenantRetention(db, tenantId, now, {
      ...(services.signal === undefined ? {} : { signal: services.signal }),
    });
  }
}
