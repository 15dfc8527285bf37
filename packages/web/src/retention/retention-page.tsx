import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { Chart } from '../shared/chart.tsx';
import { EmptyState, ErrorState, Loading, errorText } from '../shared/page-state.tsx';

type Rules = Awaited<ReturnType<typeof listRules>>;
type Rule = Rules['items'][number];
type Preview = Awaited<ReturnType<typeof previewRule>>;

const listRules = () => unwrap(api.GET('/v1/privacy/retention/rules'));
const previewRule = (id: string) =>
  unwrap(
    api.POST('/v1/privacy/retention/rules/{id}/preview', { params: { path: { id } }, body: {} }),
  );

/**
 * "数据保留 / Retention" (privacy_admin): the tenant's rules — what they take, enabled or not, when
 * they last ran and how many went — with a dry run per rule (counts per object as a bar chart),
 * running a rule now, and the legal holds that keep customers out of every rule.
 */
export function RetentionPage() {
  const { t } = useTranslation('retention');
  const { message } = App.useApp();
  const client = useQueryClient();
  const rules = useQuery({ queryKey: ['retention-rules'], queryFn: listRules });
  const holds = useQuery({
    queryKey: ['legal-holds'],
    queryFn: () => unwrap(api.GET('/v1/privacy/legal-holds')),
  });
  const [preview, setPreview] = useState<{ rule: Rule; result: Preview } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['retention-rules'] });
  const toggle = useMutation({
    mutationFn: ({ rule, enabled }: { rule: Rule; enabled: boolean }) =>
      unwrap(
        api.PUT('/v1/privacy/retention/rules/{id}', {
          params: { path: { id: rule.id } },
          body: {
            name: rule.name,
            object: rule.object,
            condition:
              rule.condition?.field === undefined
                ? null
                : {
                    field: rule.condition.field,
                    op: rule.condition.op ?? 'in',
                    values: rule.condition.values ?? [],
                  },
            ageAmount: rule.ageAmount,
            ageUnit: rule.ageUnit,
            ageField: rule.ageField,
            action: rule.action,
            anonymiseFields: rule.anonymiseFields,
            enabled,
          },
        }),
      ),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e)),
  });
  const dryRun = useMutation({
    mutationFn: async (rule: Rule) => ({ rule, result: await previewRule(rule.id) }),
    onSuccess: setPreview,
    onError: (e) => message.error(errorText(e)),
  });
  const run = useMutation({
    mutationFn: (rule: Rule) =>
      unwrap(api.POST('/v1/privacy/retention/run', { body: { ruleIds: [rule.id] } })),
    onSuccess: async () => {
      setPreview(null);
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const when = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
  const condition = (r: Rule) =>
    r.condition?.field === undefined
      ? t('rules.all')
      : `${r.condition.field} ${r.condition.op ?? ''} ${(r.condition.values ?? []).join(', ')}`;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState text={t('rules.empty')} />
      ) : (
        <Table<Rule>
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="retention-rules"
          dataSource={rules.data.items}
          columns={[
            { title: t('rules.name'), dataIndex: 'name' },
            { title: t('rules.object'), render: (_, r) => t(`common:objects.${r.object}`) },
            { title: t('rules.condition'), render: (_, r) => condition(r) },
            {
              title: t('rules.age'),
              render: (_, r) =>
                `${r.ageAmount} ${t(`units.${r.ageUnit}`)} (${r.ageField ?? t('rules.lastChange')})`,
            },
            { title: t('rules.action'), render: (_, r) => t(`actions.${r.action}`) },
            {
              title: t('rules.enabled'),
              render: (_, r) => (
                <Switch
                  aria-label={`${t('rules.enabled')}: ${r.name}`}
                  checked={r.enabled}
                  onChange={(enabled) => toggle.mutate({ rule: r, enabled })}
                />
              ),
            },
            {
              title: t('rules.lastRun'),
              render: (_, r) =>
                r.lastRunAt === null
                  ? t('rules.never')
                  : `${when(r.lastRunAt)} · ${r.lastCount ?? 0}`,
            },
            {
              title: t('rules.actions'),
              render: (_, r) => (
                <Button size="small" onClick={() => dryRun.mutate(r)} loading={dryRun.isPending}>
                  {t('rules.preview')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {preview !== null && (
        <Card
          size="small"
          title={t('preview.title', { name: preview.rule.name })}
          data-testid="retention-preview"
        >
          <Flex vertical gap={8}>
            <Alert
              type={preview.result.total > 0 ? 'warning' : 'info'}
              title={t('preview.total', { count: preview.result.total, held: preview.result.held })}
            />
            {Object.keys(preview.result.byObject).length > 0 && (
              <Chart
                label={t('preview.chart')}
                option={{
                  xAxis: {
                    type: 'category',
                    data: Object.keys(preview.result.byObject).map((o) => t(`common:objects.${o}`)),
                  },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', data: Object.values(preview.result.byObject) }],
                }}
              />
            )}
            {preview.result.total > 0 && (
              <div>
                <Button danger onClick={() => run.mutate(preview.rule)} loading={run.isPending}>
                  {t('preview.run')}
                </Button>
              </div>
            )}
          </Flex>
        </Card>
      )}
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('holds.title')}
      </Typography.Title>
      {holds.isPending ? (
        <Loading />
      ) : holds.isError ? (
        <ErrorState error={holds.error} onRetry={() => void holds.refetch()} />
      ) : holds.data.items.length === 0 ? (
        <EmptyState text={t('holds.empty')} />
      ) : (
        <Table
          rowKey="customerId"
          size="small"
          pagination={false}
          dataSource={holds.data.items}
          columns={[
            { title: t('holds.customer'), dataIndex: 'customerId' },
            { title: t('holds.reason'), dataIndex: 'reason' },
            { title: t('holds.setAt'), render: (_, h) => when(h.setAt) },
          ]}
        />
      )}
    </Flex>
  );
}
