import type { PolicyModel, SodRule } from '@custos/engine';
import { assertNewId, indexOfId, removeAt, replaceAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type SodRuleChange = Extract<PolicyChange, { kind: `sod_rule.${string}` }>;

/**
 * SoD rule changes (职责分离规则). Unknown functions and roles, a member named twice and a role that
 * violates the rule on its own are left to `validateModel`; users the change puts in conflict to
 * the SoD check of the commit (`sod-checks.ts`).
 */
export function applySodRuleChange(model: PolicyModel, change: SodRuleChange): ChangeOutcome {
  switch (change.kind) {
    case 'sod_rule.create': {
      assertNewId(model.sodRules, change.rule.id, 'SoD rule');
      return {
        model: { ...model, sodRules: [...model.sodRules, change.rule] },
        action: change.kind,
        target: `sod_rule/${change.rule.id}`,
        before: null,
        after: change.rule,
        entity: change.rule,
      };
    }
    case 'sod_rule.update': {
      const i = indexOfId(model.sodRules, change.rule.id, 'SoD rule');
      const before = model.sodRules[i] as SodRule;
      return {
        model: { ...model, sodRules: replaceAt(model.sodRules, i, change.rule) },
        action: change.kind,
        target: `sod_rule/${change.rule.id}`,
        before,
        after: change.rule,
        entity: change.rule,
      };
    }
    case 'sod_rule.delete': {
      const i = indexOfId(model.sodRules, change.id, 'SoD rule');
      const before = model.sodRules[i] as SodRule;
      return {
        model: { ...model, sodRules: removeAt(model.sodRules, i) },
        action: change.kind,
        target: `sod_rule/${change.id}`,
        before,
        after: null,
        entity: before,
      };
    }
  }
}
