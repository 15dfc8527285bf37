import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { AccessLevel } from '../shared/admin-types.ts';
import { EmptyState, ErrorState, errorText, Loading } from '../shared/page-state.tsx';
import { RecordPicker } from '../shared/record-picker.tsx';
import { UserPicker } from '../shared/user-picker.tsx';

/** Customer-team access levels (`ACCESS_LEVELS`). Ordered: read ⊂ edit ⊂ manage. */
export const TEAM_ACCESS = ['read', 'edit', 'manage'] as const satisfies readonly AccessLevel[];

interface TeamMemberRow {
  userId: string;
  name: string | null;
  access: AccessLevel;
}

interface CustomerView {
  id: string;
  fields: Record<string, unknown>;
  permissions: Record<string, boolean>;
}

function CustomerTeam({ customerId }: { customerId: string }) {
  const { t } = useTranslation('sharing');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ userId: string | null; access: AccessLevel }>();
  const [failure, setFailure] = useState<unknown>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const customer = useQuery({
    queryKey: ['records', 'customers', customerId],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/customers/{id}', { params: { path: { id: customerId } } }),
      )) as unknown as CustomerView,
  });
  const team = useQuery({
    queryKey: ['records', 'customers', customerId, 'team'],
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/v1/customers/{id}/team', { params: { path: { id: customerId } } }),
        )) as { members: TeamMemberRow[] }
      ).members,
  });
  const done = async () => {
    setFailure(null);
    await queryClient.invalidateQueries({ queryKey: ['records', 'customers', customerId] });
    void message.success(t('teams.saved'));
  };
  const put = useMutation({
    mutationFn: ({ userId, access }: { userId: string; access: AccessLevel }) =>
      unwrap(
        api.PUT('/v1/customers/{id}/team/{userId}', {
          params: { path: { id: customerId, userId } },
          body: { access },
        }),
      ),
    onSuccess: async () => {
      form.resetFields();
      await done();
    },
    onError: setFailure,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE('/v1/customers/{id}/team/{userId}', {
          params: { path: { id: customerId, userId } },
          // The server takes a state-changing request only with a JSON body (an empty one here).
          body: {} as never,
        }),
      ),
    onSuccess: done,
    onError: setFailure,
  });

  if (customer.isError) return <ErrorState error={customer.error} />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  if (customer.isPending || team.isPending) return <Loading />;

  const customerName =
    typeof customer.data.fields.name === 'string' ? customer.data.fields.name : customerId;
  // Whether the caller may change the team is the API's answer: the customer's `share` permission.
  const mayShare = customer.data.permissions.share === true;
  const nameOf = (m: TeamMemberRow) => m.name ?? m.userId;
  const confirm = (title: string, content: string, onOk: () => void) =>
    void modal.confirm({
      title,
      content,
      okText: t('common:confirm'),
      cancelText: t('common:cancel'),
      onOk,
    });

  return (
    <div data-testid="customer-team">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {customerName}
      </Typography.Title>
      {!mayShare && (
        <Alert type="info" showIcon title={t('teams.notAllowed')} style={{ marginBottom: 12 }} />
      )}
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<TeamMemberRow>
        rowKey="userId"
        size="middle"
        pagination={false}
        dataSource={team.data}
        locale={{ emptyText: <EmptyState text={t('teams.empty')} /> }}
        columns={[
          { title: t('teams.member'), render: (_, m) => `${nameOf(m)} (${m.userId})` },
          {
            title: t('teams.access'),
            render: (_, m) => (
              <Select<AccessLevel>
                aria-label={t('teams.accessOf', { user: nameOf(m) })}
                value={m.access}
                disabled={!mayShare}
                style={{ minWidth: 120 }}
                options={TEAM_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
                onChange={(access) =>
                  confirm(
                    t('teams.access'),
                    t('teams.changeConfirm', { user: nameOf(m), access: t(`access.${access}`) }),
                    () => put.mutate({ userId: m.userId, access }),
                  )
                }
              />
            ),
          },
          {
            title: t('common:actions'),
            render: (_, m) => (
              <Button
                size="small"
                danger
                disabled={!mayShare}
                onClick={() =>
                  confirm(t('teams.remove'), t('teams.removeConfirm', { user: nameOf(m) }), () =>
                    remove.mutate(m.userId),
                  )
                }
              >
                {t('teams.remove')}
              </Button>
            ),
          },
        ]}
      />
      {mayShare && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ userId: null, access: 'read' }}
          style={{ marginTop: 16 }}
          onFinish={(values) => {
            if (values.userId === null) return;
            const userId = values.userId;
            confirm(
              t('teams.addTitle'),
              t('teams.addConfirm', {
                user: picked ?? userId,
                customer: customerName,
                access: t(`access.${values.access}`),
              }),
              () => put.mutate({ userId, access: values.access }),
            );
          }}
        >
          <Form.Item
            name="userId"
            label={t('teams.user')}
            rules={[{ required: true, message: t('teams.userRequired') }]}
          >
            <UserPicker
              label={t('teams.user')}
              onChange={(_, user) => setPicked(user?.name ?? null)}
            />
          </Form.Item>
          <Form.Item name="access" label={t('teams.access')}>
            <Select<AccessLevel>
              style={{ minWidth: 120 }}
              options={TEAM_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('teams.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </div>
  );
}

/**
 * Customer teams: pick a customer, see its team, add or remove members or change their access.
 * Team changes are record operations (`/v1/customers/:id/team`), confirmed but not previewed: the
 * change-preview API covers policy changes only.
 */
export function CustomerTeamsTab() {
  const { t } = useTranslation('sharing');
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customer');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('teams.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('teams.notice')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="team-customer">{t('teams.customer')}</label>
        <RecordPicker
          id="team-customer"
          object="customer"
          label={t('teams.customer')}
          value={customerId}
          style={{ minWidth: 360 }}
          onChange={(id) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (id === null) next.delete('customer');
                else next.set('customer', id);
                return next;
              },
              { replace: true },
            )
          }
        />
      </Space>
      {customerId === null ? (
        <EmptyState text={t('teams.pick')} />
      ) : (
        <CustomerTeam key={customerId} customerId={customerId} />
      )}
    </>
  );
}
