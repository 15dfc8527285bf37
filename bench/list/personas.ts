/**
 * The personas of DESIGN.md section 8, picked from a generated dataset by their properties. Every
 * pick is deterministic (ties break by user id) and throws when no user has the property, so a
 * change to the generator cannot silently turn a persona into someone else.
 */
import type { Grant, ObjectType, PolicyIndex, User } from '@custos/engine';
import type { Dataset } from '../engine/generate-model.ts';

export type PersonaKey =
  | 'ceo'
  | 'senior-manager'
  | 'mid-manager'
  | 'leaf-rep'
  | 'rule-agent'
  | 'grants-only'
  | 'portal'
  | 'skewed-owner';

export interface Persona {
  readonly key: PersonaKey;
  readonly label: string;
  readonly userId: string;
  /** What the persona lists: customers, or contacts for the portal user (customers are not portal-visible). */
  readonly object: ObjectType;
  /** Why this user: the properties it was picked by. */
  readonly why: string;
}

/** The access paths a user has to customers, besides the role's scope. */
export interface UserPaths {
  readonly owned: number;
  readonly team: number;
  readonly rules: number;
  readonly liveGrants: number;
  readonly pools: number;
}

export class PersonaError extends Error {}

const roleKey = (roleId: string): string => roleId.replace(/^role_/, '').replace(/_\d+$/, '');

function hasOnlyRole(user: User, key: string): boolean {
  return user.roleIds.length === 1 && roleKey(user.roleIds[0] as string) === key;
}

function grantSubjectIs(grant: Grant, userId: string, groupIds: ReadonlySet<string>): boolean {
  return grant.subject.kind === 'user'
    ? grant.subject.userId === userId
    : groupIds.has(grant.subject.groupId);
}

export function userPaths(ds: Dataset, index: PolicyIndex, userId: string): UserPaths {
  const ctx = index.principals.get(userId);
  const groupIds = ctx?.groupIds ?? new Set<string>();
  const now = ds.now;
  return {
    owned: ds.customersByOwner.get(userId)?.length ?? 0,
    team: ds.teamCustomersByUser.get(userId)?.length ?? 0,
    rules: ds.model.sharingRules.filter(
      (r) => r.object === 'customer' && groupIds.has(r.targetGroupId),
    ).length,
    liveGrants: ds.model.grants.filter(
      (g) =>
        g.object === 'customer' &&
        grantSubjectIs(g, userId, groupIds) &&
        (g.expiresAt === null || now < g.expiresAt) &&
        (g.startsAt === null || g.startsAt === undefined || now >= g.startsAt),
    ).length,
    pools: ctx?.poolIds.size ?? 0,
  };
}

function describePaths(p: UserPaths): string {
  return `owns ${p.owned}, on ${p.team} teams, ${p.rules} sharing rules, ${p.liveGrants} live grants, ${p.pools} pools`;
}

function byId(a: User, b: User): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function first<T>(items: readonly T[], what: string): T {
  const item = items[0];
  if (item === undefined) throw new PersonaError(`no user qualifies as ${what}`);
  return item;
}

