/**
 * The conformance suite's scenario types: the decision semantics of DESIGN.md section 3 as data.
 * Scenarios are written in YAML (see conformance/README.md) and loaded by `loadScenarios`.
 */
import type {
  CrmRecord,
  EngineErrorCode,
  FieldLevel,
  ObjectType,
  PolicyModel,
  ReasonKind,
  RecordAction,
} from '@custos/engine';

/** `decide(as, action, record, at ?? now)` must be `allow`. */
export interface DecisionCheck {
  /** The principal (a user id of the scenario's model). */
  as: string;
  action: RecordAction;
  /** A record id of the scenario. */
  record: string;
  allow: boolean;
  /**
   * The expected `explain` reason kinds. For an allow: the set of `allowedBy` kinds equals this
   * set. For a deny: exactly `[deniedBy.kind]`.
   */
  reasons?: ReasonKind[];
  /** Decision time in ms since the epoch; overrides the scenario's `now`. */
  at?: number;
}

/** `fieldAccess(as, record.object, record, at ?? now)` gives these levels for these fields. */
export interface FieldCheck {
  as: string;
  record: string;
  /** Field name → expected level. Fields not listed are not checked. */
  expect: Record<string, FieldLevel>;
  at?: number;
}

/** The records of `object` selected by `filter(as, action, object, at ?? now)`. */
export interface ListCheck {
  as: string;
  action: RecordAction;
  object: ObjectType;
  /** Record ids, in any order: exactly these and no others. */
  expect: string[];
  at?: number;
}

export interface Scenario {
  /** Unique across every scenario file. */
  id: string;
  /** The file it came from, relative to the scenarios directory (e.g. `01-sales-roles.yaml`). */
  file: string;
  name: string;
  description?: string;
  /** The decision time of every check without its own `at`, in ms since the epoch. */
  now: number;
  model: PolicyModel;
  /**
   * Every record of the scenario. A customer's `customerId` is its own id; every other record has
   * `parent` set to its customer (the same object as in this array).
   */
  records: CrmRecord[];
  checks: DecisionCheck[];
  fieldChecks: FieldCheck[];
  listChecks: ListCheck[];
  /**
   * Set only for scenarios whose model is deliberately invalid: the exact set of error codes
   * `validateModel` must report. Such scenarios have no checks; consumers should skip them.
   */
  expectInvalid?: EngineErrorCode[];
}
