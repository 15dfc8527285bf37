import { Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../shared/chart.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { useRoles } from '../roles/role-queries.ts';
import { useLeastPrivilege } from './sod-queries.ts';
import { usePermissionWords } from './sod-words.ts';

const WINDOWS = [7, 30, 90, 180, 365] as const;

/**
 * 最小权限 (`/admin/least-privilege`): unused permissions per role and repeated denials per user and
 * permission (bar charts), and roles that would fit users better (table), over a window of days.
 */
export function LeastPrivilegePage() {
  const { t } = useTranslation('sod');
  const [days, setDays] = useState<number>(30);
  const report = useLeastPrivilege(days);
  const roles = useRoles();
  const words = usePermissionWords(roles.data ?? []);

  if (report.isError)
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  if (report.data === undefined || roles.data === undefined) return <Loading />;
  const unused = report.data.roles.filter((r) => r.holders > 0 && r.unused.length > 0);
  const denials = report.data.denials.slice(0, 15);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('lp.title')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="lp-days">{t('lp.window')}</label>
        <Select
          id="lp-days"
          value={days}
          onChange={setDays}
          style={{ width: 140 }}
          options={WINDOWS.map((d) => ({ value: d, label: t('lp.days', { count: d }) }))}
        />
      </Space>
      <Row gutter={16}>
        <Col span={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lp.unusedTitle')}</h2>}>
            {unused.length === 0 ? (
              <EmptyState />
            ) : (
              <Chart
                label={t('lp.unusedTitle')}
                height={240}
                option={{
                  grid: { left: 110, right: 16, top: 8, bottom: 24 },
                  tooltip: {},
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', data: unused.map((r) => r.roleName) },
                  series: [
                    { type: 'bar', name: t('lp.unused'), data: unused.map((r) => r.unused.length) },
                  ],
                }}
              />
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lp.denialsTitle')}</h2>}>
            {denials.length === 0 ? (
              <EmptyState />
            ) : (
              <Chart
                label={t('lp.denialsTitle')}
                height={240}
                option={{
                  grid: { left: 160, right: 16, top: 8, bottom: 24 },
                  tooltip: {},
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: {
                    type: 'category',
                    data: denials.map((d) => `${d.userName} · ${words(d.permission)}`),
                  },
                  series: [
                    { type: 'bar', name: t('lp.denials'), data: denials.map((d) => d.denials) },
                  ],
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('lp.suggestionsTitle')}</h2>}
        style={{ marginTop: 16 }}
      >
        <Table
          rowKey="userId"
          size="small"
          dataSource={report.data.suggestions}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState text={t('lp.noSuggestions')} /> }}
          columns={[
            { title: t('user'), render: (_, s) => `${s.userName} (${s.userId})` },
            {
              title: t('lp.current'),
              render: (_, s) =>
                t('lp.rolesWith', {
                  roles: s.currentRoleIds
                    .map((id) => roles.data.find((r) => r.id === id)?.name ?? id)
                    .join(t('listSeparator')),
                  count: s.currentPermissions,
                }),
            },
            {
              title: t('lp.suggested'),
              render: (_, s) =>
                t('lp.roleWith', { role: s.suggestedRoleName, count: s.suggestedPermissions }),
            },
            {
              title: t('lp.evidence'),
              render: (_, s) => s.exercised.map(words).join(t('listSeparator')),
            },
          ]}
        />
      </Card>
    </>
  );
}
