import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { fieldLabel } from '../records/record-fields.tsx';
import type { ObjectType } from '../shared/admin-types.ts';
import { errorText } from '../shared/page-state.tsx';
import { revealField } from './audit-api.ts';

/**
 * "Reveal" next to a masked value (for a holder of `reveal_masked`): asks the API for the clear
 * value once and shows it in this component's state only — gone when the user leaves the page.
 * A refusal (rate limit, not masked, hidden) is said in words.
 */
export function RevealButton({
  object,
  id,
  field,
}: {
  object: ObjectType;
  id: string;
  field: string;
}) {
  const { t } = useTranslation(['audit', 'records']);
  const [value, setValue] = useState<{ text: string } | null>(null);
  const reveal = useMutation({
    mutationFn: () => revealField(object, id, field),
    onSuccess: (answer) =>
      setValue({
        text: answer.value === null ? t('records:detail.emptyValue') : String(answer.value),
      }),
  });
  const label = t('audit:reveal.label', { field: fieldLabel(t, object, field) });
  if (value !== null)
    return (
      <Flex vertical gap={2} data-testid={`revealed-${field}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit:reveal.shown')}
        </Typography.Text>
        <Typography.Text strong copyable>
          {value.text}
        </Typography.Text>
      </Flex>
    );
  const error = reveal.error;
  return (
    <Flex vertical gap={4}>
      <Button
        size="small"
        icon={<EyeOutlined aria-hidden />}
        aria-label={label}
        loading={reveal.isPending}
        onClick={() => reveal.mutate()}
        data-testid={`reveal-${field}`}
      >
        {t('audit:reveal.button')}
      </Button>
      {error !== null && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={
            error instanceof ApiError && error.code === 'REVEAL_RATE_LIMITED'
              ? t('audit:reveal.limited', {
                  minutes: Math.max(
                    1,
                    Math.ceil(Number(error.details.retryAfterSeconds ?? 60) / 60),
                  ),
                })
              : error instanceof ApiError &&
                  t(`audit:errors.${error.code}`, { defaultValue: '' }) !== ''
                ? t(`audit:errors.${error.code}`)
                : t('audit:reveal.failed', { message: errorText(error) })
          }
        />
      )}
    </Flex>
  );
}
