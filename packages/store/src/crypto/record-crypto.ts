import { mask, type MaskKind, type ObjectType, type PolicyModel } from '@custos/engine';
import { RECORD_TABLE } from '../record-tables.ts';
import type { SubjectKey, TenantKeys } from './keyring.ts';
import { isSealed, keyRefOf, type FieldAad, type Sealed } from './sealed-value.ts';

/** How one object's encrypted fields are set up in a tenant's policy. */
export interface EncryptedFields {
  /** The fields stored encrypted. */
  readonly fields: ReadonlySet<string>;
  /** The mask kind of each (for the masked form kept beside the ciphertext). */
  readonly masks: Readonly<Record<string, MaskKind>>;
}

const NONE: EncryptedFields = { fields: new Set(), masks: {} };

/** The encrypted fields of `object` in a policy (field setting `encrypted: true`). */
export function encryptedFieldsOf(model: PolicyModel, object: ObjectType): EncryptedFields {
  const settings = model.objects.find((o) => o.object === object)?.fields;
  if (settings === undefined) return NONE;
  const fields = new Set<string>();
  const masks: Record<string, MaskKind> = {};
  for (const [name, setting] of Object.entries(settings)) {
    if (setting.encrypted !== true) continue;
    fields.add(name);
    masks[name] = setting.mask ?? 'text';
  }
  return fields.size === 0 ? NONE : { fields, masks };
}

/**
 * The data subject whose key seals a record's values: a contact is a person, so its values are
 * sealed under its own key (erasure shreds it); other records are sealed under the tenant key.
 */
export function subjectOf(object: ObjectType, recordId: string): string | undefined {
  return object === 'contact' ? recordId : undefined;
}

/** The place of a record's field, bound into its ciphertext. */
export function fieldAad(
  tenantId: string,
  object: ObjectType,
  recordId: string,
  field: string,
): FieldAad {
  return { tenantId, table: RECORD_TABLE[object], recordId, field };
}

/** A record's fields as stored, and the blind index tokens to write with them. */
export interface SealedFields {
  readonly fields: Record<string, unknown>;
  /** Per encrypted field: its token (exact-match search), null when the value is empty. */
  readonly tokens: Record<string, string | null>;
}

/**
 * The fields of a record as they are stored: every encrypted field's value sealed (with its masked
 * form) under the subject's key when the record has one, else the active data key; a value
 * already sealed is kept as it is (re-sealing is the sweep's work). Other fields unchanged.
 */
export function sealFields(
  keys: TenantKeys,
  place: { object: ObjectType; recordId: string; subject?: SubjectKey | null },
  fields: Readonly<Record<string, unknown>>,
  encrypted: EncryptedFields,
): SealedFields {
  if (encrypted.fields.size === 0) return { fields: { ...fields }, tokens: {} };
  const out: Record<string, unknown> = { ...fields };
  const tokens: Record<string, string | null> = {};
  for (const name of encrypted.fields) {
    if (!Object.hasOwn(fields, name)) continue;
    const value = fields[name];
    if (isSealed(value)) continue;
    if (value === null || value === undefined || value === '') {
      tokens[name] = null;
      continue;
    }
    const aad = fieldAad(keys.tenantId, place.object, place.recordId, name);
    out[name] = keys.seal(aad, value, {
      ...(place.subject ? { subject: place.subject } : {}),
      masked: mask(value, encrypted.masks[name] ?? 'text'),
    });
    tokens[name] = keys.blindIndex(place.object, name, value);
  }
  return { fields: out, tokens };
}

/** The subjects whose keys opening these stored values needs (load them in one query). */
export function subjectsIn(values: Iterable<unknown>): Set<string> {
  const out = new Set<string>();
  for (const value of values) {
    if (!isSealed(value)) continue;
    const ref = keyRefOf(value);
    if (ref.kind === 'subject') out.add(ref.subjectId);
  }
  return out;
}

/**
 * Open the named fields of a stored record (only those: a caller's masked or hidden fields are
 * never opened for them). A field erased by crypto-shredding opens to `REDACTED`.
 */
export function openFields(
  keys: TenantKeys,
  place: { object: ObjectType; recordId: string },
  fields: Readonly<Record<string, unknown>>,
  names: Iterable<string>,
  subjects?: ReadonlyMap<string, SubjectKey | null>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const name of names) {
    const value = fields[name];
    if (!isSealed(value)) continue;
    out[name] = keys.open(
      fieldAad(keys.tenantId, place.object, place.recordId, name),
      value,
      subjects,
    );
  }
  return out;
}

/** The masked form kept beside a sealed value (`''` when none was kept). */
export function maskedForm(value: Sealed): string {
  return value.m ?? '';
}
