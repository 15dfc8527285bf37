import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../shared/chart.tsx';
import { EmptyState } from '../shared/page-state.tsx';

export interface FigureRow {
  key: string;
  label: string;
  value: number;
}

/**
 * One chart of the admin home, with its numbers a click away as a table (the same rows), and
 * always in a visually hidden list for screen readers.
 */
export function FigureCard({
  title,
  label,
  option,
  rows,
  labelTitle,
  valueTitle,
  testId,
}: {
  title: string;
  label: string;
  option: EChartsCoreOption;
  rows: FigureRow[];
  labelTitle: string;
  valueTitle: string;
  testId: string;
}) {
  const { t } = useTranslation('adminHome');
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <h2 id={headingId} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </h2>
      }
      extra={
        rows.length > 0 && (
          <Button
            size="small"
            icon={asTable ? <BarChartOutlined /> : <TableOutlined />}
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t('showChart') : t('showTable')}
          </Button>
        )
      }
      styles={{ body: { minHeight: 236 } }}
    >
      {rows.length === 0 ? (
        <EmptyState />
      ) : asTable ? (
        <Table
          size="small"
          aria-labelledby={headingId}
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 6 ? { pageSize: 6, size: 'small' } : false}
          columns={[
            { title: labelTitle, dataIndex: 'label' },
            { title: valueTitle, dataIndex: 'value', align: 'right' },
          ]}
        />
      ) : (
        <>
          <Chart option={option} label={label} height={220} />
          <ul className="custos-visually-hidden" aria-label={label}>
            {rows.map((r) => (
              <li key={r.key}>
                {r.label}: {r.value}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
