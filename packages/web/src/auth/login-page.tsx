import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { api, forgetCsrfToken, unwrap } from '../api/client.ts';
import { LanguageSwitch } from '../app/language-switch.tsx';
import { errorText } from '../shared/page-state.tsx';
import { ME_KEY, useMe } from './use-me.ts';

interface Tenant {
  id: string;
  name: string;
}

/** Only a path of this console (`/…`, not `//host`): where to go after signing in. */
function safeNext(next: string | null): string {
  if (
    next === null ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    [...next].some((c) => c === '\\' || c.charCodeAt(0) < 32)
  )
    return '/';
  // Resolved against this origin, it must stay on it.
  try {
    return new URL(next, window.location.origin).origin === window.location.origin ? next : '/';
  } catch {
    return '/';
  }
}

/**
 * Sign in: e-mail and password (a company to choose when the e-mail has several), then the TOTP
 * code or a recovery code when the account has MFA.
 */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [step, setStep] = useState<'password' | 'mfa'>(
    params.get('step') === 'mfa' ? 'mfa' : 'password',
  );
  const [tenants, setTenants] = useState<Tenant[] | null>(null);
  const [recovery, setRecovery] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  const done = async () => {
    forgetCsrfToken();
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    void navigate(next, { replace: true });
  };

  const signIn = async (values: { email: string; password: string; tenantId?: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await unwrap(api.POST('/v1/auth/login', { body: values }));
      forgetCsrfToken();
      if (answer.mfaRequired === true) setStep('mfa');
      else if (answer.mfaEnrolmentRequired === true) {
        await queryClient.invalidateQueries({ queryKey: ME_KEY });
        void navigate('/account?enrol=mfa', { replace: true });
      } else await done();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'AUTH_TENANT_REQUIRED')
        setTenants((error.details.tenants as Tenant[] | undefined) ?? []);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (values: { code?: string; recoveryCode?: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await unwrap(api.POST('/v1/auth/mfa/verify', { body: values }));
      await done();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const mfaPending = me.data?.mfa?.enabled === true && me.data.mfa.verified !== true;
  if (me.data && !mfaPending && step === 'password') return <Navigate to={next} replace />;

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
      <Card style={{ width: 400 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <LanguageSwitch />
        </Space>
        {failure !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('failed', { message: errorText(failure) })}
            style={{ marginBottom: 16 }}
          />
        )}
        {step === 'password' ? (
          <Form layout="vertical" onFinish={(v) => void signIn(v)} requiredMark={false}>
            <Form.Item
              label={t('email')}
              name="email"
              rules={[{ required: true, message: t('required', { field: t('email') }) }]}
            >
              <Input type="email" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('password')}
              name="password"
              rules={[{ required: true, message: t('required', { field: t('password') }) }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {tenants !== null && (
              <Form.Item
                label={t('tenant')}
                name="tenantId"
                extra={t('chooseTenant')}
                rules={[{ required: true, message: t('required', { field: t('tenant') }) }]}
              >
                <Select options={tenants.map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signIn')}
            </Button>
          </Form>
        ) : (
          <Form layout="vertical" onFinish={(v) => void verify(v)} requiredMark={false}>
            {recovery ? (
              <Form.Item
                label={t('recoveryCode')}
                name="recoveryCode"
                rules={[{ required: true, message: t('required', { field: t('recoveryCode') }) }]}
              >
                <Input autoComplete="off" autoFocus />
              </Form.Item>
            ) : (
              <Form.Item
                label={t('code')}
                name="code"
                extra={t('codeHelp')}
                rules={[{ required: true, message: t('required', { field: t('code') }) }]}
              >
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('verify')}
            </Button>
            <Button type="link" block onClick={() => setRecovery(!recovery)}>
              {recovery ? t('useCode') : t('useRecoveryCode')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
