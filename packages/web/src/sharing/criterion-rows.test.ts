import type { Criterion } from '@custos/engine';
import { describe, expect, it } from 'vitest';
import { criterionToRow, emptyRow, isCriterion, rowToCriterion } from './criterion-rows.ts';

const row = (patch: Partial<ReturnType<typeof emptyRow>>) => ({ ...emptyRow(), ...patch });

describe('criteria builder rows', () => {
  it('builds a text equality on a field', () => {
    expect(rowToCriterion(row({ field: 'region', op: 'eq', value: '华东' }))).toEqual({
      field: 'region',
      op: 'eq',
      value: '华东',
    });
  });

  it('builds numbers, booleans, lists and ranges', () => {
    expect(
      rowToCriterion(row({ field: 'amount', op: 'gt', kind: 'number', value: ' 1000 ' })),
    ).toEqual({ field: 'amount', op: 'gt', value: 1000 });
    expect(rowToCriterion(row({ field: 'vip', kind: 'boolean', value: 'false' }))).toEqual({
      field: 'vip',
      op: 'eq',
      value: false,
    });
    expect(rowToCriterion(row({ field: 'level', op: 'in', values: ['A', 'B'] }))).toEqual({
      field: 'level',
      op: 'in',
      values: ['A', 'B'],
    });
    expect(
      rowToCriterion(row({ field: 'amount', op: 'between', kind: 'number', low: '1', high: '9' })),
    ).toEqual({ field: 'amount', op: 'between', low: 1, high: 9 });
  });

  it('refuses a row without a field', () => {
    expect(rowToCriterion(row({ value: 'x' }))).toEqual({ problem: 'field' });
  });

  it('refuses an empty value, an empty list and an empty bound', () => {
    expect(rowToCriterion(row({ field: 'region', value: '  ' }))).toEqual({ problem: 'value' });
    expect(rowToCriterion(row({ field: 'level', op: 'in' }))).toEqual({ problem: 'value' });
    expect(
      rowToCriterion(row({ field: 'amount', op: 'between', kind: 'number', low: '1' })),
    ).toEqual({ problem: 'value' });
    expect(rowToCriterion(row({ field: 'vip', kind: 'boolean' }))).toEqual({ problem: 'value' });
  });

  it('refuses a number that is not one, naming it', () => {
    expect(rowToCriterion(row({ field: 'amount', kind: 'number', value: '12abc' }))).toEqual({
      problem: 'number',
      value: '12abc',
    });
    expect(
      rowToCriterion(row({ field: 'amount', op: 'in', kind: 'number', values: ['1', 'x'] })),
    ).toEqual({ problem: 'number', value: 'x' });
  });

  it('refuses a range of booleans', () => {
    const built = rowToCriterion(row({ field: 'vip', op: 'between', kind: 'boolean' }));
    expect(isCriterion(built)).toBe(false);
    expect(built).toEqual({ problem: 'boolean' });
  });

  it('edits an existing criterion and builds it back unchanged', () => {
    for (const c of [
      { field: 'region', op: 'eq', value: '华东' },
      { field: 'amount', op: 'lt', value: 5 },
      { field: 'vip', op: 'ne', value: true },
      { field: 'level', op: 'in', values: ['A', 'B'] },
      { field: 'amount', op: 'between', low: 10, high: 20 },
    ] satisfies Criterion[]) {
      expect(rowToCriterion(criterionToRow(c))).toEqual(c);
    }
  });

  it('gives every row its own key', () => {
    expect(emptyRow().key).not.toBe(emptyRow().key);
  });
});
