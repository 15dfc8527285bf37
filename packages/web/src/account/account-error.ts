import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';
import { errorText } from '../shared/page-state.tsx';

/** An MFA or credential error in words of this namespace when it has them, else the API's. */
export function accountErrorText(t: TFunction<'account'>, error: unknown): string {
  if (error instanceof ApiError) {
    const words = t(`mfa.errors.${error.code}`, { defaultValue: '' });
    if (words !== '') return words;
  }
  return errorText(error);
}
