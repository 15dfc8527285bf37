import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { NEW_ROLE } from './role-draft.ts';
import { useHoldersPerRole, useRoles } from './role-queries.ts';

/** How many objects, functions and field settings a role has (for the list's summary column). */
function counts(role: Role) {
  return {
    objects: Object.keys(role.objects).length,
    functions: role.functions.length,
    fields: Object.values(role.fields).reduce((n, f) => n + Object.keys(f ?? {}).length, 0),
  };
}

/**
 * `/admin/roles` — every role with how many active users hold it (`GET /v1/admin/overview`),
 * and its actions: edit, clone, compare, delete (the API refuses a role still held; the preview
 * shows its error).
 */
export function RolesPage() {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const roles = useRoles();
  const holders = useHoldersPerRole();
  const [selected, setSelected] = useState<string[]>([]);
  const { save, modal } = useChangeWithPreview();

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Space>
          <Button
            disabled={selected.length !== 2}
            onClick={() => void navigate(`/admin/roles/compare?a=${selected[0]}&b=${selected[1]}`)}
          >
            {t('list.compareSelected')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate(`/admin/roles/${NEW_ROLE}`)}
          >
            {t('list.create')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('list.intro')} {t('list.compareHint')}
      </Typography.Paragraph>
      {roles.isPending && <Loading />}
      {roles.isError && <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />}
      {roles.isSuccess && roles.data.length === 0 && <EmptyState text={t('list.empty')} />}
      {roles.isSuccess && roles.data.length > 0 && (
        <Table<Role>
          size="middle"
          rowKey="id"
          dataSource={roles.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String).slice(-2)),
            getCheckboxProps: (role) => ({
              'aria-label': t('list.selectLabel', { name: role.name }),
            }),
            hideSelectAll: true,
          }}
          columns={[
            {
              title: t('list.name'),
              render: (_, role) => <Link to={`/admin/roles/${role.id}`}>{role.name}</Link>,
            },
            {
              title: t('list.id'),
              dataIndex: 'id',
              render: (id: string) => <Typography.Text type="secondary">{id}</Typography.Text>,
            },
            {
              title: t('list.holders'),
              width: 110,
              render: (_, role) => {
                const n = holders.data?.get(role.id);
                return n === undefined
                  ? holders.isError
                    ? '—'
                    : tc('loading')
                  : t('list.holdersCount', { count: n });
              },
            },
            {
              title: t('list.summary'),
              render: (_, role) => t('list.summaryText', counts(role)),
            },
            {
              title: tc('actions'),
              width: 300,
              render: (_, role) => (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    type="link"
                    aria-label={t('list.editLabel', { name: role.name })}
                    onClick={() => void navigate(`/admin/roles/${role.id}`)}
                  >
                    {t('list.edit')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    aria-label={t('list.cloneLabel', { name: role.name })}
                    onClick={() =>
                      void navigate(`/admin/roles/${NEW_ROLE}?from=${encodeURIComponent(role.id)}`)
                    }
                  >
                    {t('list.clone')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    aria-label={t('list.compareLabel', { name: role.name })}
                    onClick={() =>
                      void navigate(`/admin/roles/compare?a=${encodeURIComponent(role.id)}`)
                    }
                  >
                    {t('list.compare')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    aria-label={t('list.deleteLabel', { name: role.name })}
                    onClick={() => save([{ kind: 'role.delete', id: role.id }])}
                  >
                    {t('list.delete')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {holders.isError && <ErrorState error={holders.error} />}
      {modal}
    </Flex>
  );
}
