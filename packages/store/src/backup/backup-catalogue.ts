import { sql, type Kysely } from 'kysely';

/**
 * The tables a backup holds, read from the database catalogue (not a hand-kept list: a table a
 * later migration adds is backed up without a change here), ordered so that every table comes
 * after the tables its foreign keys reference. The migration bookkeeping is not data.
 */
export const NOT_DATA_TABLES: ReadonlySet<string> = new Set([
  'kysely_migration',
  'kysely_migration_lock',
]);

export interface BackupColumn {
  name: string;
  /** The SQL type (`format_type`), e.g. `timestamp with time zone`, `jsonb`, `text[]`. */
  type: string;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  /** The primary key's columns (rows are written in this order), or empty. */
  key: string[];
  /** How the table names its tenant: `tenant_id`, `id` (the tenants table), or none. */
  tenantColumn: 'tenant_id' | 'id' | null;
}

interface TableRow {
  name: string;
  has_tenant: boolean;
}

export async function backupTables(db: Kysely<unknown>): Promise<BackupTable[]> {
  const tables = await sql<TableRow>`
    select c.relname as name,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
        and a.attnum > 0 and not a.attisdropped) as has_tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((n) => !NOT_DATA_TABLES.has(n));
  const columns = await sql<{ table: string; name: string; type: string }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_index i join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where n.nspname = current_schema() and i.indisprimary
    order by c.relname, k.position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select distinct ch.relname as child, pa.relname as parent
    from pg_constraint f join pg_class ch on ch.oid = f.conrelid
      join pg_class pa on pa.oid = f.confrelid
      join pg_namespace n on n.oid = ch.relnamespace
    where f.contype = 'f' and n.nspname = current_schema()`.execute(db);

  const hasTenant = new Map(tables.rows.map((t) => [t.name, t.has_tenant]));
  const byTable = new Map<string, BackupTable>(
    names.map((name) => [
      name,
      {
        name,
        columns: [],
        key: [],
        tenantColumn: hasTenant.get(name) ? 'tenant_id' : name === 'tenants' ? 'id' : null,
      },
    ]),
  );
  for (const c of columns.rows) byTable.get(c.table)?.columns.push({ name: c.name, type: c.type });
  for (const k of keys.rows) byTable.get(k.table)?.key.push(k.name);

  // Kahn's algorithm over the foreign keys (self-references do not order), alphabetical among equals.
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  for (const r of references.rows)
    if (r.child !== r.parent && byTable.has(r.child) && byTable.has(r.parent))
      parents.get(r.child)!.add(r.parent);
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)),
    );
    if (ready.length === 0)
      throw new Error(
        `the foreign keys of ${names.filter((n) => !placed.has(n)).join(', ')} form a cycle`,
      );
    for (const n of ready) {
      placed.add(n);
      ordered.push(byTable.get(n)!);
    }
  }
  return ordered;
}

/** A sequence the restore moves past the restored rows: its name and the columns drawing from it. */
export interface BackupSequence {
  name: string;
  columns: { table: string; column: string }[];
}

/** Every sequence a column of a data table draws from (serial, identity, or a shared `nextval`). */
export async function backupSequences(db: Kysely<unknown>): Promise<BackupSequence[]> {
  const rows = await sql<{
    table: string;
    column: string;
    serial: string | null;
    expr: string | null;
  }>`
    select c.relname as table, a.attname as column,
      pg_get_serial_sequence(quote_ident(c.relname), a.attname) as serial,
      pg_get_expr(d.adbin, d.adrelid) as expr
    from pg_attribute a join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0
      and not a.attisdropped
      and (a.attidentity <> '' or pg_get_expr(d.adbin, d.adrelid) like 'nextval(%')`.execute(db);
  const sequences = new Map<string, BackupSequence>();
  for (const r of rows.rows) {
    if (NOT_DATA_TABLES.has(r.table)) continue;
    const named = r.expr?.match(/^nextval\('([^']+)'::regclass\)$/)?.[1];
    const name = r.serial ?? named;
    if (name === undefined) continue;
    const bare = name.replace(/^.*\./, '').replace(/^"|"$/g, '');
    const entry = sequences.get(bare) ?? { name: bare, columns: [] };
    entry.columns.push({ table: r.table, column: r.column });
    sequences.set(bare, entry);
  }
  return [...sequences.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The names of the migrations applied, in order. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`
    select to_regclass('kysely_migration') is not null as ok`.execute(db);
  if (!exists.rows[0]?.ok) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}
