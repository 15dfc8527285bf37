/**
 * The (principal, record, action) triples the benchmark runs, sampled deterministically from a
 * dataset so that about half are allowed: a share of them (`related`) pick a record related to the
 * principal (owned in their reporting subtree, on a team they are on, a contact of their portal
 * account), the rest a record at random. The defaults give ≈ 50% allowed on the generated
 * datasets; the benchmark prints the actual fraction.
 */
import type { CrmRecord, RecordAction } from '@custos/engine';
import type { Dataset } from './generate-model.ts';
import { createPrng, type Prng } from './prng.ts';

/** Parallel arrays: triple i is (principals[i], records[i], actions[i]). */
export interface Triples {
  readonly length: number;
  readonly principals: readonly string[];
  readonly records: readonly CrmRecord[];
  readonly actions: readonly RecordAction[];
}

const MIXED_ACTIONS: ReadonlyArray<readonly [RecordAction, number]> = [
  ['read', 0.5],
  ['update', 0.2],
  ['export', 0.08],
  ['create', 0.07],
  ['share', 0.05],
  ['transfer', 0.05],
  ['delete', 0.05],
];

function cumulative(weights: ReadonlyArray<readonly [unknown, number]>): number[] {
  let sum = 0;
  return weights.map(([, w]) => (sum += w));
}

/** A customer (index into `dataset.customers`) owned by someone in the user's subtree. */
function subtreeCustomer(ds: Dataset, prng: Prng, userId: string): number | undefined {
  const subtree = ds.reportingSubtree.get(userId);
  if (!subtree || subtree.length === 0) return undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    const owner = prng.pick(subtree);
    const owned = ds.customersByOwner.get(owner);
    if (owned && owned.length > 0) return prng.pick(owned);
  }
  return undefined;
}

function teamCustomer(ds: Dataset, prng: Prng, userId: string): number | undefined {
  const list = ds.teamCustomersByUser.get(userId);
  return list && list.length > 0 ? prng.pick(list) : undefined;
}

/** Maybe swap a customer for one of its children (deal or contact). */
function maybeChild(ds: Dataset, prng: Prng, customer: CrmRecord): CrmRecord {
  if (!prng.chance(0.3)) return customer;
  const kids = ds.childrenByCustomer.get(customer.id);
  return kids && kids.length > 0 ? prng.pick(kids) : customer;
}

/**
 * Triples over the full model: every record kind, every action, internal and portal principals
 * (inactive ones included). `related` is the share of triples that pick a related record.
 */
export function mixedTriples(ds: Dataset, count: number, seed: number, related = 0.68): Triples {
  const prng = createPrng(seed);
  const actionWeights = cumulative(MIXED_ACTIONS);
  const principals = new Array<string>(count);
  const records = new Array<CrmRecord>(count);
  const actions = new Array<RecordAction>(count);
  const accountOf = new Map<string, string>();
  for (const u of ds.model.users) if (u.portalAccountId) accountOf.set(u.id, u.portalAccountId);
  for (let i = 0; i < count; i++) {
    const portal = ds.portalUserIds.length > 0 && prng.chance(0.04);
    const principal = portal ? prng.pick(ds.portalUserIds) : prng.pick(ds.internalUserIds);
    let record: CrmRecord | undefined;
    if (prng.chance(related)) {
      if (portal) {
        const account = accountOf.get(principal);
        const kids = account === undefined ? undefined : ds.childrenByCustomer.get(account);
        if (kids && kids.length > 0) record = prng.pick(kids);
      } else {
        const ci = prng.chance(0.6)
          ? (subtreeCustomer(ds, prng, principal) ?? teamCustomer(ds, prng, principal))
          : (teamCustomer(ds, prng, principal) ?? subtreeCustomer(ds, prng, principal));
        if (ci !== undefined) record = maybeChild(ds, prng, ds.customers[ci] as CrmRecord);
      }
    }
    principals[i] = principal;
    records[i] = record ?? prng.pick(ds.records);
    actions[i] = (MIXED_ACTIONS[prng.weighted(actionWeights)] as [RecordAction, number])[0];
  }
  return { length: count, principals, records, actions };
}

export type SliceAction = 'read' | 'update';

/**
 * Triples over the CRM slice: internal principals, customers only, `read` or `update`.
 * Record `i` of the slice is `ds.customers[customerIndex[i]]`.
 */
export interface SliceTriples {
  readonly length: number;
  readonly principals: readonly string[];
  readonly actions: readonly SliceAction[];
  readonly customerIndex: Uint32Array;
}

export function sliceTriples(
  ds: Dataset,
  count: number,
  seed: number,
  related = 0.52,
): SliceTriples {
  const prng = createPrng(seed);
  const principals = new Array<string>(count);
  const actions = new Array<SliceAction>(count);
  const customerIndex = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const principal = prng.pick(ds.internalUserIds);
    let ci: number | undefined;
    if (prng.chance(related)) {
      ci = prng.chance(0.6)
        ? (subtreeCustomer(ds, prng, principal) ?? teamCustomer(ds, prng, principal))
        : (teamCustomer(ds, prng, principal) ?? subtreeCustomer(ds, prng, principal));
    }
    principals[i] = principal;
    customerIndex[i] = ci ?? prng.int(ds.customers.length);
    actions[i] = prng.chance(0.7) ? 'read' : 'update';
  }
  return { length: count, principals, actions, customerIndex };
}
