import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import { holds, type Me } from '../auth/use-me.ts';
import { ErrorState, errorText } from '../shared/page-state.tsx';
import { scopeKey, TOKEN_SCOPE_OPTIONS, type TokenScope } from './token-scopes.ts';

const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const TOKENS_KEY = ['account', 'tokens'] as const;

interface CreateForm {
  name: string;
  scopes: TokenScope[];
  expiresAt: Dayjs;
}

const STATUS_COLOR = { active: 'blue', expired: 'default', revoked: 'red' } as const;

/** The form that creates a token; the token string is shown once, with a copy button. */
function CreateTokenModal({ me, open, onClose }: { me: Me; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const close = () => {
    setCreated(null);
    setFailure(null);
    form.resetFields();
    onClose();
  };

  const submit = async (values: CreateForm) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await unwrap(
        api.POST('/v1/auth/tokens', {
          body: {
            name: values.name,
            scopes: values.scopes,
            expiresAt: values.expiresAt.toISOString(),
          },
        }),
      );
      setCreated(answer.token);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      const name = field?.split('/')[0];
      if (name === 'name' || name === 'scopes' || name === 'expiresAt')
        form.setFields([{ name, errors: [errorText(error)] }]);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      destroyOnHidden
      title={created === null ? t('tokens.createTitle') : t('tokens.createdTitle')}
      onCancel={close}
      footer={
        created === null ? (
          <Space>
            <Button onClick={close}>{t('common:cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t('tokens.create')}
            </Button>
          </Space>
        ) : (
          <Button type="primary" onClick={close}>
            {t('tokens.done')}
          </Button>
        )
      }
    >
      {created !== null ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('tokens.createdIntro')} />
          <Typography.Text strong>{t('tokens.token')}</Typography.Text>
          <Typography.Paragraph
            code
            data-testid="new-token"
            copyable={{ text: created, tooltips: [t('tokens.copy'), t('tokens.copied')] }}
            style={{ wordBreak: 'break-all' }}
          >
            {created}
          </Typography.Paragraph>
        </Space>
      ) : (
        <Form<CreateForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ scopes: ['records:read'], expiresAt: dayjs().add(30, 'day') }}
          onFinish={(v) => void submit(v)}
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
          <Form.Item
            label={t('tokens.name')}
            name="name"
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('tokens.required', { field: t('tokens.name') }),
              },
            ]}
          >
            <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item
            label={t('tokens.scopes')}
            name="scopes"
            rules={[
              {
                // Not `required`: that puts aria-required on the group's <div> (not allowed there).
                validator: (_, value: TokenScope[] | undefined) =>
                  value !== undefined && value.length > 0
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t('tokens.required', { field: t('tokens.scopes') })),
                      ),
              },
            ]}
          >
            <Checkbox.Group
              role="group"
              aria-label={t('tokens.scopes')}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            >
              {TOKEN_SCOPE_OPTIONS.map(({ scope, fn }) => {
                const held = fn === null || holds(me, fn);
                const box = (
                  <Checkbox key={scope} value={scope} disabled={!held}>
                    {t(scopeKey(scope))} <Typography.Text code>{scope}</Typography.Text>
                  </Checkbox>
                );
                return held ? (
                  box
                ) : (
                  <Tooltip key={scope} title={t('tokens.notHeld')}>
                    {box}
                  </Tooltip>
                );
              })}
            </Checkbox.Group>
          </Form.Item>
          <Form.Item
            label={t('tokens.expiresAt')}
            name="expiresAt"
            extra={t('tokens.expiresHelp')}
            rules={[
              { required: true, message: t('tokens.required', { field: t('tokens.expiresAt') }) },
            ]}
          >
            <DatePicker
              showTime
              format={DATE_TIME}
              allowClear={false}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              presets={[
                { label: t('tokens.in7'), value: dayjs().add(7, 'day') },
                { label: t('tokens.in30'), value: dayjs().add(30, 'day') },
                { label: t('tokens.in90'), value: dayjs().add(90, 'day') },
              ]}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** My API tokens (`/v1/auth/tokens`, ADR 0009): list with last use, create, revoke. */
export function TokensCard({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => unwrap(api.GET('/v1/auth/tokens')),
  });

  const revoke = async (id: string) => {
    try {
      await unwrap(
        api.DELETE('/v1/auth/tokens/{tokenId}', {
          params: { path: { tokenId: id } },
          body: {} as never,
        }),
      );
      void message.success(t('tokens.revoked'));
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('tokens.title')}
        </Typography.Title>
      }
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
      data-testid="tokens-card"
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={tokens.isPending}
          pagination={false}
          dataSource={tokens.data?.items ?? []}
          locale={{ emptyText: <Typography.Text>{t('tokens.empty')}</Typography.Text> }}
          scroll={{ x: true }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            {
              title: t('tokens.prefix'),
              dataIndex: 'prefix',
              render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
            },
            {
              title: t('tokens.scopes'),
              dataIndex: 'scopes',
              render: (scopes: string[]) => (
                <Space size={4} wrap>
                  {scopes.map((s) => (
                    <Tooltip key={s} title={s}>
                      <Tag>{t(scopeKey(s), { defaultValue: s })}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
            {
              title: t('tokens.status'),
              dataIndex: 'status',
              render: (s: keyof typeof STATUS_COLOR) => (
                <Tag color={STATUS_COLOR[s]}>{t(`tokens.statusName.${s}`)}</Tag>
              ),
            },
            {
              title: t('tokens.expires'),
              dataIndex: 'expiresAt',
              render: (at: string) => dayjs(at).format(DATE_TIME),
            },
            {
              title: t('tokens.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (at: string | null | undefined) =>
                at == null ? t('tokens.never') : dayjs(at).format(DATE_TIME),
            },
            {
              title: t('common:actions'),
              key: 'revoke',
              render: (_, row) =>
                row.status === 'active' ? (
                  <Popconfirm
                    title={t('tokens.revokeConfirm', { name: row.name })}
                    okText={t('common:confirm')}
                    cancelText={t('common:cancel')}
                    onConfirm={() => revoke(row.id)}
                  >
                    <Button size="small" danger data-testid={`revoke-${row.id}`}>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
      <CreateTokenModal me={me} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
