/**
 * The conformance suite: every scenario in conformance/scenarios checked against the engine, plus
 * the consistency oracle: for every principal × record × action of a scenario,
 * filter (evaluated in memory) == decide == explain.allowed.
 */
import {
  RECORD_ACTIONS,
  decide,
  evaluatePredicate,
  explain,
  fieldAccess,
  filter,
  selectRecords,
  validateModel,
  type CrmRecord,
} from '@custos/engine';
import { describe, expect, it } from 'vitest';
import { loadScenarios, type DecisionCheck, type Scenario } from './src/load-scenarios.ts';

const scenarios = loadScenarios();

function recordOf(s: Scenario, id: string): CrmRecord {
  const r = s.records.find((x) => x.id === id);
  if (r === undefined) throw new Error(`${s.id}: no record ${id}`);
  return r;
}

function label(c: DecisionCheck): string {
  const at = c.at === undefined ? '' : ` at ${new Date(c.at).toISOString()}`;
  return `${c.as} ${c.action} ${c.record}${at} → ${c.allow ? 'allow' : 'deny'}`;
}

describe('the scenario suite', () => {
  it('has at least 45 scenarios with decision checks, and unique ids', () => {
    expect(scenarios.filter((s) => s.checks.length > 0).length).toBeGreaterThanOrEqual(45);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it('states the expected reasons of every decision check', () => {
    const missing = scenarios.flatMap((s) =>
      s.checks.filter((c) => c.reasons === undefined).map((c) => `${s.id}: ${label(c)}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every valid scenario decision checks', () => {
    const empty = scenarios.filter((s) => !s.expectInvalid && s.checks.length === 0);
    expect(empty.map((s) => s.id)).toEqual([]);
  });
});

describe.each(scenarios)('$file › $id: $name', (s) => {
  if (s.expectInvalid) {
    it('validateModel reports exactly the expected error codes', () => {
      const result = validateModel(s.model);
      expect(result.ok).toBe(false);
      expect([...new Set(result.errors.map((e) => e.code))].sort()).toEqual(
        [...new Set(s.expectInvalid)].sort(),
      );
    });
    return;
  }

  it('has a valid model', () => {
    const result = validateModel(s.model);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  if (s.checks.length > 0) {
    it.each(s.checks.map((c) => ({ c, name: label(c) })))('decide: $name', ({ c }) => {
      const record = recordOf(s, c.record);
      const at = c.at ?? s.now;
      const where = `${s.file} › ${s.id}: ${label(c)}`;
      expect(decide(s.model, c.as, c.action, record, at), where).toBe(c.allow);
      const e = explain(s.model, c.as, c.action, record, at);
      expect(e.allowed, `${where} (explain)`).toBe(c.allow);
      if (c.reasons !== undefined) {
        const kinds = c.allow
          ? [...new Set(e.allowedBy.map((r) => r.kind))].sort()
          : e.deniedBy === null
            ? []
            : [e.deniedBy.kind];
        expect(kinds, `${where} (reasons; ${e.text['en-US']})`).toEqual([...c.reasons].sort());
      }
    });
  }

  if (s.fieldChecks.length > 0) {
    it.each(s.fieldChecks.map((c) => ({ c, name: `${c.as} on ${c.record}` })))(
      'fieldAccess: $name',
      ({ c }) => {
        const record = recordOf(s, c.record);
        const levels = fieldAccess(s.model, c.as, record.object, record, c.at ?? s.now);
        const actual = Object.fromEntries(Object.keys(c.expect).map((f) => [f, levels[f]]));
        expect(actual, `${s.file} › ${s.id}: fields of ${c.record} as ${c.as}`).toEqual(c.expect);
      },
    );
  }

  if (s.listChecks.length > 0) {
    it.each(s.listChecks.map((c) => ({ c, name: `${c.as} ${c.action} ${c.object}` })))(
      'list: $name',
      ({ c }) => {
        const predicate = filter(s.model, c.as, c.action, c.object, c.at ?? s.now);
        const candidates = s.records.filter((r) => r.object === c.object);
        const ids = selectRecords(s.model, predicate, candidates).map((r) => r.id);
        expect(ids.sort(), `${s.file} › ${s.id}: ${c.as} ${c.action} ${c.object}`).toEqual(
          [...c.expect].sort(),
        );
      },
    );
  }

  it('consistency: filter == decide == explain for every user × record × action', () => {
    const times = [
      s.now,
      ...new Set([...s.checks, ...s.fieldChecks, ...s.listChecks].map((c) => c.at)),
    ]
      .filter((t): t is number => t !== undefined)
      .filter((t, i, all) => all.indexOf(t) === i);
    const mismatches: string[] = [];
    for (const now of times) {
      for (const user of s.model.users) {
        for (const action of RECORD_ACTIONS) {
          const predicates = new Map(
            [...new Set(s.records.map((r) => r.object))].map((o) => [
              o,
              filter(s.model, user.id, action, o, now),
            ]),
          );
          for (const record of s.records) {
            const decided = decide(s.model, user.id, action, record, now);
            const filtered = evaluatePredicate(
              s.model,
              predicates.get(record.object) ?? { kind: 'const', value: false },
              record,
            );
            const e = explain(s.model, user.id, action, record, now);
            const explained = e.allowed;
            const where =
              `${s.file} › ${s.id} at ${new Date(now).toISOString()}: user ${user.id} ${action} ` +
              `${record.object} ${record.id}`;
            if (decided !== filtered || decided !== explained) {
              mismatches.push(
                `${where}: decide=${decided} filter=${filtered} explain=${explained}`,
              );
            } else if (explained ? e.allowedBy.length === 0 : e.deniedBy === null) {
              mismatches.push(`${where}: explain gives no reason`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('field access never exceeds record access for any user × record', () => {
    const excesses: string[] = [];
    for (const user of s.model.users) {
      for (const record of s.records) {
        const levels = fieldAccess(s.model, user.id, record.object, record, s.now);
        const readable = decide(s.model, user.id, 'read', record, s.now);
        const updatable = decide(s.model, user.id, 'update', record, s.now);
        for (const [field, level] of Object.entries(levels)) {
          if ((!readable && level !== 'hidden') || (!updatable && level === 'edit')) {
            excesses.push(
              `${s.file} › ${s.id}: user ${user.id} ${record.id}.${field} is ${level} ` +
                `(readable=${readable}, updatable=${updatable})`,
            );
          }
        }
      }
    }
    expect(excesses).toEqual([]);
  });
});
