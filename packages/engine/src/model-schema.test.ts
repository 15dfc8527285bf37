/**
 * The one description of the policy's shape: the id rule, closed objects, tagged unions, and the
 * schema and the model types describing the same values.
 */
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  GrantSchema,
  GroupSchema,
  ID_MAX_LENGTH,
  IdSchema,
  isId,
  PolicyModelSchema,
  RoleSchema,
} from './model-schema.ts';
import * as schemas from './model-schema.ts';
import type { Grant, PolicyModel } from './model.ts';
import { testModel } from './test-model.ts';

const VALID_IDS = [
  'a',
  'lilei',
  'sales-east',
  'gm-office',
  'role_executive_0',
  'd0.1.2',
  'c-00001',
  'sr-a-director',
  'cus-0b6e4f1c-9a2d-4e8b-8f3a-1c2d3e4f5a6b',
  'portal-1',
  'x'.repeat(ID_MAX_LENGTH),
];
const INVALID_IDS = [
  '',
  'Lilei', // uppercase: two ids never differ by case alone
  'grant-B',
  '1st', // a leading digit: YAML may read it as a number
  '-a',
  '_a',
  'a-',
  'a.',
  'a--b', // separators join words, one at a time
  'a._b',
  'a b',
  'a:b',
  'a@b.example',
  'a/b',
  '李雷',
  'x'.repeat(ID_MAX_LENGTH + 1),
];

describe('the id rule', () => {
  it.each(VALID_IDS)('accepts %s', (id) => {
    expect(Value.Check(IdSchema, id)).toBe(true);
    expect(isId(id)).toBe(true);
  });

  it.each(INVALID_IDS)('refuses %j', (id) => {
    expect(Value.Check(IdSchema, id)).toBe(false);
    expect(isId(id)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const v of [null, undefined, 1, true, ['a'], { id: 'a' }]) {
      expect(Value.Check(IdSchema, v)).toBe(false);
      expect(isId(v)).toBe(false);
    }
  });
});

describe('the model schema', () => {
  it('accepts the test model, typed as the model types', () => {
    const model: PolicyModel = testModel();
    expect([...Value.Errors(PolicyModelSchema, model)]).toEqual([]);
  });

  it('closes every object: an unknown property names itself', () => {
    const model = testModel();
    const role = { ...model.roles[0], colour: 'red' };
    const errors = [...Value.Errors(RoleSchema, role)];
    expect(errors.some((e) => e.keyword === 'additionalProperties')).toBe(true);
    const objects = { ...model.roles[0], objects: { customer: { raed: 'own' } } };
    expect(Value.Check(RoleSchema, objects)).toBe(false);
    expect(Value.Check(RoleSchema, { ...model.roles[0], objects: { lead: {} } })).toBe(false);
  });

  it('tells the variants of a union apart by their tag', () => {
    const grant: Grant = {
      id: 'g1',
      subject: { kind: 'user', userId: 'lilei' },
      object: 'customer',
      target: { kind: 'department', departmentId: 'east', includeSubdepartments: true },
      access: 'read',
      expiresAt: null,
    };
    expect(Value.Check(GrantSchema, grant)).toBe(true);
    // A property of another variant is unknown in this one.
    expect(
      Value.Check(GrantSchema, { ...grant, target: { kind: 'owner', departmentId: 'east' } }),
    ).toBe(false);
    expect(Value.Check(GroupSchema, { id: 'g', name: 'g', kind: 'role', userIds: [] })).toBe(false);
    expect(
      Value.Check(GroupSchema, { id: 'g', name: 'g', kind: 'public', userIds: [], groupIds: [] }),
    ).toBe(true);
  });

  it('gives every variant of a tagged union its tag, required and constant', () => {
    type Variant = { required: string[]; properties: Record<string, Tag | undefined> };
    type Tag = { const?: unknown; enum?: unknown[] };
    type Union = { oneOf: Variant[]; discriminator: { propertyName: string } };
    const tagged = Object.entries(schemas as Record<string, unknown>).filter(
      (e): e is [string, Union] =>
        typeof e[1] === 'object' && e[1] !== null && 'discriminator' in e[1],
    );
    expect(tagged.map(([name]) => name).sort()).toEqual([
      'CriterionSchema',
      'GrantSubjectSchema',
      'GrantTargetSchema',
      'GroupSchema',
      'PermissionRefSchema',
      'SharingRuleSourceSchema',
      'SodRefSchema',
    ]);
    for (const [name, union] of tagged) {
      const tag = union.discriminator.propertyName;
      const seen = new Set<unknown>();
      for (const variant of union.oneOf) {
        expect(variant.required, name).toContain(tag);
        const values = variant.properties[tag]?.enum ?? [variant.properties[tag]?.const];
        for (const value of values) {
          expect(value, name).toBeDefined();
          expect(seen.has(value), `${name}: ${String(value)} twice`).toBe(false);
          seen.add(value);
        }
      }
    }
  });
});
