/**
 * The scenario loader: defaults, references resolved, and clear errors (file, scenario, field)
 * for malformed files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrantSchema, PolicyModelSchema, TeamMemberSchema } from '@custos/engine';
import Value from 'typebox/value';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarios, ScenarioFormatError } from './src/load-scenarios.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'custos-scenarios-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const BASE = `
base:
  now: 2026-06-01T00:00:00Z
  departments: [{ id: east, name: 华东大区 }]
  users:
    - { id: lilei, name: 李雷, departmentId: east, roleIds: [rep] }
    - { id: p-zhou, kind: portal, portalAccountId: c1, roleIds: [rep] }
  roles: [{ id: rep, objects: { customer: { '*': own }, deal: { read: own } } }]
  records:
    - { id: c1, object: customer, ownerId: lilei, team: { p-zhou: read } }
    - { id: d1, object: deal, customerId: c1, fields: { amount: 5 } }
`;

function scenario(body: string): string {
  return `${BASE}\nscenarios:\n  - id: s1\n    name: 示例\n${body
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
}

const CHECK = 'checks: [{ as: lilei, action: read, record: c1, allow: true, reasons: [scope] }]';

function loadError(body: string): string {
  const dir = dirWith({ 'a.yaml': scenario(body) });
  try {
    loadScenarios(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioFormatError);
    return (e as Error).message;
  }
  throw new Error('expected loadScenarios to throw');
}

describe('loadScenarios', () => {
  it('loads the project scenarios by default', () => {
    expect(loadScenarios().length).toBeGreaterThanOrEqual(45);
  });

  it('fills in defaults, derives departments and attaches parents', () => {
    const [s] = loadScenarios(dirWith({ 'a.yaml': scenario(CHECK) }));
    expect(s).toBeDefined();
    if (s === undefined) return;
    expect(s.file).toBe('a.yaml');
    expect(s.now).toBe(Date.UTC(2026, 5, 1));
    expect(s.model.tenant).toEqual({ id: 's1', name: '示例' });
    expect(s.model.users[0]).toEqual({
      id: 'lilei',
      name: '李雷',
      kind: 'internal',
      status: 'active',
      departmentId: 'east',
      managerId: null,
      roleIds: ['rep'],
      clearance: 'internal',
    });
    expect(s.model.users[1]).toMatchObject({
      name: 'p-zhou',
      kind: 'portal',
      portalAccountId: 'c1',
    });
    expect(s.model.roles[0]?.objects.customer).toEqual({
      read: 'own',
      update: 'own',
      delete: 'own',
      create: 'own',
      transfer: 'own',
      share: 'own',
      export: 'own',
    });
    expect(s.model.objects.map((o) => o.object)).toEqual([
      'customer',
      'contact',
      'deal',
      'order',
      'ticket',
      'activity',
    ]);
    const [c1, d1] = s.records;
    // A team is a fact of the customer; a child carries its customer's team.
    expect(c1?.team).toEqual([{ customerId: 'c1', userId: 'p-zhou', access: 'read' }]);
    expect(d1?.team).toBe(c1?.team);
    expect(c1).toMatchObject({ customerId: 'c1', departmentId: 'east', sensitivity: 'internal' });
    expect(d1?.parent).toBe(c1);
    expect(d1).toMatchObject({ customerId: 'c1', ownerId: null, departmentId: null });
    expect(s.checks).toEqual([
      { as: 'lilei', action: 'read', record: 'c1', allow: true, reasons: ['scope'] },
    ]);
  });

  it('expands a list of actions into one check per action, with its own time', () => {
    const [s] = loadScenarios(
      dirWith({
        'a.yaml': scenario(
          'checks: [{ as: lilei, action: [read, update], record: c1, allow: true, reasons: [scope], at: 2026-06-02T08:00:00+08:00 }]',
        ),
      }),
    );
    expect(s?.checks.map((c) => [c.action, c.at])).toEqual([
      ['read', Date.UTC(2026, 5, 2)],
      ['update', Date.UTC(2026, 5, 2)],
    ]);
  });

  it('names the file, scenario and field of an unknown user in a check', () => {
    const message = loadError('checks: [{ as: nobody, action: read, record: c1, allow: true }]');
    expect(message).toMatch(/a\.yaml: scenario "s1": checks\[0\]\.as: unknown user "nobody"/);
  });

  it('rejects an unknown record', () => {
    expect(loadError('checks: [{ as: lilei, action: read, record: c9, allow: true }]')).toMatch(
      /checks\[0\]\.record: unknown record "c9"/,
    );
    expect(loadError(`listChecks: [{ as: lilei, object: deal, expect: [c1] }]`)).toMatch(
      /listChecks\[0\]\.expect\[0\]: c1 is a customer, not a deal/,
    );
  });

  it('rejects bad enums and unknown keys', () => {
    expect(loadError('checks: [{ as: lilei, action: peek, record: c1, allow: true }]')).toMatch(
      /checks\[0\]\.action: string "peek" is not one of: read, update/,
    );
    expect(loadError(`users: [{ id: x, clearance: secret }]\n${CHECK}`)).toMatch(
      /users\[0\]\.clearance: string "secret" is not one of: public, internal/,
    );
    expect(loadError(`checks: [{ as: lilei, action: read, record: c1, alow: true }]`)).toMatch(
      /checks\[0\]\.alow: unknown key "alow"/,
    );
    expect(
      loadError(
        'checks: [{ as: lilei, action: read, record: c1, allow: false, reasons: [scope] }]',
      ),
    ).toMatch(/checks\[0\]\.reasons\[0\]: string "scope" is not one of: unknown_principal/);
    expect(loadError(`fieldChecks: [{ as: lilei, record: d1, expect: { amout: read } }]`)).toMatch(
      /fieldChecks\[0\]\.expect\.amout: d1 has no field "amout"/,
    );
  });

  it('rejects bad times, dangling record references and invalid models', () => {
    expect(loadError(`now: 2026-06-01\n${CHECK}`)).toMatch(/now: expected an ISO-8601 time/);
    expect(loadError(`records: [{ id: d2, object: deal, customerId: d1 }]\n${CHECK}`)).toMatch(
      /records\[0\]\.customerId: "d1" is not a customer record/,
    );
    expect(loadError(`users: [{ id: x, roleIds: [ghost] }]\n${CHECK}`)).toMatch(
      /\(model\): the model is invalid:\n {2}users\[2\]\.roleIds\[0\]: unknown role "ghost"/,
    );
  });

  it('narrows a union to the variant its tag (or its type, or its keys) names', () => {
    expect(loadError(`groups: [{ id: g1, kind: team }]\n${CHECK}`)).toMatch(
      /groups\[0\]\.kind: string "team" is not one of: department, role, public$/,
    );
    expect(
      loadError(`groups: [{ id: g1, kind: role, roleId: rep, userIds: [] }]\n${CHECK}`),
    ).toMatch(
      /groups\[0\]\.userIds: unknown key "userIds" \(expected one of: id, name, kind, roleId\)$/,
    );
    // No kind: a public group.
    expect(loadError(`groups: [{ id: g1, userIds: [lilei], colour: red }]\n${CHECK}`)).toMatch(
      /groups\[0\]\.colour: unknown key "colour" \(expected one of: id, name, kind, userIds, groupIds\)$/,
    );
    const rule = (criterion: string): string =>
      `sharingRules: [{ id: r1, object: customer, criteria: [${criterion}], targetGroupId: g, access: read }]\n${CHECK}`;
    expect(loadError(rule('{ field: region, op: like, value: x }'))).toMatch(
      /sharingRules\[0\]\.criteria\[0\]\.op: string "like" is not one of: eq, ne, lt, gt, in, between$/,
    );
    expect(loadError(rule('{ field: region, op: in, value: x }'))).toMatch(
      /sharingRules\[0\]\.criteria\[0\]\.value: unknown key "value" \(expected one of: field, op, values\)$/,
    );
    expect(
      loadError(
        `sodRules: [{ id: x, left: { function: approve, object: deal }, right: { object: deal, action: read } }]\n${CHECK}`,
      ),
    ).toMatch(/sodRules\[0\]\.left\.object: unknown key "object" \(expected one of: function\)$/);
    expect(
      loadError(`records: [{ id: c2, object: customer, fields: { x: [1] } }]\n${CHECK}`),
    ).toMatch(
      /records\[0\]\.fields\.x: expected a string, a number, true or false, or null, got a list$/,
    );
  });

  it('holds every id to the one id rule, naming the scenario by position while its id is at fault', () => {
    expect(loadError(`users: [{ id: Li-Lei }]\n${CHECK}`)).toMatch(
      /scenario "s1": users\[0\]\.id: expected an id \(a lowercase letter, .*\), got string "Li-Lei"$/,
    );
    expect(
      loadError(`records: [{ id: c2, object: customer, team: { Bad: read } }]\n${CHECK}`),
    ).toMatch(/records\[0\]\.team\.Bad: "Bad" is not an id \(a lowercase letter, .*\)$/);
    const dir = dirWith({ 'a.yaml': 'scenarios: [{ id: Bad Id, name: n }]' });
    expect(() => loadScenarios(dir)).toThrow(/a\.yaml: scenario "#1": id: expected an id/);
    expect(() =>
      loadScenarios(
        dirWith({
          'a.yaml': 'base: { users: [{ id: x, colour: red }] }\nscenarios: [{ id: s, name: n }]',
        }),
      ),
    ).toThrow(/a\.yaml: base\.users\[0\]\.colour: unknown key "colour"/);
  });

  it("makes models, teams and grants the engine's model schema describes", () => {
    for (const s of loadScenarios()) {
      expect([...Value.Errors(PolicyModelSchema, s.model)], s.id).toEqual([]);
      for (const r of s.records) {
        expect(
          (r.team ?? []).filter((t) => !Value.Check(TeamMemberSchema, t)),
          s.id,
        ).toEqual([]);
        expect(
          (r.grants ?? []).filter((g) => !Value.Check(GrantSchema, g)),
          s.id,
        ).toEqual([]);
      }
    }
  });

  it('rejects a duplicate scenario id across files', () => {
    const dir = dirWith({ 'a.yaml': scenario(CHECK), 'b.yaml': scenario(CHECK) });
    expect(() => loadScenarios(dir)).toThrow(/b\.yaml: scenario "s1": id: duplicate scenario id/);
  });
});
