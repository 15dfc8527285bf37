import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import { LanguageSwitch } from '../app/language-switch.tsx';
import type { Language } from '../i18n/languages.ts';
import { errorText } from '../shared/page-state.tsx';

interface Values {
  password: string;
  repeat: string;
}

/**
 * The page an invitation or reset link opens (`/set-password?token=…`): the new password twice,
 * `POST /v1/auth/password/set`; a refusal of the password policy shows its reason in the
 * reader's language on the field; a dead link says so; success leads to sign-in.
 */
export function SetPasswordPage() {
  const { t, i18n } = useTranslation('org');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // The one-time token is read once, then taken out of the address bar (and so out of the
  // browser's history of this tab).
  const [token] = useState(() => params.get('token') ?? '');
  useEffect(() => {
    if (window.location.search.includes('token='))
      window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(
    token === '' ? t('setPassword.noToken') : null,
  );
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await unwrap(
        api.POST('/v1/auth/password/set', { body: { token, password: values.password } }),
      );
      setDoneFor(answer.email);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PASSWORD_REJECTED') {
        const messages = error.details.messages as Partial<Record<Language, string>> | undefined;
        form.setFields([
          {
            name: 'password',
            errors: [messages?.[i18n.language as Language] ?? error.message],
          },
        ]);
      } else if (error instanceof ApiError && error.code === 'PASSWORD_LINK_INVALID') {
        setFailure(t('setPassword.invalid'));
      } else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f5f5',
      }}
    >
      <Card style={{ width: 460 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('setPassword.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Space>
        {doneFor !== null ? (
          <Result
            status="success"
            title={t('setPassword.done')}
            subTitle={t('setPassword.doneText', { email: doneFor })}
            extra={
              <Button
                type="primary"
                data-testid="set-password-sign-in"
                onClick={() => void navigate('/login')}
              >
                {t('setPassword.signIn')}
              </Button>
            }
          />
        ) : (
          <>
            <Typography.Paragraph>{t('setPassword.intro')}</Typography.Paragraph>
            {failure !== null && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={failure}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void submit(v)}
              disabled={token === ''}
            >
              <Form.Item
                label={t('setPassword.password')}
                name="password"
                rules={[
                  {
                    required: true,
                    message: t('setPassword.required', { field: t('setPassword.password') }),
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" autoFocus maxLength={1024} />
              </Form.Item>
              <Form.Item
                label={t('setPassword.repeat')}
                name="repeat"
                dependencies={['password']}
                rules={[
                  {
                    required: true,
                    message: t('setPassword.required', { field: t('setPassword.repeat') }),
                  },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      value === undefined || value === '' || value === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('setPassword.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" maxLength={1024} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('setPassword.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
