import type { PolicyModel } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';

/**
 * What an encrypted field cannot be (docs/encryption.md): the database holds only its ciphertext,
 * so nothing that SQL compares may use it. Refused, naming the field (`details.field`):
 * - `encrypted` on `name`: it is mirrored in an indexed column for prefix search and sorting;
 * - a field both encrypted and used by a sharing rule's criteria (a criterion compiles to SQL on
 *   the stored value) — whichever of the two the change adds.
 */
export function assertEncryptionFits(model: PolicyModel): void {
  for (const o of model.objects) {
    if (o.fields.name?.encrypted === true)
      throw new AppError(
        'FIELD_ENCRYPTED',
        `${o.object}.name cannot be encrypted: it is kept in clear in an indexed column for search and sort`,
        { field: `objects/${o.object}/fields/name/encrypted`, object: o.object, name: 'name' },
      );
  }
  model.sharingRules.forEach((rule, i) => {
    if (rule.source.kind !== 'criteria') return;
    const fields = model.objects.find((o) => o.object === rule.object)?.fields ?? {};
    rule.source.criteria.forEach((c, j) => {
      if (fields[c.field]?.encrypted === true)
        throw new AppError(
          'FIELD_ENCRYPTED',
          `${rule.object}.${c.field} is encrypted, and sharing rule "${rule.id}" has criteria on it: criteria compare stored values, which an encrypted field does not have in clear`,
          {
            field: `sharingRules/${i}/source/criteria/${j}/field`,
            object: rule.object,
            name: c.field,
            rule: rule.id,
          },
        );
    });
  });
}