/** Pick the eight personas; throws `PersonaError` if the dataset has no user for one of them. */
export function pickPersonas(ds: Dataset, index: PolicyIndex): Persona[] {
  const users = ds.model.users;
  const active = users.filter((u) => u.kind === 'internal' && u.status === 'active').sort(byId);
  const level = (u: User): number => ds.level.get(u.id) ?? -1;
  const subtree = (u: User): number => ds.reportingSubtree.get(u.id)?.length ?? 0;
  const maxLevel = active.reduce((max, u) => Math.max(max, level(u)), 0);
  const paths = new Map<string, UserPaths>();
  const pathsOf = (u: User): UserPaths => {
    let p = paths.get(u.id);
    if (p === undefined) {
      p = userPaths(ds, index, u.id);
      paths.set(u.id, p);
    }
    return p;
  };
  const personas: Persona[] = [];

  const ceo = users.find((u) => u.id === ds.ceoId);
  if (ceo === undefined || ceo.status !== 'active' || !hasOnlyRole(ceo, 'executive')) {
    throw new PersonaError(`the CEO ${ds.ceoId} is missing, inactive or not an executive`);
  }
  personas.push({
    key: 'ceo',
    label: 'CEO',
    userId: ceo.id,
    object: 'customer',
    why: `top of the reporting line, role executive (scope all)`,
  });

  // Senior manager: a director (scope department_tree) one level below the CEO, biggest subtree.
  const senior = first(
    active
      .filter((u) => level(u) === 1 && hasOnlyRole(u, 'director'))
      .sort((a, b) => subtree(b) - subtree(a) || byId(a, b)),
    'senior manager (level 1, director only)',
  );
  personas.push({
    key: 'senior-manager',
    label: 'senior manager',
    userId: senior.id,
    object: 'customer',
    why: `level 1, director (department_tree), ${subtree(senior) - 1} people below, department ${senior.departmentId}`,
  });

  // Mid manager: a manager (scope subordinates) half way down, the median subtree among them.
  const midLevel = Math.max(2, Math.floor(maxLevel / 2));
  const mids = active
    .filter((u) => level(u) === midLevel && hasOnlyRole(u, 'manager') && subtree(u) > 1)
    .sort((a, b) => subtree(a) - subtree(b) || byId(a, b));
  const mid = first(mids.slice(Math.floor(mids.length / 2)), `mid manager (level ${midLevel})`);
  personas.push({
    key: 'mid-manager',
    label: 'mid manager',
    userId: mid.id,
    object: 'customer',
    why: `level ${midLevel}, manager (subordinates), ${subtree(mid) - 1} people below`,
  });

  // Leaf rep: nobody reports to them, rep only (scope own), owning closest to 100 customers.
  const skewed = ds.skewedOwnerId;
  const reps = active.filter((u) => hasOnlyRole(u, 'rep') && u.id !== skewed);
  const leaf = first(
    reps
      .filter((u) => subtree(u) === 1 && pathsOf(u).owned > 0)
      .sort(
        (a, b) => Math.abs(pathsOf(a).owned - 100) - Math.abs(pathsOf(b).owned - 100) || byId(a, b),
      ),
    'leaf rep (no reports, rep only, owns customers)',
  );
  personas.push({
    key: 'leaf-rep',
    label: 'leaf rep',
    userId: leaf.id,
    object: 'customer',
    why: `level ${level(leaf)}, no reports, rep (own), owns closest to 100; ${describePaths(pathsOf(leaf))}`,
  });

  // Rule agent: a rep reached by sharing rules, with as little of anything else as possible.
  const other = (p: UserPaths): number => p.owned + p.team + p.liveGrants;
  const agent = first(
    reps
      .filter((u) => u.id !== leaf.id && pathsOf(u).rules > 0)
      .sort(
        (a, b) =>
          other(pathsOf(a)) - other(pathsOf(b)) ||
          pathsOf(b).rules - pathsOf(a).rules ||
          byId(a, b),
      ),
    'agent reached through sharing rules (rep only, at least one rule)',
  );
  personas.push({
    key: 'rule-agent',
    label: 'agent via sharing rule',
    userId: agent.id,
    object: 'customer',
    why: `rep (own) with the least other access among those a rule reaches; ${describePaths(pathsOf(agent))}`,
  });

  // Grants only: a rep no sharing rule reaches, with live grants and the least other access.
  const granted = first(
    reps
      .filter((u) => u.id !== leaf.id && u.id !== agent.id && pathsOf(u).rules === 0)
      .filter((u) => pathsOf(u).liveGrants > 0)
      .sort(
        (a, b) =>
          pathsOf(a).owned + pathsOf(a).team - (pathsOf(b).owned + pathsOf(b).team) ||
          pathsOf(b).liveGrants - pathsOf(a).liveGrants ||
          byId(a, b),
      ),
    'user with grants only (rep only, no sharing rule, live grants)',
  );
  personas.push({
    key: 'grants-only',
    label: 'grants only',
    userId: granted.id,
    object: 'customer',
    why: `rep (own), no sharing rule, the least owned + team among those with live grants; ${describePaths(pathsOf(granted))}`,
  });

  // Portal user: active, its account has the most contacts (customers are not portal-visible).
  const contactsOf = (customerId: string | null | undefined): number =>
    customerId == null
      ? 0
      : (ds.childrenByCustomer.get(customerId)?.filter((c) => c.object === 'contact').length ?? 0);
  const portal = first(
    users
      .filter((u) => u.kind === 'portal' && u.status === 'active')
      .sort((a, b) => contactsOf(b.portalAccountId) - contactsOf(a.portalAccountId) || byId(a, b)),
    'portal user (active)',
  );
  const contact = ds.model.objects.find((o) => o.object === 'contact');
  if (contact === undefined || !contact.portalExposed) {
    throw new PersonaError(
      'the portal persona lists contacts, but contacts are not portal-visible',
    );
  }
  personas.push({
    key: 'portal',
    label: 'portal user (contacts)',
    userId: portal.id,
    object: 'contact',
    why: `portal user of ${portal.portalAccountId}, whose account has ${contactsOf(portal.portalAccountId)} contacts; lists contacts (customers are not portal-visible)`,
  });

  const owner = users.find((u) => u.id === skewed);
  if (owner === undefined || owner.status !== 'active') {
    throw new PersonaError(`the skewed owner ${skewed} is missing or inactive`);
  }
  personas.push({
    key: 'skewed-owner',
    label: 'skewed owner',
    userId: owner.id,
    object: 'customer',
    why: `owns ${pathsOf(owner).owned} customers; roles ${owner.roleIds.join(', ')}`,
  });
  return personas;
}
