import type { Criterion, CriterionOp } from '@custos/engine';

/**
 * The criteria builder's rows and their translation to the engine's `Criterion` (the sharing rule
 * source's `criteria`, all of which must match). Only the shape is built here: whether a field is
 * known, or the criteria possible, is the API's answer (preview).
 */

/** The operators of the predicate language (`CRITERION_OPS` of the engine). */
export const CRITERION_OPERATORS = [
  'eq',
  'ne',
  'in',
  'lt',
  'gt',
  'between',
] as const satisfies readonly CriterionOp[];

/** How a typed value is sent: a field value is a string, a number or a boolean. */
export const VALUE_KINDS = ['text', 'number', 'boolean'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** One condition as the builder edits it (every value as typed). */
export interface CriterionRow {
  key: string;
  field: string | null;
  op: CriterionOp;
  kind: ValueKind;
  value: string;
  values: string[];
  low: string;
  high: string;
}

/** Why a row is not a criterion yet (an i18n key under `criteria.problems`, with its value). */
export interface RowProblem {
  problem: 'field' | 'value' | 'number' | 'boolean';
  value?: string;
}

let counter = 0;

/** A fresh, empty row. */
export function emptyRow(): CriterionRow {
  counter += 1;
  return {
    key: `c${counter}`,
    field: null,
    op: 'eq',
    kind: 'text',
    value: '',
    values: [],
    low: '',
    high: '',
  };
}

type Value = string | number | boolean;

function parse(text: string, kind: ValueKind): Value | RowProblem {
  const trimmed = text.trim();
  if (kind === 'boolean') {
    if (trimmed === 'true') return true;
    if (trimmed === 'false') return false;
    return { problem: 'value' };
  }
  if (trimmed === '') return { problem: 'value' };
  if (kind === 'text') return text;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : { problem: 'number', value: trimmed };
}

function isProblem(v: Value | RowProblem): v is RowProblem {
  return typeof v === 'object';
}

/** The criterion a row builds, or what is missing. */
export function rowToCriterion(row: CriterionRow): Criterion | RowProblem {
  if (row.field === null || row.field === '') return { problem: 'field' };
  const field = row.field;
  switch (row.op) {
    case 'in': {
      if (row.values.length === 0) return { problem: 'value' };
      const values: Value[] = [];
      for (const text of row.values) {
        const v = parse(text, row.kind);
        if (isProblem(v)) return v;
        values.push(v);
      }
      return { field, op: 'in', values };
    }
    case 'between': {
      if (row.kind === 'boolean') return { problem: 'boolean' };
      const low = parse(row.low, row.kind);
      if (isProblem(low)) return low;
      const high = parse(row.high, row.kind);
      if (isProblem(high)) return high;
      return { field, op: 'between', low: low as string | number, high: high as string | number };
    }
    default: {
      const value = parse(row.value, row.kind);
      if (isProblem(value)) return value;
      return { field, op: row.op, value };
    }
  }
}

export function isCriterion(built: Criterion | RowProblem): built is Criterion {
  return !('problem' in built);
}

function kindOf(value: Value): ValueKind {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
}

/** The row that edits an existing criterion. */
export function criterionToRow(criterion: Criterion): CriterionRow {
  const row = { ...emptyRow(), field: criterion.field, op: criterion.op };
  switch (criterion.op) {
    case 'in': {
      const first = criterion.values[0];
      return {
        ...row,
        kind: first === undefined ? 'text' : kindOf(first),
        values: criterion.values.map(String),
      };
    }
    case 'between':
      return {
        ...row,
        kind: kindOf(criterion.low),
        low: String(criterion.low),
        high: String(criterion.high),
      };
    default:
      return { ...row, kind: kindOf(criterion.value), value: String(criterion.value) };
  }
}
