import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';
import type { paths } from '../api/schema';
import { errorText } from '../shared/page-state.tsx';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Alert = Json<
  paths['/v1/admin/monitoring/alerts']['get']['responses'][200]
>['items'][number];
export type AlertFilters = NonNullable<
  paths['/v1/admin/monitoring/alerts']['get']['parameters']['query']
>;
export type RuleKind = Alert['rule'];
export type Severity = Alert['severity'];
export type RuleSetting = Json<
  paths['/v1/admin/monitoring/rules']['get']['responses'][200]
>['items'][number];
export type Webhook = Json<paths['/v1/admin/webhooks']['get']['responses'][200]>['items'][number];
export type WebhookEvent = NonNullable<
  NonNullable<
    paths['/v1/admin/webhooks/{id}']['patch']['requestBody']
  >['content']['application/json']['events']
>;
export type Delivery = Json<
  paths['/v1/admin/webhooks/{id}/deliveries']['get']['responses'][200]
>['items'][number];
export type JobsOverview = Json<paths['/v1/admin/jobs']['get']['responses'][200]>;

export const RULES: readonly RuleKind[] = [
  'bulk_export',
  'read_volume',
  'off_hours',
  'repeated_denials',
  'new_ip',
];
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];
export const SEVERITY_COLOR: Record<Severity, string> = {
  low: 'blue',
  medium: 'orange',
  high: 'red',
};

/** The codes of this part the common catalogue has no words for (yet): ours. */
const OWN_CODES = new Set([
  'ALERT_ALREADY_ACKNOWLEDGED',
  'WEBHOOK_URL_INVALID',
  'WEBHOOK_HOST_NOT_ALLOWED',
]);

/** An error in words: our codes from this namespace, any other as the console says it. */
export function monitoringErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && OWN_CODES.has(error.code))
    return t(`monitoring:errors.${error.code}`);
  return errorText(error);
}

/** An alert's evidence summary in words (its rule's sentence over the summary's numbers). */
export function alertSummaryText(t: TFunction, alert: Alert): string {
  const values = Object.fromEntries(
    Object.entries(alert.summary ?? {}).map(([k, v]) => [
      k,
      v === null || v === undefined ? '' : String(v),
    ]),
  );
  // Outside working *days* too: the local day of the week says why 08:00 on a Saturday counts.
  const day = /^\d{4}-\d{2}-\d{2}/.exec(values['localTime'] ?? '')?.[0];
  const weekday = day === undefined ? '' : t(`monitoring:weekdays.${String(dayjs(day).day())}`);
  return t(`monitoring:summary.${alert.rule}`, {
    ...values,
    weekday,
    interpolation: { escapeValue: false },
  });
}

/** An event name (`alert.created`) as its key in this namespace (`event.alert_created`). */
export const eventKey = (event: string): string => `monitoring:event.${event.replace('.', '_')}`;
