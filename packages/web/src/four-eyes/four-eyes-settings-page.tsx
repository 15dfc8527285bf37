import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Flex, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import {
  FOUR_EYES_KEY,
  fourEyesErrorText,
  isHeld,
  useFourEyesSetting,
  type FourEyesSetting,
} from './four-eyes-api.ts';

interface Values {
  categories: string[];
  expiryDays: number;
  reason?: string;
}

function SettingForm({ setting }: { setting: FourEyesSetting }) {
  const { t } = useTranslation('fourEyes');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<unknown>(null);
  const [held, setHeld] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    setHeld(null);
    try {
      const answer: unknown = await unwrap(
        api.PUT('/v1/admin/four-eyes', {
          body: {
            categories: values.categories as never,
            expiryDays: values.expiryDays,
            ...(values.reason === undefined || values.reason.trim() === ''
              ? {}
              : { reason: values.reason }),
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: FOUR_EYES_KEY });
      if (isHeld(answer)) setHeld(answer.pending.id);
      else void message.success(t('settings.saved'));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      layout="vertical"
      initialValues={{ categories: setting.categories, expiryDays: setting.expiryDays }}
      onFinish={(values) => void submit(values)}
      style={{ maxWidth: 640 }}
    >
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={fourEyesErrorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      {held !== null && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('settings.held', { id: held })}
          action={
            <Link to={`/admin/pending-changes/${held}`}>{t('submitted.link', { id: held })}</Link>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item name="categories" label={t('settings.categories')}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={setting.available.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="expiryDays"
        label={t('settings.expiryDays')}
        rules={[{ required: true, type: 'integer', min: 1, max: 365 }]}
      >
        <InputNumber min={1} max={365} />
      </Form.Item>
      <Form.Item name="reason" label={t('settings.reason')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('settings.save')}
      </Button>
    </Form>
  );
}

/**
 * `/admin/four-eyes` — 双人复核设置: which categories of configuration change wait for a second
 * administrator, and when an undecided change expires. Narrowing it once on is itself held.
 */
export function FourEyesSettingsPage() {
  const { t } = useTranslation('fourEyes');
  const setting = useFourEyesSetting();
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('settings.intro')}
      </Typography.Paragraph>
      {setting.isPending && <Loading />}
      {setting.isError && (
        <ErrorState error={setting.error} onRetry={() => void setting.refetch()} />
      )}
      {setting.data !== undefined && (
        <>
          <Typography.Text type="secondary">
            {setting.data.categories.length === 0
              ? t('settings.off')
              : setting.data.updatedAt != null
                ? t('settings.updatedBy', {
                    name: setting.data.updatedBy ?? '—',
                    at: dayjs(setting.data.updatedAt).format('YYYY-MM-DD HH:mm'),
                  })
                : null}
          </Typography.Text>
          <SettingForm key={JSON.stringify(setting.data)} setting={setting.data} />
        </>
      )}
    </Flex>
  );
}
