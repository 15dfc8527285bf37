import { isSealed, keyRefOf, type Database, type Keyring } from '@custos/store';

/**
 * A record's field values in clear for a lawful purpose (the subject's own archive, produced by a
 * `privacy_admin` holder): every sealed value opened with the tenant's keys and the subject keys
 * it names; a value whose subject was erased opens to `{ $redacted: true }`.
 */
export async function openFieldsForSubject(
  db: Database['db'],
  keyring: Keyring | undefined,
  place: { tenantId: string; table: string; recordId: string },
  fields: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const sealed = Object.entries(fields).filter(([, v]) => isSealed(v));
  if (sealed.length === 0) return { ...fields };
  if (keyring === undefined)
    throw new Error(
      `${place.table}/${place.recordId} holds encrypted values and no keyring was given`,
    );
  const keys = await keyring.tenant(db, place.tenantId);
  const subjectIds = sealed
    .map(([, v]) => (isSealed(v) ? keyRefOf(v) : undefined))
    .flatMap((ref) => (ref?.kind === 'subject' ? [ref.subjectId] : []));
  const subjects = await keyring.subjectKeys(db, place.tenantId, subjectIds);
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields))
    out[field] = isSealed(value) ? keys.open({ ...place, field }, value, subjects) : value;
  return out;
}
