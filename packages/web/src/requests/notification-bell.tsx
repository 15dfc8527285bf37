import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { ErrorState } from '../shared/page-state.tsx';
import { notificationText } from './notification-text.ts';

const KEY = ['me', 'notifications'] as const;

/** The header's bell: unread count, the latest notifications in words, mark read, links. */
export function NotificationBell() {
  const { t } = useTranslation(['requests', 'common']);
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: KEY,
    queryFn: () => unwrap(api.GET('/v1/me/notifications', { params: { query: { limit: 10 } } })),
    refetchInterval: 60_000,
  });
  const mark = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      unwrap(api.POST('/v1/me/notifications/read', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const unread = notifications.data?.unread ?? 0;
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {notifications.error !== null ? (
        <ErrorState error={notifications.error} />
      ) : (
        <List
          size="small"
          locale={{ emptyText: t('bell.empty') }}
          dataSource={notifications.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              actions={[
                ...(n.link === null
                  ? []
                  : [
                      <Link key="open" to={n.link} onClick={() => setOpen(false)}>
                        {t('bell.open')}
                      </Link>,
                    ]),
                ...(n.readAt === null
                  ? [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={() => mark.mutate({ ids: [n.id] })}
                      >
                        {t('bell.markRead')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <Space direction="vertical" size={0}>
                <Typography.Text strong={n.readAt === null}>
                  {notificationText(t, n.kind, n.params)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <span>{t('bell.title')}</span>
          <Button size="small" disabled={unread === 0} onClick={() => mark.mutate({ all: true })}>
            {t('bell.markAll')}
          </Button>
        </Space>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          data-testid="notification-bell"
          aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
          icon={<BellOutlined style={{ fontSize: 18 }} />}
        />
      </Badge>
    </Popover>
  );
}
