import type { PolicyModel } from './model.ts';
import { indexOf, type PolicyIndex } from './policy-index.ts';

/**
 * Whether an active principal holds a function permission (export, import, reveal_masked, …),
 * after separation-of-duties blocks.
 */
export function hasFunction(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  name: string,
): boolean {
  const ctx = indexOf(policy).principals.get(principalId);
  return (
    ctx !== undefined && ctx.active && ctx.functions.has(name) && !ctx.blockedFunctions.has(name)
  );
}
