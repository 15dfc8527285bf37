import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import {
  monitoringErrorText,
  SEVERITIES,
  type RuleSetting,
  type Severity,
} from './monitoring-api.ts';

type ParamValue = number | string | number[];
interface RuleForm {
  enabled: boolean;
  severity: Severity;
  params: Record<string, ParamValue>;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

/** The form of one rule: enabled, severity and each threshold; a refused field is named. */
function RuleCard({ setting }: { setting: RuleSetting }) {
  const { t } = useTranslation('monitoring');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RuleForm>();
  const id = (name: string) => `rule-${setting.rule}-${name}`;
  const save = useMutation({
    mutationFn: (values: RuleForm) =>
      unwrap(
        api.PUT('/v1/admin/monitoring/rules/{rule}', {
          params: { path: { rule: setting.rule } },
          body: values,
        }),
      ),
    onSuccess: async () => {
      void message.success(t('rulesPage.saved'));
      await queryClient.invalidateQueries({ queryKey: ['monitoring', 'rules'] });
    },
    onError: (error) => {
      const text = monitoringErrorText(t, error);
      // The API names the field (`params/factor`): show the error on that input.
      const field = error instanceof ApiError ? (error.field ?? '') : '';
      const match = /^(params\/)?(\w+)$/.exec(field);
      if (match?.[2] !== undefined)
        form.setFields([
          {
            name:
              match[1] === undefined ? [match[2] as 'enabled' | 'severity'] : ['params', match[2]],
            errors: [text],
          },
        ]);
      else void message.error(text);
    },
  });
  const params = Object.entries(setting.params);
  const defaults = params
    .map(([k]) => {
      const v = setting.defaults[k];
      return `${t(`params.${k}`)} ${Array.isArray(v) ? v.map((d) => t(`weekdays.${String(d)}`)).join(t('listSeparator')) : String(v)}`;
    })
    .join('; ');
  return (
    <Card
      size="small"
      data-testid={`rule-${setting.rule}`}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t(`rules.${setting.rule}.name`)}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t(`rules.${setting.rule}.help`)}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{
          enabled: setting.enabled,
          severity: setting.severity,
          params: setting.params as Record<string, ParamValue>,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="enabled"
          label={t('rulesPage.enabled')}
          htmlFor={id('enabled')}
          valuePropName="checked"
        >
          <Switch id={id('enabled')} />
        </Form.Item>
        <Form.Item name="severity" label={t('rulesPage.severity')} htmlFor={id('severity')}>
          <Select
            id={id('severity')}
            aria-label={t('rulesPage.severity')}
            style={{ minWidth: 90 }}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          />
        </Form.Item>
        {params.map(([name, value]) => (
          <Form.Item
            key={name}
            name={['params', name]}
            label={t(`params.${name}`)}
            htmlFor={id(name)}
          >
            {Array.isArray(value) ? (
              <Select
                id={id(name)}
                aria-label={t(`params.${name}`)}
                mode="multiple"
                style={{ minWidth: 260 }}
                options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${String(d)}`) }))}
              />
            ) : typeof value === 'string' ? (
              <Input id={id(name)} maxLength={64} style={{ width: 160 }} />
            ) : (
              <InputNumber id={id(name)} style={{ width: 110 }} />
            )}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('rulesPage.save')}
        </Button>
      </Form>
      <Space direction="vertical" size={0} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('rulesPage.defaults', { values: defaults, interpolation: { escapeValue: false } })}
        </Typography.Text>
        {setting.updatedAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rulesPage.updated', {
              by: setting.updatedBy ?? '',
              at: dayjs(setting.updatedAt).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/** Monitoring rules (`/admin/monitoring/rules`): one form per rule and "run now". */
export function MonitoringRulesPage() {
  const { t } = useTranslation('monitoring');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rules = useQuery({
    queryKey: ['monitoring', 'rules'],
    queryFn: () => unwrap(api.GET('/v1/admin/monitoring/rules')),
  });
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/admin/monitoring/evaluate', { body: {} as never })),
    onSuccess: async (result) => {
      void message.success(t('rulesPage.ran', result));
      await queryClient.invalidateQueries({ queryKey: ['monitoring'] });
    },
    onError: (error) => void message.error(monitoringErrorText(t, error)),
  });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('rulesPage.title')}
        </Typography.Title>
        <Button type="primary" loading={run.isPending} onClick={() => run.mutate()}>
          {t('rulesPage.runNow')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('rulesPage.intro')}</Typography.Text>
      {rules.error !== null ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data === undefined ? (
        <Loading />
      ) : (
        rules.data.items.map((setting) => (
          <RuleCard key={`${setting.rule}-${setting.updatedAt ?? ''}`} setting={setting} />
        ))
      )}
    </Flex>
  );
}
