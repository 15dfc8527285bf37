import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { reviewErrorText, type CampaignView } from './review-types.ts';

const SCOPES = ['all_users', 'department', 'role', 'confidential', 'all_grants'] as const;
const REVIEWERS = ['manager', 'data_owner', 'named'] as const;
const RECURRENCES = ['none', 'quarterly', 'half_yearly', 'yearly'] as const;

interface CreateValues {
  name: string;
  scopeKind: (typeof SCOPES)[number];
  departmentId?: string;
  roleId?: string;
  reviewerKind: (typeof REVIEWERS)[number];
  userIds?: string;
  deadline: dayjs.Dayjs;
  reminderDays?: string;
  defaultDecision: 'keep' | 'revoke';
  recurrence: (typeof RECURRENCES)[number];
}

/** Access review campaigns (`/reviews/campaigns`): status and progress; create and start one. */
export function CampaignsPage() {
  const { t } = useTranslation('reviews');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const scopeKind = Form.useWatch('scopeKind', form);
  const reviewerKind = Form.useWatch('reviewerKind', form);
  const query = useQuery({
    queryKey: ['reviews', 'campaigns'],
    queryFn: async () =>
      (await unwrap(api.GET('/v1/reviews/campaigns'))) as unknown as { campaigns: CampaignView[] },
  });
  const create = useMutation({
    mutationFn: async (v: CreateValues) => {
      const scope =
        v.scopeKind === 'department'
          ? { kind: v.scopeKind, departmentId: v.departmentId ?? '' }
          : v.scopeKind === 'role'
            ? { kind: v.scopeKind, roleId: v.roleId ?? '' }
            : { kind: v.scopeKind };
      const reviewers =
        v.reviewerKind === 'named'
          ? {
              kind: v.reviewerKind,
              userIds: (v.userIds ?? '')
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : { kind: v.reviewerKind };
      const reminderDays = (v.reminderDays ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number);
      return unwrap(
        api.POST('/v1/reviews/campaigns', {
          body: {
            name: v.name,
            scope,
            reviewers,
            deadline: v.deadline.toISOString(),
            reminderDays,
            defaultDecision: v.defaultDecision,
            recurrence: v.recurrence,
            start: true,
          } as never,
        }),
      );
    },
    onSuccess: () => {
      void message.success(t('campaigns.created'));
      setCreating(false);
      void client.invalidateQueries({ queryKey: ['reviews'] });
    },
  });

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t('campaigns.title')}</Typography.Title>
      <Typography.Paragraph>{t('campaigns.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
        {t('campaigns.create')}
      </Button>
      {query.data.campaigns.length === 0 ? (
        <EmptyState text={t('campaigns.empty')} />
      ) : (
        <Table<CampaignView>
          rowKey="id"
          dataSource={query.data.campaigns}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              title: t('campaigns.name'),
              key: 'name',
              render: (_, c) => <Link to={`/reviews/campaigns/${c.id}`}>{c.name}</Link>,
            },
            {
              title: t('campaigns.status'),
              key: 'status',
              render: (_, c) => (
                <Tag color={c.status === 'open' ? 'blue' : undefined}>
                  {t(`status.${c.status}`)}
                </Tag>
              ),
            },
            {
              title: t('campaigns.progress'),
              key: 'progress',
              render: (_, c) => {
                const p = c.progress;
                const done =
                  p === undefined || p.items === 0
                    ? 0
                    : Math.round(((p.items - p.pending) / p.items) * 100);
                return (
                  <Progress
                    percent={done}
                    size="small"
                    aria-label={`${t('campaigns.progress')} ${c.name}`}
                    format={() => `${p === undefined ? 0 : p.items - p.pending}/${p?.items ?? 0}`}
                  />
                );
              },
            },
            {
              title: t('campaigns.deadline'),
              key: 'deadline',
              render: (_, c) => dayjs(c.deadline).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        destroyOnHidden
        title={t('campaigns.create')}
        okText={t('campaigns.submit')}
        cancelText={t('mine.cancel')}
        okButtonProps={{ loading: create.isPending }}
        onCancel={() => {
          setCreating(false);
          create.reset();
        }}
        onOk={() => form.submit()}
      >
        <Form<CreateValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            scopeKind: 'department',
            reviewerKind: 'manager',
            defaultDecision: 'keep',
            recurrence: 'none',
            reminderDays: '7,1',
            deadline: dayjs().add(14, 'day'),
          }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            name="name"
            label={t('campaigns.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="scopeKind" label={t('campaigns.scope')}>
            <Select
              options={SCOPES.map((s) => ({ value: s, label: t(`campaigns.scopeKinds.${s}`) }))}
            />
          </Form.Item>
          {scopeKind === 'department' && (
            <Form.Item
              name="departmentId"
              label={t('campaigns.departmentId')}
              rules={[{ required: true }]}
            >
              <Input maxLength={128} />
            </Form.Item>
          )}
          {scopeKind === 'role' && (
            <Form.Item name="roleId" label={t('campaigns.roleId')} rules={[{ required: true }]}>
              <Input maxLength={128} />
            </Form.Item>
          )}
          <Form.Item name="reviewerKind" label={t('campaigns.reviewers')}>
            <Select
              options={REVIEWERS.map((s) => ({
                value: s,
                label: t(`campaigns.reviewerKinds.${s}`),
              }))}
            />
          </Form.Item>
          {reviewerKind === 'named' && (
            <Form.Item
              name="userIds"
              label={t('campaigns.namedReviewers')}
              rules={[{ required: true }]}
            >
              <Input maxLength={2000} />
            </Form.Item>
          )}
          <Form.Item name="deadline" label={t('campaigns.deadline')} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="reminderDays" label={t('campaigns.reminderDays')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="defaultDecision" label={t('campaigns.defaultDecision')}>
            <Select
              options={(['keep', 'revoke'] as const).map((s) => ({
                value: s,
                label: t(`campaigns.defaults.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="recurrence" label={t('campaigns.recurrence')}>
            <Select
              options={RECURRENCES.map((s) => ({
                value: s,
                label: t(`campaigns.recurrences.${s}`),
              }))}
            />
          </Form.Item>
        </Form>
        {create.isError && (
          <Typography.Text type="danger" role="alert">
            {reviewErrorText(t, create.error)}
          </Typography.Text>
        )}
      </Modal>
    </Space>
  );
}
