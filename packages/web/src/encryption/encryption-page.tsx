import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import i18next from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { Chart } from '../shared/chart.tsx';
import { ErrorState, errorText, Loading } from '../shared/page-state.tsx';
import type { PolicyChange } from '../shared/policy-change.ts';

type Overview =
  paths['/v1/admin/encryption']['get']['responses'][200]['content']['application/json'];
type Sweep = NonNullable<Overview['sweep']>;
type ObjectFields = Overview['objects'][number];
type FieldRow = ObjectFields['fields'][number];

/** Solid tag colours with white text that meet WCAG AA contrast (as the theme's). */
const GREEN = '#237804';
const STATE_COLOUR: Record<Sweep['state'], string> = {
  running: '#0958d9',
  done: GREEN,
  failed: '#d4380d',
};

export const ENCRYPTION_KEY = ['admin', 'encryption'] as const;
/** How often the screen asks for the sweep's progress while it runs (ms). */
const POLL_MS = 1000;

/** An error in words: this screen's own codes first, then the common catalogue's. */
export function encryptionErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `encryption:errors.${error.code}`;
    if (i18next.exists(key)) return i18next.t(key);
  }
  return errorText(error);
}

const at = (iso: string | null | undefined): string =>
  iso === null || iso === undefined ? '—' : dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** The keys of `values` in a stable order: versions (newest first), personal keys, clear. */
function keyOrder(values: Record<string, number>): string[] {
  const versions = Object.keys(values)
    .filter((k) => /^v\d+$/.test(k))
    .sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)));
  return [
    ...versions,
    ...['subject', 'clear'].filter((k) => Object.hasOwn(values, k)),
    ...Object.keys(values).filter((k) => !/^v\d+$/.test(k) && k !== 'subject' && k !== 'clear'),
  ];
}

function useKeyLabel(activeVersion: number) {
  const { t } = useTranslation('encryption');
  return (key: string): string => {
    if (key === 'subject') return t('chart.subject');
    if (key === 'clear') return t('chart.clear');
    const version = Number(key.slice(1));
    return version === activeVersion
      ? t('chart.keyActive', { version })
      : t('chart.key', { version });
  };
}

