import type { ObjectSettings } from '@custos/engine';
import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgWideDefault } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { useObjectSettings } from './sharing-queries.ts';

/** The org-wide defaults (基础数据权限) of the engine. */
export const ORG_WIDE_DEFAULT_OPTIONS = [
  'private',
  'public_read',
  'public_read_write',
] as const satisfies readonly OrgWideDefault[];

/** Org-wide defaults per object; each change is previewed before it is saved. */
export function OrgWideDefaultsTab() {
  const { t } = useTranslation('sharing');
  const objects = useObjectSettings();
  const { save, modal } = useChangeWithPreview();

  if (objects.isPending) return <Loading />;
  if (objects.isError)
    return <ErrorState error={objects.error} onRetry={() => void objects.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('defaults.intro')}</Typography.Paragraph>
      <Table<ObjectSettings>
        rowKey="object"
        size="middle"
        pagination={false}
        dataSource={objects.data.data}
        locale={{ emptyText: <EmptyState /> }}
        columns={[
          {
            title: t('defaults.object'),
            render: (_, o) => t(`common:objects.${o.object}`),
          },
          {
            title: t('defaults.orgWideDefault'),
            render: (_, o) => (
              <Select<OrgWideDefault>
                aria-label={t('defaults.select', { object: t(`common:objects.${o.object}`) })}
                data-testid={`owd-${o.object}`}
                value={o.orgWideDefault}
                style={{ minWidth: 180 }}
                options={ORG_WIDE_DEFAULT_OPTIONS.map((v) => ({ value: v, label: t(`owd.${v}`) }))}
                onChange={(orgWideDefault) => {
                  if (orgWideDefault !== o.orgWideDefault)
                    save([
                      { kind: 'object.set_org_wide_default', object: o.object, orgWideDefault },
                    ]);
                }}
              />
            ),
          },
          {
            title: t('defaults.controlledByParent'),
            render: (_, o) =>
              o.controlledByParent
                ? t('defaults.controlledByParentYes')
                : t('defaults.controlledByParentNo'),
          },
        ]}
      />
      {modal}
    </>
  );
}
