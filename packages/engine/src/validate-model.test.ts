import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { EngineError } from './errors.ts';
import { filter } from './filter.ts';
import { assertValidModel, validateModel } from './validate-model.ts';
import { customer, testModel } from './test-model.ts';

const codes = (m: Parameters<typeof validateModel>[0]): string[] =>
  validateModel(m).errors.map((e) => `${e.code} ${e.path}`);

describe('validateModel', () => {
  it('accepts the test company', () => {
    expect(validateModel(testModel())).toEqual({ ok: true, errors: [] });
  });

  it('reports a reporting-line cycle, and decisions on that model still terminate', () => {
    const m = testModel();
    m.users[0] = { ...m.users[0]!, managerId: 'lilei' };
    expect(codes(m).some((c) => /^ENGINE_HIERARCHY_CYCLE users\[[01]\]\.managerId$/.test(c))).toBe(
      true,
    );
    expect(decide(m, 'mgr', 'read', customer('c1', 'lilei'), 0)).toBe(true);
    expect(filter(m, 'lilei', 'read', 'customer', 0).kind).not.toBe('const');
  });

  it('reports a department cycle and unknown references with their paths', () => {
    const m = testModel();
    m.departments[0] = { ...m.departments[0]!, parentId: 'east' };
    m.users[1] = { ...m.users[1]!, roleIds: ['ghost'], departmentId: 'nowhere' };
    expect(codes(m)).toEqual(
      expect.arrayContaining([
        'ENGINE_HIERARCHY_CYCLE departments[0].parentId',
        'ENGINE_UNKNOWN_REFERENCE users[1].roleIds[0]',
        'ENGINE_UNKNOWN_REFERENCE users[1].departmentId',
      ]),
    );
  });

  it('reports impossible sharing-rule criteria', () => {
    const rule = (criteria: unknown[]) =>
      testModel({
        groups: [{ id: 'g', name: 'G', kind: 'public', userIds: ['lucy'], groupIds: [] }],
        sharingRules: [
          {
            id: 'r',
            name: '华东共享',
            object: 'customer',
            source: { kind: 'criteria', criteria: criteria as never },
            targetGroupId: 'g',
            access: 'read',
          },
        ],
      });
    expect(
      codes(
        rule([
          { field: 'name', op: 'eq', value: 'a' },
          { field: 'name', op: 'eq', value: 'b' },
        ]),
      ),
    ).toEqual(['ENGINE_IMPOSSIBLE_CRITERION sharingRules[0].source.criteria']);
    expect(codes(rule([{ field: 'credit', op: 'between', low: 5, high: 1 }]))).toHaveLength(1);
    expect(
      codes(
        rule([
          { field: 'credit', op: 'gt', value: 5 },
          { field: 'credit', op: 'lt', value: 5 },
        ]),
      ),
    ).toHaveLength(1);
    expect(codes(rule([{ field: 'name', op: 'in', values: [] }]))).toHaveLength(1);
    expect(codes(rule([{ field: 'unknownField', op: 'eq', value: 1 }]))).toEqual([
      'ENGINE_UNKNOWN_REFERENCE sharingRules[0].source.criteria[0].field',
    ]);
    expect(
      codes(
        rule([
          { field: 'credit', op: 'gt', value: 1 },
          { field: 'credit', op: 'lt', value: 5 },
        ]),
      ),
    ).toEqual([]);
  });

  it('reports a role that violates an SoD rule on its own', () => {
    const m = testModel({
      sodRules: [
        {
          id: 's',
          name: '导出与删除分离',
          left: { kind: 'function', name: 'export' },
          right: { kind: 'object', object: 'customer', action: 'update' },
        },
      ],
    });
    expect(codes(m)).toEqual(['ENGINE_SOD_CONFLICT_IN_ROLE roles[0]']);
  });

  it('reports grants and rules on unknown objects, and the index still builds', () => {
    const m = testModel({
      groups: [{ id: 'g', name: 'G', kind: 'public', userIds: ['lucy'], groupIds: [] }],
      grants: [
        {
          id: 'x',
          subject: { kind: 'user', userId: 'lucy' },
          object: 'invoice' as never,
          target: { kind: 'all' },
          access: 'owner' as never,
          expiresAt: null,
        },
      ],
    });
    expect(codes(m)).toEqual([
      'ENGINE_INVALID_VALUE grants[0].object',
      'ENGINE_INVALID_VALUE grants[0].access',
    ]);
    expect(decide(m, 'lucy', 'read', customer('c1', 'lilei'), 0)).toBe(false);
  });

  it('assertValidModel throws a typed EngineError listing every problem', () => {
    const m = testModel();
    m.users.push({ ...m.users[1]! });
    try {
      assertValidModel(m);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).code).toBe('ENGINE_DUPLICATE_ID');
      expect((e as EngineError).errors[0]?.path).toBe('users[3].id');
    }
  });
});
