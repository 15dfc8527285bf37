import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { api, forgetCsrfToken, unwrap } from '../api/client.ts';
import { errorText } from '../shared/page-state.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * Change my password (`POST /v1/auth/password`): the policy's refusal is shown in words on the
 * field it names; my other sessions end and this one is renewed.
 */
export function PasswordCard() {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (values: PasswordForm) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await unwrap(
        api.POST('/v1/auth/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      // The session was renewed (a new cookie): its CSRF token is a new one too.
      forgetCsrfToken();
      form.resetFields();
      void message.success(t('password.changed', { count: answer.sessionsEnded }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PASSWORD_REJECTED') {
        const reason = String(error.details.reason ?? '');
        form.setFields([
          {
            name: 'newPassword',
            errors: [
              t(`password.reason.${reason}`, {
                limit: error.details.limit,
                defaultValue: error.message,
              }),
            ],
          },
        ]);
      } else if (error instanceof ApiError && error.code === 'PASSWORD_CURRENT_WRONG') {
        form.setFields([{ name: 'currentPassword', errors: [t('password.currentWrong')] }]);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('password.title')}
        </Typography.Title>
      }
      data-testid="password-card"
    >
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[
            { required: true, message: t('password.required', { field: t('password.current') }) },
          ]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.next')}
          name="newPassword"
          extra={t('password.help')}
          rules={[
            { required: true, message: t('password.required', { field: t('password.next') }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.repeat')}
          name="repeat"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required', { field: t('password.repeat') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === undefined || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
