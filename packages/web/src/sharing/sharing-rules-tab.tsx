import type { Criterion } from '@custos/engine';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, SharingRule } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { SharingRuleEditor } from './sharing-rule-editor.tsx';
import { useGroups, useObjectSettings, useSharingRules } from './sharing-queries.ts';

/** One criterion in words: `区域 等于 华东`. */
function useCriterionText() {
  const { t } = useTranslation('sharing');
  return (c: Criterion, label: string) => {
    const op = t(`ops.${c.op}`);
    switch (c.op) {
      case 'in':
        return `${label} ${op} ${c.values.map(String).join(' / ')}`;
      case 'between':
        return `${label} ${op} ${String(c.low)} – ${String(c.high)}`;
      default:
        return `${label} ${op} ${String(c.value)}`;
    }
  };
}

/** Sharing rules: the list, and create, edit, delete (each previewed before it is saved). */
export function SharingRulesTab() {
  const { t } = useTranslation('sharing');
  const rules = useSharingRules();
  const objects = useObjectSettings();
  const groups = useGroups();
  const { save, modal } = useChangeWithPreview();
  const [editing, setEditing] = useState<SharingRule | 'new' | null>(null);
  const criterionText = useCriterionText();

  const failed = [rules, objects, groups].find((q) => q.isError);
  if (failed !== undefined)
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (rules.data === undefined || objects.data === undefined || groups.data === undefined)
    return <Loading />;

  const objectList = objects.data.data;
  const groupList: Group[] = groups.data.data;
  const groupName = (id: string) =>
    groupList.find((g) => g.id === id)?.name ?? t('rules.unknownGroup', { id });
  const fieldLabel = (rule: SharingRule, field: string) =>
    objectList.find((o) => o.object === rule.object)?.fields[field]?.label ?? field;

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('rules.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('rules.create')}
        </Button>
      </Space>
      <Table<SharingRule>
        rowKey="id"
        size="middle"
        dataSource={rules.data.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState /> }}
        columns={[
          { title: t('rules.name'), dataIndex: 'name' },
          { title: t('rules.object'), render: (_, r) => t(`common:objects.${r.object}`) },
          {
            title: t('rules.source'),
            render: (_, r) =>
              r.source.kind === 'owner'
                ? t('rules.ownedBy', { group: groupName(r.source.ownerGroupId) })
                : r.source.criteria.length === 0
                  ? t('rules.criteriaSummaryNone')
                  : r.source.criteria
                      .map((c) => criterionText(c, fieldLabel(r, c.field)))
                      .join(` ${t('criteria.and')} `),
          },
          { title: t('rules.target'), render: (_, r) => groupName(r.targetGroupId) },
          { title: t('rules.access'), render: (_, r) => t(`access.${r.access}`) },
          {
            title: t('common:actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('common:edit')}
                </Button>
                <Popconfirm
                  title={t('rules.deleteConfirm', { name: r.name })}
                  okText={t('common:confirm')}
                  cancelText={t('common:cancel')}
                  onConfirm={() => save([{ kind: 'sharing_rule.delete', id: r.id }])}
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
      {editing !== null && (
        <SharingRuleEditor
          rule={editing === 'new' ? null : editing}
          objects={objectList}
          groups={groupList}
          onClose={() => setEditing(null)}
        />
      )}
      {modal}
    </>
  );
}
