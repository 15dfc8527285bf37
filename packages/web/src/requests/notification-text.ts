import type { TFunction } from 'i18next';

/** The kinds the console has words for; any other kind gets a generic text (never an error). */
const KNOWN = new Set([
  'request.submitted',
  'request.awaiting_approval',
  'request.approved',
  'request.rejected',
  'request.cancelled',
  'request.expired',
]);

/** A notification in the reader's language, from its kind and params. */
export function notificationText(
  t: TFunction,
  kind: string,
  params: Record<string, unknown>,
): string {
  const values = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
  );
  if (kind === 'monitoring.alert')
    return t('monitoring:kinds.alert', {
      ...values,
      user: values['userId'] ?? '',
      rule: t(`monitoring:rules.${values['rule'] ?? ''}.name`, { defaultValue: values['rule'] }),
      severity: t(`monitoring:severity.${values['severity'] ?? ''}`, {
        defaultValue: values['severity'],
      }),
      interpolation: { escapeValue: false },
    });
  if (!KNOWN.has(kind)) return t('requests:kindUnknown', { kind });
  return t(`requests:kinds.${kind}`, { ...values, interpolation: { escapeValue: false } });
}
