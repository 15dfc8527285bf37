import { randomBytes as keyringBytes } from 'node:crypto';
import { createKeyring as createTestKeyring } from './crypto/keyring.ts';
/** The keys this test's encrypted demo fields are sealed with. */
const testKeyring = createTestKeyring({ kek: keyringBytes(32), cacheMs: 0 });
/**
 * Field criteria, differentially: random criteria over a fixed pool of awkward values (numbers,
 * strings in several scripts and cases, booleans, null, missing, nested) select the same rows in
 * SQL as `matchesCriterion` in memory.
 */
import {
  OBJECT_TYPES,
  defaultObjectSettings,
  matchesCriterion,
  type CrmRecord,
  type Criterion,
  type FieldValue,
  type PolicyModel,
} from '@custos/engine';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePredicate } from './compile-predicate.ts';
import type { Database } from './database.ts';
import { loadTenantData } from './load-scenario.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const SCALARS: FieldValue[] = [
  0,
  -1,
  1,
  1.5,
  -0.25,
  2,
  10,
  100,
  1e15,
  '',
  '0',
  '1',
  '10',
  '2',
  'a',
  'A',
  'b',
  'B',
  'east',
  'East',
  'éast',
  '华东',
  '华北',
  true,
  false,
];
const STORED: unknown[] = [...SCALARS, null, { a: 1 }, [1]];

const model: PolicyModel = {
  version: 1,
  tenant: { id: 'prop', name: 'prop' },
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

// One record per stored value in field `v`, plus one without it.
const records: CrmRecord[] = [...STORED, undefined].map((value, n) => ({
  object: 'customer',
  id: `r${n}`,
  customerId: `r${n}`,
  ownerId: null,
  departmentId: null,
  sensitivity: 'public',
  fields: value === undefined ? {} : { v: value },
}));

const scalar = fc.constantFrom(...SCALARS);
const orderable = fc.constantFrom(...SCALARS.filter((v) => typeof v !== 'boolean'));
const criterion: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({
    field: fc.constant('v'),
    op: fc.constantFrom('eq', 'ne', 'lt', 'gt'),
    value: scalar,
  }),
  fc.record({
    field: fc.constant('v'),
    op: fc.constant('in'),
    values: fc.array(scalar, { maxLength: 4 }),
  }),
  fc.record({
    field: fc.constant('v'),
    op: fc.constant('between'),
    low: orderable,
    high: orderable,
  }),
) as fc.Arbitrary<Criterion>;

describe.each(TEST_BACKENDS)('on $name', (backend) => {
  let database: Database;

  beforeAll(async () => {
    database = await backend.open();
    await loadTenantData(database.db, model, records, undefined, testKeyring);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it('field criteria select the same rows in SQL as in memory', async () => {
    await fc.assert(
      fc.asyncProperty(criterion, async (c) => {
        const rows = await database.db
          .selectFrom('customers as t')
          .select('t.id')
          .where('t.tenant_id', '=', 'prop')
          .where(compilePredicate({ kind: 'field', criterion: c }, { table: 'customers' }))
          .execute();
        const actual = rows.map((r) => r.id).sort();
        const expected = records
          .filter((r) => matchesCriterion(c, r.fields.v))
          .map((r) => r.id)
          .sort();
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
