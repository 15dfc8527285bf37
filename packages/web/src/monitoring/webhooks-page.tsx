import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert as Notice,
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import { EmptyState, ErrorState } from '../shared/page-state.tsx';
import {
  eventKey,
  monitoringErrorText,
  type Delivery,
  type JobsOverview,
  type Webhook,
  type WebhookEvent,
} from './monitoring-api.ts';

const when = (at: string | null | undefined): string =>
  at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : '';
const EVENTS: WebhookEvent = ['alert.created', 'alert.acknowledged'];
const STATE_COLOR = { pending: 'gold', delivered: 'green', failed: 'red' } as const;

interface AddForm {
  name: string;
  url: string;
  events: WebhookEvent;
}

/** Add an endpoint; the answer's signing secret is shown once, with a copy button. */
function AddWebhook() {
  const { t } = useTranslation('monitoring');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AddForm>();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: AddForm) => unwrap(api.POST('/v1/admin/webhooks', { body })),
    onSuccess: async (created) => {
      void message.success(t('webhooks.added'));
      setOpen(false);
      setSecret(created.secret);
      await queryClient.invalidateQueries({ queryKey: ['monitoring', 'webhooks'] });
    },
    onError: (error) => {
      const field = error instanceof ApiError ? (error.field ?? '') : '';
      const name = (/^(name|url|events)/.exec(field)?.[1] ?? 'url') as keyof AddForm;
      form.setFields([{ name, errors: [monitoringErrorText(t, error)] }]);
    },
  });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('webhooks.add')}
      </Button>
      <Modal
        open={open}
        title={t('webhooks.add')}
        okText={t('webhooks.save')}
        cancelText={t('cancel')}
        confirmLoading={add.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ events: EVENTS }}
          onFinish={(values) => add.mutate({ ...values, url: values.url.trim() })}
        >
          <Form.Item
            name="name"
            label={t('webhooks.name')}
            rules={[{ required: true, whitespace: true, message: t('webhooks.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('webhooks.url')}
            rules={[{ required: true, whitespace: true, message: t('webhooks.urlRequired') }]}
          >
            <Input maxLength={2000} placeholder="https://siem.example.com/custos" />
          </Form.Item>
          <Form.Item
            name="events"
            label={t('webhooks.events')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('webhooks.eventsRequired') },
            ]}
          >
            <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: t(eventKey(e)) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={secret !== null}
        title={t('webhooks.secretTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('webhooks.close')}
          </Button>
        }
        destroyOnHidden
      >
        <Notice
          type="warning"
          showIcon
          title={t('webhooks.secretHelp')}
          style={{ marginBottom: 12 }}
        />
        <Typography.Text
          code
          data-testid="webhook-secret"
          style={{ wordBreak: 'break-all' }}
          copyable={{ text: secret ?? '', tooltips: [t('webhooks.copy'), t('webhooks.copied')] }}
        >
          {secret}
        </Typography.Text>
      </Modal>
    </>
  );
}

/** An endpoint's delivery log: each delivery and every attempt's status, duration and error. */
function DeliveryLog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation('monitoring');
  const deliveries = useQuery({
    queryKey: ['monitoring', 'webhooks', webhook?.id, 'deliveries'],
    enabled: webhook !== null,
    queryFn: () =>
      unwrap(
        api.GET('/v1/admin/webhooks/{id}/deliveries', {
          params: { path: { id: webhook?.id ?? '' }, query: { limit: 50 } },
        }),
      ),
  });
  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      size="large"
      title={webhook === null ? '' : t('webhooks.logTitle', { name: webhook.name })}
      destroyOnHidden
    >
      {deliveries.error !== null ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          data-testid="delivery-log"
          loading={deliveries.isLoading}
          dataSource={deliveries.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text={t('webhooks.logEmpty')} /> }}
          expandable={{
            rowExpandable: (d: Delivery) => d.log.length > 0,
            expandedRowRender: (d: Delivery) => (
              <Table
                size="small"
                rowKey="attempt"
                pagination={false}
                dataSource={d.log}
                columns={[
                  {
                    title: '#',
                    key: 'attempt',
                    render: (_: unknown, a: Delivery['log'][number]) =>
                      t('delivery.attempt', { n: a.attempt }),
                  },
                  {
                    title: t('delivery.at'),
                    key: 'at',
                    render: (_: unknown, a: Delivery['log'][number]) => when(a.at),
                  },
                  {
                    title: t('delivery.httpStatus'),
                    key: 'code',
                    render: (_: unknown, a: Delivery['log'][number]) => a.statusCode ?? '—',
                  },
                  {
                    title: t('delivery.duration'),
                    key: 'duration',
                    render: (_: unknown, a: Delivery['log'][number]) =>
                      t('delivery.ms', { ms: a.durationMs }),
                  },
                  {
                    title: t('delivery.error'),
                    key: 'error',
                    render: (_: unknown, a: Delivery['log'][number]) => a.error ?? '',
                  },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('delivery.createdAt'),
              key: 'createdAt',
              render: (_: unknown, d: Delivery) => when(d.createdAt),
            },
            {
              title: t('delivery.event'),
              key: 'event',
              render: (_: unknown, d: Delivery) => t(eventKey(d.event)),
            },
            {
              title: t('delivery.status'),
              key: 'status',
              render: (_: unknown, d: Delivery) => (
                <Tag color={STATE_COLOR[d.status]}>{t(`delivery.states.${d.status}`)}</Tag>
              ),
            },
            { title: t('delivery.attempts'), dataIndex: 'attempts', key: 'attempts' },
            {
              title: t('delivery.httpStatus'),
              key: 'code',
              render: (_: unknown, d: Delivery) => d.log.at(-1)?.statusCode ?? '—',
            },
            {
              title: t('delivery.error'),
              key: 'error',
              render: (_: unknown, d: Delivery) => d.log.at(-1)?.error ?? '',
            },
            {
              title: t('delivery.deliveredAt'),
              key: 'deliveredAt',
              render: (_: unknown, d: Delivery) => when(d.deliveredAt),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

/** How often a schedule runs, in words. */
function everyText(t: (key: string, values: { n: number }) => string, ms: number): string {
  if (ms % 3_600_000 === 0) return t('jobs.everyHours', { n: ms / 3_600_000 });
  if (ms % 60_000 === 0) return t('jobs.everyMinutes', { n: ms / 60_000 });
  return t('jobs.everySeconds', { n: Math.round(ms / 1000) });
}

/** The job runner's schedules (last and next run, status) and its recent failures. */
function JobsCard() {
  const { t } = useTranslation('monitoring');
  const jobs = useQuery({
    queryKey: ['monitoring', 'jobs'],
    queryFn: () => unwrap(api.GET('/v1/admin/jobs')),
  });
  type Schedule = JobsOverview['schedules'][number];
  type Failure = JobsOverview['failures'][number];
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('jobs.title')}
        </Typography.Title>
      }
    >
      {jobs.error !== null ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          <Table
            size="small"
            rowKey="name"
            data-testid="jobs-table"
            loading={jobs.isLoading}
            dataSource={jobs.data?.schedules ?? []}
            pagination={false}
            locale={{ emptyText: <EmptyState text={t('jobs.empty')} /> }}
            columns={[
              { title: t('jobs.name'), dataIndex: 'name', key: 'name' },
              {
                title: t('jobs.every'),
                key: 'every',
                render: (_: unknown, s: Schedule) => everyText(t, s.everyMs),
              },
              {
                title: t('jobs.lastRun'),
                key: 'last',
                render: (_: unknown, s: Schedule) =>
                  s.lastRunAt ? when(s.lastRunAt) : t('jobs.never'),
              },
              {
                title: t('jobs.nextRun'),
                key: 'next',
                render: (_: unknown, s: Schedule) => when(s.nextRunAt),
              },
              {
                title: t('jobs.status'),
                key: 'status',
                render: (_: unknown, s: Schedule) =>
                  s.lastStatus ? (
                    <Space direction="vertical" size={0}>
                      <Tag
                        color={
                          s.lastStatus === 'ok'
                            ? 'green'
                            : s.lastStatus === 'failed'
                              ? 'red'
                              : 'default'
                        }
                      >
                        {t(`jobs.states.${s.lastStatus}`, { defaultValue: s.lastStatus })}
                      </Tag>
                      {s.lastError && (
                        <Typography.Text type="danger" style={{ fontSize: 12 }}>
                          {s.lastError}
                        </Typography.Text>
                      )}
                    </Space>
                  ) : (
                    ''
                  ),
              },
              {
                title: t('jobs.runs'),
                key: 'runs',
                render: (_: unknown, s: Schedule) => `${s.runs} / ${s.failures}`,
              },
            ]}
          />
          {(jobs.data?.failures.length ?? 0) > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
                {t('jobs.failuresTitle')}
              </Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={jobs.data?.failures ?? []}
                columns={[
                  { title: t('jobs.name'), dataIndex: 'name', key: 'name' },
                  { title: t('jobs.status'), dataIndex: 'state', key: 'state' },
                  {
                    title: t('delivery.attempts'),
                    key: 'attempts',
                    render: (_: unknown, f: Failure) => `${f.attempts} / ${f.maxAttempts}`,
                  },
                  {
                    title: t('delivery.error'),
                    key: 'error',
                    render: (_: unknown, f: Failure) => f.lastError ?? '',
                  },
                  {
                    title: t('jobs.lastRun'),
                    key: 'at',
                    render: (_: unknown, f: Failure) => when(f.finishedAt ?? f.runAt),
                  },
                ]}
              />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Webhooks (`/admin/webhooks`): endpoints, their delivery logs, and the scheduled jobs. */
export function WebhooksPage() {
  const { t } = useTranslation('monitoring');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const webhooks = useQuery({
    queryKey: ['monitoring', 'webhooks'],
    queryFn: () => unwrap(api.GET('/v1/admin/webhooks')),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['monitoring', 'webhooks'] });
  const onError = (error: unknown) => void message.error(monitoringErrorText(t, error));
  const toggle = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      unwrap(api.PATCH('/v1/admin/webhooks/{id}', { params: { path: { id } }, body: { enabled } })),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/v1/admin/webhooks/{id}', { params: { path: { id } }, body: {} as never }),
      ),
    onSuccess: async () => {
      void message.success(t('webhooks.deleted'));
      await refresh();
    },
    onError,
  });
  const test = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/v1/admin/webhooks/{id}/test', { params: { path: { id } }, body: {} })),
    onSuccess: async (result) => {
      void message.success(t('webhooks.testSent', { id: result.deliveryId }));
      await refresh();
    },
    onError,
  });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('webhooks.title')}
        </Typography.Title>
        <AddWebhook />
      </Flex>
      <Typography.Text type="secondary">{t('webhooks.intro')}</Typography.Text>
      {webhooks.error !== null ? (
        <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          data-testid="webhooks-table"
          loading={webhooks.isLoading}
          dataSource={webhooks.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text={t('webhooks.empty')} /> }}
          columns={[
            { title: t('webhooks.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('webhooks.url'),
              key: 'url',
              render: (_: unknown, w: Webhook) => (
                <Typography.Text style={{ wordBreak: 'break-all' }}>{w.url}</Typography.Text>
              ),
            },
            {
              title: t('webhooks.events'),
              key: 'events',
              render: (_: unknown, w: Webhook) =>
                w.events.map((e) => <Tag key={e}>{t(eventKey(e))}</Tag>),
            },
            {
              title: t('webhooks.enabled'),
              key: 'enabled',
              render: (_: unknown, w: Webhook) => (
                <Switch
                  checked={w.enabled}
                  aria-label={t('webhooks.enableLabel', { name: w.name })}
                  loading={toggle.isPending && toggle.variables.id === w.id}
                  onChange={(enabled) => toggle.mutate({ id: w.id, enabled })}
                />
              ),
            },
            {
              title: t('webhooks.created'),
              key: 'created',
              render: (_: unknown, w: Webhook) => when(w.createdAt),
            },
            {
              title: t('webhooks.actions'),
              key: 'actions',
              render: (_: unknown, w: Webhook) => (
                <Space wrap>
                  <Button size="small" onClick={() => test.mutate(w.id)}>
                    {t('webhooks.test')}
                  </Button>
                  <Button size="small" onClick={() => setLogOf(w)}>
                    {t('webhooks.log')}
                  </Button>
                  <Popconfirm
                    title={t('webhooks.deleteConfirm', {
                      name: w.name,
                      interpolation: { escapeValue: false },
                    })}
                    okText={t('webhooks.delete')}
                    cancelText={t('cancel')}
                    onConfirm={() => remove.mutate(w.id)}
                  >
                    <Button size="small" danger>
                      {t('webhooks.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <DeliveryLog webhook={logOf} onClose={() => setLogOf(null)} />
      <JobsCard />
    </Flex>
  );
}
