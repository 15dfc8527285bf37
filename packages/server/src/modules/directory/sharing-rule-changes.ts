import type { PolicyModel, SharingRule } from '@custos/engine';
import { assertNewId, indexOfId, removeAt, replaceAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type SharingRuleChange = Extract<PolicyChange, { kind: `sharing_rule.${string}` }>;

/**
 * Sharing rule changes (数据共享规则). Unknown groups or fields and impossible criteria are left to
 * `validateModel`.
 */
export function applySharingRuleChange(
  model: PolicyModel,
  change: SharingRuleChange,
): ChangeOutcome {
  switch (change.kind) {
    case 'sharing_rule.create': {
      assertNewId(model.sharingRules, change.rule.id, 'sharing rule');
      return {
        model: { ...model, sharingRules: [...model.sharingRules, change.rule] },
        action: change.kind,
        target: `sharing_rule/${change.rule.id}`,
        before: null,
        after: change.rule,
        entity: change.rule,
      };
    }
    case 'sharing_rule.update': {
      const i = indexOfId(model.sharingRules, change.rule.id, 'sharing rule');
      const before = model.sharingRules[i] as SharingRule;
      return {
        model: { ...model, sharingRules: replaceAt(model.sharingRules, i, change.rule) },
        action: change.kind,
        target: `sharing_rule/${change.rule.id}`,
        before,
        after: change.rule,
        entity: change.rule,
      };
    }
    case 'sharing_rule.delete': {
      const i = indexOfId(model.sharingRules, change.id, 'sharing rule');
      const before = model.sharingRules[i] as SharingRule;
      return {
        model: { ...model, sharingRules: removeAt(model.sharingRules, i) },
        action: change.kind,
        target: `sharing_rule/${change.id}`,
        before,
        after: null,
        entity: before,
      };
    }
  }
}
