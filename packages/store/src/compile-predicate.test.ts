import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
import {
  OBJECT_TYPES,
  attachRecordFacts,
  defaultObjectSettings,
  evaluatePredicate,
  type AccessLevel,
  type CrmRecord,
  type Grant,
  type Criterion,
  type PolicyModel,
  type Predicate,
  type TeamMember,
} from '@custos/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate, LARGE_SET } from './compile-predicate.ts';
import type { Database } from './database.ts';
import { loadTenantData } from './load-scenario.ts';
import { RECORD_TABLE, type RecordTable } from './record-tables.ts';
import { TEST_BACKENDS } from './test-backends.ts';

function model(tenantId: string): PolicyModel {
  return {
    version: 1,
    tenant: { id: tenantId, name: tenantId },
    departments: [],
    users: [],
    roles: [],
    objects: OBJECT_TYPES.map(defaultObjectSettings),
    groups: [],
    sharingRules: [],
    grants: [],
    pools: [],
    sodRules: [],
  };
}

function customer(id: string, extra: Partial<CrmRecord>): CrmRecord {
  return {
    object: 'customer',
    id,
    customerId: id,
    ownerId: null,
    departmentId: null,
    sensitivity: 'internal',
    fields: {},
    ...extra,
  };
}

const c1 = customer('c1', {
  ownerId: 'u1',
  departmentId: 'd1',
  createdById: 'u9',
  fields: { amount: 100, region: 'east', vip: true, code: 'a' },
});
const c2 = customer('c2', {
  sensitivity: 'public',
  poolId: 'pool1',
  fields: { amount: '100', region: 'West', code: 'B' },
});
const c3 = customer('c3', {
  ownerId: 'u2',
  departmentId: 'd2',
  sensitivity: 'restricted',
  contactUserId: 'u8',
  fields: { amount: 20.5, region: 'east', tag: null, code: 'b', nested: { a: 1 } },
});
const c4 = customer('c4', {
  ownerId: 'u3',
  sensitivity: 'confidential',
  fields: { amount: -3, region: 'éast', vip: false },
});
const deal = (id: string, parent: CrmRecord, ownerId: string | null): CrmRecord => ({
  object: 'deal',
  id,
  customerId: parent.id,
  ownerId,
  departmentId: null,
  sensitivity: 'public',
  fields: { amount: 1 },
  parent,
});
const records = [
  c1,
  c2,
  c3,
  c4,
  deal('deal1', c1, 'u2'),
  deal('deal2', c2, null),
  deal('deal3', c3, 'u1'),
];
const teams: TeamMember[] = [
  { customerId: 'c1', userId: 'u5', access: 'edit' },
  { customerId: 'c3', userId: 'u5', access: 'read' },
];
const grant = (id: string, g: Partial<Grant> & Pick<Grant, 'subject' | 'target'>): Grant => ({
  id,
  object: 'customer',
  access: 'read',
  startsAt: null,
  expiresAt: null,
  ...g,
});
/** Grants stored with their records: live, future, expired, to a group, on a deal. */
const recordGrants: Grant[] = [
  grant('gr1', {
    subject: { kind: 'user', userId: 'u5' },
    target: { kind: 'record', recordId: 'c2' },
  }),
  grant('gr2', {
    subject: { kind: 'group', groupId: 'grp1' },
    target: { kind: 'record', recordId: 'c3' },
    access: 'edit',
    expiresAt: 2_000,
  }),
  grant('gr3', {
    subject: { kind: 'user', userId: 'u5' },
    target: { kind: 'record', recordId: 'c4' },
    startsAt: 5_000,
  }),
  grant('gr4', {
    subject: { kind: 'user', userId: 'u5' },
    object: 'deal',
    target: { kind: 'record', recordId: 'deal2' },
    access: 'manage',
  }),
];

/** The records with their facts (a team, grants), as copies: each tenant has its own. */
function recordsWith(teamList: TeamMember[], grants: Grant[]): CrmRecord[] {
  const copies = new Map<string, CrmRecord>();
  for (const r of records) if (r.object === 'customer') copies.set(r.id, { ...r });
  const out = records.map((r) =>
    r.object === 'customer'
      ? (copies.get(r.id) as CrmRecord)
      : { ...r, parent: copies.get(r.customerId) as CrmRecord },
  );
  attachRecordFacts(out, teamList, grants);
  return out;
}
const acme = model('acme');
const acmeRecords = recordsWith(teams, recordGrants);

