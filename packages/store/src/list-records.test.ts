import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
import { openForWrite } from './crypto/seal-records.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
import {
  OBJECT_TYPES,
  and,
  evaluatePredicate,
  filter,
  ownerIn,
  selectRecords,
  type CrmRecord,
  type ObjectType,
  type PolicyModel,
} from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { demoCompany } from './demo/demo-company.ts';
import {
  countRecords,
  countRecordsUpTo,
  listRecords,
  RECORD_SORTS,
  type RecordNarrowing,
  type RecordSort,
} from './list-records.ts';
import { loadTenantData } from './load-scenario.ts';
import { savePolicyModel } from './policy-repository.ts';
import { StoreError } from './store-error.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const NOW = Date.UTC(2026, 5, 1);
const TENANT = 'yunshan';
const demo = demoCompany({ customers: 120, now: NOW });
const model: PolicyModel = demo.model;
/** Spread the last changes over 60 days, with ties (several records per second). */
const records: (CrmRecord & { updatedAt: string })[] = demo.records.map((r, i) => ({
  ...r,
  updatedAt: new Date(NOW - ((i * 7919) % 5000) * 1000).toISOString(),
}));
const byObject = new Map<ObjectType, typeof records>(
  OBJECT_TYPES.map((o) => [o, records.filter((r) => r.object === o)]),
);
const customerById = new Map(records.filter((r) => r.object === 'customer').map((r) => [r.id, r]));
const withParents = (rs: typeof records) =>
  rs.map((r) => (r.object === 'customer' ? r : { ...r, parent: customerById.get(r.customerId) }));

function nameOf(r: CrmRecord): string {
  return typeof r.fields.name === 'string' ? r.fields.name : '';
}

/** The order each sort promises, as a comparator over stored records. */
function compare(sort: RecordSort) {
  const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return (a: CrmRecord & { updatedAt: string }, b: CrmRecord & { updatedAt: string }): number => {
    const [key, desc, idDesc] =
      sort === '-updatedAt'
        ? [Date.parse(a.updatedAt) - Date.parse(b.updatedAt), true, false]
        : sort === 'updatedAt'
          ? [Date.parse(a.updatedAt) - Date.parse(b.updatedAt), false, true]
          : sort === 'name'
            ? [byteOrder(nameOf(a), nameOf(b)), false, false]
            : [byteOrder(nameOf(a), nameOf(b)), true, true];
    if (key !== 0) return desc ? -key : key;
    const id = byteOrder(a.id, b.id);
    return idDesc ? -id : id;
  };
}

