import { OBJECT_TYPES, type ObjectType, type PolicyModel } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';

export const AGE_UNITS = ['days', 'months', 'years'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];
export const RETENTION_ACTIONS = ['delete', 'anonymise'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];
export const CONDITION_OPS = ['eq', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Values a condition compares a field with: texts, numbers or booleans, as stored. */
export type ConditionValue = string | number | boolean;

/** Which records of the object a rule selects besides their age: one field's value. */
export interface RetentionCondition {
  field: string;
  op: ConditionOp;
  values: ConditionValue[];
}

/** What an administrator writes: a rule before it is stored. */
export interface RetentionRuleInput {
  name: string;
  object: ObjectType;
  /** Null: every record of the object old enough. */
  condition: RetentionCondition | null;
  ageAmount: number;
  ageUnit: AgeUnit;
  /** A date field of the object the age is measured from; null: the record's last change. */
  ageField: string | null;
  action: RetentionAction;
  /** `anonymise`: the fields cleared (at least one); `delete`: none. */
  anonymiseFields: string[];
  enabled: boolean;
}

/** A stored rule, with its last run. */
export interface RetentionRule extends RetentionRuleInput {
  id: string;
  tenantId: string;
  lastRunAt: number | null;
  /** Records deleted or anonymised by the last run. */
  lastCount: number | null;
  /** Whether the last run handled everything due (false: the batch bound stopped it). */
  lastComplete: boolean | null;
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

/** The maximum of each age unit: a hundred years. */
export const MAX_AGE: Readonly<Record<AgeUnit, number>> = {
  days: 36_500,
  months: 1_200,
  years: 100,
};

/**
 * The moment before which a record is old enough: `now` minus the rule's age, in calendar UTC
 * (months and years land on the same day of the month, clamped to its end).
 */
export function retentionCutoff(
  rule: Pick<RetentionRuleInput, 'ageAmount' | 'ageUnit'>,
  now: number,
): number {
  const at = new Date(now);
  if (rule.ageUnit === 'days') return now - rule.ageAmount * 86_400_000;
  const months = rule.ageUnit === 'months' ? rule.ageAmount : rule.ageAmount * 12;
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() - months);
  const last = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, last));
  return at.getTime();
}

const invalid = (field: string, message: string): AppError =>
  new AppError('REQUEST_INVALID', message, { field });

/**
 * Check a rule against the tenant's policy: the object and every field named must be known fields
 * of the object (an unknown one is refused, naming it), a condition may not compare an encrypted
 * field (its stored value is ciphertext), the age within bounds, `anonymise` names the fields it
 * clears and `delete` none. `at` prefixes the field paths (`body`).
 */
export function checkRetentionRule(
  model: PolicyModel,
  input: RetentionRuleInput,
  at = 'body',
): void {
  if (!(OBJECT_TYPES as readonly string[]).includes(input.object))
    throw invalid(`${at}/object`, `unknown object ${input.object}`);
  const fields = model.objects.find((o) => o.object === input.object)?.fields ?? {};
  const known = (name: string, path: string): void => {
    if (!Object.hasOwn(fields, name))
      throw invalid(path, `${name} is not a field of ${input.object}`);
  };
  if (input.name.trim() === '') throw invalid(`${at}/name`, 'the rule needs a name');
  if (input.condition !== null) {
    const { field, values } = input.condition;
    known(field, `${at}/condition/field`);
    if (fields[field]?.encrypted === true)
      throw invalid(
        `${at}/condition/field`,
        `${field} is stored encrypted: a retention condition cannot compare it`,
      );
    if (values.length === 0) throw invalid(`${at}/condition/values`, 'give at least one value');
    if (input.condition.op === 'eq' && values.length !== 1)
      throw invalid(`${at}/condition/values`, '`eq` compares with exactly one value');
  }
  if (input.ageField !== null) known(input.ageField, `${at}/ageField`);
  if (
    !Number.isInteger(input.ageAmount) ||
    input.ageAmount < 1 ||
    input.ageAmount > MAX_AGE[input.ageUnit]
  )
    throw invalid(
      `${at}/ageAmount`,
      `the age is a whole number of ${input.ageUnit} from 1 to ${MAX_AGE[input.ageUnit]}`,
    );
  if (input.action === 'anonymise') {
    if (input.anonymiseFields.length === 0)
      throw invalid(`${at}/anonymiseFields`, 'anonymise clears at least one field: name them');
    input.anonymiseFields.forEach((f, i) => known(f, `${at}/anonymiseFields/${i}`));
  } else if (input.anonymiseFields.length > 0) {
    throw invalid(`${at}/anonymiseFields`, 'a delete rule clears no fields: leave this empty');
  }
}

/** What an audit event keeps of a rule: its definition (no run state). */
export const ruleAudit = (input: RetentionRuleInput) => ({
  name: input.name,
  object: input.object,
  condition: input.condition,
  age: `${input.ageAmount} ${input.ageUnit}`,
  ageField: input.ageField,
  action: input.action,
  anonymiseFields: input.anonymiseFields,
  enabled: input.enabled,
});