function expected(predicate: Predicate, table: RecordTable): string[] {
  return acmeRecords
    .filter((r) => RECORD_TABLE[r.object] === table && evaluatePredicate(acme, predicate, r))
    .map((r) => r.id)
    .sort();
}

const field = (criterion: Criterion): Predicate => ({ kind: 'field', criterion });
const rg = (p: { groupIds?: string[]; minAccess?: AccessLevel; at: number }): Predicate => ({
  kind: 'record_grant',
  userId: 'u5',
  groupIds: p.groupIds ?? [],
  minAccess: p.minAccess ?? 'read',
  at: p.at,
});

describe.each(TEST_BACKENDS)('on $name', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, acme, acmeRecords, undefined, testKeyring);
    // Same ids in another tenant, with a team and grants that must not leak into acme.
    await loadTenantData(
      database.db,
      model('other'),
      recordsWith(
        [{ customerId: 'c2', userId: 'u5', access: 'manage' }],
        [
          grant('other1', {
            subject: { kind: 'user', userId: 'u5' },
            target: { kind: 'record', recordId: 'c1' },
            access: 'manage',
          }),
        ],
      ),
      undefined,
      testKeyring,
    );
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  function query(predicate: Predicate, table: RecordTable = 'customers') {
    return database.db
      .selectFrom(`${table} as t` as 'customers as t')
      .select('t.id')
      .where('t.tenant_id', '=', 'acme')
      .where(compilePredicate(predicate, { table }))
      .orderBy('t.id');
  }

  async function ids(predicate: Predicate, table: RecordTable = 'customers'): Promise<string[]> {
    return (await query(predicate, table).execute()).map((r) => r.id);
  }

  describe('compilePredicate: SQL text', () => {
    const text = (predicate: Predicate, table: RecordTable = 'customers') => {
      const q = query(predicate, table).compile();
      return { sql: q.sql, parameters: q.parameters };
    };
    const prefix = (table: string) =>
      `select "t"."id" from "${table}" as "t" where "t"."tenant_id" = $1 and `;

    it('compiles the mandatory layer and the paths', () => {
      expect(
        text({
          kind: 'and',
          items: [
            { kind: 'sensitivity_at_most', level: 'internal' },
            {
              kind: 'or',
              items: [
                { kind: 'owner_in', userIds: ['u1', 'u2'] },
                { kind: 'team_member', userId: 'u5', minAccess: 'edit' },
              ],
            },
          ],
        }),
      ).toEqual({
        sql:
          prefix('customers') +
          '("t"."sensitivity" <= $2 and ("t"."owner_id" = any(cast($3 as text[])) or ' +
          'exists (select 1 from customer_team_members as "m1" where "m1"."tenant_id" = "t"."tenant_id" ' +
          'and "m1"."customer_id" = "t"."id" and "m1"."user_id" = $4 and "m1"."access" >= $5))) ' +
          'order by "t"."id"',
        parameters: ['acme', 1, ['u1', 'u2'], 'u5', 1],
      });
    });

    it('compiles parent as an exists on the customer', () => {
      expect(
        text(
          { kind: 'parent', predicate: { kind: 'department_in', departmentIds: ['d1'] } },
          'deals',
        ),
      ).toEqual({
        sql:
          prefix('deals') +
          'exists (select 1 from customers as "p1" where "p1"."tenant_id" = "t"."tenant_id" ' +
          'and "p1"."id" = "t"."customer_id" and "p1"."department_id" = $2) ' +
          'order by "t"."id"',
        parameters: ['acme', 'd1'],
      });
    });

    it('compiles field criteria on jsonb with typed comparisons', () => {
      // A plain field name is a literal (the rule-field indexes match the expression) …
      expect(text(field({ field: 'amount', op: 'lt', value: 50 }))).toEqual({
        sql:
          prefix('customers') +
          `(case when jsonb_typeof(("t"."data" -> 'amount')) = $2 then cast(("t"."data" -> 'amount') as numeric) end) ` +
          `< cast($3 as numeric) order by "t"."id"`,
        parameters: ['acme', 'number', 50],
      });
      expect(text(field({ field: 'region', op: 'ne', value: 'east' }))).toEqual({
        sql:
          prefix('customers') +
          `(jsonb_typeof(("t"."data" -> 'region')) = $2 and ("t"."data" -> 'region') <> cast($3 as jsonb)) order by "t"."id"`,
        parameters: ['acme', 'string', '"east"'],
      });
      expect(text(field({ field: 'region', op: 'in', values: ['east', 1] }))).toEqual({
        sql:
          prefix('customers') +
          `("t"."data" -> 'region') in (cast($2 as jsonb), cast($3 as jsonb)) order by "t"."id"`,
        parameters: ['acme', '"east"', '1'],
      });
      // … any other name stays a parameter.
      expect(text(field({ field: "it's", op: 'eq', value: 1 }))).toEqual({
        sql: prefix('customers') + `("t"."data" -> $2) = cast($3 as jsonb) order by "t"."id"`,
        parameters: ['acme', "it's", '1'],
      });
    });

    it('compiles a large set so the planner neither estimates each value nor uses its index', () => {
      const many = Array.from({ length: LARGE_SET + 1 }, (_, i) => `u${i}`);
      expect(text({ kind: 'owner_in', userIds: many })).toEqual({
        sql:
          prefix('customers') +
          `("t"."owner_id" || '') = any(cast($2 as text[])) order by "t"."id"`,
        parameters: ['acme', many],
      });
      // A count wants the index (a bitmap scan), so it may ask for the plain form.
      const counted = compilePredicate(
        { kind: 'owner_in', userIds: many },
        { table: 'customers', indexLargeSets: true },
      ).compile(database.db);
      expect(counted.sql).toBe(`"t"."owner_id" = any(cast($1 as text[]))`);
    });

    it('compiles constants and empty lists to constants', () => {
      expect(text({ kind: 'const', value: true }).sql).toBe(
        prefix('customers') + 'true order by "t"."id"',
      );
      expect(text({ kind: 'owner_in', userIds: [] }).sql).toBe(
        prefix('customers') + 'false order by "t"."id"',
      );
      expect(text(field({ field: 'x', op: 'between', low: 1, high: 'z' })).sql).toBe(
        prefix('customers') + 'false order by "t"."id"',
      );
      // A customer has no parent.
      expect(text({ kind: 'parent', predicate: { kind: 'const', value: false } }).sql).toBe(
        prefix('customers') + 'false order by "t"."id"',
      );
    });
  });

  describe('compilePredicate: rows match evaluatePredicate', () => {
    const cases: { name: string; predicate: Predicate; table?: RecordTable; rows: string[] }[] = [
      {
        name: 'owner_in (null owner never matches)',
        predicate: { kind: 'owner_in', userIds: ['u1', 'u3'] },
        rows: ['c1', 'c4'],
      },
      {
        name: 'owner_in, a large set (null owner never matches)',
        predicate: {
          kind: 'owner_in',
          userIds: ['u1', 'u3', ...Array.from({ length: 300 }, (_, i) => `x${i}`)],
        },
        rows: ['c1', 'c4'],
      },
      {
        name: 'department_in',
        predicate: { kind: 'department_in', departmentIds: ['d2'] },
        rows: ['c3'],
      },
      {
        name: 'sensitivity_at_most',
        predicate: { kind: 'sensitivity_at_most', level: 'internal' },
        rows: ['c1', 'c2'],
      },
      {
        name: 'customer_is',
        predicate: { kind: 'customer_is', customerId: 'c1' },
        table: 'deals',
        rows: ['deal1'],
      },
      { name: 'created_by', predicate: { kind: 'created_by', userId: 'u9' }, rows: ['c1'] },
      { name: 'contact_is', predicate: { kind: 'contact_is', userId: 'u8' }, rows: ['c3'] },
      {
        name: 'team_member read (tenant-scoped)',
        predicate: { kind: 'team_member', userId: 'u5', minAccess: 'read' },
        rows: ['c1', 'c3'],
      },
      {
        name: 'team_member edit',
        predicate: { kind: 'team_member', userId: 'u5', minAccess: 'edit' },
        rows: ['c1'],
      },
      {
        name: 'team_member on a child reads its customer',
        predicate: { kind: 'team_member', userId: 'u5', minAccess: 'manage' },
        table: 'deals',
        rows: [],
      },
      {
        name: 'record_grant read at 1000 (user and group, tenant-scoped)',
        predicate: rg({ groupIds: ['grp1'], at: 1_000 }),
        rows: ['c2', 'c3'],
      },
      {
        name: 'record_grant edit',
        predicate: rg({ groupIds: ['grp1'], minAccess: 'edit', at: 1_000 }),
        rows: ['c3'],
      },
      {
        name: 'record_grant: expired at its expiry, live from its start',
        predicate: rg({ groupIds: ['grp1'], at: 5_000 }),
        rows: ['c2', 'c4'],
      },
      {
        name: 'record_grant without the group',
        predicate: rg({ at: 1_000 }),
        rows: ['c2'],
      },
      {
        name: 'record_grant of the table object only',
        predicate: rg({ minAccess: 'manage', at: 1_000 }),
        table: 'deals',
        rows: ['deal2'],
      },
      {
        name: 'record_in',
        predicate: { kind: 'record_in', recordIds: ['c2', 'c4', 'nope'] },
        rows: ['c2', 'c4'],
      },
      { name: 'pool_in', predicate: { kind: 'pool_in', poolIds: ['pool1'] }, rows: ['c2'] },
      {
        name: 'parent',
        predicate: {
          kind: 'parent',
          predicate: { kind: 'team_member', userId: 'u5', minAccess: 'read' },
        },
        table: 'deals',
        rows: ['deal1', 'deal3'],
      },
      {
        name: 'parent on customers never matches',
        predicate: { kind: 'parent', predicate: { kind: 'const', value: true } },
        rows: [],
      },
      {
        name: 'or',
        predicate: {
          kind: 'or',
          items: [
            { kind: 'owner_in', userIds: ['u2'] },
            { kind: 'pool_in', poolIds: ['pool1'] },
          ],
        },
        rows: ['c2', 'c3'],
      },
      {
        name: 'and',
        predicate: {
          kind: 'and',
          items: [
            { kind: 'owner_in', userIds: ['u1', 'u2'] },
            { kind: 'sensitivity_at_most', level: 'confidential' },
          ],
        },
        rows: ['c1'],
      },
      {
        name: 'const true',
        predicate: { kind: 'const', value: true },
        table: 'deals',
        rows: ['deal1', 'deal2', 'deal3'],
      },
      { name: 'const false', predicate: { kind: 'const', value: false }, rows: [] },
      {
        name: 'eq number (not the string "100")',
        predicate: field({ field: 'amount', op: 'eq', value: 100 }),
        rows: ['c1'],
      },
      {
        name: 'eq string',
        predicate: field({ field: 'amount', op: 'eq', value: '100' }),
        rows: ['c2'],
      },
      {
        name: 'eq boolean',
        predicate: field({ field: 'vip', op: 'eq', value: false }),
        rows: ['c4'],
      },
      {
        name: 'ne: missing and other types never match',
        predicate: field({ field: 'vip', op: 'ne', value: true }),
        rows: ['c4'],
      },
      {
        name: 'ne string',
        predicate: field({ field: 'region', op: 'ne', value: 'east' }),
        rows: ['c2', 'c4'],
      },
      {
        name: 'ne on null never matches',
        predicate: field({ field: 'tag', op: 'ne', value: 'x' }),
        rows: [],
      },
      {
        name: 'in mixed types',
        predicate: field({ field: 'amount', op: 'in', values: [100, -3, '20.5'] }),
        rows: ['c1', 'c4'],
      },
      {
        name: 'lt number',
        predicate: field({ field: 'amount', op: 'lt', value: 50 }),
        rows: ['c3', 'c4'],
      },
      {
        name: 'gt number skips strings',
        predicate: field({ field: 'amount', op: 'gt', value: 50 }),
        rows: ['c1'],
      },
      {
        name: 'gt string in byte order',
        predicate: field({ field: 'code', op: 'gt', value: 'Z' }),
        rows: ['c1', 'c3'],
      },
      {
        name: 'lt string in byte order',
        predicate: field({ field: 'region', op: 'lt', value: 'f' }),
        rows: ['c1', 'c2', 'c3'],
      },
      {
        name: 'lt boolean never matches',
        predicate: field({ field: 'vip', op: 'lt', value: true }),
        rows: [],
      },
      {
        name: 'between inclusive',
        predicate: field({ field: 'amount', op: 'between', low: 20.5, high: 100 }),
        rows: ['c1', 'c3'],
      },
      {
        name: 'between strings',
        predicate: field({ field: 'code', op: 'between', low: 'B', high: 'a' }),
        rows: ['c1', 'c2'],
      },
      {
        name: 'between mixed types never matches',
        predicate: field({ field: 'amount', op: 'between', low: 0, high: 'z' }),
        rows: [],
      },
      {
        name: 'criteria on an object value never match',
        predicate: field({ field: 'nested', op: 'ne', value: 'x' }),
        rows: [],
      },
      { name: 'empty in', predicate: field({ field: 'amount', op: 'in', values: [] }), rows: [] },
    ];

    it.each(cases)('$name', async ({ predicate, table = 'customers', rows }) => {
      const actual = await ids(predicate, table);
      expect(actual).toEqual(expected(predicate, table));
      expect(actual).toEqual(rows);
    });
  });
});
