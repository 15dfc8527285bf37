import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, forgetCsrfToken, unwrap } from '../api/client.ts';
import { ErrorState, errorText } from '../shared/page-state.tsx';

const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const SESSIONS_KEY = ['account', 'sessions'] as const;

/** My sessions (`/v1/auth/sessions`): list, end one, sign out everywhere. */
export function SessionsCard() {
  const { t } = useTranslation('account');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => unwrap(api.GET('/v1/auth/sessions')),
  });

  const signedOut = () => {
    forgetCsrfToken();
    queryClient.clear();
    void navigate('/login', { replace: true });
  };

  const end = async (id: string, current: boolean) => {
    try {
      await unwrap(
        api.DELETE('/v1/auth/sessions/{id}', { params: { path: { id } }, body: {} as never }),
      );
      if (current) return signedOut();
      void message.success(t('sessions.ended'));
      await queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const everywhere = async () => {
    try {
      await unwrap(api.DELETE('/v1/auth/sessions', { body: {} as never }));
      signedOut();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('sessions.title')}
        </Typography.Title>
      }
      extra={
        <Popconfirm
          title={t('sessions.everywhereConfirm')}
          okText={t('common:confirm')}
          cancelText={t('common:cancel')}
          onConfirm={() => everywhere()}
        >
          <Button danger>{t('sessions.everywhere')}</Button>
        </Popconfirm>
      }
      data-testid="sessions-card"
    >
      <Typography.Paragraph type="secondary">{t('sessions.intro')}</Typography.Paragraph>
      {sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={sessions.isPending}
          pagination={false}
          dataSource={sessions.data?.data ?? []}
          locale={{ emptyText: <Typography.Text>{t('sessions.empty')}</Typography.Text> }}
          scroll={{ x: true }}
          columns={[
            {
              title: t('sessions.device'),
              dataIndex: 'userAgent',
              width: 360,
              ellipsis: true,
              render: (ua: string | null, row) => (
                <>
                  {row.current && (
                    <Tag color="blue" data-testid="current-session">
                      {t('sessions.current')}
                    </Tag>
                  )}
                  <span title={ua ?? undefined}>{ua ?? t('sessions.unknown')}</span>
                </>
              ),
            },
            {
              title: t('sessions.ip'),
              dataIndex: 'ip',
              render: (ip: string | null) => ip ?? t('sessions.unknown'),
            },
            {
              title: t('sessions.started'),
              dataIndex: 'createdAt',
              render: (at: string) => dayjs(at).format(DATE_TIME),
            },
            {
              title: t('sessions.lastSeen'),
              dataIndex: 'lastSeenAt',
              render: (at: string) => dayjs(at).format(DATE_TIME),
            },
            {
              title: t('sessions.expires'),
              dataIndex: 'expiresAt',
              render: (at: string) => dayjs(at).format(DATE_TIME),
            },
            {
              title: t('common:actions'),
              key: 'end',
              render: (_, row) => (
                <Popconfirm
                  title={row.current ? t('sessions.endCurrentConfirm') : t('sessions.endConfirm')}
                  okText={t('common:confirm')}
                  cancelText={t('common:cancel')}
                  onConfirm={() => end(row.id, row.current)}
                >
                  <Button size="small" danger data-testid={`end-session-${row.id}`}>
                    {t('sessions.end')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
