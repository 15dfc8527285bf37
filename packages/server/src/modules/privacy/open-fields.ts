import {
  isSealed,
  keyringRequired,
  openFields,
  subjectsIn,
  type Database,
  type Keyring,
} from '@custos/store';
import type { ObjectType } from '@custos/engine';

/**
 * A record's field values in clear for a lawful purpose (the subject's own archive, produced by a
 * `privacy_admin` holder): every sealed value opened with the tenant's keys and the subject keys
 * it names (the core's `openFields`); a value whose subject was erased opens to `{ $redacted: true }`.
 */
export async function openFieldsForSubject(
  db: Database['db'],
  keyring: Keyring | undefined,
  place: { tenantId: string; object: ObjectType; recordId: string },
  fields: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const sealed = Object.keys(fields).filter((f) => isSealed(fields[f]));
  if (sealed.length === 0) return { ...fields };
  if (keyring === undefined) throw keyringRequired('producing a subject archive');
  const keys = await keyring.tenant(db, place.tenantId);
  const subjects = await keyring.subjectKeys(
    db,
    place.tenantId,
    subjectsIn(sealed.map((f) => fields[f])),
  );
  return openFields(keys, place, fields, sealed, subjects);
}