function RotateButton({ nextVersion, disabled }: { nextVersion: number; disabled: boolean }) {
  const { t } = useTranslation('encryption');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    setFailure(null);
    try {
      const answer = await unwrap(api.POST('/v1/admin/encryption/rotate', { body: { reason } }));
      await queryClient.invalidateQueries({ queryKey: ENCRYPTION_KEY });
      void message.success(t('rotate.done', { version: answer.version }));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button type="primary" danger disabled={disabled} onClick={() => setOpen(true)}>
        {t('rotate.button')}
      </Button>
      <Modal
        open={open}
        destroyOnHidden
        title={t('rotate.title')}
        okText={t('rotate.confirm')}
        cancelText={t('rotate.cancel')}
        okButtonProps={{ danger: true, loading: saving, htmlType: 'submit' }}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setFailure(null);
        }}
      >
        <Typography.Paragraph>{t('rotate.body', { next: nextVersion })}</Typography.Paragraph>
        {failure !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('rotate.failed', { message: encryptionErrorText(failure) })}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="reason"
            label={t('rotate.reason')}
            rules={[{ required: true, whitespace: true, message: t('rotate.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function KeysCard({ overview }: { overview: Overview }) {
  const { t } = useTranslation('encryption');
  const running = overview.sweep?.state === 'running';
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('keys.title')}
        </Typography.Title>
      }
      extra={<RotateButton nextVersion={overview.activeVersion + 1} disabled={running} />}
      data-testid="key-versions"
    >
      <Table
        size="small"
        pagination={false}
        rowKey="version"
        dataSource={overview.keys}
        columns={[
          { title: t('keys.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          {
            title: t('keys.state'),
            dataIndex: 'state',
            render: (s: string) =>
              s === 'active' ? (
                <Tag color={GREEN}>{t('keys.active')}</Tag>
              ) : (
                <Tag>{t('keys.retiredState')}</Tag>
              ),
          },
          { title: t('keys.created'), dataIndex: 'createdAt', render: at },
          { title: t('keys.retired'), dataIndex: 'retiredAt', render: at },
        ]}
      />
      {running && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('rotate.runningHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function SweepCard({ sweep }: { sweep: Sweep | null }) {
  const { t } = useTranslation('encryption');
  const counts = sweep?.counts ?? {};
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('sweep.title')}
        </Typography.Title>
      }
      data-testid="sweep"
    >
      {sweep === null ? (
        <Typography.Text>{t('sweep.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <Tag color={STATE_COLOUR[sweep.state]} data-testid="sweep-state">
              {t(`sweep.state.${sweep.state}`)}
            </Tag>
            <Typography.Text>
              {t('sweep.summary', {
                trigger: t(`sweep.trigger.${sweep.trigger}`),
                version: sweep.targetVersion,
                pass: sweep.pass,
              })}
            </Typography.Text>
          </Flex>
          <Progress
            percent={sweep.percent}
            status={
              sweep.state === 'failed' ? 'exception' : sweep.state === 'done' ? 'success' : 'active'
            }
            aria-label={t('sweep.progress')}
          />
          <Typography.Text type="secondary">
            {t('sweep.reason', { reason: sweep.reason })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {sweep.finishedAt === null
              ? t('sweep.started', { at: at(sweep.startedAt) })
              : t('sweep.finished', { at: at(sweep.finishedAt) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('sweep.counts', {
              records: counts.records ?? 0,
              resealed: counts.resealed ?? 0,
              sealed: counts.sealed ?? 0,
              opened: counts.opened ?? 0,
            })}
          </Typography.Text>
          {sweep.remaining !== null && (
            <Typography.Text data-testid="sweep-remaining">
              {t('sweep.remaining', { count: sweep.remaining })}
            </Typography.Text>
          )}
          {sweep.errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('sweep.errors', {
                count: sweep.errors.length,
                first: `${sweep.errors[0]?.code ?? ''} ${sweep.errors[0]?.object ?? ''}/${sweep.errors[0]?.recordId ?? ''} ${sweep.errors[0]?.field ?? ''}`,
              })}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}

function ValuesChart({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation('encryption');
  const label = useKeyLabel(overview.activeVersion);
  const keys = keyOrder(overview.valuesByKey);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: keys.map(label), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: t('chart.values'),
          data: keys.map((k) => overview.valuesByKey[k] ?? 0),
          barMaxWidth: 18,
          itemStyle: { color: '#1668dc' },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    // Derived from the overview and the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [overview, i18n.language],
  );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('chart.title')}
        </Typography.Title>
      }
      data-testid="values-chart"
    >
      {keys.length === 0 ? (
        <Typography.Text>{t('chart.empty')}</Typography.Text>
      ) : (
        <>
          <Chart
            option={option}
            label={t('chart.label')}
            height={Math.max(120, keys.length * 36)}
          />
          {/* The same figures in words, for screen readers and the tests. */}
          <ul className="custos-visually-hidden" data-testid="values-by-key">
            {keys.map((k) => (
              <li key={k}>
                {label(k)}: {overview.valuesByKey[k] ?? 0}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function FieldsCard({ overview }: { overview: Overview }) {
  const { t } = useTranslation('encryption');
  const queryClient = useQueryClient();
  const { save, modal } = useChangeWithPreview();
  const label = useKeyLabel(overview.activeVersion);
  const toggle = (object: ObjectFields['object'], row: FieldRow, encrypted: boolean) =>
    save(
      [
        {
          kind: 'object.set_field',
          object,
          field: row.field,
          setting: { ...row.setting, encrypted },
        } as PolicyChange,
      ],
      { onSaved: () => void queryClient.invalidateQueries({ queryKey: ENCRYPTION_KEY }) },
    );
  const objectName = (object: string) => t(`common:objects.${object}`);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('fields.title')}
        </Typography.Title>
      }
      data-testid="encrypted-fields"
    >
      <Typography.Paragraph type="secondary">
        {overview.mayChangeFields ? t('fields.note') : t('fields.readOnly')}
      </Typography.Paragraph>
      <Tabs
        items={overview.objects.map((o) => ({
          key: o.object,
          label: objectName(o.object),
          children: (
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={o.fields}
              columns={[
                { title: t('fields.field'), dataIndex: 'field' },
                {
                  title: t('fields.label'),
                  dataIndex: 'label',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('fields.encrypted'),
                  dataIndex: 'encrypted',
                  render: (encrypted: boolean, row: FieldRow) => (
                    <Switch
                      checked={encrypted}
                      disabled={!overview.mayChangeFields}
                      aria-label={t('fields.switchLabel', {
                        object: objectName(o.object),
                        field: row.label ?? row.field,
                      })}
                      onChange={(checked) => toggle(o.object, row, checked)}
                    />
                  ),
                },
                {
                  title: t('fields.values'),
                  dataIndex: 'values',
                  render: (values: Record<string, number>) => {
                    const keys = keyOrder(values);
                    return keys.length === 0
                      ? t('fields.noValues')
                      : keys.map((k) => `${label(k)} ${values[k] ?? 0}`).join(' · ');
                  },
                },
              ]}
            />
          ),
        }))}
      />
      {modal}
    </Card>
  );
}

/**
 * `/admin/encryption` — 加密: the data key versions and rotating the key (with the re-encryption's
 * live progress), the values under each key version, and per object which fields are stored
 * encrypted (a switch saved through the change preview). Needs `encryption_admin`.
 */
export function EncryptionPage() {
  const { t } = useTranslation('encryption');
  const overview = useQuery({
    queryKey: ENCRYPTION_KEY,
    queryFn: () => unwrap(api.GET('/v1/admin/encryption')),
    refetchInterval: (query) => (query.state.data?.sweep?.state === 'running' ? POLL_MS : false),
  });
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <Flex gap={12} wrap align="stretch">
            <div style={{ flex: '1 1 420px', minWidth: 0 }}>
              <KeysCard overview={overview.data} />
            </div>
            <div style={{ flex: '1 1 420px', minWidth: 0 }}>
              <SweepCard sweep={overview.data.sweep} />
            </div>
          </Flex>
          <ValuesChart overview={overview.data} />
          <FieldsCard overview={overview.data} />
        </>
      )}
    </Flex>
  );
}
