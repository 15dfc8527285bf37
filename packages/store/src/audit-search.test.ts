import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from './audit-repository.ts';
import {
  auditEventPages,
  countAuditEvents,
  countRecentActions,
  oldestRecentAction,
  searchAuditEvents,
} from './audit-search.ts';
import type { Database } from './database.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const T0 = Date.UTC(2026, 10, 30, 8);
const MIN = 60_000;

describe.each(TEST_BACKENDS)('audit search on $name', (backend) => {
  let database: Database;
  const tenantId = 't1';
  beforeAll(async () => {
    database = await backend.open();
    const db = database.db;
    await db
      .insertInto('tenants')
      .values([
        { id: tenantId, name: 'T1' },
        { id: 't2', name: 'T2' },
      ])
      .execute();
    const events = [
      {
        actorId: 'lilei',
        action: 'customer.create',
        target: 'customer/c1',
        after: { fields: { name: 'A' } },
      },
      {
        actorId: 'lilei',
        action: 'customer.update',
        target: 'customer/c1',
        before: { fields: { name: 'A' } },
        after: { fields: { name: 'B' } },
      },
      {
        actorId: 'zhoumin',
        action: 'customer.reveal',
        target: 'customer/c1',
        after: { field: 'phone' },
      },
      { actorId: 'zhoumin', action: 'role.update', target: 'role/sales-rep', actingAsId: null },
      {
        actorId: 'zhoumin',
        action: 'customer.read',
        target: 'customer/c2',
        outcome: 'denied' as const,
        actingAsId: 'lilei',
      },
      { actorId: 'lilei', action: 'customer_team.add', target: 'customer/c2' },
      {
        actorId: 'zhoumin',
        action: 'contact.reveal',
        target: 'contact/k1',
        after: { field: 'phone' },
      },
    ];
    for (const [i, e] of events.entries())
      await appendAuditEvent(db, { tenantId, at: new Date(T0 + i * MIN), ...e });
    await appendAuditEvent(db, {
      tenantId: 't2',
      actorId: 'lilei',
      action: 'customer.create',
      target: 'customer/c1',
      at: new Date(T0),
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('pages newest first within the tenant, with every column', async () => {
    const first = await searchAuditEvents(database.db, { tenantId, limit: 3 });
    expect(first.events.map((e) => e.action)).toEqual([
      'contact.reveal',
      'customer_team.add',
      'customer.read',
    ]);
    expect(first.events[2]).toMatchObject({
      outcome: 'denied',
      actingAsId: 'lilei',
      actorId: 'zhoumin',
    });
    expect(first.events[0]?.after).toEqual({ field: 'phone' });
    expect(first.nextBeforeId).not.toBeNull();
    const second = await searchAuditEvents(database.db, {
      tenantId,
      limit: 3,
      beforeId: first.nextBeforeId!,
    });
    const third = await searchAuditEvents(database.db, {
      tenantId,
      limit: 3,
      beforeId: second.nextBeforeId!,
    });
    expect(third.events.map((e) => e.action)).toEqual(['customer.create']);
    expect(third.nextBeforeId).toBeNull();
  });

  it('filters by actor, acting-as, exact action, action prefix (underscore literal), target, outcome and time', async () => {
    const actions = async (f: Parameters<typeof searchAuditEvents>[1]) =>
      (await searchAuditEvents(database.db, f)).events.map((e) => e.action);
    const base = { tenantId, limit: 50 };
    expect(await actions({ ...base, actorId: 'lilei' })).toEqual([
      'customer_team.add',
      'customer.update',
      'customer.create',
    ]);
    expect(await actions({ ...base, actingAsId: 'lilei' })).toEqual(['customer.read']);
    expect(await actions({ ...base, action: 'customer.update' })).toEqual(['customer.update']);
    // `customer.` is a prefix; `customer_team.add` does not start with it (`_` is no wildcard).
    expect(await actions({ ...base, action: 'customer.' })).toEqual([
      'customer.read',
      'customer.reveal',
      'customer.update',
      'customer.create',
    ]);
    expect(await actions({ ...base, action: 'customer' })).toEqual([]);
    expect(await actions({ ...base, target: 'customer/c1' })).toEqual([
      'customer.reveal',
      'customer.update',
      'customer.create',
    ]);
    expect(await actions({ ...base, outcome: 'denied' })).toEqual(['customer.read']);
    expect(
      await actions({ ...base, from: new Date(T0 + MIN), to: new Date(T0 + 3 * MIN) }),
    ).toEqual(['customer.reveal', 'customer.update']);
    expect(await actions({ ...base, actorId: 'nobody' })).toEqual([]);
    expect(await countAuditEvents(database.db, { tenantId, action: 'customer.' }, 100)).toBe(4);
    expect(await countAuditEvents(database.db, { tenantId, action: 'customer.' }, 3)).toBe(3);
    expect(await countAuditEvents(database.db, { tenantId: 't2' }, 100)).toBe(1);
  });

  it('streams every match in bounded pages, and says when the cap cut it', async () => {
    const all: string[] = [];
    const pages = auditEventPages(database.db, { tenantId }, { pageSize: 2, maxEvents: 100 });
    let step = await pages.next();
    while (step.done !== true) {
      expect(step.value.length).toBeLessThanOrEqual(2);
      all.push(...step.value.map((e) => e.id));
      step = await pages.next();
    }
    expect(all).toHaveLength(7);
    expect(step.value).toEqual({ count: 7, truncated: false });
    const capped = auditEventPages(database.db, { tenantId }, { pageSize: 2, maxEvents: 5 });
    let n = 0;
    let s = await capped.next();
    while (s.done !== true) {
      n += s.value.length;
      s = await capped.next();
    }
    expect(n).toBe(5);
    expect(s.value).toEqual({ count: 5, truncated: true });
  });

  it("counts an actor's recent actions of one verb (the reveal rate limit)", async () => {
    const db = database.db;
    const args = { tenantId, actorId: 'zhoumin', verb: 'reveal' };
    expect(await countRecentActions(db, { ...args, since: new Date(T0) })).toBe(2);
    expect(await countRecentActions(db, { ...args, since: new Date(T0 + 3 * MIN) })).toBe(1);
    expect(await countRecentActions(db, { ...args, actorId: 'lilei', since: new Date(T0) })).toBe(
      0,
    );
    const locked = await db
      .transaction()
      .execute((tx) => countRecentActions(tx, { ...args, since: new Date(T0), lock: true }));
    expect(locked).toBe(2);
    expect(await oldestRecentAction(db, { ...args, since: new Date(T0) })).toEqual(
      new Date(T0 + 2 * MIN),
    );
    expect(await oldestRecentAction(db, { ...args, since: new Date(T0 + 10 * MIN) })).toBeNull();
  });
});
