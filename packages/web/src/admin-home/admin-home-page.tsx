import { Card, Col, Row, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { FigureCard, type FigureRow } from './figure-card.tsx';
import { useAdminOverview, type AdminOverview } from './use-admin-overview.ts';

type RecentChange = AdminOverview['recentChanges'][number];

function barOption(rows: FigureRow[], horizontal = false): EChartsCoreOption {
  const categories = rows.map((r) => r.label);
  const values = rows.map((r) => r.value);
  const category = {
    type: 'category',
    data: categories,
    axisLabel: {
      interval: 0,
      ...(horizontal ? { width: 96, overflow: 'truncate' } : { rotate: 30 }),
    },
  };
  const value = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      { type: 'bar', data: values, label: { show: true, position: horizontal ? 'right' : 'top' } },
    ],
  };
}

function pieOption(rows: FigureRow[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        top: -16,
        data: rows.map((r) => ({ name: r.label, value: r.value })),
        label: { formatter: '{b}: {c}' },
      },
    ],
  };
}

/**
 * The admin home (`/admin`): users per role and per department, the customers the admin may
 * read per sensitivity and per owning department (`GET /v1/admin/overview`), as charts with their
 * numbers, and the recent permission changes.
 */
export function AdminHomePage() {
  const { t, i18n } = useTranslation('adminHome');
  const overview = useAdminOverview();
  const language = i18n.language as Language;

  const figures = useMemo(() => {
    const data = overview.data;
    if (data === undefined) return null;
    const usersPerRole = data.usersPerRole.map((r) => ({
      key: r.roleId,
      label: r.roleName,
      value: r.activeUsers,
    }));
    const customersPerSensitivity = data.customersPerSensitivity.map((r) => ({
      key: r.sensitivity,
      label: t(`sensitivity.${r.sensitivity}`),
      value: r.customers,
    }));
    const customersPerDepartment = data.customersPerDepartment.map((r) => ({
      key: r.departmentId ?? '',
      label: r.departmentName ?? t('noDepartment'),
      value: r.customers,
    }));
    const usersPerDepartment = data.usersPerDepartment.map((r) => ({
      key: r.departmentId ?? '',
      label: r.departmentName ?? t('noDepartment'),
      value: r.activeUsers,
    }));
    return {
      usersPerRole,
      customersPerSensitivity,
      customersPerDepartment,
      usersPerDepartment,
      options: {
        usersPerRole: barOption(usersPerRole, true),
        customersPerSensitivity: pieOption(customersPerSensitivity.filter((r) => r.value > 0)),
        customersPerDepartment: barOption(customersPerDepartment, true),
        usersPerDepartment: barOption(usersPerDepartment, true),
      },
    };
  }, [overview.data, t]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {overview.isPending && <Loading />}
      {overview.isError && (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      )}
      {figures !== null && overview.data !== undefined && (
        <>
          <Row gutter={[16, 16]}>
            {(
              [
                ['usersPerRole', 'role', 'users'],
                ['customersPerSensitivity', 'sensitivity', 'customers'],
                ['customersPerDepartment', 'department', 'customers'],
                ['usersPerDepartment', 'department', 'users'],
              ] as const
            ).map(([figure, labelKey, valueKey]) => (
              <Col key={figure} xs={24} lg={12}>
                <FigureCard
                  testId={`figure-${figure}`}
                  title={t(`${figure}.title`)}
                  label={t(`${figure}.label`)}
                  labelTitle={t(`${figure}.${labelKey}`)}
                  valueTitle={t(`${figure}.${valueKey}`)}
                  option={figures.options[figure]}
                  rows={figures[figure]}
                />
              </Col>
            ))}
          </Row>
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('changes.title')}</h2>}
          >
            {overview.data.recentChanges.length === 0 ? (
              <Typography.Paragraph data-testid="recent-changes" style={{ margin: 0 }}>
                {t('changes.empty')}
              </Typography.Paragraph>
            ) : (
              <Table<RecentChange>
                size="small"
                data-testid="recent-changes"
                rowKey={(c) => `${c.version}.${c.seq}`}
                dataSource={overview.data.recentChanges}
                pagination={false}
                columns={[
                  {
                    title: t('changes.when'),
                    dataIndex: 'at',
                    width: 170,
                    render: (at: string) => (
                      <time dateTime={at}>{dayjs(at).format('YYYY-MM-DD HH:mm')}</time>
                    ),
                  },
                  {
                    title: t('changes.who'),
                    width: 120,
                    render: (_, c) => c.actor?.name ?? t('changes.system'),
                  },
                  {
                    title: t('changes.what'),
                    width: 220,
                    render: (_, c) => {
                      const kind = t(`entityKinds.${c.entity.kind}`, {
                        defaultValue: c.entity.kind,
                      });
                      const name = c.entity.name ?? c.entity.id;
                      return name === null ? kind : `${kind} · ${name}`;
                    },
                  },
                  { title: t('changes.summary'), render: (_, c) => c.summary[language] },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </>
  );
}
