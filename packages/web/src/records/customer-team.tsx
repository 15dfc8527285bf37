import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { holds, useMe } from '../auth/use-me.ts';
import { EmptyState, ErrorState } from '../shared/page-state.tsx';
import { UserPicker } from '../shared/user-picker.tsx';
import {
  getTeam,
  putTeamMember,
  removeTeamMember,
  type AccessLevel,
  type TeamMember,
} from './record-api.ts';

const LEVELS: readonly AccessLevel[] = ['read', 'edit', 'manage'];

/**
 * A customer's team (`GET /v1/customers/:id/team`): members and their access; adding, changing
 * and removing members only when the API says the caller may share the customer.
 */
export function CustomerTeam({ customerId, mayShare }: { customerId: string; mayShare: boolean }) {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['records', 'customers', 'team', customerId];
  const team = useQuery({ queryKey: key, queryFn: () => getTeam(customerId) });
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['records'] });
  const change = useMutation({
    mutationFn: ({ userId, access }: { userId: string; access: AccessLevel }) =>
      putTeamMember(customerId, userId, access),
    onSuccess: async () => {
      await refresh();
      void message.success(t('team.added'));
    },
    onError: (error) => void message.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeTeamMember(customerId, userId),
    onSuccess: async () => {
      await refresh();
      void message.success(t('team.removed'));
    },
    onError: (error) => void message.error(error.message),
  });

  if (team.error !== null)
    return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  return (
    <Flex vertical gap={8}>
      {mayShare && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('team.add')}
          </Button>
        </div>
      )}
      <Table<TeamMember>
        rowKey={(m) => m.userId ?? ''}
        size="small"
        pagination={false}
        loading={team.isFetching}
        dataSource={team.data ?? []}
        locale={{
          emptyText: team.isLoading ? t('common:loading') : <EmptyState text={t('team.empty')} />,
        }}
        columns={[
          {
            key: 'user',
            title: t('team.user'),
            render: (_, m) => `${m.name ?? m.userId} (${m.userId})`,
          },
          {
            key: 'access',
            title: t('team.access'),
            render: (_, m) =>
              mayShare ? (
                <Select<AccessLevel>
                  aria-label={`${t('team.access')}: ${m.name ?? m.userId}`}
                  value={m.access as AccessLevel}
                  style={{ width: 120 }}
                  options={LEVELS.map((l) => ({ value: l, label: t(`team.levels.${l}`) }))}
                  onChange={(access) => change.mutate({ userId: m.userId ?? '', access })}
                />
              ) : (
                t(`team.levels.${m.access}`)
              ),
          },
          ...(mayShare
            ? [
                {
                  key: 'remove',
                  title: t('common:actions'),
                  render: (_: unknown, m: TeamMember) => (
                    <Popconfirm
                      title={t('team.removeConfirm', { name: m.name ?? m.userId })}
                      okText={t('team.remove')}
                      cancelText={t('common:cancel')}
                      onConfirm={() => remove.mutate(m.userId ?? '')}
                    >
                      <Button danger size="small">
                        {t('team.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <AddMemberModal
          onClose={() => setAdding(false)}
          onAdd={(userId, access) => change.mutateAsync({ userId, access })}
        />
      )}
    </Flex>
  );
}

function AddMemberModal({
  onClose,
  onAdd,
}: {
  onClose: () => void;
  onAdd: (userId: string, access: AccessLevel) => Promise<unknown>;
}) {
  const { t } = useTranslation('records');
  const me = useMe().data;
  const userAdmin = holds(me, 'user_admin');
  const [form] = Form.useForm<{ userId: string; access: AccessLevel }>();
  const [pending, setPending] = useState(false);
  const submit = async (values: { userId: string; access: AccessLevel }) => {
    setPending(true);
    try {
      await onAdd(values.userId.trim(), values.access);
      onClose();
    } catch (error) {
      form.setFields([
        {
          name: error instanceof ApiError && error.field === 'access' ? 'access' : 'userId',
          errors: [error instanceof Error ? error.message : String(error)],
        },
      ]);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open
      destroyOnHidden
      title={t('team.addTitle')}
      okText={t('team.add')}
      cancelText={t('common:cancel')}
      okButtonProps={{ loading: pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ access: 'read' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="userId"
          label={userAdmin ? t('team.member') : t('team.memberId')}
          htmlFor="team-member"
          rules={[{ required: true, whitespace: true, message: t('team.member') }]}
        >
          {userAdmin ? (
            <UserPicker id="team-member" label={t('team.member')} />
          ) : (
            <Input id="team-member" maxLength={64} />
          )}
        </Form.Item>
        <Form.Item name="access" label={t('team.access')} htmlFor="team-access">
          <Select<AccessLevel>
            id="team-access"
            aria-label={t('team.access')}
            options={LEVELS.map((l) => ({ value: l, label: t(`team.levels.${l}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
