import {
  buildIndex,
  decide,
  fieldAccess,
  GrantSchema,
  isId,
  PolicyModelSchema,
  rank,
  TeamMemberSchema,
  validateModel,
} from '@custos/engine';
import type { CrmRecord } from '@custos/engine';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoCompany } from './demo-company.ts';

const NOW = Date.UTC(2026, 5, 1);
const demo = demoCompany({ customers: 300, now: NOW });
const index = buildIndex(demo.model);
const { model, records } = demo;

const userId = (name: string): string => {
  const u = model.users.find((x) => x.name === name);
  if (!u) throw new Error(`no user ${name}`);
  return u.id;
};
const customerOf = (r: CrmRecord): CrmRecord => r.parent ?? r;
/** Teams are facts of the customers; record grants of their records. */
const teams = records.flatMap((r) => (r.object === 'customer' ? (r.team ?? []) : []));
const allGrants = [...model.grants, ...records.flatMap((r) => r.grants ?? [])];
const onTeam = (customerId: string, user: string): boolean =>
  teams.some((t) => t.customerId === customerId && t.userId === user);
const find = (pred: (r: CrmRecord) => boolean, what: string): CrmRecord => {
  const r = records.find(pred);
  if (!r) throw new Error(`no record: ${what}`);
  return r;
};

