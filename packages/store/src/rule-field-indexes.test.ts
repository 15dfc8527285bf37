import type { SharingRule } from '@custos/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { ensureRuleFieldIndexes } from './rule-field-indexes.ts';
import { TEST_BACKENDS } from './test-backends.ts';

const rule = (
  id: string,
  source: SharingRule['source'],
  object: SharingRule['object'] = 'customer',
): SharingRule => ({
  id,
  name: id,
  object,
  source,
  targetGroupId: 'g',
  access: 'read',
});

describe.each(TEST_BACKENDS)('ensureRuleFieldIndexes on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  const indexes = async () => {
    const { rows } = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes
      where schemaname = current_schema() and indexname like '%\\_data\\_%'`.execute(database.db);
    return rows.sort((a, b) => a.indexname.localeCompare(b.indexname));
  };

  it('indexes the fields rules compare for equality, once, tenant first, in list order', async () => {
    const rules = [
      rule('r1', { kind: 'criteria', criteria: [{ field: 'region', op: 'eq', value: '华东' }] }),
      rule('r2', {
        kind: 'criteria',
        criteria: [
          { field: 'tier', op: 'in', values: ['A', 'B'] },
          { field: 'revenue', op: 'gt', value: 5 },
          { field: "bad'name", op: 'eq', value: 1 },
        ],
      }),
      rule(
        'r3',
        { kind: 'criteria', criteria: [{ field: 'stage', op: 'eq', value: 'won' }] },
        'deal',
      ),
      rule('r4', { kind: 'owner', ownerGroupId: 'g2' }),
    ];
    expect((await ensureRuleFieldIndexes(database.db, rules)).sort()).toEqual([
      'customers_data_region_idx',
      'customers_data_tier_idx',
      'deals_data_stage_idx',
    ]);
    expect(await ensureRuleFieldIndexes(database.db, rules)).toEqual([]);
    const found = await indexes();
    expect(found.map((i) => i.indexname)).toEqual([
      'customers_data_region_idx',
      'customers_data_tier_idx',
      'deals_data_stage_idx',
    ]);
    expect(found[0]?.indexdef).toMatch(
      /\(tenant_id, \(\(data -> 'region'::text\)\), updated_at DESC, id\)/,
    );
  });
});
