import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
  type InputProps,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, forgetCsrfToken, unwrap } from '../api/client.ts';
import { ME_KEY, type Me } from '../auth/use-me.ts';
import { accountErrorText } from './account-error.ts';

const DATE_TIME = 'YYYY-MM-DD HH:mm';
const CODE_PATTERN = /^[0-9]{6}$/;

interface Enrolment {
  secret: string;
  qrCode: string;
  expiresAt: string;
}

/** A 6-digit code input; the props Form.Item gives (id, value, onChange…) pass through. */
function CodeInput(props: InputProps) {
  return (
    <Input
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      style={{ maxWidth: 160 }}
      {...props}
    />
  );
}

/** The 10 recovery codes, shown once, with a copy button; gone when the user says so. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('account');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recovery-codes"
      title={t('mfa.recoveryTitle')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('mfa.recoveryIntro')}</Typography.Text>
          <ol
            aria-label={t('mfa.recoveryList')}
            style={{ columns: 2, fontFamily: 'monospace', margin: 0 }}
          >
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
          <Space>
            <Typography.Text
              copyable={{
                text: codes.join('\n'),
                tooltips: [t('mfa.copyCodes'), t('tokens.copied')],
              }}
            >
              {t('mfa.copyCodes')}
            </Typography.Text>
            <Button type="primary" onClick={onDone}>
              {t('mfa.saved')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}

/**
 * Two-step verification: enrol an authenticator (QR code and key from the API, confirmed with a
 * code; the 10 recovery codes shown once), new recovery codes, turning it off.
 */
