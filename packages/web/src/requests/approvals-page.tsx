import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorState, errorText } from '../shared/page-state.tsx';
import { whatText, type RequestRow } from './request-text.ts';

type Decision = { kind: 'approve'; row: RequestRow } | { kind: 'reject'; row: RequestRow };

/**
 * 待我审批 (`/requests/approvals`): the requests waiting on me, with the requester, what is asked
 * (the record's name), the reason and the chain's progress (and how it was routed); approve,
 * approve for fewer days, or reject with a reason.
 */
export function ApprovalsPage() {
  const { t } = useTranslation(['requests', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ days?: number; reason?: string }>();
  const inbox = useQuery({
    queryKey: ['requests', 'approvals'],
    queryFn: () =>
      unwrap(api.GET('/v1/access-requests/approvals', { params: { query: { limit: 100 } } })),
  });
  const decide = useMutation({
    mutationFn: async (d: Decision & { days?: number; reason?: string }) => {
      const path = { params: { path: { id: d.row.id } } };
      if (d.kind === 'reject')
        return unwrap(
          api.POST('/v1/access-requests/{id}/reject', {
            ...path,
            body: { reason: d.reason ?? '' },
          }),
        );
      return unwrap(
        api.POST('/v1/access-requests/{id}/approve', {
          ...path,
          body: {
            ...(d.days === undefined || d.days === d.row.grantedDays ? {} : { days: d.days }),
            ...(d.reason === undefined || d.reason === '' ? {} : { reason: d.reason }),
          },
        }),
      );
    },
    onSuccess: async (_, d) => {
      void message.success(t(d.kind === 'reject' ? 'approvals.rejected' : 'approvals.approved'));
      setDecision(null);
      await queryClient.invalidateQueries({ queryKey: ['requests'] });
      await queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const progress = (r: RequestRow) => (
    <Space direction="vertical" size={0}>
      <span>
        {t('approvals.progress', { current: (r.currentStep ?? 0) + 1, total: r.steps.length })}
        {' · '}
        {r.steps.map((s) => t(`step.${s.kind ?? 'user'}`)).join(' → ')}
      </span>
      {(r.steps[r.currentStep ?? 0]?.routes ?? []).map((route, i) => (
        <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
          {t('routedFrom', {
            from: route.from ?? t('route.none'),
            reason: t(`route.${route.reason ?? 'none'}`),
            to: (route.to ?? []).join(', '),
          })}
        </Typography.Text>
      ))}
    </Space>
  );
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('approvals.title')}
      </Typography.Title>
      {inbox.error !== null ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <Table<RequestRow>
          rowKey="id"
          size="small"
          loading={inbox.isLoading}
          dataSource={(inbox.data?.items ?? []) as RequestRow[]}
          locale={{ emptyText: t('approvals.empty') }}
          pagination={false}
          columns={[
            { title: t('col.id'), dataIndex: 'id', width: 60 },
            { title: t('col.requester'), dataIndex: 'requesterId', width: 110 },
            { title: t('col.what'), render: (_, r) => whatText(t, r) },
            { title: t('col.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('col.days'), dataIndex: 'grantedDays', width: 60 },
            { title: t('col.chain'), render: (_, r) => progress(r) },
            {
              title: t('col.actions'),
              render: (_, r) => (
                <Space wrap>
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`approve-${r.id}`}
                    onClick={() => decide.mutate({ kind: 'approve', row: r })}
                  >
                    {t('approvals.approve')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({ days: r.grantedDays, reason: '' });
                      setDecision({ kind: 'approve', row: r });
                    }}
                  >
                    {t('approvals.approveShorter')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      form.setFieldsValue({ reason: '' });
                      setDecision({ kind: 'reject', row: r });
                    }}
                  >
                    {t('approvals.reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={decision !== null}
        destroyOnHidden
        title={decision?.kind === 'reject' ? t('approvals.reject') : t('approvals.approveShorter')}
        onCancel={() => setDecision(null)}
        onOk={() => form.submit()}
        confirmLoading={decide.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => decision !== null && decide.mutate({ ...decision, ...v })}
        >
          {decision?.kind === 'approve' && (
            <Form.Item
              name="days"
              label={t('approvals.days')}
              rules={[{ required: true, type: 'number', min: 1, max: decision.row.grantedDays }]}
            >
              <InputNumber min={1} max={decision.row.grantedDays} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={decision?.kind === 'reject' ? t('approvals.rejectReason') : t('col.reason')}
            rules={decision?.kind === 'reject' ? [{ required: true, whitespace: true }] : []}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
