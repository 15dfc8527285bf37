/**
 * Bulk load of a generated dataset into a migrated store database, in chunks: each chunk becomes
 * column arrays bound to one `insert … select … from unnest(…)` statement, so only one chunk of
 * rows exists at a time besides the dataset itself. Secondary indexes of the record and team
 * tables are dropped first and re-created from their own definitions after the load (the result
 * is the schema the migrations built), which is much faster than maintaining them row by row.
 * The policy (with the team memberships) is then saved the way the application saves it.
 */
import type { CrmRecord } from '@custos/engine';
import {
  RECORD_TABLE,
  insertRecordFacts,
  savePolicyModel,
  sensitivityRank,
  type Database,
} from '@custos/store';
import { sql } from 'kysely';
import type { Dataset } from '../engine/generate-model.ts';
import { createPrng } from '../engine/prng.ts';

const DAY = 86_400_000;
/** Records changed over the last three years, most of them recently. */
const SPREAD_DAYS = 3 * 365;

/**
 * A deterministic, realistic `updatedAt` per record: age = spread × u², so half of the records
 * changed in the last ~9 months and a few years ago is the long tail; millisecond resolution,
 * so ties are rare but possible (the list order breaks them by id).
 */
export function updatedAtSpread(count: number, now: number, seed: number): Float64Array {
  const prng = createPrng(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = prng.next();
    out[i] = now - Math.floor(u * u * SPREAD_DAYS * DAY) - prng.int(1000);
  }
  return out;
}

export interface LoadSubset {
  /** Load only the first `customers` customers, their children and their team memberships. */
  customers: number;
}

export interface LoadReport {
  customers: number;
  children: number;
  teamMembers: number;
  insertMs: number;
  indexMs: number;
  /** `savePolicyModel`: policy tables, team memberships, rule-field indexes. */
  policyMs: number;
  analyzeMs: number;
}

export type LoadProgress = (label: string, fraction: number) => void;

/** Customer index from its generated id (`c0001234`). */
function customerIndex(id: string): number {
  return Number(id.slice(1));
}

const CHUNK = 5_000;

interface IndexDef {
  name: string;
  definition: string;
}