export function MfaCard({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mfa = me.mfa;
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [proof, setProof] = useState<'code' | 'password'>('code');
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [regenerateForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ code?: string; password?: string }>();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    await queryClient.invalidateQueries({ queryKey: ['account'] });
  };

  const start = () =>
    run(async () => {
      const answer = await unwrap(api.POST('/v1/auth/mfa/enrolment', { body: {} }));
      setEnrolment({ secret: answer.secret, qrCode: answer.qrCode, expiresAt: answer.expiresAt });
      setCodes(null);
    });

  const confirm = (values: { code: string }) =>
    run(async () => {
      const answer = await unwrap(
        api.POST('/v1/auth/mfa/enrolment/confirm', { body: { code: values.code } }),
      );
      // The session was rotated (a new cookie): the CSRF token is a new one.
      forgetCsrfToken();
      setEnrolment(null);
      setCodes(answer.recoveryCodes);
      confirmForm.resetFields();
      void message.success(t('mfa.enabledDone'));
      void refresh();
    });

  const regenerate = (values: { code: string }) =>
    run(async () => {
      const answer = await unwrap(
        api.POST('/v1/auth/mfa/recovery-codes', { body: { code: values.code } }),
      );
      setCodes(answer.recoveryCodes);
      regenerateForm.resetFields();
    });

  const disable = (values: { code?: string; password?: string }) =>
    run(async () => {
      const body =
        proof === 'code' ? { code: values.code ?? '' } : { password: values.password ?? '' };
      await unwrap(api.POST('/v1/auth/mfa/disable', { body }));
      disableForm.resetFields();
      setCodes(null);
      void message.success(t('mfa.disabledDone'));
      void refresh();
    });

  const codeRules = [
    { required: true, message: t('mfa.codeFormat') },
    { pattern: CODE_PATTERN, message: t('mfa.codeFormat') },
  ];

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('mfa.title')}
        </Typography.Title>
      }
      data-testid="mfa-card"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('mfa.status')}>
            <Space wrap>
              <Tag color={mfa?.enabled === true ? 'blue' : 'default'} data-testid="mfa-status">
                {mfa?.enabled === true ? t('mfa.enabled') : t('mfa.disabled')}
              </Tag>
              {mfa?.required === true && mfa.enabled !== true && (
                <Typography.Text type="warning">{t('mfa.requiredByPolicy')}</Typography.Text>
              )}
            </Space>
          </Descriptions.Item>
          {mfa?.enabled === true && (
            <Descriptions.Item label={t('mfa.verifiedAt')}>
              {mfa.verified && mfa.verifiedAt != null
                ? dayjs(mfa.verifiedAt).format(DATE_TIME)
                : t('mfa.notVerified')}
            </Descriptions.Item>
          )}
        </Descriptions>
        {failure !== null && (
          <Alert type="error" showIcon role="alert" title={accountErrorText(t, failure)} />
        )}
        {codes !== null && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
        {mfa?.enabled !== true && enrolment === null && (
          <>
            <Typography.Paragraph>{t('mfa.intro')}</Typography.Paragraph>
            <Button type="primary" onClick={() => void start()} loading={busy}>
              {t('mfa.start')}
            </Button>
          </>
        )}
        {mfa?.enabled !== true && enrolment !== null && (
          <Space align="start" wrap size={24}>
            <img
              src={enrolment.qrCode}
              alt={t('mfa.qrAlt')}
              width={180}
              height={180}
              data-testid="mfa-qr"
            />
            <Space orientation="vertical" style={{ maxWidth: 420 }}>
              <Typography.Text>{t('mfa.scan')}</Typography.Text>
              <Typography.Text>
                {t('mfa.secret')}:{' '}
                <Typography.Text code copyable data-testid="mfa-secret">
                  {enrolment.secret}
                </Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('mfa.expires', { time: dayjs(enrolment.expiresAt).format(DATE_TIME) })}
              </Typography.Text>
              <Form
                form={confirmForm}
                layout="vertical"
                requiredMark={false}
                onFinish={(v) => void confirm(v)}
              >
                <Form.Item
                  label={t('mfa.code')}
                  name="code"
                  extra={t('mfa.codeHelp')}
                  rules={codeRules}
                >
                  <CodeInput autoFocus />
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t('mfa.confirm')}
                  </Button>
                  <Button onClick={() => setEnrolment(null)}>{t('mfa.cancelEnrol')}</Button>
                </Space>
              </Form>
            </Space>
          </Space>
        )}
        {mfa?.enabled === true && (
          <Space align="start" wrap size={32}>
            <Form
              form={regenerateForm}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void regenerate(v)}
              data-testid="mfa-regenerate"
              style={{ minWidth: 260 }}
            >
              <Typography.Title level={3} style={{ fontSize: 14 }}>
                {t('mfa.regenerate')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('mfa.regenerateHelp')}
              </Typography.Paragraph>
              <Form.Item label={t('mfa.code')} name="code" rules={codeRules}>
                <CodeInput />
              </Form.Item>
              <Button htmlType="submit" loading={busy}>
                {t('mfa.regenerate')}
              </Button>
            </Form>
            <Form
              form={disableForm}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void disable(v)}
              data-testid="mfa-disable"
              style={{ minWidth: 260 }}
            >
              <Typography.Title level={3} style={{ fontSize: 14 }}>
                {t('mfa.disable')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('mfa.disableHelp')}</Typography.Paragraph>
              <Form.Item label={t('mfa.proof')}>
                <Radio.Group
                  value={proof}
                  onChange={(e) => setProof(e.target.value as 'code' | 'password')}
                  options={[
                    { value: 'code', label: t('mfa.byCode') },
                    { value: 'password', label: t('mfa.byPassword') },
                  ]}
                />
              </Form.Item>
              {proof === 'code' ? (
                <Form.Item label={t('mfa.code')} name="code" rules={codeRules}>
                  <CodeInput />
                </Form.Item>
              ) : (
                <Form.Item
                  label={t('mfa.passwordLabel')}
                  name="password"
                  rules={[{ required: true, message: t('mfa.passwordLabel') }]}
                >
                  <Input.Password autoComplete="current-password" />
                </Form.Item>
              )}
              <Button danger htmlType="submit" loading={busy}>
                {t('mfa.disable')}
              </Button>
            </Form>
          </Space>
        )}
      </Space>
    </Card>
  );
}
