import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamedListboxes } from './use-named-listboxes.ts';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { AdminPage, User } from '../shared/admin-types.ts';
import { EmptyState, ErrorState, errorText } from '../shared/page-state.tsx';
import { UserPicker } from '../shared/user-picker.tsx';
import { DepartmentSelect } from './department-tree.tsx';
import { InvitationLinkModal, type Invitation } from './invitation-link.tsx';
import { TemplateProposal } from '../jml/template-proposal.tsx';
import { CLEARANCES, nameOf, useDepartments, useRoles } from './org-data.ts';
import { RoleTags, StatusTag, UserName } from './user-labels.tsx';

const PAGE_SIZE = 20;

/**
 * Users (用户): a page of the table at a time (cursor paging), searched by name on the server,
 * and a new user — with an e-mail, the answer's one-time invitation link is shown to copy.
 */
export function UsersPage() {
  const { t } = useTranslation('org');
  useNamedListboxes();
  const departments = useDepartments();
  const [search, setSearch] = useState('');
  // The cursors of the pages seen so far: [undefined, page 2's, page 3's …].
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [creating, setCreating] = useState(false);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];

  const users = useQuery({
    queryKey: ['admin', 'users', 'list', search, cursor],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/users', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(search === '' ? {} : { q: search }),
              ...(cursor === undefined ? {} : { cursor }),
            },
          },
        }),
      )) as unknown as AdminPage<User>,
    placeholderData: (previous) => previous,
  });

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Space>
          <Input.Search
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            allowClear
            maxLength={200}
            style={{ width: 260 }}
            onSearch={(value) => {
              setSearch(value.trim());
              setCursors([undefined]);
            }}
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </Space>
      </Space>
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {!users.isError && (
        <Table<User>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text={t('users.empty')} /> }}
          columns={[
            {
              title: t('users.name'),
              key: 'name',
              render: (_, u) => (
                <Link to={`/admin/users/${encodeURIComponent(u.id)}`}>{u.name}</Link>
              ),
            },
            {
              title: t('users.department'),
              key: 'department',
              render: (_, u) =>
                u.departmentId === null ? '—' : nameOf(departments.data, u.departmentId),
            },
            {
              title: t('users.manager'),
              key: 'manager',
              render: (_, u) => <UserName id={u.managerId} />,
            },
            {
              title: t('users.roles'),
              key: 'roles',
              render: (_, u) => <RoleTags roleIds={u.roleIds} />,
            },
            {
              title: t('users.clearance'),
              key: 'clearance',
              render: (_, u) => t(`clearances.${u.clearance}`),
            },
            {
              title: t('users.status'),
              key: 'status',
              render: (_, u) => <StatusTag status={u.status} />,
            },
          ]}
          footer={() => (
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              <span aria-live="polite">{t('users.page', { page })}</span>
              <Button
                disabled={page === 1}
                onClick={() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c))}
              >
                {t('users.previous')}
              </Button>
              <Button
                disabled={users.data?.nextCursor == null}
                onClick={() => {
                  const next = users.data?.nextCursor;
                  if (next != null) setCursors((c) => [...c, next]);
                }}
              >
                {t('users.next')}
              </Button>
            </Space>
          )}
        />
      )}
      {creating && (
        <CreateUser
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            if (created !== null) setInvitation(created);
          }}
        />
      )}
      {invitation !== null && (
        <InvitationLinkModal invitation={invitation} onClose={() => setInvitation(null)} />
      )}
    </>
  );
}

interface NewUserValues {
  name: string;
  departmentId: string;
  managerId?: string | null;
  roleIds?: string[];
  clearance?: User['clearance'];
  email?: string;
  title?: string;
}

/**
 * The new-user form: `POST /v1/admin/users` (with an e-mail: the user's account and invitation in
 * the same transaction). An error naming a field is shown on that field.
 */
function CreateUser({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (invitation: Invitation | null) => void;
}) {
  const { t } = useTranslation('org');
  const { t: jml } = useTranslation('jml');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [form] = Form.useForm<NewUserValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The onboarding template applied (department + title), if any.
  const [applied, setApplied] = useState(false);
  Form.useWatch('departmentId', form);
  Form.useWatch('title', form);

  const submit = async (v: NewUserValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const email = v.email?.trim() ?? '';
      const answer = (await unwrap(
        api.POST('/v1/admin/users', {
          body: {
            name: v.name.trim(),
            departmentId: v.departmentId,
            ...(v.managerId == null ? {} : { managerId: v.managerId }),
            roleIds: v.roleIds ?? [],
            clearance: v.clearance ?? 'internal',
            ...(email === '' ? {} : { email }),
            ...((v.title ?? '').trim() === '' ? {} : { title: (v.title ?? '').trim() }),
            ...(applied ? { applyTemplate: true } : {}),
          },
        }),
      )) as unknown as { data: User; invitation?: Invitation };
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      void message.success(
        t(answer.invitation === undefined ? 'users.createdNoEmail' : 'users.created', {
          name: answer.data.name,
        }),
      );
      onCreated(answer.invitation ?? null);
    } catch (error) {
      setFailure(error);
      const field = error instanceof ApiError ? error.field : undefined;
      if (field !== undefined && field in FIELDS)
        form.setFields([{ name: field as keyof NewUserValues, errors: [errorText(error)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={common('save')}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ clearance: 'internal', roleIds: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('users.name')}
          name="name"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('required', { field: t('users.name') }),
            },
          ]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          label={t('users.department')}
          name="departmentId"
          rules={[{ required: true, message: t('required', { field: t('users.department') }) }]}
        >
          <DepartmentSelect label={t('users.department')} />
        </Form.Item>
        <Form.Item label={jml('templates.jobTitle')} name="title">
          <Input maxLength={100} onChange={() => setApplied(false)} />
        </Form.Item>
        <TemplateProposal form={form} applied={applied} onApplied={() => setApplied(true)} />
        <Form.Item label={t('users.manager')} name="managerId">
          <UserPicker label={t('users.manager')} />
        </Form.Item>
        <Form.Item label={t('users.roles')} name="roleIds">
          <Select
            mode="multiple"
            aria-label={t('users.roles')}
            loading={roles.isLoading}
            options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('users.clearance')} name="clearance">
          <Select
            aria-label={t('users.clearance')}
            options={CLEARANCES.map((c) => ({ value: c, label: t(`clearances.${c}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" extra={t('users.emailHelp')}>
          <Input type="email" maxLength={320} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The form's fields, by the name an API error gives them (`body/email` → `email`). */
const FIELDS = {
  name: true,
  departmentId: true,
  managerId: true,
  roleIds: true,
  clearance: true,
  email: true,
  title: true,
} as const;
