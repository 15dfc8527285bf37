import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { ErrorState, errorText } from '../shared/page-state.tsx';
import { whatText, type RequestRow } from './request-text.ts';

const STATUS_COLOR = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
  expired: 'default',
} as const;

/** 我的申请 (`/requests`): my requests, newest first; a pending one may be cancelled. */
export function MyRequestsPage() {
  const { t } = useTranslation(['requests', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['requests', 'mine'],
    queryFn: () => unwrap(api.GET('/v1/access-requests', { params: { query: { limit: 100 } } })),
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/v1/access-requests/{id}/cancel', { params: { path: { id } }, body: {} })),
    onSuccess: async () => {
      void message.success(t('mine.cancelled'));
      await queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('mine.title')}
        </Typography.Title>
        <Link to="/requests/new">{t('mine.new')}</Link>
      </Space>
      {mine.error !== null ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <Table<RequestRow>
          rowKey="id"
          size="small"
          loading={mine.isLoading}
          dataSource={(mine.data?.items ?? []) as RequestRow[]}
          locale={{ emptyText: t('mine.empty') }}
          pagination={false}
          columns={[
            { title: t('col.id'), dataIndex: 'id', width: 70 },
            { title: t('col.what'), render: (_, r) => whatText(t, r) },
            { title: t('col.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('col.days'), dataIndex: 'grantedDays', width: 70 },
            {
              title: t('col.status'),
              render: (_, r) => (
                <Tag color={STATUS_COLOR[r.status]} data-testid={`request-status-${r.id}`}>
                  {t(`status.${r.status}`)}
                </Tag>
              ),
            },
            {
              title: t('col.expires'),
              render: (_, r) =>
                r.expiresAt === null || r.expiresAt === undefined
                  ? ''
                  : dayjs(r.expiresAt).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('col.actions'),
              render: (_, r) =>
                r.status === 'pending' ? (
                  <Button size="small" onClick={() => cancel.mutate(r.id)}>
                    {t('mine.cancel')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
