import { Alert, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { diffLines, valueText, type AuditEvent } from './audit-api.ts';

/** An event's before and after as a table of changed keys, with what is masked or left out. */
export function EventDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const lines = diffLines(event);
  const masked = event.maskedFields ?? [];
  return (
    <Flex vertical gap={8}>
      {lines.length === 0 ? (
        <Typography.Text type="secondary">{t('drawer.noChange')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={lines}
          data-testid="event-diff"
          columns={[
            { title: t('drawer.field'), dataIndex: 'key', key: 'key' },
            {
              title: t('drawer.before'),
              key: 'before',
              render: (_: unknown, l: (typeof lines)[number]) => (
                <Typography.Text
                  delete={
                    l.before !== undefined &&
                    l.after !== undefined &&
                    JSON.stringify(l.before) !== JSON.stringify(l.after)
                  }
                >
                  {valueText(l.before)}
                </Typography.Text>
              ),
            },
            {
              title: t('drawer.after'),
              key: 'after',
              render: (_: unknown, l: (typeof lines)[number]) => (
                <Typography.Text strong>{valueText(l.after)}</Typography.Text>
              ),
            },
          ]}
        />
      )}
      {masked.length > 0 && (
        <Alert type="info" showIcon title={t('drawer.masked', { fields: masked.join(', ') })} />
      )}
      {(event.hiddenFields ?? 0) > 0 && (
        <Alert type="info" showIcon title={t('drawer.hidden', { count: event.hiddenFields })} />
      )}
    </Flex>
  );
}