async function allPages(
  database: Database,
  query: Omit<Parameters<typeof listRecords>[1], 'cursor'>,
): Promise<(CrmRecord & { updatedAt: string })[]> {
  const out: (CrmRecord & { updatedAt: string })[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result = await listRecords(database.db, { ...query, cursor });
    out.push(...result.records);
    expect(result.records.length).toBeLessThanOrEqual(query.limit);
    if (result.nextCursor === null) return out;
    expect(result.records).toHaveLength(query.limit);
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

describe.each(TEST_BACKENDS)('listRecords and countRecords on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, model, records, TENANT, testKeyring);
    await savePolicyModel(database.db, TENANT, model);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('pages through exactly what the engine selects, for every user, in order', async () => {
    let compared = 0;
    for (const [i, user] of model.users.entries()) {
      // Customers for everyone, and one child object per user in turn.
      const objects: ObjectType[] = [
        'customer',
        OBJECT_TYPES[1 + (i % (OBJECT_TYPES.length - 1))] ?? 'contact',
      ];
      for (const object of objects) {
        const predicate = filter(model, user.id, 'read', object, NOW);
        const expected = selectRecords(model, predicate, withParents(byObject.get(object) ?? []));
        const sort = RECORD_SORTS[compared % RECORD_SORTS.length] as RecordSort;
        const got = await allPages(database, {
          tenantId: TENANT,
          object,
          predicate,
          limit: 29,
          sort,
        });
        const ids = got.map((r) => r.id);
        expect(new Set(ids).size, `${user.id} ${object}: no duplicates`).toBe(ids.length);
        expect([...ids].sort(), `${user.id} ${object}`).toEqual(expected.map((r) => r.id).sort());
        expect(ids, `${user.id} ${object} ${sort}`).toEqual(
          [...got].sort(compare(sort)).map((r) => r.id),
        );
        const count = await countRecords(database.db, { tenantId: TENANT, object, predicate });
        expect(count, `${user.id} ${object} count`).toBe(expected.length);
        compared++;
      }
    }
    expect(compared).toBe(model.users.length * 2);
  });

  it('returns children with their parent customer and the stored fields', async () => {
    const admin = model.users.find((u) => u.roleIds.includes('sys-admin'));
    expect(admin).toBeDefined();
    const predicate = filter(model, admin?.id ?? '', 'read', 'deal', NOW);
    const page = await listRecords(database.db, {
      tenantId: TENANT,
      object: 'deal',
      predicate,
      limit: 5,
    });
    expect(page.records).toHaveLength(5);
    // Stored as written: the encrypted fields sealed (docs/encryption.md), opened they are the source.
    const opened = await openForWrite(database.db, testKeyring, model, TENANT, page.records);
    for (const r of opened) {
      const source = records.find((x) => x.id === r.id);
      expect(r.fields).toEqual(source?.fields);
      expect(r.updatedAt).toBe(source?.updatedAt);
      expect(r.parent?.id).toBe(r.customerId);
    }
  });

  it('filters by a name prefix (LIKE wildcards are literal)', async () => {
    const rep = model.users.find((u) => u.roleIds.includes('sales-rep'));
    const predicate = filter(model, rep?.id ?? '', 'read', 'customer', NOW);
    const visible = selectRecords(model, predicate, byObject.get('customer') ?? []);
    const first = visible[0];
    expect(first).toBeDefined();
    const prefix = nameOf(first as CrmRecord).slice(0, 2);
    const expected = visible.filter((r) => nameOf(r).startsWith(prefix)).map((r) => r.id);
    const got = await allPages(database, {
      tenantId: TENANT,
      object: 'customer',
      predicate,
      limit: 3,
      namePrefix: prefix,
    });
    expect(got.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(
      await countRecords(database.db, {
        tenantId: TENANT,
        object: 'customer',
        predicate,
        namePrefix: prefix,
      }),
    ).toBe(expected.length);
    const none = await listRecords(database.db, {
      tenantId: TENANT,
      object: 'customer',
      predicate,
      limit: 3,
      namePrefix: '%',
    });
    expect(none.records).toEqual([]);
  });

  it('narrows by owner, department, sensitivity, last change and field values, ANDed with access', async () => {
    const manager = model.users.find((u) => u.roleIds.includes('sales-manager'));
    const predicate = filter(model, manager?.id ?? '', 'read', 'customer', NOW);
    const visible = selectRecords(
      model,
      predicate,
      byObject.get('customer') ?? [],
    ) as typeof records;
    expect(visible.length).toBeGreaterThan(3);
    const sample = visible[Math.floor(visible.length / 2)] as (typeof visible)[number];
    const times = visible.map((r) => Date.parse(r.updatedAt)).sort((a, b) => a - b);
    const from = new Date(times[Math.floor(times.length / 4)] as number).toISOString();
    const to = new Date(times[Math.floor((times.length * 3) / 4)] as number).toISOString();
    const narrowings: RecordNarrowing[] = [
      { predicate: ownerIn([sample.ownerId ?? '']) },
      { predicate: { kind: 'department_in', departmentIds: [sample.departmentId ?? ''] } },
      { sensitivity: sample.sensitivity },
      { updatedFrom: from, updatedTo: to },
      { updatedFrom: from },
      {
        predicate: and(
          {
            kind: 'field',
            criterion: { field: 'level', op: 'in', values: [sample.fields.level as string] },
          },
          {
            kind: 'field',
            criterion: { field: 'region', op: 'eq', value: sample.fields.region as string },
          },
        ),
        updatedTo: to,
      },
      // Nobody owns records as an unknown user: an empty list and a zero count.
      { predicate: ownerIn(['no-such-user']) },
    ];
    for (const narrow of narrowings) {
      const expected = visible
        .filter(
          (r) =>
            (narrow.predicate === undefined || evaluatePredicate(model, narrow.predicate, r)) &&
            (narrow.sensitivity === undefined || r.sensitivity === narrow.sensitivity) &&
            (narrow.updatedFrom === undefined || r.updatedAt >= narrow.updatedFrom) &&
            (narrow.updatedTo === undefined || r.updatedAt < narrow.updatedTo),
        )
        .map((r) => r.id)
        .sort();
      const query = { tenantId: TENANT, object: 'customer' as const, predicate, narrow };
      for (const sort of RECORD_SORTS) {
        const got = await allPages(database, { ...query, limit: 4, sort });
        expect(got.map((r) => r.id).sort(), JSON.stringify({ narrow, sort })).toEqual(expected);
      }
      expect(await countRecords(database.db, query)).toBe(expected.length);
      expect(await countRecordsUpTo(database.db, query)).toEqual({
        total: expected.length,
        exact: true,
      });
    }
  });

  it('rejects a foreign cursor and a bad page size, naming the field', async () => {
    const predicate = filter(model, model.users[0]?.id ?? '', 'read', 'customer', NOW);
    const base = { tenantId: TENANT, object: 'customer' as const, predicate };
    const page = await listRecords(database.db, { ...base, limit: 2, sort: 'name' });
    expect(page.nextCursor).not.toBeNull();
    await expect(
      listRecords(database.db, { ...base, limit: 2, sort: '-updatedAt', cursor: page.nextCursor }),
    ).rejects.toMatchObject({ code: 'STORE_INVALID_CURSOR', details: { field: 'cursor' } });
    await expect(
      listRecords(database.db, { ...base, limit: 2, cursor: 'not-a-cursor' }),
    ).rejects.toBeInstanceOf(StoreError);
    await expect(listRecords(database.db, { ...base, limit: 0 })).rejects.toMatchObject({
      code: 'STORE_INVALID_PAGE_SIZE',
      details: { field: 'limit' },
    });
  });
});
