import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { Chart } from '../shared/chart.tsx';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import type { CampaignView, ReviewItemView } from './review-types.ts';

/**
 * One campaign (`/reviews/campaigns/:id`): its snapshot hash, progress by reviewer (chart), every
 * item with its decision, reason, audit events and re-check, and the signed evidence exports.
 */
export function CampaignDetailPage() {
  const { t } = useTranslation('reviews');
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['reviews', 'campaign', id],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/reviews/campaigns/{id}', { params: { path: { id } } }),
      )) as unknown as {
        campaign: CampaignView;
        items: ReviewItemView[];
      },
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { campaign, items } = query.data;
  const byReviewer = Object.entries(campaign.progress?.byReviewer ?? {});
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: byReviewer.map(([r]) => r) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('detail.decided'),
        type: 'bar',
        stack: 'n',
        data: byReviewer.map(([, r]) => r.decided),
      },
      {
        name: t('detail.pending'),
        type: 'bar',
        stack: 'n',
        data: byReviewer.map(([, r]) => r.items - r.decided),
      },
    ],
  };
  const base = `/v1/reviews/campaigns/${encodeURIComponent(campaign.id)}/evidence`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/reviews/campaigns">{t('detail.back')}</Link>
      <Typography.Title level={1}>{campaign.name}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('campaigns.status')}>
          {t(`status.${campaign.status}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.deadline')}>
          {dayjs(campaign.deadline).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.snapshot')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {campaign.snapshotHash ?? ''}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Space>
        <Button href={`${base}.csv`}>{t('detail.exportCsv')}</Button>
        <Button href={`${base}.pdf`}>{t('detail.exportPdf')}</Button>
      </Space>
      <Card title={t('detail.byReviewer')} size="small">
        <Chart option={option} label={t('detail.chartLabel')} height={220} />
      </Card>
      <Table<ReviewItemView>
        rowKey="itemNo"
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: t('detail.item'),
            key: 'no',
            render: (_, i) => `#${i.itemNo} ${i.revieweeId ?? i.grantId ?? ''}`,
          },
          { title: t('detail.reviewer'), dataIndex: 'reviewerId' },
          {
            title: t('campaigns.status'),
            key: 'status',
            render: (_, i) => (
              <span>
                <Tag
                  color={
                    i.status === 'revoked' ? 'red' : i.status === 'pending' ? undefined : 'green'
                  }
                >
                  {t(`status.${i.status}`)}
                </Tag>
                {i.defaulted ? t('detail.defaulted') : ''}
              </span>
            ),
          },
          { title: t('detail.reason'), key: 'reason', render: (_, i) => i.reason ?? '' },
          {
            title: t('detail.recheck'),
            key: 'recheck',
            render: (_, i) =>
              i.recheck === null
                ? ''
                : i.recheck.passed
                  ? t('detail.recheckPassed')
                  : t('detail.recheckFailed'),
          },
          {
            title: t('detail.auditEvents'),
            key: 'audit',
            render: (_, i) => (i.auditEventIds ?? []).join(', '),
          },
        ]}
      />
    </Space>
  );
}
