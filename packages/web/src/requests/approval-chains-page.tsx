import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorState, errorText } from '../shared/page-state.tsx';
import { RECORD_OBJECTS } from '../shared/record-objects.ts';

const STEP_KINDS = ['manager', 'department_head', 'data_owner', 'user', 'function'] as const;
const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;

interface Step {
  kind?: string;
  of?: string;
  userId?: string;
  functionName?: string;
}
interface ChainRow {
  id: string;
  name: string;
  requestKind: string;
  object: string | null;
  sensitivity: string | null;
  steps: Step[];
}
interface ChainForm {
  id: string;
  name: string;
  requestKind: 'record' | 'scope' | 'role';
  object?: string;
  sensitivity?: string;
  steps: (typeof STEP_KINDS)[number][];
  userId?: string;
  functionName?: string;
}

/** 审批流程 (`/admin/approval-chains`, role_admin): the chains, the defaults, add or replace, delete. */
export function ApprovalChainsPage() {
  const { t } = useTranslation(['requests', 'common', 'me']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChainForm>();
  const chains = useQuery({
    queryKey: ['admin', 'approval-chains'],
    queryFn: () => unwrap(api.GET('/v1/admin/approval-chains', {})),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'approval-chains'] });
  const save = useMutation({
    mutationFn: (v: ChainForm) =>
      unwrap(
        api.PUT('/v1/admin/approval-chains/{id}', {
          params: { path: { id: v.id } },
          body: {
            name: v.name,
            requestKind: v.requestKind,
            object: (v.object ?? null) as never,
            sensitivity: (v.sensitivity ?? null) as never,
            steps: v.steps.map((kind) => ({
              kind,
              ...(kind === 'user' ? { userId: v.userId ?? '' } : {}),
              ...(kind === 'function' ? { functionName: v.functionName ?? '' } : {}),
            })),
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('chains.saved'));
      await refresh();
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/v1/admin/approval-chains/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(t('chains.deleted'));
      await refresh();
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const stepsText = (steps: readonly Step[]) =>
    steps
      .map(
        (s) =>
          t(`step.${s.kind ?? 'user'}`) +
          (s.userId !== undefined ? ` (${s.userId})` : '') +
          (s.functionName !== undefined ? ` (${s.functionName})` : ''),
      )
      .join(' → ');
  const defaults = (chains.data?.defaults ?? {}) as Record<string, Step[]>;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('chains.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('chains.intro')}</Typography.Paragraph>
      {chains.error !== null ? (
        <ErrorState error={chains.error} onRetry={() => void chains.refetch()} />
      ) : (
        <>
          <Table<ChainRow>
            rowKey="id"
            size="small"
            loading={chains.isLoading}
            pagination={false}
            dataSource={(chains.data?.items ?? []) as ChainRow[]}
            locale={{ emptyText: t('chains.empty') }}
            columns={[
              { title: t('chains.id'), dataIndex: 'id' },
              { title: t('col.name'), dataIndex: 'name' },
              {
                title: t('col.applies'),
                render: (_, c) =>
                  [
                    t(`kind.${c.requestKind}`),
                    c.object === null ? t('chains.any') : t(`common:objects.${c.object}`),
                    c.sensitivity ?? t('chains.any'),
                  ].join(' / '),
              },
              { title: t('col.steps'), render: (_, c) => stepsText(c.steps) },
              {
                title: t('col.actions'),
                render: (_, c) => (
                  <Button size="small" danger onClick={() => remove.mutate(c.id)}>
                    {t('chains.delete')}
                  </Button>
                ),
              },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
            {t('chains.defaults')}
          </Typography.Title>
          <ul>
            {Object.entries(defaults).map(([kind, steps]) => (
              <li key={kind}>
                {t(`kind.${kind}`)}: {stepsText(steps)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Form<ChainForm>
        form={form}
        layout="inline"
        style={{ rowGap: 8, marginTop: 16 }}
        initialValues={{ requestKind: 'record', steps: ['manager', 'data_owner'] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="id" label={t('chains.id')} rules={[{ required: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="name" label={t('chains.name')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="requestKind" label={t('chains.requestKind')}>
          <Select
            style={{ width: 120 }}
            options={(['record', 'scope', 'role'] as const).map((k) => ({
              value: k,
              label: t(`kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="object" label={t('chains.object')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={RECORD_OBJECTS.map((o) => ({
              value: o.object,
              label: t(`common:objects.${o.object}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="sensitivity" label={t('chains.sensitivity')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={SENSITIVITIES.map((s) => ({ value: s, label: t(`me:clearance.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="steps" label={t('chains.stepKinds')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            style={{ minWidth: 280 }}
            options={STEP_KINDS.map((k) => ({ value: k, label: t(`step.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="userId" label={t('chains.userId')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="functionName" label={t('chains.functionName')}>
          <Input maxLength={64} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('chains.add')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
