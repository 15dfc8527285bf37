import {
  fieldAccess,
  type CrmRecord,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.ts';
import type { Keyring, SubjectKey, TenantKeys } from './keyring.ts';
import {
  encryptedFieldsOf,
  fieldAad,
  openFields,
  sealFields,
  subjectOf,
  subjectsIn,
} from './record-crypto.ts';
import { CryptoError } from './crypto-error.ts';
import { isSealed } from './sealed-value.ts';

type Db = Kysely<StoreSchema>;

/** Rows per blind index insert. */
const BATCH = 500;

/** Whether the policy encrypts any field of any object (nothing to seal or open otherwise). */
export function hasEncryptedFields(model: PolicyModel): boolean {
  return model.objects.some((o) => Object.values(o.fields).some((f) => f.encrypted === true));
}

/** A writer that must seal but was given no keyring: a programming error, loud. */
export function keyringRequired(what: string): Error {
  return new Error(
    `${what}: the policy encrypts fields, and this write was given no keyring (it would store plaintext)`,
  );
}

/**
 * Records as they are stored (the bulk loaders: `loadTenantData`, `custos seed`): every encrypted
 * field sealed — a contact's under its own subject key, made here in batches — and the blind index
 * tokens written, in the caller's transaction. Values already sealed are kept as they are.
 */
export async function sealRecordsForStore<R extends CrmRecord>(
  db: Db,
  keyring: Keyring | undefined,
  model: PolicyModel,
  tenantId: string,
  records: readonly R[],
  at: Date,
): Promise<R[]> {
  if (!hasEncryptedFields(model)) return [...records];
  if (keyring === undefined) throw keyringRequired('storing records');
  const keys = await keyring.tenant(db, tenantId);
  const contacts = records.filter((r) => r.object === 'contact').map((r) => r.id);
  const subjects =
    contacts.length > 0 && encryptedFieldsOf(model, 'contact').fields.size > 0
      ? await keyring.ensureSubjectKeys(db, tenantId, contacts, at)
      : new Map<string, SubjectKey | null>();
  const tokens: {
    tenant_id: string;
    object: string;
    field: string;
    record_id: string;
    token: string;
  }[] = [];
  const cleared: { object: string; recordId: string; field: string }[] = [];
  const out = records.map((r) => {
    const encrypted = encryptedFieldsOf(model, r.object);
    if (encrypted.fields.size === 0) return r;
    // An erased person (their key shredded) gets no personal values again: they could only be
    // stored under the tenant key, outside the erasure. A returning person is a new contact.
    if (contacts.length > 0 && r.object === 'contact' && subjects.get(r.id) === null) {
      const given = [...encrypted.fields].find((f) => {
        const v = r.fields[f];
        return v !== null && v !== undefined && v !== '' && !isSealed(v);
      });
      if (given !== undefined)
        throw new CryptoError(
          'SUBJECT_ERASED',
          `contact ${r.id} was erased: its personal fields take no values again (record a returning person as a new contact)`,
          { object: r.object, recordId: r.id, field: given },
        );
    }
    const sealed = sealFields(
      keys,
      { object: r.object, recordId: r.id, subject: subjects.get(r.id) ?? null },
      r.fields,
      encrypted,
    );
    for (const [field, token] of Object.entries(sealed.tokens))
      if (token !== null)
        tokens.push({ tenant_id: tenantId, object: r.object, field, record_id: r.id, token });
      else cleared.push({ object: r.object, recordId: r.id, field });
    return { ...r, fields: sealed.fields };
  });
  // A field emptied by an update leaves no token behind.
  for (const c of cleared)
    await db
      .deleteFrom('blind_index')
      .where('tenant_id', '=', tenantId)
      .where('object', '=', c.object)
      .where('record_id', '=', c.recordId)
      .where('field', '=', c.field)
      .execute();
  for (let i = 0; i < tokens.length; i += BATCH)
    await db
      .insertInto('blind_index')
      .values(tokens.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'object', 'field', 'record_id'])
          .doUpdateSet((eb) => ({ token: eb.ref('excluded.token') })),
      )
      .execute();
  return out;
}

/** Who reads records, under which policy, when: decides which encrypted fields open for them. */
export interface RecordReader {
  tenantId: string;
  userId: string;
  model: PolicyModel;
  index?: PolicyIndex;
  now: number;
  keyring?: Keyring;
}

/**
 * Records as `reader` may be shown them: the encrypted fields they read or edit in clear
 * (`fieldAccess`) opened, every other encrypted field left sealed (a masked one carries its masked
 * form; a hidden one is dropped by the renderer) — a value is never decrypted for a caller who
 * may not read it. The subject keys of the whole page are loaded in one query. A value that does
 * not open throws `DECRYPT_FAILED`; an erased subject's value opens to `REDACTED`.
 */