async function secondaryIndexes(
  database: Database,
  tables: readonly string[],
): Promise<IndexDef[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(cast(${[...tables]} as text[]))
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.indexname`.execute(database.db);
  return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

async function insertRecords(
  database: Database,
  table: string,
  tenantId: string,
  records: readonly CrmRecord[],
  updatedAt: Float64Array,
  offset: number,
): Promise<void> {
  const ids: string[] = [];
  const customerIds: string[] = [];
  const owners: (string | null)[] = [];
  const departments: (string | null)[] = [];
  const sensitivities: number[] = [];
  const creators: (string | null)[] = [];
  const contacts: (string | null)[] = [];
  const pools: (string | null)[] = [];
  const names: (string | null)[] = [];
  const data: string[] = [];
  const times: string[] = [];
  records.forEach((r, i) => {
    ids.push(r.id);
    customerIds.push(r.customerId);
    owners.push(r.ownerId);
    departments.push(r.departmentId);
    sensitivities.push(sensitivityRank(r.sensitivity));
    creators.push(r.createdById ?? null);
    contacts.push(r.contactUserId ?? null);
    pools.push(r.poolId ?? null);
    names.push(typeof r.fields.name === 'string' ? r.fields.name : null);
    data.push(jsonOf(r.fields));
    times.push(new Date(updatedAt[offset + i] as number).toISOString());
  });
  await sql`
    insert into ${sql.table(table)} (tenant_id, id, customer_id, owner_id, department_id,
      sensitivity, created_by_id, contact_user_id, pool_id, name, data, updated_at)
    select ${tenantId}, x.id, x.customer_id, x.owner_id, x.department_id, x.sensitivity,
      x.created_by_id, x.contact_user_id, x.pool_id, x.name, cast(x.data as jsonb), x.updated_at
    from unnest(cast(${ids} as text[]), cast(${customerIds} as text[]), cast(${owners} as text[]),
      cast(${departments} as text[]), cast(${sensitivities} as smallint[]),
      cast(${creators} as text[]), cast(${contacts} as text[]), cast(${pools} as text[]),
      cast(${names} as text[]), cast(${data} as text[]), cast(${times} as timestamptz[]))
      as x(id, customer_id, owner_id, department_id, sensitivity, created_by_id, contact_user_id,
        pool_id, name, data, updated_at)`.execute(database.db);
}

/** The generator shares field objects between records; stringify each once. */
const jsonCache = new WeakMap<object, string>();
function jsonOf(fields: Record<string, unknown>): string {
  let json = jsonCache.get(fields);
  if (json === undefined) {
    json = JSON.stringify(fields);
    jsonCache.set(fields, json);
  }
  return json;
}

/**
 * Load the tenant, its customers (with `updatedAt` from `updatedAtSpread`), deals and contacts;
 * re-create the secondary indexes; save the policy model with `savePolicyModel` (which writes the
 * team memberships and creates the rule-field indexes); `vacuum analyze` the loaded tables.
 */
export async function loadDataset(
  database: Database,
  ds: Dataset,
  options: { tenantId: string; subset?: LoadSubset; progress?: LoadProgress },
): Promise<LoadReport> {
  const { tenantId } = options;
  const limit = Math.min(options.subset?.customers ?? ds.customers.length, ds.customers.length);
  const progress = options.progress ?? (() => undefined);
  const customers = ds.customers.slice(0, limit);
  const children = ds.children.filter((c) => customerIndex(c.customerId) < limit);
  const teams = ds.teams.filter((t) => customerIndex(t.customerId) < limit);
  const customerTimes = updatedAtSpread(ds.customers.length, ds.now, ds.options.seed + 101);
  const childTimes = updatedAtSpread(children.length, ds.now, ds.options.seed + 102);
  const tables = [...new Set([...Object.values(RECORD_TABLE), 'customer_team_members'])];

  const t0 = performance.now();
  await sql`insert into tenants (id, name) values (${tenantId}, ${ds.model.tenant.name})`.execute(
    database.db,
  );
  const indexes = await secondaryIndexes(database, tables);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(database.db);

  const total = customers.length + children.length;
  let done = 0;
  for (let i = 0; i < customers.length; i += CHUNK) {
    const chunk = customers.slice(i, i + CHUNK);
    await insertRecords(database, 'customers', tenantId, chunk, customerTimes, i);
    done += chunk.length;
    progress('customers', done / total);
  }
  for (const object of ['deal', 'contact'] as const) {
    const rows = children.filter((c) => c.object === object);
    const times = new Float64Array(rows.length);
    let k = 0;
    children.forEach((c, i) => {
      if (c.object === object) times[k++] = childTimes[i] as number;
    });
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await insertRecords(database, RECORD_TABLE[object], tenantId, chunk, times, i);
      done += chunk.length;
      progress(`${object}s`, done / total);
    }
  }
  const t1 = performance.now();
  let built = 0;
  for (const index of indexes) {
    progress(`index ${index.name}`, built / indexes.length);
    await sql.raw(index.definition).execute(database.db);
    built++;
  }
  progress('indexes', 1);
  const t2 = performance.now();
  // The policy, as the application saves it: its tables, the customer teams, and the indexes
  // `savePolicyModel` maintains for the fields sharing rules select by (ADR 0005).
  progress('savePolicyModel (policy, rule-field indexes), record facts', 0);
  await savePolicyModel(database.db, tenantId, ds.model);
  // Customer teams and grants on one record: facts of the loaded records.
  await insertRecordFacts(database.db, tenantId, [...customers, ...children]);
  progress('savePolicyModel (policy, rule-field indexes), record facts', 1);
  const t3 = performance.now();
  for (const table of tables) await sql`vacuum analyze ${sql.table(table)}`.execute(database.db);
  const t4 = performance.now();
  return {
    customers: customers.length,
    children: children.length,
    teamMembers: teams.length,
    insertMs: t1 - t0,
    indexMs: t2 - t1,
    policyMs: t3 - t2,
    analyzeMs: t4 - t3,
  };
}
