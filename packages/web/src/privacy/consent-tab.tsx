import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  AutoComplete,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { LAWFUL_BASES, privacyErrorText, SOURCES, type Consent } from './privacy-api.ts';

interface GiveForm {
  purpose: string;
  lawfulBasis: (typeof LAWFUL_BASES)[number];
  source: (typeof SOURCES)[number];
  note?: string;
}

/** The "同意记录 / Consent" tab of a contact: its consents, give and withdraw when allowed. */
export function ConsentTab({ contactId }: { contactId: string }) {
  const { t } = useTranslation('privacy');
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['consents', contactId];
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/v1/contacts/{id}/consents', { params: { path: { id: contactId } } })),
  });
  const [giving, setGiving] = useState(false);
  const [form] = Form.useForm<GiveForm>();
  const give = useMutation({
    mutationFn: (body: GiveForm) =>
      unwrap(api.POST('/v1/contacts/{id}/consents', { params: { path: { id: contactId } }, body })),
    onSuccess: async () => {
      setGiving(false);
      form.resetFields();
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(privacyErrorText(t, e)),
  });
  const withdraw = useMutation({
    mutationFn: (consentId: string) =>
      unwrap(
        api.POST('/v1/contacts/{id}/consents/{consentId}/withdraw', {
          params: { path: { id: contactId, consentId } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
    onError: (e) => message.error(privacyErrorText(t, e)),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, canWrite } = query.data;
  const when = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');
  return (
    <Flex vertical gap={8}>
      {canWrite && (
        <div>
          <Button type="primary" onClick={() => setGiving(true)}>
            {t('consent.give')}
          </Button>
        </div>
      )}
      {items.length === 0 ? (
        <EmptyState text={t('consent.empty')} />
      ) : (
        <Table<Consent>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          data-testid="consent-table"
          columns={[
            { title: t('consent.purpose'), dataIndex: 'purpose' },
            { title: t('consent.basis'), render: (_, c) => t(`basis.${c.lawfulBasis}`) },
            { title: t('consent.source'), render: (_, c) => t(`source.${c.source}`) },
            { title: t('consent.givenAt'), render: (_, c) => when(c.givenAt) },
            { title: t('consent.withdrawnAt'), render: (_, c) => when(c.withdrawnAt) },
            { title: t('consent.recordedBy'), render: (_, c) => c.recordedByName ?? '—' },
            {
              title: t('consent.status'),
              render: (_, c) =>
                c.active ? (
                  <Tag style={{ color: '#135200', borderColor: '#135200' }}>
                    {t('consent.active')}
                  </Tag>
                ) : (
                  <Tag>{t('consent.withdrawn')}</Tag>
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: t('consent.withdraw'),
                    render: (_: unknown, c: Consent) =>
                      c.active ? (
                        <Popconfirm
                          title={t('consent.withdrawConfirm')}
                          onConfirm={() => withdraw.mutate(c.id)}
                          okText={t('consent.withdraw')}
                        >
                          <Button size="small">{t('consent.withdraw')}</Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={giving}
        title={t('consent.give')}
        destroyOnHidden
        okText={t('consent.save')}
        confirmLoading={give.isPending}
        onOk={() => form.submit()}
        onCancel={() => setGiving(false)}
      >
        <Form<GiveForm>
          form={form}
          layout="vertical"
          initialValues={{ lawfulBasis: 'consent', source: 'web_form' }}
          onFinish={(v) => give.mutate(v)}
        >
          <Form.Item
            name="purpose"
            label={t('consent.purpose')}
            rules={[{ required: true, max: 200 }]}
          >
            <AutoComplete
              options={(['newsletter', 'events', 'contract'] as const).map((p) => ({
                value: t(`consent.purposes.${p}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="lawfulBasis" label={t('consent.basis')} rules={[{ required: true }]}>
            <Select options={LAWFUL_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))} />
          </Form.Item>
          <Form.Item name="source" label={t('consent.source')} rules={[{ required: true }]}>
            <Select options={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('consent.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