describe('demoCompany', () => {
  it('is a valid model', () => {
    const result = validateModel(model);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has the shape the model schema describes, its record facts and ids too', () => {
    expect([...Value.Errors(PolicyModelSchema, model)]).toEqual([]);
    expect(teams.filter((t) => !Value.Check(TeamMemberSchema, t))).toEqual([]);
    expect(allGrants.filter((g) => !Value.Check(GrantSchema, g))).toEqual([]);
    expect(records.map((r) => r.id).filter((id) => !isId(id))).toEqual([]);
  });

  it('has the expected shape at the default size', () => {
    const full = demoCompany({ now: NOW });
    expect(validateModel(full.model).ok).toBe(true);
    const customers = full.records.filter((r) => r.object === 'customer');
    expect(customers).toHaveLength(5000);
    expect(full.records.length).toBeGreaterThan(20_000);
    expect(full.records.length).toBeLessThan(30_000);
    expect(new Set(full.records.map((r) => r.id)).size).toBe(full.records.length);
    expect(new Set(customers.map((r) => r.fields.name)).size).toBe(5000);
    const vips = customers.filter((r) => r.sensitivity === 'confidential').length;
    expect(vips).toBe(150);
    const pooled = customers.filter((r) => r.poolId != null);
    expect(pooled.length).toBeGreaterThan(300);
    expect(pooled.every((r) => r.ownerId === null && r.departmentId === null)).toBe(true);
    const withTeam = full.records.filter(
      (r) => r.object === 'customer' && (r.team ?? []).length > 0,
    ).length;
    expect(withTeam / 5000).toBeGreaterThan(0.08);
    expect(withTeam / 5000).toBeLessThan(0.16);
    for (const o of ['contact', 'deal', 'order', 'ticket', 'activity']) {
      expect(full.records.some((r) => r.object === o)).toBe(true);
    }
  });

  it('has about 60 users, 8 internal roles and one portal role', () => {
    expect(model.users.length).toBeGreaterThanOrEqual(55);
    expect(model.users.length).toBeLessThanOrEqual(65);
    const roles = model.roles.filter((r) => r.id !== 'portal-customer');
    expect(roles.map((r) => r.name).sort()).toEqual(
      [
        '系统管理员',
        '销售总监',
        '销售经理',
        '销售代表',
        '客服专员',
        '财务专员',
        '市场专员',
        '审计员',
      ].sort(),
    );
    expect(model.roles).toHaveLength(9);
    expect(model.users.filter((u) => u.status === 'suspended')).toHaveLength(1);
    expect(model.users.filter((u) => u.status === 'departed')).toHaveLength(1);
    expect(model.users.filter((u) => u.kind === 'portal')).toHaveLength(2);
    expect(model.users.find((u) => u.name === '张建国')?.clearance).toBe('restricted');
    expect(records.filter((r) => r.object === 'customer')).toHaveLength(300);
  });

  it('lists logins for active users with the one demo password', () => {
    const active = model.users.filter((u) => u.status === 'active');
    expect(demo.logins).toHaveLength(active.length);
    expect(demo.logins.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
    expect(new Set(demo.logins.map((l) => l.email)).size).toBe(demo.logins.length);
    expect(demo.logins.find((l) => l.userId === 'lilei')).toMatchObject({
      email: 'li.lei@yunshan.example',
      name: '李雷',
      role: '销售代表',
    });
  });

  it('is deterministic per seed', () => {
    const a = demoCompany({ customers: 200, seed: 7, now: NOW });
    const b = demoCompany({ customers: 200, seed: 7, now: NOW });
    const c = demoCompany({ customers: 200, seed: 8, now: NOW });
    expect(a).toEqual(b);
    expect(c.records).not.toEqual(a.records);
  });

  it('销售代表: reads and updates own customer, cannot delete it, cannot read a colleague’s', () => {
    const rep = userId('李雷');
    const own = find(
      (r) => r.object === 'customer' && r.ownerId === rep && r.sensitivity === 'internal',
      'own customer',
    );
    expect(decide(index, rep, 'read', own, NOW)).toBe(true);
    expect(decide(index, rep, 'update', own, NOW)).toBe(true);
    expect(decide(index, rep, 'delete', own, NOW)).toBe(false);
    const other = find(
      (r) =>
        r.object === 'customer' &&
        r.ownerId !== null &&
        r.ownerId !== rep &&
        !onTeam(r.id, rep) &&
        model.users.find((u) => u.id === r.ownerId)?.roleIds.includes('sales-rep') === true,
      'colleague customer',
    );
    expect(decide(index, rep, 'read', other, NOW)).toBe(false);
    const ownDeal = find((r) => r.object === 'deal' && r.customerId === own.id, 'own deal');
    expect(decide(index, rep, 'read', ownDeal, NOW)).toBe(true);
  });

  it('销售经理 reads deals of any customer', () => {
    const manager = userId('韩梅梅');
    const deal = find(
      (r) =>
        r.object === 'deal' &&
        customerOf(r).fields.region === '华北' &&
        customerOf(r).sensitivity === 'internal',
      'north deal',
    );
    expect(decide(index, manager, 'read', deal, NOW)).toBe(true);
    // …but not the customer itself: its owner does not report to her.
    expect(decide(index, manager, 'read', customerOf(deal), NOW)).toBe(false);
  });

  it('财务专员 reads deals; customer phone is at most read', () => {
    const finance = userId('姚远');
    const deal = find((r) => r.object === 'deal' && r.parent?.sensitivity === 'internal', 'deal');
    expect(decide(index, finance, 'read', deal, NOW)).toBe(true);
    const customer = customerOf(deal);
    expect(decide(index, finance, 'update', customer, NOW)).toBe(false);
    const fields = fieldAccess(index, finance, 'customer', customer, NOW);
    expect(rank.field(fields.phone ?? 'edit')).toBeLessThanOrEqual(rank.field('read'));
    expect(rank.field(fields.phone ?? 'hidden')).toBeGreaterThanOrEqual(rank.field('read'));
  });

  it('客服专员 sees deal amount hidden', () => {
    const service = userId('杜鹃');
    const deal = find((r) => r.object === 'deal' && r.parent?.sensitivity === 'internal', 'deal');
    expect(decide(index, service, 'read', deal, NOW)).toBe(true);
    const fields = fieldAccess(index, service, 'deal', deal, NOW);
    expect(fields.amount).toBe('hidden');
    expect(fields.stage).not.toBe('hidden');
  });

  it('a VIP customer is denied to an internal-clearance rep on its team', () => {
    const vip = find((r) => r.object === 'customer' && r.sensitivity === 'confidential', 'VIP');
    const member = vip.team?.[0];
    expect(member).toBeDefined();
    const user = model.users.find((u) => u.id === member?.userId);
    expect(user?.clearance).toBe('internal');
    expect(decide(index, user?.id ?? '', 'read', vip, NOW)).toBe(false);
    // Its owner (the regional manager, confidential clearance) still reads it.
    expect(decide(index, vip.ownerId ?? '', 'read', vip, NOW)).toBe(true);
  });

  it('a portal user reads their account’s ticket only, without the internal note', () => {
    const portal = model.users.find((u) => u.kind === 'portal');
    if (!portal) throw new Error('no portal user');
    const ticket = find(
      (r) => r.object === 'ticket' && r.customerId === portal.portalAccountId,
      'account ticket',
    );
    const foreign = find(
      (r) => r.object === 'ticket' && r.customerId !== portal.portalAccountId,
      'foreign ticket',
    );
    expect(decide(index, portal.id, 'read', ticket, NOW)).toBe(true);
    expect(decide(index, portal.id, 'read', foreign, NOW)).toBe(false);
    expect(decide(index, portal.id, 'read', customerOf(ticket), NOW)).toBe(false);
    const order = find(
      (r) => r.object === 'order' && r.customerId === portal.portalAccountId,
      'account order',
    );
    expect(decide(index, portal.id, 'read', order, NOW)).toBe(true);
    const fields = fieldAccess(index, portal.id, 'ticket', ticket, NOW);
    expect(fields.internalNote).toBe('hidden');
    expect(fields.subject).not.toBe('hidden');
  });

  it('the public pool, sharing rules and grants behave as configured', () => {
    const pooled = find((r) => r.object === 'customer' && r.poolId != null, 'pool customer');
    expect(decide(index, userId('李雷'), 'read', pooled, NOW)).toBe(true);
    expect(decide(index, userId('李雷'), 'update', pooled, NOW)).toBe(false);
    const east = find(
      (r) =>
        r.object === 'customer' &&
        r.fields.region === '华东' &&
        r.poolId == null &&
        r.sensitivity === 'internal',
      'east customer',
    );
    expect(decide(index, userId('汪洋'), 'read', east, NOW)).toBe(true);
    const expiring = allGrants.find((g) => g.id === 'grant-cover-leave');
    expect(expiring?.expiresAt).toBe(NOW + 7 * 86_400_000);
    const expired = allGrants.find((g) => g.id === 'grant-complaint-expired');
    // A grant on one record travels with the record, not in the model.
    expect(model.grants.some((g) => g.id === 'grant-complaint-expired')).toBe(false);
    expect(expired?.expiresAt).toBeLessThan(NOW);
  });
});

describe('demoCompany users option', () => {
  it('keeps the default company when users is the default count', () => {
    const byDefault = demoCompany({ customers: 50, now: NOW });
    expect(byDefault.model.users).toHaveLength(60);
    expect(demoCompany({ customers: 50, users: 60, now: NOW })).toEqual(byDefault);
  });

  it('adds deterministic sales reps spread over the three sales teams', () => {
    const big = demoCompany({ customers: 600, users: 300, now: NOW });
    expect(big).toEqual(demoCompany({ customers: 600, users: 300, now: NOW }));
    expect(validateModel(big.model).ok).toBe(true);
    expect(big.model.users).toHaveLength(300);
    const ids = big.model.users.map((u) => u.id);
    expect(new Set(ids).size).toBe(300);
    const emails = big.logins.map((l) => l.email);
    expect(new Set(emails).size).toBe(emails.length);
    const extra = big.model.users.slice(60);
    expect(extra.every((u) => u.roleIds[0] === 'sales-rep' && u.status === 'active')).toBe(true);
    expect(extra.every((u) => /^[\u4e00-\u9fa5]{2,3}$/.test(u.name))).toBe(true);
    const perDepartment = new Map<string, number>();
    for (const u of extra) {
      perDepartment.set(u.departmentId ?? '', (perDepartment.get(u.departmentId ?? '') ?? 0) + 1);
    }
    expect([...perDepartment.keys()].sort()).toEqual(['sales-east', 'sales-north', 'sales-south']);
    expect([...perDepartment.values()]).toEqual([80, 80, 80]);
    const owners = new Set(big.records.map((r) => r.ownerId));
    expect(extra.filter((u) => owners.has(u.id)).length).toBeGreaterThan(150);
  });

  it('rejects fewer users than the named staff', () => {
    expect(() => demoCompany({ customers: 10, users: 59, now: NOW })).toThrow(RangeError);
  });
});
