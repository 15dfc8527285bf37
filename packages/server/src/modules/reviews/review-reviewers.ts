import type { PolicyIndex, PolicyModel } from '@custos/engine';
import { hasFunction } from '@custos/engine';
import type { ReviewerRule } from '@custos/store';

/**
 * Who reviews an item: the rule's choice (the reviewee's manager, the data owner, or the named
 * reviewers in turn), never the reviewee. When the choice is the reviewee, missing or inactive,
 * the reviewee's reporting line is walked upwards; then the campaign owner; then any other holder
 * of `access_review_admin`.
 */
export class ReviewerPicker {
  readonly #model: PolicyModel;
  readonly #index: PolicyIndex;
  readonly #rule: ReviewerRule;
  readonly #ownerId: string;
  #turn = 0;

  constructor(model: PolicyModel, index: PolicyIndex, rule: ReviewerRule, ownerId: string) {
    this.#model = model;
    this.#index = index;
    this.#rule = rule;
    this.#ownerId = ownerId;
  }

  #active(id: string | null | undefined): id is string {
    if (id === null || id === undefined) return false;
    const u = this.#index.users.get(id);
    return u !== undefined && u.status === 'active' && u.kind === 'internal';
  }

  /** The reviewer of an item about `revieweeId` whose preferred reviewer is `preferred`. */
  pick(revieweeId: string | null, preferred: string | null): string {
    const ok = (id: string | null | undefined): id is string =>
      this.#active(id) && id !== revieweeId;
    let first: string | null = preferred;
    if (this.#rule.kind === 'named') {
      const named = this.#rule.userIds.filter(ok);
      if (named.length > 0) {
        first = named[this.#turn % named.length] as string;
        this.#turn++;
      } else first = null;
    }
    if (ok(first)) return first;
    // Up the reviewee's line (or the preferred reviewer's, for an item without a reviewee).
    const seen = new Set<string>();
    let at = revieweeId ?? preferred;
    while (at !== null && !seen.has(at)) {
      seen.add(at);
      const manager: string | null = this.#index.users.get(at)?.managerId ?? null;
      if (ok(manager)) return manager;
      at = manager;
    }
    if (ok(this.#ownerId)) return this.#ownerId;
    const admin = this.#model.users.find(
      (u) => ok(u.id) && hasFunction(this.#index, u.id, 'access_review_admin'),
    );
    if (admin !== undefined) return admin.id;
    return this.#ownerId;
  }

  /** The rule's preferred reviewer of a user: their manager, or their department's head. */
  preferredForUser(userId: string): string | null {
    const user = this.#index.users.get(userId);
    if (user === undefined) return null;
    if (this.#rule.kind === 'data_owner') {
      const dept = this.#model.departments.find((d) => d.id === user.departmentId);
      return dept?.headId ?? user.managerId;
    }
    return user.managerId;
  }
}
