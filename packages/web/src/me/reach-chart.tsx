import { Card, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../shared/chart.tsx';
import { countText } from './count-text.ts';
import type { MyReach } from './use-my-access.ts';

/**
 * How many records of the object I can read, in all (the list's own total) and per access path
 * (a record on two paths counts in both): a bar chart and the same figures as a table.
 */
export function ReachChart({ reach }: { reach: MyReach }) {
  const { t, i18n } = useTranslation('me');
  const language = i18n.language;
  const object = t(`common:objects.${reach.object}`);
  const total = countText(reach.total, reach.totalExact, language);
  const rows = reach.paths.map((p) => ({
    key: p.path,
    path: p.path,
    label: t(`path.${p.path}`),
    count: p.count,
    exact: p.exact,
  }));
  const option = useMemo(
    () => ({
      aria: {
        enabled: true,
        // ECharts puts this on the chart's box as its accessible name.
        label: { description: t('reachChart', { object, total }) },
      },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          name: t('reachCount'),
          data: rows.map((r) => r.count),
          barMaxWidth: 18,
          itemStyle: { color: '#1668dc' },
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => {
              const row = rows[p.dataIndex];
              return row === undefined ? '' : countText(row.count, row.exact, language);
            },
          },
        },
      ],
    }),
    // The rows are derived from `reach` and the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reach, language],
  );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('reachTitle', { object })}
        </Typography.Title>
      }
      data-testid="reach"
    >
      <Statistic
        title={t('reachTotal', { object })}
        value={total}
        valueRender={() => <span data-testid="reach-total">{total}</span>}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('reachNote')}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: '2 1 420px', minWidth: 0 }} data-testid="reach-chart">
          <Chart
            option={option}
            label={t('reachChart', { object, total })}
            height={Math.max(220, rows.length * 30)}
          />
        </div>
        <Table
          style={{ flex: '1 1 260px' }}
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="reach-table"
          columns={[
            { title: t('reachPath'), dataIndex: 'label' },
            {
              title: t('reachCount'),
              dataIndex: 'count',
              align: 'right',
              render: (_: number, row) => (
                <span data-testid={`reach-${row.path}`}>
                  {countText(row.count, row.exact, language)}
                </span>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
