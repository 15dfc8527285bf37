import { DATA_SCOPES, FIELD_LEVELS, OBJECT_TYPES, RECORD_ACTIONS, type Role } from '@custos/engine';
import { describe, expect, it } from 'vitest';
import {
  cloneRole,
  newRoleId,
  roleCreate,
  roleDifferences,
  roleUpdate,
  scopeOf,
  withFieldLevel,
  withFunction,
  withScope,
} from './role-draft.ts';
import { ROLE_ACTIONS, ROLE_FIELD_LEVELS, ROLE_OBJECTS, ROLE_SCOPES } from './role-vocabulary.ts';

const rep: Role = {
  id: 'sales-rep',
  name: '销售代表',
  objects: { customer: { read: 'own', update: 'own' }, order: { read: 'own' } },
  functions: ['export'],
  fields: { customer: { idNumber: 'masked' } },
};

describe('the role vocabulary of the console', () => {
  it('is the engine’s: every scope in the engine’s order, every action, object and field level', () => {
    expect(ROLE_SCOPES).toEqual(DATA_SCOPES);
    expect(ROLE_FIELD_LEVELS).toEqual(FIELD_LEVELS);
    expect([...ROLE_ACTIONS].sort()).toEqual([...RECORD_ACTIONS].sort());
    expect(ROLE_OBJECTS).toEqual(OBJECT_TYPES);
  });
});

describe('editing a role draft', () => {
  it('reads a missing action as none', () => {
    expect(scopeOf(rep.objects, 'customer', 'read')).toBe('own');
    expect(scopeOf(rep.objects, 'customer', 'delete')).toBe('none');
    expect(scopeOf(rep.objects, 'ticket', 'read')).toBe('none');
  });

  it('sets one cell without touching the others or the original', () => {
    const objects = withScope(rep.objects, 'customer', 'read', 'department');
    expect(objects.customer).toEqual({ read: 'department', update: 'own' });
    expect(objects.order).toEqual({ read: 'own' });
    expect(rep.objects.customer?.read).toBe('own');
  });

  it('writes none by leaving the action out, and drops an object with no action left', () => {
    const objects = withScope(rep.objects, 'order', 'read', 'none');
    expect(objects).not.toHaveProperty('order');
    expect(withScope(rep.objects, 'customer', 'update', 'none').customer).toEqual({ read: 'own' });
  });

  it('sets and clears a field level (cleared: the field follows the object)', () => {
    const set = withFieldLevel(rep.fields, 'customer', 'phone', 'read');
    expect(set.customer).toEqual({ idNumber: 'masked', phone: 'read' });
    const cleared = withFieldLevel(rep.fields, 'customer', 'idNumber', undefined);
    expect(cleared).not.toHaveProperty('customer');
  });

  it('turns functions on and off in the catalogue’s order, without duplicates', () => {
    const order = ['export', 'reports', 'role_admin'];
    expect(withFunction(['role_admin'], 'export', true, order)).toEqual(['export', 'role_admin']);
    expect(withFunction(['export'], 'export', true, order)).toEqual(['export']);
    expect(withFunction(['export', 'reports'], 'export', false, order)).toEqual(['reports']);
  });
});

describe('changes from a draft', () => {
  it('has no change when nothing differs', () => {
    expect(roleUpdate(rep, structuredClone(rep))).toBeNull();
    expect(roleDifferences(rep, structuredClone(rep))).toEqual([]);
  });

  it('names only the parts that differ, each whole', () => {
    const draft = { ...rep, objects: withScope(rep.objects, 'customer', 'read', 'department') };
    expect(roleUpdate(rep, draft)).toEqual({
      kind: 'role.update',
      id: 'sales-rep',
      objects: draft.objects,
    });
    const renamed = { ...rep, name: '代表', functions: [] };
    expect(roleUpdate(rep, renamed)).toEqual({
      kind: 'role.update',
      id: 'sales-rep',
      name: '代表',
      functions: [],
    });
  });

  it('lists every difference: cells, functions, field levels', () => {
    const other: Role = {
      id: 'other',
      name: '销售代表',
      objects: { customer: { read: 'all', update: 'own' }, order: { read: 'own' } },
      functions: ['reports'],
      fields: { customer: { idNumber: 'hidden', phone: 'read' } },
    };
    expect(roleDifferences(rep, other)).toEqual([
      { part: 'objects', object: 'customer', action: 'read', a: 'own', b: 'all' },
      { part: 'functions', name: 'export', a: true, b: false },
      { part: 'functions', name: 'reports', a: false, b: true },
      { part: 'fields', object: 'customer', field: 'idNumber', a: 'masked', b: 'hidden' },
      { part: 'fields', object: 'customer', field: 'phone', a: undefined, b: 'read' },
    ]);
  });

  it('clones the permissions under a new id and name, deep (editing the clone leaves the source)', () => {
    const clone = cloneRole(rep, 'role-1a2b3c4d', '销售代表（副本）');
    expect(roleDifferences(rep, clone)).toEqual([{ part: 'name' }]);
    clone.objects.customer!.read = 'all';
    clone.fields.customer!.idNumber = 'edit';
    clone.functions.push('reports');
    expect(rep.objects.customer?.read).toBe('own');
    expect(rep.fields.customer?.idNumber).toBe('masked');
    expect(rep.functions).toEqual(['export']);
    expect(roleCreate(clone)).toEqual({ kind: 'role.create', role: clone });
  });

  it('makes ids the API accepts', () => {
    expect(newRoleId(() => '0f1e2d3c-aaaa-bbbb')).toBe('role-0f1e2d3c');
    expect(newRoleId()).toMatch(/^role-[0-9a-f]{8}$/);
  });
});
