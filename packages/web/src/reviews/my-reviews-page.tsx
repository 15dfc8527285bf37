import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { reviewErrorText, type ReviewItemView } from './review-types.ts';

type Decision = 'keep' | 'revoke' | 'reduce';

function who(item: ReviewItemView): string {
  if (item.kind === 'grant') return item.grantId ?? '';
  const u = item.content.user;
  return u === undefined ? (item.revieweeId ?? '') : `${u.name} (${u.id})`;
}

/**
 * My reviews (`/reviews/mine`): the caller's items in open campaigns; keep, revoke or reduce each
 * with a reason, or keep several at once. What may be decided comes from the API.
 */
export function MyReviewsPage() {
  const { t } = useTranslation('reviews');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<{ item: ReviewItemView; decision: Decision } | null>(
    null,
  );
  const [bulk, setBulk] = useState(false);
  const [form] = Form.useForm();
  const query = useQuery({
    queryKey: ['reviews', 'mine'],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/reviews/my-items', { params: { query: { status: 'pending' } } }),
      )) as unknown as {
        campaigns: { id: string; name: string; deadline: string }[];
        items: ReviewItemView[];
      },
  });
  const decide = useMutation({
    mutationFn: async (values: {
      reason: string;
      removeRoleIds?: string[];
      removeGrantIds?: string[];
      removeTeamCustomerIds?: string[];
    }) => {
      if (bulk) {
        await unwrap(
          api.POST('/v1/reviews/my-items/keep', {
            body: {
              reason: values.reason,
              items: selected.map((k) => {
                const [campaignId, itemNo] = k.split('#');
                return { campaignId: campaignId as string, itemNo: Number(itemNo) };
              }),
            },
          }),
        );
        return;
      }
      if (deciding === null) return;
      const { item, decision } = deciding;
      const reduction =
        decision !== 'reduce'
          ? undefined
          : Object.fromEntries(
              (['removeRoleIds', 'removeGrantIds', 'removeTeamCustomerIds'] as const)
                .map((k) => [k, values[k] ?? []] as const)
                .filter(([, v]) => v.length > 0),
            );
      await unwrap(
        api.POST('/v1/reviews/campaigns/{id}/items/{itemNo}/decision', {
          params: { path: { id: item.campaignId, itemNo: item.itemNo } },
          body: {
            decision,
            reason: values.reason,
            ...(reduction === undefined ? {} : { reduction }),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(t('mine.decided'));
      setDeciding(null);
      setBulk(false);
      setSelected([]);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['reviews'] });
    },
  });

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const campaigns = new Map(query.data.campaigns.map((c) => [c.id, c]));
  const open = deciding !== null || bulk;
  const item = deciding?.item;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t('mine.title')}</Typography.Title>
      <Typography.Paragraph>{t('mine.intro')}</Typography.Paragraph>
      {query.data.items.length === 0 ? (
        <EmptyState text={t('mine.empty')} />
      ) : (
        <>
          <Button disabled={selected.length === 0} onClick={() => setBulk(true)}>
            {t('mine.keepSelected')}
          </Button>
          <Table<ReviewItemView>
            rowKey={(i) => `${i.campaignId}#${i.itemNo}`}
            dataSource={query.data.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (i) => ({ 'aria-label': `${t('mine.keep')} ${who(i)}` }),
            }}
            columns={[
              { title: t('mine.reviewee'), key: 'who', render: (_, i) => who(i) },
              {
                title: t('mine.holds'),
                key: 'holds',
                render: (_, i) =>
                  i.kind === 'grant' ? (
                    <Tag>{`${i.content.grant?.object ?? ''} · ${i.content.grant?.access ?? ''}`}</Tag>
                  ) : (
                    <Space wrap size={4}>
                      {(i.content.roles ?? []).map((r) => (
                        <Tag key={r.id}>{r.name ?? r.id}</Tag>
                      ))}
                      <span>{t('mine.grants', { n: i.content.grants?.length ?? 0 })}</span>
                      <span>{t('mine.teams', { n: i.content.teams?.length ?? 0 })}</span>
                    </Space>
                  ),
              },
              {
                title: t('mine.campaign'),
                key: 'campaign',
                render: (_, i) => campaigns.get(i.campaignId)?.name ?? i.campaignId,
              },
              {
                title: t('mine.actions'),
                key: 'actions',
                render: (_, i) => (
                  <Space size={4}>
                    {(i.kind === 'grant'
                      ? (['keep', 'revoke'] as const)
                      : (['keep', 'revoke', 'reduce'] as const)
                    ).map((d) => (
                      <Button
                        key={d}
                        size="small"
                        autoInsertSpace={false}
                        danger={d === 'revoke'}
                        aria-label={`${t(`mine.${d}`)} ${who(i)}`}
                        onClick={() => setDeciding({ item: i, decision: d })}
                      >
                        {t(`mine.${d}`)}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      <Modal
        open={open}
        destroyOnHidden
        title={
          bulk
            ? t('mine.keepSelected')
            : item === undefined
              ? ''
              : t('mine.decisionTitle', {
                  decision: t(`mine.${deciding?.decision}`),
                  who: who(item),
                })
        }
        okText={t('mine.confirm')}
        cancelText={t('mine.cancel')}
        okButtonProps={{ danger: deciding?.decision === 'revoke', loading: decide.isPending }}
        onCancel={() => {
          setDeciding(null);
          setBulk(false);
          decide.reset();
        }}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)} preserve={false}>
          {deciding?.decision === 'reduce' && item !== undefined && item.kind === 'user' && (
            <>
              <Form.Item name="removeRoleIds" label={t('mine.removeRoles')}>
                <Checkbox.Group
                  options={(item.content.roles ?? []).map((r) => ({
                    value: r.id,
                    label: r.name ?? r.id,
                  }))}
                />
              </Form.Item>
              <Form.Item name="removeGrantIds" label={t('mine.removeGrants')}>
                <Checkbox.Group
                  options={(item.content.grants ?? []).map((g) => ({ value: g.id, label: g.id }))}
                />
              </Form.Item>
              <Form.Item name="removeTeamCustomerIds" label={t('mine.removeTeams')}>
                <Checkbox.Group
                  options={(item.content.teams ?? []).map((c) => ({
                    value: c.customerId,
                    label: c.customerId,
                  }))}
                />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="reason"
            label={t('mine.reason')}
            rules={[{ required: true, whitespace: true, message: t('mine.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
        {decide.isError && (
          <Typography.Text type="danger" role="alert">
            {reviewErrorText(t, decide.error)}
          </Typography.Text>
        )}
      </Modal>
    </Space>
  );
}
