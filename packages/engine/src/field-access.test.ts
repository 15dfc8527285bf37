import { describe, expect, it } from 'vitest';
import { createFieldAccess, fieldAccess, fieldLevelOf } from './field-access.ts';
import { customer, testModel } from './test-model.ts';

const NOW = Date.UTC(2026, 5, 1);

describe('fieldAccess and createFieldAccess', () => {
  const model = testModel();

  it('gives a rep edit on own fields, masked where the role masks, hidden above clearance', () => {
    expect(fieldAccess(model, 'lilei', 'customer', customer('c1', 'lilei'), NOW)).toEqual({
      name: 'edit',
      phone: 'edit',
      idNumber: 'masked',
      credit: 'hidden',
    });
  });

  it('hides every field of a record the user cannot read', () => {
    const levels = fieldAccess(model, 'lilei', 'customer', customer('c2', 'lucy'), NOW);
    expect(Object.values(levels)).toEqual(['hidden', 'hidden', 'hidden', 'hidden']);
  });

  it('caps a new record by the right to create it', () => {
    // The rep may create customers they own: edit where the role allows.
    expect(createFieldAccess(model, 'lilei', 'customer', customer('n1', 'lilei'), NOW)).toEqual({
      name: 'edit',
      phone: 'edit',
      idNumber: 'masked',
      credit: 'hidden',
    });
    // …but not one owned by someone else, and the manager may not create customers at all.
    const forLucy = createFieldAccess(model, 'lilei', 'customer', customer('n2', 'lucy'), NOW);
    expect(Object.values(forLucy).every((l) => l === 'hidden')).toBe(true);
    const forMgr = createFieldAccess(model, 'mgr', 'customer', customer('n3', 'mgr'), NOW);
    expect(Object.values(forMgr).every((l) => l === 'hidden')).toBe(true);
  });

  it('fieldLevelOf: the level of a field on every record the user reads and updates', () => {
    const own = fieldAccess(model, 'lilei', 'customer', customer('c1', 'lilei'), NOW);
    for (const field of Object.keys(own))
      expect(fieldLevelOf(model, 'lilei', 'customer', field), field).toBe(own[field]);
    // Independent of the record: the same for a record the user cannot read.
    expect(fieldLevelOf(model, 'lilei', 'customer', 'credit')).toBe('hidden');
    // A field the object does not configure follows the object; an own property only.
    expect(fieldLevelOf(model, 'lilei', 'customer', 'nickname')).toBe('edit');
    expect(fieldLevelOf(model, 'nobody', 'customer', 'name')).toBe('hidden');
  });
});