export async function openForReader<R extends CrmRecord>(
  db: Db,
  reader: RecordReader,
  records: readonly R[],
): Promise<R[]> {
  // Every sealed value counts, not only the fields encrypted now: a field whose `encrypted` was
  // turned off keeps its sealed values until they are written again.
  const sealedNames = records.map((r) =>
    Object.keys(r.fields).filter((f) => isSealed(r.fields[f])),
  );
  if (sealedNames.every((names) => names.length === 0)) return [...records];
  if (reader.keyring === undefined) throw keyringRequired('reading records');
  const policy = reader.index ?? reader.model;
  const plan = records.map((r, i) => {
    const sealed = sealedNames[i] ?? [];
    if (sealed.length === 0) return [];
    const levels = fieldAccess(policy, reader.userId, r.object, r, reader.now);
    return sealed.filter((f) => levels[f] === 'read' || levels[f] === 'edit');
  });
  const needed = subjectsIn(records.flatMap((r, i) => (plan[i] ?? []).map((f) => r.fields[f])));
  const keys = await reader.keyring.tenant(db, reader.tenantId);
  const subjects = await reader.keyring.subjectKeys(db, reader.tenantId, needed);
  return records.map((r, i) => {
    const names = plan[i] ?? [];
    if (names.length === 0) return r;
    return {
      ...r,
      fields: openFields(keys, { object: r.object, recordId: r.id }, r.fields, names, subjects),
    };
  });
}

/**
 * Every encrypted field of stored records opened, whoever asks: only for a write's own logic
 * (comparing the change with the stored values, "unchanged" cells of an import) inside the write's
 * transaction; never rendered to a caller (the answer goes through `openForReader`).
 */
export async function openForWrite<R extends CrmRecord>(
  db: Db,
  keyring: Keyring | undefined,
  model: PolicyModel,
  tenantId: string,
  records: readonly R[],
): Promise<R[]> {
  const sealed = records.filter((r) => Object.values(r.fields).some((v) => isSealed(v)));
  if (sealed.length === 0) return [...records];
  if (keyring === undefined) throw keyringRequired('changing records');
  const keys = await keyring.tenant(db, tenantId);
  const subjects = await keyring.subjectKeys(
    db,
    tenantId,
    subjectsIn(sealed.flatMap((r) => Object.values(r.fields))),
  );
  return records.map((r) => {
    const names = Object.keys(r.fields).filter((f) => isSealed(r.fields[f]));
    if (names.length === 0) return r;
    return {
      ...r,
      fields: openFields(keys, { object: r.object, recordId: r.id }, r.fields, names, subjects),
    };
  });
}

/**
 * A record's field values as an audit event keeps them: encrypted fields as stored (sealed); for a
 * contact — a person — every value sealed under its subject key (names too) and no masked form kept,
 * so erasing the person shreds them in the log as well. The audit chain hashes the ciphertext.
 */
export function auditFieldValues(
  keys: TenantKeys | undefined,
  place: { object: ObjectType; recordId: string; subject?: SubjectKey | null },
  stored: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (keys === undefined || subjectOf(place.object, place.recordId) === undefined)
    return { ...stored };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(stored)) {
    // A value sealed already goes in without its masked form: the form is clear text about the
    // person, and would outlive the person's erasure in the log.
    if (isSealed(value)) {
      out[name] = { $enc: value.$enc };
      continue;
    }
    if (value === null || value === undefined || place.subject == null) {
      out[name] = value ?? null;
      continue;
    }
    out[name] = keys.seal(fieldAad(keys.tenantId, place.object, place.recordId, name), value, {
      subject: place.subject,
    });
  }
  return out;
}

/**
 * One field of a stored record opened (the reveal of a masked field: the caller decided the
 * reader may see it). An erased subject's value opens to `REDACTED`.
 */
export async function openOneField(
  db: Db,
  reader: Pick<RecordReader, 'tenantId' | 'keyring'>,
  record: CrmRecord,
  field: string,
): Promise<unknown> {
  const value = record.fields[field];
  if (!isSealed(value)) return value;
  if (reader.keyring === undefined) throw keyringRequired('revealing a field');
  const keys = await reader.keyring.tenant(db, reader.tenantId);
  const subjects = await reader.keyring.subjectKeys(db, reader.tenantId, subjectsIn([value]));
  return keys.open(fieldAad(reader.tenantId, record.object, record.id, field), value, subjects);
}
