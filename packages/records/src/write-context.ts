import type { PolicyIndex, PolicyModel } from '@custos/engine';

/**
 * Who writes, in which tenant, under which policy, and when: what every record write is judged
 * by. The server's request context is one; the CLI import builds one for the importer.
 */
export interface WriteContext {
  tenantId: string;
  userId: string;
  /** The policy the write is judged by. */
  model: PolicyModel;
  index: PolicyIndex;
  /** "Now" of the write, ms since the epoch (grants' time bounds, `updated_at`, the audit event). */
  now: number;
}

/** What the pure rules need: the policy, the user and the time (no tenant, no database). */
export type DecisionContext = Pick<WriteContext, 'index' | 'model' | 'userId' | 'now'>;
