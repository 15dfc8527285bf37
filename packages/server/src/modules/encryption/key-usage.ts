import { OBJECT_TYPES, type ObjectType, type PolicyModel } from '@custos/engine';
import { encryptedFieldsOf, RECORD_TABLE, subjectOf, type Database } from '@custos/store';
import { sql } from 'kysely';

type Db = Database['db'];

/**
 * The key a stored value is under: `v<n>` a tenant data key version, `subject` a data subject's
 * own key (a contact), `clear` not encrypted.
 */
export type ValueKey = `v${number}` | 'subject' | 'clear';

/** How many values of one field are under each key. */
export interface FieldKeyUsage {
  object: ObjectType;
  field: string;
  /** Whether the policy marks the field encrypted now. */
  encrypted: boolean;
  values: Partial<Record<ValueKey, number>>;
}

/**
 * Count the stored values of a tenant's records by the key they are under: every sealed value of
 * any field, and the clear (non-empty) values of the fields the policy marks encrypted. One
 * grouped query per record table (`jsonb_each` over the field values); nothing is decrypted.
 */
export async function countValuesByKey(
  db: Db,
  tenantId: string,
  model: PolicyModel,
): Promise<FieldKeyUsage[]> {
  const out: FieldKeyUsage[] = [];
  for (const object of OBJECT_TYPES) {
    const encrypted = encryptedFieldsOf(model, object).fields;
    const names = [...encrypted];
    const table = sql.table(RECORD_TABLE[object]);
    const clearOfEncrypted =
      names.length === 0
        ? sql`false`
        : sql`(e.key in (${sql.join(names)}) and e.value not in ('null'::jsonb, '""'::jsonb))`;
    const { rows } = await sql<{ field: string; ref: string | null; n: string | number }>`
      select e.key as field, split_part(e.value ->> '$enc', '.', 2) as ref, count(*) as n
      from ${table} r cross join lateral jsonb_each(r.data) e
      where r.tenant_id = ${tenantId}
        and ((e.value ->> '$enc') is not null or ${clearOfEncrypted})
      group by 1, 2`.execute(db);
    const byField = new Map<string, FieldKeyUsage>();
    for (const name of names)
      byField.set(name, { object, field: name, encrypted: true, values: {} });
    for (const row of rows) {
      const usage = byField.get(row.field) ?? {
        object,
        field: row.field,
        encrypted: encrypted.has(row.field),
        values: {},
      };
      byField.set(row.field, usage);
      const key = keyOf(row.ref);
      usage.values[key] = (usage.values[key] ?? 0) + Number(row.n);
    }
    out.push(...[...byField.values()].sort((a, b) => a.field.localeCompare(b.field)));
  }
  return out;
}

function keyOf(ref: string | null): ValueKey {
  if (ref === null || ref === '') return 'clear';
  if (ref.startsWith('s~')) return 'subject';
  return `v${Number(ref.slice(1))}`;
}

/**
 * Values not in the state the policy and the active key ask for: a clear value of an encrypted
 * field, a sealed value of a field no longer encrypted, a value under an older data key version,
 * a contact's value not under the contact's own key (or another record's under a subject key).
 * A sweep is done when this is 0.
 */
export function staleValues(usage: readonly FieldKeyUsage[], activeVersion: number): number {
  let stale = 0;
  for (const u of usage) {
    const personal = subjectOf(u.object, 'x') !== undefined;
    for (const [key, n] of Object.entries(u.values) as [ValueKey, number][]) {
      const wanted = !u.encrypted
        ? key === 'clear'
        : personal
          ? key === 'subject'
          : key === `v${activeVersion}`;
      if (!wanted) stale += n;
    }
  }
  return stale;
}

/** Subject keys still wrapped by an older data key version. */
export async function staleSubjectKeys(
  db: Db,
  tenantId: string,
  activeVersion: number,
): Promise<number> {
  const row = await db
    .selectFrom('subject_keys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('key_version', '<>', activeVersion)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
