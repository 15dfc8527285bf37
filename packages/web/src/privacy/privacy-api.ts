import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';
import type { paths } from '../api/schema';
import { errorText } from '../shared/page-state.tsx';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Consent = Json<
  paths['/v1/contacts/{id}/consents']['get']['responses'][200]
>['items'][number];
export type PrivacyRequest = Json<
  paths['/v1/privacy/requests']['get']['responses'][200]
>['items'][number];
export type RequestList = Json<paths['/v1/privacy/requests']['get']['responses'][200]>;

export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export const SOURCES = ['web_form', 'phone', 'email', 'in_person', 'import', 'portal'] as const;
export const KINDS = [
  'access',
  'portability',
  'erasure',
  'rectification',
  'restriction',
  'objection',
  'opt_out_of_sale',
] as const;
export const STATUSES = ['received', 'verifying', 'in_progress', 'completed', 'rejected'] as const;
/** Dark shades (WCAG AA contrast on white): overdue red, due soon amber, on time green. */
export const DEADLINE_COLOR = {
  overdue: '#a8071a',
  due_soon: '#873800',
  on_time: '#135200',
} as const;

const OWN_CODES = new Set([
  'CONSENT_ALREADY_WITHDRAWN',
  'PRIVACY_REQUEST_CLOSED',
  'PRIVACY_REQUEST_STATE',
  'PRIVACY_EXTENSION_USED',
  'PRIVACY_OWNER_INVALID',
  'PRIVACY_CONFIRMATION_MISMATCH',
]);

/** An error in words: this part's codes from its namespace, any other as the console says it. */
export function privacyErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && OWN_CODES.has(error.code))
    return t(`privacy:errors.${error.code}`);
  return errorText(error);
}
