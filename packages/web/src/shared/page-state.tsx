import { Alert, Button, Empty, Spin } from 'antd';
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

/** The text of an error: "field: message" when the API names a field. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const field = error.field;
    // The API's message often names the field already ("email: already in use").
    return field === undefined || error.message.includes(field)
      ? error.message
      : `${field}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** "Nothing here" in words, with an optional action. */
export function EmptyState({ text, children }: { text?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return <Empty description={text ?? t('empty')}>{children}</Empty>;
}
