/**
 * The CRM slice every peer implements, so the comparison is like for like:
 *
 *   allow (reader, read | update, customer) iff
 *     customer.sensitivity ≤ reader.clearance
 *     and (customer.owner is the reader or reports to them, directly or not
 *          or the reader is on the customer's team)
 *
 * `sliceInput` derives the data every implementation starts from; `sliceModel` expresses the slice
 * as a Custos policy model (one role with `read`/`update: subordinates`, teams at `edit`).
 */
import type { CrmRecord, PolicyModel, Role, Sensitivity, TeamMember, User } from '@custos/engine';
import type { Dataset } from './generate-model.ts';
import type { SliceAction, SliceTriples } from './triples.ts';

const SENSITIVITY_RANK: Readonly<Record<Sensitivity, number>> = {
  public: 0,
  internal: 1,
  confidential: 2,
  restricted: 3,
};

/** A customer as the peers see it: plain attributes, no engine types. */
export interface SliceSubject {
  readonly type: 'Customer';
  readonly id: string;
  readonly ownerId: string | null;
  /** The owner and every manager above them (for "owner in my subtree" as array membership). */
  readonly ownerChain: readonly string[];
  /** Users on the customer's team. */
  readonly teamUserIds: readonly string[];
  /** Sensitivity rank: public 0 < internal 1 < confidential 2 < restricted 3. */
  readonly sensitivity: number;
}

export interface SliceInput {
  readonly model: PolicyModel;
  readonly now: number;
  /** Internal users: the principals of the slice. */
  readonly userIds: readonly string[];
  /** User id → clearance rank. */
  readonly clearance: ReadonlyMap<string, number>;
  /** User id → the user and everyone below them in the reporting line. */
  readonly reportingSubtree: ReadonlyMap<string, readonly string[]>;
  /** User id → direct manager (null at the top). */
  readonly managerOf: ReadonlyMap<string, string | null>;
  /** Customer id → team member ids. */
  readonly teamMembers: ReadonlyMap<string, readonly string[]>;
  /** Team memberships in the slice. */
  readonly teamCount: number;
  /** Parallel arrays over the dataset's customers (their teams at `edit`, as the slice says). */
  readonly records: readonly CrmRecord[];
  readonly subjects: readonly SliceSubject[];
}

/** One implementation of the slice. */
export interface SlicePeer {
  readonly name: string;
  /** One decision, for the agreement check. */
  check(principalId: string, action: SliceAction, customerIndex: number): boolean;
  /** Decide triples [start, end) and return how many were allowed (the timed loop). */
  run(triples: SliceTriples, start: number, end: number): number;
}

export const SLICE_ROLE: Role = {
  id: 'slice_reader',
  name: 'Slice reader',
  objects: { customer: { read: 'subordinates', update: 'subordinates' } },
  functions: [],
  fields: {},
};

/** The slice as a Custos model: same people and teams, one role, nothing else. */
export function sliceModel(ds: Dataset): PolicyModel {
  const internal = new Set(ds.internalUserIds);
  const users: User[] = ds.model.users
    .filter((u) => internal.has(u.id))
    .map((u) => ({ ...u, status: 'active', roleIds: [SLICE_ROLE.id] }));
  return {
    version: 1,
    tenant: ds.model.tenant,
    departments: ds.model.departments,
    users,
    roles: [SLICE_ROLE],
    objects: [
      {
        object: 'customer',
        orgWideDefault: 'private',
        controlledByParent: false,
        portalExposed: false,
        fields: {},
      },
    ],
    groups: [],
    sharingRules: [],
    grants: [],
    pools: [],
    sodRules: [],
  };
}

export function sliceInput(ds: Dataset): SliceInput {
  const model = sliceModel(ds);
  const clearance = new Map<string, number>();
  const managerOf = new Map<string, string | null>();
  for (const u of model.users) {
    clearance.set(u.id, SENSITIVITY_RANK[u.clearance]);
    managerOf.set(u.id, u.managerId);
  }
  const teamMembers = new Map<string, string[]>();
  for (const t of ds.teams) {
    const list = teamMembers.get(t.customerId) ?? [];
    list.push(t.userId);
    teamMembers.set(t.customerId, list);
  }
  const noOne: readonly string[] = [];
  const subjects: SliceSubject[] = ds.customers.map((c) => ({
    type: 'Customer',
    id: c.id,
    ownerId: c.ownerId,
    ownerChain: c.ownerId === null ? noOne : (ds.managerChain.get(c.ownerId) ?? [c.ownerId]),
    teamUserIds: teamMembers.get(c.id) ?? noOne,
    sensitivity: SENSITIVITY_RANK[c.sensitivity],
  }));
  return {
    model,
    now: ds.now,
    userIds: ds.internalUserIds,
    clearance,
    reportingSubtree: ds.reportingSubtree,
    managerOf,
    teamMembers,
    teamCount: ds.teams.length,
    records: ds.customers.map((c) => {
      const team: TeamMember[] | undefined = c.team?.map((t) => ({ ...t, access: 'edit' }));
      return team === undefined ? { ...c } : { ...c, team };
    }),
    subjects,
  };
}
