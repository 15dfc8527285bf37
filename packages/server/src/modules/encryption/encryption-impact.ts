import { OBJECT_TYPES, objectName, type ObjectType, type PolicyModel } from '@custos/engine';
import { encryptedFieldsOf, RECORD_TABLE, type Database } from '@custos/store';
import { sql } from 'kysely';

type Db = Database['db'];

/** One field whose `encrypted` setting a change turns on or off, and how many values that moves. */
export interface EncryptionImpact {
  object: ObjectType;
  field: string;
  /** `encrypt`: the field becomes encrypted; `decrypt`: it is stored in clear again. */
  change: 'encrypt' | 'decrypt';
  /**
   * Stored values the re-encryption sweep will seal (clear, non-empty values) or open (sealed
   * values), counted from the data now. Nothing is decrypted to count them.
   */
  values: number;
}

/** The fields whose `encrypted` setting differs between two policies, per object. */
export function encryptionToggles(
  before: PolicyModel,
  after: PolicyModel,
): { object: ObjectType; field: string; change: 'encrypt' | 'decrypt' }[] {
  const out: { object: ObjectType; field: string; change: 'encrypt' | 'decrypt' }[] = [];
  for (const object of OBJECT_TYPES) {
    const was = encryptedFieldsOf(before, object).fields;
    const is = encryptedFieldsOf(after, object).fields;
    for (const field of [...is].filter((f) => !was.has(f)).sort())
      out.push({ object, field, change: 'encrypt' });
    for (const field of [...was].filter((f) => !is.has(f)).sort())
      out.push({ object, field, change: 'decrypt' });
  }
  return out;
}

/**
 * What turning fields' encryption on or off would do to the stored data: per field, the values the
 * sweep will encrypt (non-empty values stored in clear) or decrypt (sealed values). One counting
 * query per object concerned; empty when the change turns no field's encryption on or off.
 */
export async function countEncryptionImpact(
  db: Db,
  tenantId: string,
  before: PolicyModel,
  after: PolicyModel,
): Promise<EncryptionImpact[]> {
  const toggles = encryptionToggles(before, after);
  const out: EncryptionImpact[] = [];
  for (const object of OBJECT_TYPES) {
    const mine = toggles.filter((t) => t.object === object);
    if (mine.length === 0) continue;
    const counts = mine.map((t, i) => {
      const value = sql`t.data -> ${t.field}`;
      const sealed = sql`(${value} ->> '$enc') is not null`;
      const where =
        t.change === 'decrypt'
          ? sealed
          : sql`${value} is not null and ${value} not in ('null'::jsonb, '""'::jsonb) and not ${sealed}`;
      return sql`count(*) filter (where ${where}) as ${sql.ref(`c${i}`)}`;
    });
    const { rows } = await sql<Record<string, string | number>>`select ${sql.join(counts)}
      from ${sql.table(RECORD_TABLE[object])} as t where t.tenant_id = ${tenantId}`.execute(db);
    mine.forEach((t, i) => out.push({ ...t, values: Number(rows[0]?.[`c${i}`] ?? 0) }));
  }
  return out;
}

/** The preview's sentences for the impact, in both languages (the field's label where it has one). */
export function encryptionImpactText(
  impact: readonly EncryptionImpact[],
  model: PolicyModel,
  previous: PolicyModel,
): { 'zh-CN': string[]; 'en-US': string[] } {
  const text = { 'zh-CN': [] as string[], 'en-US': [] as string[] };
  const n = (x: number) => x.toLocaleString('en-US');
  for (const i of impact) {
    const setting =
      model.objects.find((o) => o.object === i.object)?.fields[i.field] ??
      previous.objects.find((o) => o.object === i.object)?.fields[i.field];
    const zhField = setting?.label ?? i.field;
    const enField = `${i.object}.${i.field}`;
    if (i.change === 'encrypt') {
      text['zh-CN'].push(
        `${objectName(i.object, 'zh-CN')}的“${zhField}”将加密存储：${n(i.values)} 个已有值将在后台加密`,
      );
      text['en-US'].push(
        `${enField} will be stored encrypted: ${n(i.values)} existing values will be encrypted in the background`,
      );
    } else {
      text['zh-CN'].push(
        `${objectName(i.object, 'zh-CN')}的“${zhField}”将不再加密：${n(i.values)} 个值将在后台解密为明文存储`,
      );
      text['en-US'].push(
        `${enField} will no longer be encrypted: ${n(i.values)} values will be decrypted and stored in clear in the background`,
      );
    }
  }
  return text;
}
