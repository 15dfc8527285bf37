import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { Chart } from '../shared/chart.tsx';
import { EmptyState, ErrorState } from '../shared/page-state.tsx';
import {
  alertSummaryText,
  monitoringErrorText,
  RULES,
  SEVERITIES,
  SEVERITY_COLOR,
  type Alert,
  type AlertFilters,
} from './monitoring-api.ts';

const when = (at: string | null | undefined): string =>
  at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '';

/** Alerts per day and rule over the last 30 days, as stacked bars. */
function AlertsChart() {
  const { t } = useTranslation('monitoring');
  const perDay = useQuery({
    queryKey: ['monitoring', 'per-day'],
    queryFn: () =>
      unwrap(api.GET('/v1/admin/monitoring/alerts/per-day', { params: { query: { days: 30 } } })),
  });
  const option = useMemo(() => {
    const items = perDay.data?.items ?? [];
    const start = dayjs(perDay.data?.from.slice(0, 10) ?? undefined);
    const days: string[] = [];
    // The server's days (its clock, UTC), not the browser's: 30 days from `from`.
    for (let i = 0; i < 30; i += 1) days.push(start.add(i, 'day').format('YYYY-MM-DD'));
    for (const item of items)
      if (!days.includes(item.day.slice(0, 10))) days.push(item.day.slice(0, 10));
    days.sort();
    const rules = RULES.filter((r) => items.some((i) => i.rule === r));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 32, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: rules.map((rule) => ({
        name: t(`rules.${rule}.name`),
        type: 'bar',
        stack: 'alerts',
        data: days.map(
          (day) => items.find((i) => i.rule === rule && i.day.slice(0, 10) === day)?.count ?? 0,
        ),
      })),
    };
  }, [perDay.data, t]);
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('chartTitle')}
        </Typography.Title>
      }
    >
      {perDay.error !== null ? (
        <ErrorState error={perDay.error} onRetry={() => void perDay.refetch()} />
      ) : perDay.data !== undefined && perDay.data.items.length === 0 ? (
        <EmptyState text={t('chartEmpty')} />
      ) : (
        <div data-testid="alerts-chart">
          <Chart option={option} label={t('chartLabel')} height={200} />
        </div>
      )}
    </Card>
  );
}

