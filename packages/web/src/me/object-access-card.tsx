import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyObjectAccess } from './use-my-access.ts';

/**
 * One object as I may use it: the organisation-wide default, the scope of each action in plain
 * words with the roles giving it (and an SoD block), and the fields I do not edit.
 */
export function ObjectAccessCard({ access }: { access: MyObjectAccess }) {
  const { t } = useTranslation('me');
  const object = t(`common:objects.${access.object}`);
  const fields = Object.entries(access.fieldLevels).map(([field, level]) => ({
    key: field,
    field,
    level,
  }));
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('objectSection', { object })}
        </Typography.Title>
      }
      data-testid="object-access"
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('orgWideDefaultLabel')}>
          {t(`orgWideDefault.${access.orgWideDefault}`)}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="action"
        dataSource={access.actions}
        data-testid="scope-table"
        columns={[
          {
            title: t('action'),
            dataIndex: 'action',
            render: (action: string) => t(`common:actionNames.${action}`),
          },
          {
            title: t('scopeLabel'),
            dataIndex: 'scope',
            render: (scope: string, row) =>
              row.blockedBy !== null ? (
                <Typography.Text delete type="secondary">
                  {t(`scope.${scope}`)}
                </Typography.Text>
              ) : (
                <Typography.Text
                  strong={scope !== 'none'}
                  type={scope === 'none' ? 'secondary' : undefined}
                >
                  {t(`scope.${scope}`)}
                </Typography.Text>
              ),
          },
          {
            title: t('givenBy'),
            dataIndex: 'roles',
            render: (roles: MyObjectAccess['actions'][number]['roles'], row) => (
              <Space size={4} wrap>
                {roles.map((r) => (
                  <Tag key={r.id}>{r.name}</Tag>
                ))}
                {row.blockedBy !== null && (
                  <Tag color="red">{t('blockedBy', { rule: row.blockedBy.name })}</Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
        {t('fieldsTitle')}
      </Typography.Title>
      {fields.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noRestrictedFields')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('fieldsIntro')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            dataSource={fields}
            data-testid="field-levels"
            columns={[
              {
                title: t('field'),
                dataIndex: 'field',
                render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
              },
              {
                title: t('fieldLevelLabel'),
                dataIndex: 'level',
                render: (level: string) => (
                  <Tag
                    color={level === 'hidden' ? 'default' : level === 'masked' ? 'purple' : 'blue'}
                  >
                    {t(`fieldLevel.${level}`)}
                  </Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
