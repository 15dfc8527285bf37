import { Alert, Button, Empty, Spin } from 'antd';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';

/** "Loading…" in words (and a spinner), announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8 }}>{label ?? t('loading')}</div>
    </div>
  );
}

/** An error in words: the API's message, the field it names, and a retry when given. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error', { message: errorText(error) })}
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        )
      }
    />
  );
}

/**
 * The codes whose API message carries the particulars (which field, which rule): the words of the
 * code come first, then the API's message.
 */
const DETAILED = new Set([
  'REQUEST_INVALID',
  'FIELD_ENCRYPTED',
  'SOD_CONFLICT',
  'POSITIONS_UNASSIGNED',
  'PENDING_CHANGE_STALE',
  'SUCCESSOR_INVALID',
  'SUCCESSOR_REQUIRED',
  'MODEL_INVALID',
  'CONFLICT',
  'PASSWORD_REJECTED',
  'ESCALATION_DENIED',
  'FIELD_NOT_EDITABLE',
]);

/**
 * The text of an error in the reader's language: the words of its code (common `errors.*`); where
 * the API's message has particulars, the field and the message first, the words after; an unknown
 * code, the API's message with the field it names.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const field = error.field;
    const key = `common:errors.${error.code}`;
    const detail =
      field === undefined || error.message.includes(field)
        ? error.message
        : `${field}: ${error.message}`;
    if (!i18next.exists(key)) return detail;
    const words = i18next.t(key);
    // The particulars first (they name the field), then the words of the code.
    return DETAILED.has(error.code) || error.code.startsWith('ENGINE_')
      ? `${detail} (${words})`
      : words;
  }
  return error instanceof Error ? error.message : String(error);
}

/** "Nothing here" in words, with an optional action. */
export function EmptyState({ text, children }: { text?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return <Empty description={text ?? t('empty')}>{children}</Empty>;
}
