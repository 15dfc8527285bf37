import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { useRoles } from '../roles/role-queries.ts';
import { SodRuleEditor } from './sod-rule-editor.tsx';
import { refKey, useSodConflicts, useSodRules, type SodRule } from './sod-queries.ts';
import { usePermissionWords } from './sod-words.ts';

/**
 * 职责分离 (`/admin/sod`): the SoD rules (create, edit, delete — each previewed) and the users who
 * already hold two members of a rule, with how they hold each.
 */
export function SodPage() {
  const { t } = useTranslation('sod');
  const rules = useSodRules();
  const conflicts = useSodConflicts();
  const roles = useRoles();
  const { save, modal } = useChangeWithPreview();
  const [editing, setEditing] = useState<SodRule | 'new' | null>(null);
  const words = usePermissionWords(roles.data ?? []);

  const failed = [rules, conflicts, roles].find((q) => q.isError);
  if (failed !== undefined)
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (rules.data === undefined || conflicts.data === undefined || roles.data === undefined)
    return <Loading />;
  const roleName = (id: string) => roles.data.find((r) => r.id === id)?.name ?? id;
  const rows = conflicts.data.flatMap((r) =>
    r.conflicts.map((c) => ({ ...c, ruleName: r.ruleName, key: `${r.ruleId}/${c.userId}` })),
  );

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('create')}
        </Button>
      </Space>
      <Table<SodRule>
        rowKey="id"
        size="middle"
        dataSource={rules.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState /> }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          {
            title: t('members'),
            render: (_, r) => (
              <>
                {[r.left, r.right, ...(r.others ?? [])].map((m) => (
                  <Tag key={refKey(m)}>{words(refKey(m))}</Tag>
                ))}
              </>
            ),
          },
          {
            title: t('kind'),
            render: (_, r) => ((r.others ?? []).length > 0 ? t('kindSet') : t('kindPair')),
          },
          {
            title: t('common:actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('common:edit')}
                </Button>
                <Popconfirm
                  title={t('deleteConfirm', { name: r.name })}
                  okText={t('common:confirm')}
                  cancelText={t('common:cancel')}
                  onConfirm={() => save([{ kind: 'sod_rule.delete', id: r.id }])}
                >
                  <Button size="small" danger>
                    {t('common:delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('conflictsTitle')}</h2>}
        style={{ marginTop: 16 }}
      >
        <Table
          rowKey="key"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState text={t('noConflicts')} /> }}
          columns={[
            { title: t('rule'), dataIndex: 'ruleName' },
            { title: t('user'), render: (_, c) => `${c.userName} (${c.userId})` },
            {
              title: t('heldHow'),
              render: (_, c) => (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {c.held.map((h) => (
                    <li key={h.key}>
                      {words(h.key)} —{' '}
                      {h.via
                        .map((v) =>
                          v.kind === 'role'
                            ? t('viaRole', { name: roleName(v.roleId ?? '') })
                            : v.groupId === undefined
                              ? t('viaGrant', { id: v.grantId })
                              : t('viaGroupGrant', { id: v.grantId, group: v.groupId }),
                        )
                        .join(t('listSeparator'))}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Card>
      {editing !== null && (
        <SodRuleEditor
          rule={editing === 'new' ? null : editing}
          roles={roles.data}
          onClose={() => setEditing(null)}
        />
      )}
      {modal}
    </>
  );
}
