import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import {
  DEADLINE_COLOR,
  KINDS,
  privacyErrorText,
  STATUSES,
  type PrivacyRequest,
} from './privacy-api.ts';

type StatusFilter = (typeof STATUSES)[number] | 'open';
type Kind = (typeof KINDS)[number];

interface CreateForm {
  kind: Kind;
  regime: 'gdpr' | 'ccpa';
  contactId?: string;
  requesterName?: string;
  requesterEmail?: string;
  notes?: string;
  receivedAt?: Dayjs;
}

/** 隐私请求 / Privacy requests: the data-subject request queue (privacy_admin). */
export function PrivacyRequestsPage() {
  const { t } = useTranslation('privacy');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [status, setStatus] = useState<StatusFilter | undefined>('open');
  const [kind, setKind] = useState<Kind | undefined>();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateForm>();
  const query = useQuery({
    queryKey: ['privacy-requests', status, kind],
    queryFn: () =>
      unwrap(
        api.GET('/v1/privacy/requests', {
          params: {
            query: {
              ...(status === undefined ? {} : { status }),
              ...(kind === undefined ? {} : { kind }),
            },
          },
        }),
      ),
  });
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      unwrap(
        api.POST('/v1/privacy/requests', {
          body: {
            kind: v.kind,
            regime: v.regime,
            ...(v.contactId ? { contactId: v.contactId.trim() } : {}),
            ...(v.requesterName ? { requesterName: v.requesterName } : {}),
            ...(v.requesterEmail ? { requesterEmail: v.requesterEmail } : {}),
            ...(v.notes ? { notes: v.notes } : {}),
            ...(v.receivedAt ? { receivedAt: v.receivedAt.toISOString() } : {}),
          },
        }),
      ),
    onSuccess: async (created) => {
      setCreating(false);
      await client.invalidateQueries({ queryKey: ['privacy-requests'] });
      await navigate(`/privacy/requests/${created.id}`);
    },
    onError: (e) => message.error(privacyErrorText(t, e)),
  });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('requests.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('requests.new')}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Select<StatusFilter | 'all'>
          aria-label={t('requests.status')}
          style={{ width: 180 }}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('requests.allStatuses') },
            { value: 'open', label: t('status.open') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Select<Kind | 'all'>
          aria-label={t('requests.kind')}
          style={{ width: 200 }}
          value={kind ?? 'all'}
          onChange={(v) => setKind(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('requests.allKinds') },
            ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ]}
        />
      </Flex>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState text={t('requests.empty')} />
      ) : (
        <Table<PrivacyRequest>
          rowKey="id"
          size="small"
          dataSource={query.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="privacy-requests"
          columns={[
            {
              title: '#',
              render: (_, r) => <Link to={`/privacy/requests/${r.id}`}>#{r.id}</Link>,
            },
            { title: t('requests.kind'), render: (_, r) => t(`kind.${r.kind}`) },
            { title: t('requests.regime'), render: (_, r) => r.regime.toUpperCase() },
            {
              title: t('requests.subject'),
              render: (_, r) => r.contactName ?? r.requesterName ?? r.requesterEmail ?? '—',
            },
            { title: t('requests.status'), render: (_, r) => t(`status.${r.status}`) },
            {
              title: t('requests.dueAt'),
              render: (_, r) => (
                <Flex gap={4} align="center">
                  <span style={r.deadline === 'overdue' ? { color: '#a8071a' } : undefined}>
                    {dayjs(r.dueAt).format('YYYY-MM-DD')}
                  </span>
                  {r.deadline !== null && r.deadline !== undefined && (
                    <Tag
                      style={{
                        color: DEADLINE_COLOR[r.deadline],
                        borderColor: DEADLINE_COLOR[r.deadline],
                      }}
                    >
                      {t(`deadline.${r.deadline}`)}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            { title: t('requests.owner'), render: (_, r) => r.ownerName ?? '—' },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('requests.new')}
        destroyOnHidden
        okText={t('requests.create')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
      >
        <Form<CreateForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'access', regime: 'gdpr' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="kind" label={t('requests.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="regime" label={t('requests.regime')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'gdpr', label: 'GDPR' },
                { value: 'ccpa', label: 'CCPA' },
              ]}
            />
          </Form.Item>
          <Form.Item name="contactId" label={t('requests.contactId')} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="requesterName"
            label={t('requests.requesterName')}
            rules={[{ max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="requesterEmail"
            label={t('requests.requesterEmail')}
            rules={[{ max: 254 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="receivedAt" label={t('requests.receivedAt')}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
          <Form.Item name="notes" label={t('requests.notes')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
