import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import type { AdminPage, Grant } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { GrantFormModal } from './grant-form.tsx';
import { useDepartments, useGroups, useUser } from './sharing-queries.ts';

const PAGE = 50;

function UserName({ id }: { id: string }) {
  const user = useUser(id);
  return <>{user.data === undefined ? id : `${user.data.name} (${id})`}</>;
}

function OwnerTarget({ id }: { id: string }) {
  const { t } = useTranslation('sharing');
  const user = useUser(id);
  return <>{t('grants.ownerTarget', { name: user.data?.name ?? id })}</>;
}

function when(ms: number | null | undefined, none: string): string {
  return ms == null ? none : dayjs(ms).format('YYYY-MM-DD HH:mm');
}

/** Grants (临时授权): the list, create (with an expiry), revoke — each previewed. */
export function GrantsTab() {
  const { t } = useTranslation('sharing');
  const { save, modal } = useChangeWithPreview();
  const [creating, setCreating] = useState(false);
  const groups = useGroups();
  const departments = useDepartments();
  const grants = useInfiniteQuery({
    queryKey: ['admin', 'grants'],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: AdminPage<Grant>) => last.nextCursor ?? undefined,
    queryFn: async ({ pageParam }) =>
      (await unwrap(
        api.GET('/v1/admin/grants', {
          params: {
            query: { limit: PAGE, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
          },
        }),
      )) as unknown as AdminPage<Grant>,
  });

  if (grants.isError)
    return <ErrorState error={grants.error} onRetry={() => void grants.refetch()} />;
  if (grants.isPending) return <Loading />;

  const groupName = (id: string) => groups.data?.data.find((g) => g.id === id)?.name ?? id;
  const departmentName = (id: string) =>
    departments.data?.data.find((d) => d.id === id)?.name ?? id;
  const rows = grants.data.pages.flatMap((p) => p.data);

  const targetText = (g: Grant) => {
    const object = t(`common:objects.${g.object}`);
    switch (g.target.kind) {
      case 'record':
        return t('grants.recordTarget', { object, id: g.target.recordId });
      case 'department':
        return t(
          g.target.includeSubdepartments
            ? 'grants.departmentTreeTarget'
            : 'grants.departmentTarget',
          { name: departmentName(g.target.departmentId) },
        );
      case 'owner':
        return <OwnerTarget id={g.target.userId} />;
      case 'all':
        return t('grants.allRecords', { object });
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('grants.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('grants.create')}
        </Button>
      </Space>
      <Table<Grant>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState text={t('grants.empty')} /> }}
        columns={[
          { title: t('grants.id'), dataIndex: 'id' },
          {
            title: t('grants.subject'),
            render: (_, g) =>
              g.subject.kind === 'user' ? (
                <UserName id={g.subject.userId} />
              ) : (
                `${groupName(g.subject.groupId)} · ${t('grants.subjectKinds.group')}`
              ),
          },
          { title: t('grants.object'), render: (_, g) => t(`common:objects.${g.object}`) },
          { title: t('grants.target'), render: (_, g) => targetText(g) },
          { title: t('grants.access'), render: (_, g) => t(`access.${g.access}`) },
          {
            title: t('grants.startsAt'),
            render: (_, g) => when(g.startsAt, t('grants.immediately')),
          },
          {
            title: t('grants.expiresAt'),
            render: (_, g) => when(g.expiresAt, t('grants.noExpiry')),
          },
          {
            title: t('grants.reason'),
            width: 200,
            ellipsis: { showTitle: true },
            render: (_, g) => g.reason ?? '',
          },
          {
            title: t('common:actions'),
            fixed: 'right',
            render: (_, g) => (
              <Popconfirm
                title={t('grants.revokeLabel', { id: g.id })}
                okText={t('common:confirm')}
                cancelText={t('common:cancel')}
                onConfirm={() => save([{ kind: 'grant.revoke', id: g.id }])}
              >
                <Button size="small" danger>
                  {t('grants.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {grants.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={grants.isFetchingNextPage}
          onClick={() => void grants.fetchNextPage()}
        >
          {t('grants.loadMore')}
        </Button>
      )}
      {creating && <GrantFormModal onClose={() => setCreating(false)} />}
      {modal}
    </>
  );
}
