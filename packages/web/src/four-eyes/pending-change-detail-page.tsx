import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useMe } from '../auth/use-me.ts';
import type { Language } from '../i18n/languages.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import {
  fourEyesErrorText,
  PENDING_KEY,
  usePendingChange,
  type PendingDetail,
} from './four-eyes-api.ts';
import { StatusTag } from './pending-changes-page.tsx';

const JSON_STYLE = {
  maxHeight: 220,
  maxWidth: 420,
  overflow: 'auto',
  fontSize: 12,
  margin: 0,
  whiteSpace: 'pre-wrap',
} as const;

const json = (value: unknown) =>
  value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);

function Impact({ detail }: { detail: PendingDetail }) {
  const { t, i18n } = useTranslation('fourEyes');
  const { t: tc } = useTranslation();
  const preview = detail.preview;
  if (preview === null) return null;
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="impact-heading">
      <Typography.Title level={2} id="impact-heading" style={{ fontSize: 17 }}>
        {t('detail.impact')}
      </Typography.Title>
      {!preview.valid && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('detail.invalid')}
          description={
            <ul style={{ margin: 0 }}>
              {preview.errors.map((e, i) => (
                <li key={i}>{e.path === undefined ? e.message : `${e.path}: ${e.message}`}</li>
              ))}
            </ul>
          }
        />
      )}
      {preview.valid && (
        <>
          <ul data-testid="pending-preview-text">
            {(preview.text[language] ?? []).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {preview.users.length > 0 && (
            <Table
              size="small"
              rowKey="userId"
              dataSource={preview.users}
              pagination={{ pageSize: 6, hideOnSinglePage: true }}
              columns={[
                { title: tc('preview.user'), dataIndex: 'name' },
                {
                  title: tc('preview.gains'),
                  render: (_, r) =>
                    r.gains.map((d) => (
                      <Tag key={`${d.object}.${d.action}`}>
                        {tc(`objects.${d.object}`)} · {tc(`actionNames.${d.action}`)} ·{' '}
                        {tc('preview.records', { count: d.records })}
                      </Tag>
                    )),
                },
                {
                  title: tc('preview.losses'),
                  render: (_, r) =>
                    r.losses.map((d) => (
                      <Tag key={`${d.object}.${d.action}`}>
                        {tc(`objects.${d.object}`)} · {tc(`actionNames.${d.action}`)} ·{' '}
                        {tc('preview.records', { count: d.records })}
                      </Tag>
                    )),
                },
                {
                  title: tc('preview.functionsGained'),
                  render: (_, r) => r.functionsGained.join(', ') || t('detail.none'),
                },
                {
                  title: tc('preview.functionsLost'),
                  render: (_, r) => r.functionsLost.join(', ') || t('detail.none'),
                },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}

/**
 * `/admin/pending-changes/:id` — one pending change: who submitted it and why, the diff, the impact
 * computed again against the current policy, and what changed since; approve (another
 * administrator), reject with a reason, or withdraw (the author).
 */
export function PendingChangeDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('fourEyes');
  const me = useMe().data;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const query = usePendingChange(id);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const own = me?.user.id === detail.authorId;
  const pending = detail.status === 'pending';

  const act = async (verb: 'approve' | 'reject' | 'withdraw', body: Record<string, string>) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = (await unwrap(
        api.POST(
          `/v1/admin/pending-changes/{id}/${verb}` as '/v1/admin/pending-changes/{id}/approve',
          {
            params: { path: { id } },
            body: body as never,
          },
        ),
      )) as { version?: number };
      await queryClient.invalidateQueries();
      void message.success(
        verb === 'approve'
          ? t('detail.approved', { version: answer.version })
          : t(verb === 'reject' ? 'detail.rejected' : 'detail.withdrawn'),
      );
      setRejecting(false);
    } catch (error) {
      setFailure(error);
      await queryClient.invalidateQueries({ queryKey: PENDING_KEY });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Link to="/admin/pending-changes">{t('detail.back')}</Link>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('detail.title', { id: detail.id })} <StatusTag status={detail.status} />
        </Typography.Title>
        {pending && (
          <Space>
            {!own && (
              <Popconfirm
                title={t('detail.approveConfirm')}
                onConfirm={() => void act('approve', {})}
                okText={t('detail.approve')}
              >
                <Button type="primary" loading={busy} disabled={!detail.applies}>
                  {t('detail.approve')}
                </Button>
              </Popconfirm>
            )}
            {!own && (
              <Button danger onClick={() => setRejecting(true)} disabled={busy}>
                {t('detail.reject')}
              </Button>
            )}
            {own && (
              <Popconfirm
                title={t('detail.withdrawConfirm')}
                onConfirm={() => void act('withdraw', {})}
                okText={t('detail.withdraw')}
              >
                <Button loading={busy}>{t('detail.withdraw')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Flex>
      {failure !== null && (
        <Alert type="error" showIcon role="alert" title={fourEyesErrorText(failure)} />
      )}
      {pending && own && <Alert type="info" showIcon title={t('detail.ownChange')} />}
      {pending && detail.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('detail.stale')}
          description={
            <ul style={{ margin: 0 }}>
              {detail.conflicts.map((c) => (
                <li key={`${c.entity}/${c.id}`}>{t('detail.conflict', c)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'author', label: t('detail.author'), children: detail.authorName },
          {
            key: 'categories',
            label: t('list.categories'),
            children: detail.categories.map((c) => <Tag key={c}>{t(`categories.${c}`)}</Tag>),
          },
          {
            key: 'submitted',
            label: t('detail.submittedAt'),
            children: dayjs(detail.createdAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'expires',
            label: t('detail.expiresAt'),
            children: dayjs(detail.expiresAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'reason',
            label: t('detail.reason'),
            span: 2,
            children: detail.reason ?? t('detail.noReason'),
          },
          ...(detail.decidedAt === null
            ? []
            : [
                {
                  key: 'decision',
                  label: t('detail.decision'),
                  children: t('detail.decidedBy', {
                    name: detail.decidedByName ?? '—',
                    at: dayjs(detail.decidedAt).format('YYYY-MM-DD HH:mm'),
                  }),
                },
                {
                  key: 'note',
                  label: t('detail.decisionReason'),
                  children: detail.decisionReason ?? '—',
                },
                ...(detail.resultVersion === null
                  ? []
                  : [
                      {
                        key: 'version',
                        label: t('detail.resultVersion'),
                        children: String(detail.resultVersion),
                      },
                    ]),
              ]),
        ]}
      />
      <Impact detail={detail} />
      <section aria-labelledby="diff-heading">
        <Typography.Title level={2} id="diff-heading" style={{ fontSize: 17 }}>
          {t('detail.diff')}
        </Typography.Title>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={
            detail.diff.length > 0
              ? detail.diff
              : detail.changes.map((c) => ({
                  kind: (c as { kind: string }).kind,
                  target: null,
                  before: null,
                  after: c,
                  error: null,
                }))
          }
          columns={[
            { title: t('detail.kind'), dataIndex: 'kind' },
            { title: t('detail.target'), render: (_, d) => d.target ?? '—' },
            {
              title: t('detail.before'),
              render: (_, d) => (
                <pre style={JSON_STYLE} tabIndex={0} aria-label={t('detail.before')}>
                  {json(d.before)}
                </pre>
              ),
            },
            {
              title: t('detail.after'),
              render: (_, d) => (
                <>
                  {d.error !== null && (
                    <Typography.Text type="danger">{d.error.message}</Typography.Text>
                  )}
                  <pre style={JSON_STYLE} tabIndex={0} aria-label={t('detail.after')}>
                    {json(d.after)}
                  </pre>
                </>
              ),
            },
          ]}
        />
      </section>
      <Modal
        open={rejecting}
        title={t('detail.reject')}
        okText={t('detail.reject')}
        okButtonProps={{ danger: true, loading: busy }}
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then(({ reason }) => act('reject', { reason }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('detail.rejectReason')}
            rules={[
              { required: true, whitespace: true, message: t('detail.rejectReasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
