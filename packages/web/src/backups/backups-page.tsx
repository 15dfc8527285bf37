import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import { Chart } from '../shared/chart.tsx';
import { EmptyState, ErrorState, Loading, errorText } from '../shared/page-state.tsx';

const OWN_CODES = new Set([
  'BACKUP_KEY_MISSING',
  'BACKUP_RUNNING',
  'BACKUP_OTHER_TENANTS',
  'BACKUP_WRONG_KEY',
  'BACKUP_TAMPERED',
  'BACKUP_FORMAT_UNSUPPORTED',
  'BACKUP_TARGET_NOT_EMPTY',
  'BACKUP_INCOMPATIBLE',
  'BACKUP_VERIFY_FAILED',
]);

const when = (iso: string | null | undefined): string | undefined =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : undefined;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 备份 / Backups (backup_admin): the list, the schedule in force, back up now, download. */
export function BackupsPage() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['backups'],
    queryFn: () => unwrap(api.GET('/v1/admin/backups')),
    // While a backup job runs, look again every 2 s.
    refetchInterval: (q) => ((q.state.data?.data?.jobs?.length ?? 0) > 0 ? 2000 : false),
  });
  const backUp = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/backups', { body: {} })),
    onSuccess: async (r) => {
      message.success(t('queued', { name: r.data?.name ?? '' }));
      await client.invalidateQueries({ queryKey: ['backups'] });
    },
    onError: (e) =>
      message.error(
        e instanceof ApiError && OWN_CODES.has(e.code) ? t(`errors.${e.code}`) : errorText(e),
      ),
  });
  const data = query.data?.data;
  const backups = useMemo(() => data?.backups ?? [], [data]);
  const chartOption = useMemo(() => {
    const points = [...backups].reverse();
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: points.map((b) => dayjs(b.createdAt).format('MM-DD HH:mm')),
      },
      yAxis: { type: 'value', name: t('chart.size') },
      series: [
        {
          type: 'bar',
          name: t('chart.size'),
          data: points.map((b) => Math.round((b.bytes / 1024) * 10) / 10),
        },
      ],
    };
  }, [backups, t]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const schedule = data?.schedule;
  const running = (data?.jobs ?? []).some((j) => j.state === 'queued' || j.state === 'running');
  const keep = schedule?.keep ?? '';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button
          type="primary"
          loading={running || backUp.isPending}
          disabled={running || schedule?.keyConfigured === false}
          onClick={() => backUp.mutate()}
        >
          {running ? t('running') : t('backUpNow')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Flex gap={12} wrap>
        <Card title={t('schedule.title')} size="small" style={{ flex: '1 1 420px' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('schedule.interval')}>
              {schedule?.interval === 'off' ? t('schedule.off') : schedule?.interval}
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.keep')}>
              {keep.endsWith('d')
                ? t('schedule.keepDays', { n: keep.slice(0, -1) })
                : t('schedule.keepCount', { n: keep })}
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.key')}>
              {schedule?.keySource === 'file'
                ? t('schedule.keyFile')
                : schedule?.keySource === 'secret'
                  ? t('schedule.keySecret')
                  : t('schedule.keyNone')}
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.status')}>
              {schedule?.lastStatus ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.lastRun')}>
              {when(schedule?.lastRunAt) ?? t('schedule.never')}
            </Descriptions.Item>
            <Descriptions.Item label={t('schedule.nextRun')}>
              {when(schedule?.nextRunAt) ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {backups.length > 0 && (
          <Card title={t('chart.title')} size="small" style={{ flex: '1 1 360px' }}>
            <Chart option={chartOption} label={t('chart.label')} height={150} />
          </Card>
        )}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('list.title')}
      </Typography.Title>
      {backups.length === 0 ? (
        <EmptyState text={t('list.empty')} />
      ) : (
        <Table
          size="small"
          rowKey="name"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={backups}
          columns={[
            { title: t('list.time'), dataIndex: 'createdAt', render: (v: string) => when(v) },
            {
              title: t('list.kind'),
              dataIndex: 'kind',
              render: (v: 'scheduled' | 'manual') => <Tag>{t(`list.${v}`)}</Tag>,
            },
            { title: t('list.size'), dataIndex: 'bytes', render: (v: number) => size(v) },
            { title: t('list.tenants'), dataIndex: 'tenants' },
            {
              title: t('list.rows'),
              dataIndex: 'rows',
              render: (v: number | null) => (v === null ? '—' : v.toLocaleString()),
            },
            {
              title: t('list.auditHead'),
              dataIndex: 'auditHead',
              render: (v: { seq?: number; hash?: string } | null) =>
                v?.hash ? (
                  <Tooltip title={v.hash}>
                    <Typography.Text code>
                      #{v.seq} {v.hash.slice(0, 10)}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { title: t('list.keys'), dataIndex: 'dataKeys' },
            {
              title: t('list.verified'),
              key: 'verified',
              render: (_: unknown, b: (typeof backups)[number]) =>
                !b.readable ? (
                  <Tag color="red">{t('list.unreadable')}</Tag>
                ) : b.verified === true ? (
                  <Tag color="green">{t('list.yes')}</Tag>
                ) : b.verified === false ? (
                  <Tag color="red">{t('list.no')}</Tag>
                ) : (
                  <Tag>{t('list.unknown')}</Tag>
                ),
            },
            {
              title: t('list.download'),
              key: 'download',
              render: (_: unknown, b: (typeof backups)[number]) =>
                b.downloadable ? (
                  <a
                    href={`/v1/admin/backups/${encodeURIComponent(b.name)}`}
                    download={b.name}
                    aria-label={t('list.downloadName', { name: b.name })}
                  >
                    {t('list.download')}
                  </a>
                ) : (
                  <Typography.Text type="secondary">{t('list.notDownloadable')}</Typography.Text>
                ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