/** Acknowledge one alert with a note (the API records who and when). */
function AcknowledgeModal({ alert, onClose }: { alert: Alert | null; onClose: () => void }) {
  const { t } = useTranslation('monitoring');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const ack = useMutation({
    mutationFn: (note: string) =>
      unwrap(
        api.POST('/v1/admin/monitoring/alerts/{id}/acknowledge', {
          params: { path: { id: alert?.id ?? '' } },
          body: { note },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('ackDone'));
      await queryClient.invalidateQueries({ queryKey: ['monitoring'] });
      onClose();
    },
    onError: (error) => {
      form.setFields([{ name: 'note', errors: [monitoringErrorText(t, error)] }]);
    },
  });
  return (
    <Modal
      open={alert !== null}
      title={alert === null ? '' : t('ackTitle', { id: alert.id })}
      okText={t('acknowledge')}
      cancelText={t('cancel')}
      confirmLoading={ack.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {alert !== null && (
        <Typography.Paragraph>
          {alert.userName ?? alert.userId} — {t(`rules.${alert.rule}.name`)}:{' '}
          {alertSummaryText(t, alert)}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ note }) => ack.mutate(note.trim())}
      >
        <Form.Item
          name="note"
          label={t('ackNote')}
          extra={t('ackNoteHelp')}
          rules={[{ required: true, whitespace: true, message: t('ackNoteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Security monitoring (`/admin/monitoring`, function `security_monitor`): alerts and a chart. */
export function MonitoringPage() {
  const { t } = useTranslation('monitoring');
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<AlertFilters>({ status: 'open' });
  const [filters, setFilters] = useState<AlertFilters>({ status: 'open' });
  const [acknowledging, setAcknowledging] = useState<Alert | null>(null);
  const highlighted = params.get('alert');
  const alerts = useInfiniteQuery({
    queryKey: ['monitoring', 'alerts', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/admin/monitoring/alerts', {
          params: {
            query: {
              ...filters,
              limit: 50,
              ...(pageParam === null ? {} : { beforeId: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBeforeId,
  });
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <AlertsChart />
      <Form layout="inline" onFinish={() => setFilters(draft)} style={{ rowGap: 8 }}>
        <Form.Item label={t('filters.status')} htmlFor="alert-status">
          <Select
            id="alert-status"
            aria-label={t('filters.status')}
            allowClear
            style={{ minWidth: 120 }}
            value={draft.status}
            onChange={(status?: AlertFilters['status']) => setDraft((d) => ({ ...d, status }))}
            options={(['open', 'acknowledged'] as const).map((s) => ({
              value: s,
              label: t(`status.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('filters.rule')} htmlFor="alert-rule">
          <Select
            id="alert-rule"
            aria-label={t('filters.rule')}
            allowClear
            style={{ minWidth: 160 }}
            value={draft.rule}
            onChange={(rule?: AlertFilters['rule']) => setDraft((d) => ({ ...d, rule }))}
            options={RULES.map((r) => ({ value: r, label: t(`rules.${r}.name`) }))}
          />
        </Form.Item>
        <Form.Item label={t('filters.severity')} htmlFor="alert-severity">
          <Select
            id="alert-severity"
            aria-label={t('filters.severity')}
            allowClear
            style={{ minWidth: 100 }}
            value={draft.severity}
            onChange={(severity?: AlertFilters['severity']) =>
              setDraft((d) => ({ ...d, severity }))
            }
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('filters.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft({});
              setFilters({});
            }}
          >
            {t('filters.reset')}
          </Button>
        </Space>
      </Form>
      {alerts.error !== null ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={alerts.isLoading}
          dataSource={items}
          pagination={false}
          data-testid="alerts-table"
          rowClassName={(a: Alert) => (a.id === highlighted ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <EmptyState text={t('empty')} /> }}
          columns={[
            {
              title: t('columns.when'),
              key: 'when',
              width: 140,
              render: (_: unknown, a: Alert) => when(a.lastAt ?? a.createdAt),
            },
            {
              title: t('columns.user'),
              key: 'user',
              render: (_: unknown, a: Alert) => (
                <span style={{ whiteSpace: 'nowrap' }}>{a.userName ?? a.userId}</span>
              ),
            },
            {
              title: t('columns.rule'),
              key: 'rule',
              render: (_: unknown, a: Alert) => t(`rules.${a.rule}.name`),
            },
            {
              title: t('columns.severity'),
              key: 'severity',
              render: (_: unknown, a: Alert) => (
                <Tag color={SEVERITY_COLOR[a.severity]}>{t(`severity.${a.severity}`)}</Tag>
              ),
            },
            {
              title: t('columns.evidence'),
              key: 'evidence',
              render: (_: unknown, a: Alert) => {
                const ids = a.evidence?.['eventIds'];
                return (
                  <Flex vertical>
                    <span>{alertSummaryText(t, a)}</span>
                    {Array.isArray(ids) && ids.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('events', { count: ids.length })}
                      </Typography.Text>
                    )}
                  </Flex>
                );
              },
            },
            {
              title: t('columns.status'),
              key: 'status',
              render: (_: unknown, a: Alert) =>
                a.status === 'open' ? (
                  <Tag>{t('status.open')}</Tag>
                ) : (
                  <Flex vertical>
                    <Tag color="green" style={{ width: 'fit-content' }}>
                      {t('status.acknowledged')}
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('ackBy', {
                        by: a.ackBy ?? '',
                        at: when(a.ackAt),
                        note: a.ackNote ?? '',
                        interpolation: { escapeValue: false },
                      })}
                    </Typography.Text>
                  </Flex>
                ),
            },
            {
              title: t('columns.action'),
              key: 'action',
              render: (_: unknown, a: Alert) =>
                a.status === 'open' ? (
                  <Button size="small" onClick={() => setAcknowledging(a)}>
                    {t('acknowledge')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {alerts.hasNextPage && (
        <Button
          style={{ alignSelf: 'center' }}
          loading={alerts.isFetchingNextPage}
          onClick={() => void alerts.fetchNextPage()}
        >
          {t('more')}
        </Button>
      )}
      <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />
    </Flex>
  );
}
