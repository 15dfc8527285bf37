import { Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyAccess } from './use-my-access.ts';

const DATE_TIME = 'YYYY-MM-DD HH:mm';

function CardTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** The function permissions my roles give, in words; one an SoD rule blocks is marked. */
export function FunctionsCard({ functions }: { functions: MyAccess['functions'] }) {
  const { t } = useTranslation('me');
  return (
    <Card title={<CardTitle>{t('functionsTitle')}</CardTitle>} data-testid="functions">
      {functions.length === 0 ? (
        <Typography.Text type="secondary">{t('noFunctions')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {functions.map((f) => (
            <li key={f.name} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space orientation="vertical" size={0}>
                <Typography.Text delete={f.blockedBy !== null}>
                  {t(`functions.${f.name}`, { defaultValue: f.name })}
                </Typography.Text>
                <Typography.Text type="secondary" code>
                  {f.name}
                </Typography.Text>
                {f.blockedBy !== null && (
                  <Tag color="red">{t('functionBlocked', { rule: f.blockedBy.name })}</Tag>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The customers whose team I am on: how many, and the first ones as links. */
export function TeamsCard({ teams }: { teams: MyAccess['teams'] }) {
  const { t } = useTranslation('me');
  return (
    <Card title={<CardTitle>{t('teamsTitle')}</CardTitle>} data-testid="teams">
      {teams.count === 0 ? (
        <Typography.Text type="secondary">{t('noTeams')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph data-testid="teams-count">
            {teams.countExact
              ? t('teamsCount', { count: teams.count })
              : t('teamsCountAtLeast', { count: teams.count })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('teamsShown', { count: teams.customers.length })}
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {teams.customers.map((c) => (
              <li key={c.id} style={{ padding: '2px 0' }}>
                <Link to={`/records/customers/${encodeURIComponent(c.id)}`}>
                  {c.name ?? t('unnamedCustomer')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** The grants in effect for me (to me or a group of mine), soonest to expire first. */
export function GrantsCard({ grants }: { grants: MyAccess['grants'] }) {
  const { t } = useTranslation('me');
  const target = (g: MyAccess['grants'][number]): string => {
    const name = g.target.name ?? t('unknownName');
    switch (g.target.kind) {
      case 'record':
        return t('grantTarget.record', { name });
      case 'department':
        return g.target.includeSubdepartments
          ? t('grantTarget.departmentTree', { name })
          : t('grantTarget.department', { name });
      case 'owner':
        return t('grantTarget.owner', { name });
      case 'all':
        return t('grantTarget.all');
    }
  };
  return (
    <Card title={<CardTitle>{t('grantsTitle')}</CardTitle>} data-testid="grants">
      {grants.length === 0 ? (
        <Typography.Text type="secondary">{t('noGrants')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={grants}
          columns={[
            {
              title: t('grantObject'),
              dataIndex: 'object',
              render: (o: string) => t(`common:objects.${o}`),
            },
            {
              title: t('grantAccessLabel'),
              dataIndex: 'access',
              render: (a: string) => t(`grantAccess.${a}`),
            },
            { title: t('grantTargetLabel'), key: 'target', render: (_, g) => target(g) },
            {
              title: t('grantViaLabel'),
              key: 'via',
              render: (_, g) =>
                g.via.kind === 'group'
                  ? t('grantVia.group', { group: g.via.groupName ?? g.via.groupId })
                  : t('grantVia.user'),
            },
            {
              title: t('grantStarts'),
              dataIndex: 'startsAt',
              render: (at: string | null) =>
                at === null ? t('immediately') : dayjs(at).format(DATE_TIME),
            },
            {
              title: t('grantExpires'),
              dataIndex: 'expiresAt',
              render: (at: string | null) =>
                at === null ? t('noExpiry') : dayjs(at).format(DATE_TIME),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The sharing rules whose target group contains me. */
export function SharingRulesCard({ rules }: { rules: MyAccess['sharingRules'] }) {
  const { t } = useTranslation('me');
  return (
    <Card title={<CardTitle>{t('rulesTitle')}</CardTitle>} data-testid="sharing-rules">
      {rules.length === 0 ? (
        <Typography.Text type="secondary">{t('noRules')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={rules}
          columns={[
            { title: t('ruleName'), dataIndex: 'name' },
            {
              title: t('ruleObject'),
              dataIndex: 'object',
              render: (o: string) => t(`common:objects.${o}`),
            },
            {
              title: t('ruleAccessLabel'),
              dataIndex: 'access',
              render: (a: string) => t(`ruleAccess.${a}`),
            },
          ]}
        />
      )}
    </Card>
  );
}
