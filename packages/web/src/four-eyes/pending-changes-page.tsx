import { Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { PENDING_STATUSES, usePendingChanges, type PendingStatus } from './four-eyes-api.ts';

export function StatusTag({ status }: { status: PendingStatus }) {
  const { t } = useTranslation('fourEyes');
  return <Tag>{t(`status.${status}`)}</Tag>;
}

/**
 * `/admin/pending-changes` — 待复核变更: sensitive configuration changes waiting for a second
 * administrator, and the decided ones (history), newest first, filtered by status.
 */
export function PendingChangesPage() {
  const { t } = useTranslation('fourEyes');
  const [status, setStatus] = useState<PendingStatus | 'all'>('pending');
  const list = usePendingChanges(status === 'all' ? undefined : status);

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('list.intro')}
      </Typography.Paragraph>
      <Flex gap={8} align="center">
        <label htmlFor="pending-status">{t('list.filter')}</label>
        <Select
          id="pending-status"
          aria-label={t('list.filter')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('status.all') },
            ...PENDING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </Flex>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data !== undefined && list.data.data.length === 0 && (
        <EmptyState text={t('list.empty')} />
      )}
      {list.data !== undefined && list.data.data.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          dataSource={list.data.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('list.id'),
              render: (_, p) => (
                <Link
                  to={`/admin/pending-changes/${p.id}`}
                  aria-label={t('list.open', { id: p.id })}
                >
                  #{p.id}
                </Link>
              ),
            },
            { title: t('list.author'), dataIndex: 'authorName' },
            {
              title: t('list.what'),
              render: (_, p) => p.kinds.join(', '),
            },
            {
              title: t('list.categories'),
              render: (_, p) => p.categories.map((c) => <Tag key={c}>{t(`categories.${c}`)}</Tag>),
            },
            {
              title: t('list.submittedAt'),
              render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm'),
            },
            { title: t('list.status'), render: (_, p) => <StatusTag status={p.status} /> },
            { title: t('list.decidedBy'), render: (_, p) => p.decidedByName ?? '—' },
          ]}
        />
      )}
    </Flex>
  );
}
