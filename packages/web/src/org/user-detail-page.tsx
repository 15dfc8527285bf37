import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamedListboxes } from './use-named-listboxes.ts';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { api, unwrap } from '../api/client.ts';
import type { User } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { NotFoundPage } from '../shared/not-found-page.tsx';
import { ErrorState, Loading, errorText } from '../shared/page-state.tsx';
import type { PolicyChange } from '../shared/policy-change.ts';
import { UserPicker } from '../shared/user-picker.tsx';
import { DepartmentSelect } from './department-tree.tsx';
import { InvitationLinkModal, type Invitation } from './invitation-link.tsx';
import { CLEARANCES, nameOf, useDepartments, useRoles, useUser } from './org-data.ts';
import { RoleTags, StatusTag, UserName } from './user-labels.tsx';
import { OffboardCard } from '../jml/offboard-card.tsx';
import { TransferPreviewModal, type TransferBody } from '../jml/transfer-preview-modal.tsx';

type Save = ReturnType<typeof useChangeWithPreview>['save'];
const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * One user (`/admin/users/:id`): the profile; name, roles, clearance and manager edited and
 * transfer to another department with the hand-over of owned records (each previewed before it
 * is saved); deactivate and reactivate (previewed: the user loses or regains access); invite,
 * reset password, end sessions and reset MFA (credentials, not policy: confirmed, not previewed).
 */
export function UserDetailPage() {
  const { t } = useTranslation('org');
  useNamedListboxes();
  const { id = '' } = useParams();
  const user = useUser(id);
  const departments = useDepartments();
  const { save, modal } = useChangeWithPreview();
  // What the last transfer moved (kept here: the transfer form starts afresh after it).
  const [moved, setMoved] = useState<string | null | undefined>(undefined);

  if (user.isLoading) return <Loading />;
  if (user.isError) {
    if (user.error instanceof ApiError && user.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  }
  const u = user.data as User;
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to="/admin/users">{t('user.back')}</Link>
      </Space>
      <Space style={{ width: '100%', marginBottom: 16 }} align="center">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {u.name}
        </Typography.Title>
        <StatusTag status={u.status} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col span={10}>
          <Card title={heading(t('user.profile'))} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'id', label: t('user.id'), children: u.id },
                { key: 'kind', label: t('user.kind'), children: t(`user.kinds.${u.kind}`) },
                {
                  key: 'department',
                  label: t('users.department'),
                  children:
                    u.departmentId === null ? '—' : nameOf(departments.data, u.departmentId),
                },
                {
                  key: 'manager',
                  label: t('users.manager'),
                  children: <UserName id={u.managerId} />,
                },
                {
                  key: 'roles',
                  label: t('users.roles'),
                  children: <RoleTags roleIds={u.roleIds} />,
                },
                {
                  key: 'clearance',
                  label: t('users.clearance'),
                  children: t(`clearances.${u.clearance}`),
                },
                {
                  key: 'status',
                  label: t('users.status'),
                  children: <StatusTag status={u.status} />,
                },
              ]}
            />
          </Card>
          <AccountActions user={u} save={save} />
          {u.kind === 'internal' && <OffboardCard user={u} />}
        </Col>
        <Col span={14}>
          <EditUser key={`edit-${JSON.stringify(u)}`} user={u} save={save} />
          <TransferUser
            key={`transfer-${u.departmentId}`}
            user={u}
            moved={moved}
            setMoved={setMoved}
          />
        </Col>
      </Row>
      {modal}
    </>
  );
}

interface EditValues {
  name: string;
  roleIds: string[];
  clearance: User['clearance'];
  managerId: string | null;
}

function EditUser({ user, save }: { user: User; save: Save }) {
  const { t } = useTranslation('org');
  const { message } = App.useApp();
  const roles = useRoles();
  const [form] = Form.useForm<EditValues>();
  const submit = (v: EditValues) => {
    const name = v.name.trim();
    const sameRoles =
      v.roleIds.length === user.roleIds.length && v.roleIds.every((r) => user.roleIds.includes(r));
    const update = {
      ...(name === user.name ? {} : { name }),
      ...(sameRoles ? {} : { roleIds: v.roleIds }),
      ...(v.clearance === user.clearance ? {} : { clearance: v.clearance }),
    };
    const changes: PolicyChange[] = [];
    if (Object.keys(update).length > 0)
      changes.push({ kind: 'user.update', id: user.id, ...update });
    const managerId = v.managerId ?? null;
    if (managerId !== (user.managerId ?? null))
      changes.push({ kind: 'user.set_manager', id: user.id, managerId });
    if (changes.length === 0) void message.info(t('user.noChange'));
    else save(changes);
  };
  return (
    <Card title={heading(t('user.editTitle'))} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        name="edit"
        layout="vertical"
        initialValues={{
          name: user.name,
          roleIds: user.roleIds,
          clearance: user.clearance,
          managerId: user.managerId ?? null,
        }}
        onFinish={submit}
      >
        <Row gutter={12}>
          <Col span={12}>
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
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('users.clearance')} name="clearance">
              <Select
                aria-label={t('users.clearance')}
                options={CLEARANCES.map((c) => ({ value: c, label: t(`clearances.${c}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('users.roles')} name="roleIds">
          <Select
            mode="multiple"
            aria-label={t('users.roles')}
            loading={roles.isLoading}
            options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('users.manager')} name="managerId">
          <UserPicker label={t('users.manager')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('user.saveEdit')}
        </Button>
      </Form>
    </Card>
  );
}

interface TransferValues {
  departmentId: string;
  managerId?: string | null;
  ownedRecords: 'keep' | 'transfer_to';
  successorId?: string | null;
}

function TransferUser({
  user,
  moved,
  setMoved,
}: {
  user: User;
  moved: string | null | undefined;
  setMoved: (moved: string | null | undefined) => void;
}) {
  const { t } = useTranslation('org');
  const [form] = Form.useForm<TransferValues>();
  const mode = Form.useWatch('ownedRecords', form);
  // The transfer is previewed (records moving, access before and after) before it is saved.
  const [pending, setPending] = useState<TransferBody | null>(null);
  const submit = (v: TransferValues) => {
    setMoved(undefined);
    setPending({
      departmentId: v.departmentId,
      ...(v.managerId == null ? {} : { managerId: v.managerId }),
      ownedRecords:
        v.ownedRecords === 'transfer_to' && v.successorId != null ? 'transfer_to' : 'keep',
      ...(v.ownedRecords === 'transfer_to' && v.successorId != null
        ? { transferToUserId: v.successorId }
        : {}),
    });
  };
  return (
    <Card title={heading(t('user.transferTitle'))}>
      <Typography.Paragraph>{t('user.transferIntro')}</Typography.Paragraph>
      {moved !== undefined && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="transfer-moved"
          title={moved === null ? t('user.movedNone') : t('user.moved', { list: moved })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        name="transfer"
        layout="vertical"
        initialValues={{ departmentId: user.departmentId, ownedRecords: 'keep' }}
        onFinish={submit}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label={t('user.newDepartment')}
              name="departmentId"
              rules={[
                { required: true, message: t('required', { field: t('user.newDepartment') }) },
              ]}
            >
              <DepartmentSelect label={t('user.newDepartment')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('user.newManager')} name="managerId" extra={t('user.keepManager')}>
              <UserPicker label={t('user.newManager')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('user.ownedRecords')} name="ownedRecords">
          <Radio.Group
            aria-label={t('user.ownedRecords')}
            options={[
              { value: 'keep', label: t('user.keep') },
              { value: 'transfer_to', label: t('user.transferTo') },
            ]}
          />
        </Form.Item>
        {mode === 'transfer_to' && (
          <Form.Item
            label={t('user.successor')}
            name="successorId"
            rules={[{ required: true, message: t('required', { field: t('user.successor') }) }]}
          >
            <UserPicker label={t('user.successor')} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit">
          {t('user.transfer')}
        </Button>
      </Form>
      {pending !== null && (
        <TransferPreviewModal
          userId={user.id}
          name={user.name}
          body={pending}
          onClose={() => setPending(null)}
          onDone={(m) => {
            setPending(null);
            setMoved(m);
          }}
        />
      )}
    </Card>
  );
}

/**
 * Deactivate / reactivate (policy changes: previewed), and the account's credentials: invite,
 * reset password, end sessions, reset MFA (each confirmed, saying what will happen).
 */
function AccountActions({ user, save }: { user: User; save: Save }) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'suspended' | 'departed'>('suspended');
  const [link, setLink] = useState<{ invitation: Invitation; extra?: string } | null>(null);
  const [inviting, setInviting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = (content: string, action: () => Promise<void>) =>
    modal.confirm({
      title: t('user.confirmTitle'),
      content,
      okText: t('user.proceed'),
      cancelText: common('cancel'),
      onOk: async () => {
        setFailure(null);
        try {
          await action();
          await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
        } catch (error) {
          setFailure(error);
        }
      },
    });
  const path = { params: { path: { id: user.id } } };

  return (
    <Card title={heading(t('user.accountTitle'))}>
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {user.status === 'active' ? (
          <Space.Compact>
            <Select
              aria-label={t('user.deactivateStatus')}
              value={status}
              onChange={setStatus}
              style={{ width: 140 }}
              options={[
                { value: 'suspended', label: t('statuses.suspended') },
                { value: 'departed', label: t('statuses.departed') },
              ]}
            />
            <Button danger onClick={() => save([{ kind: 'user.deactivate', id: user.id, status }])}>
              {t('user.deactivate')}
            </Button>
          </Space.Compact>
        ) : (
          <Button onClick={() => save([{ kind: 'user.reactivate', id: user.id }])}>
            {t('user.reactivate')}
          </Button>
        )}
        <Space wrap>
          <Button onClick={() => setInviting(true)}>{t('user.invite')}</Button>
          <Button
            onClick={() =>
              confirm(t('user.resetConfirm', { name: user.name }), async () => {
                const answer = await unwrap(api.POST('/v1/admin/users/{id}/reset-password', path));
                setLink({
                  invitation: answer.invitation as Invitation,
                  extra: t('user.sessionsEnded', { count: answer.sessionsEnded }),
                });
              })
            }
          >
            {t('user.resetPassword')}
          </Button>
          <Button
            onClick={() =>
              confirm(t('user.endSessionsConfirm', { name: user.name }), async () => {
                const answer = await unwrap(api.POST('/v1/admin/users/{id}/end-sessions', path));
                void message.success(t('user.endedSessions', { count: answer.ended }));
              })
            }
          >
            {t('user.endSessions')}
          </Button>
          <Button
            onClick={() =>
              confirm(t('user.resetMfaConfirm', { name: user.name }), async () => {
                const answer = await unwrap(
                  api.POST('/v1/admin/users/{id}/mfa/reset', { ...path, body: {} }),
                );
                void message.success(
                  t(answer.hadMfa ? 'user.mfaReset' : 'user.mfaNone', {
                    count: answer.sessionsEnded,
                  }),
                );
              })
            }
          >
            {t('user.resetMfa')}
          </Button>
        </Space>
      </Space>
      {inviting && (
        <InviteUser
          user={user}
          onClose={() => setInviting(false)}
          onInvited={(invitation) => {
            setInviting(false);
            setLink({ invitation });
          }}
        />
      )}
      {link !== null && (
        <InvitationLinkModal
          invitation={link.invitation}
          {...(link.extra === undefined ? {} : { extra: link.extra })}
          onClose={() => setLink(null)}
        />
      )}
    </Card>
  );
}

function InviteUser({
  user,
  onClose,
  onInvited,
}: {
  user: User;
  onClose: () => void;
  onInvited: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ email }: { email: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await unwrap(
        api.POST('/v1/admin/users/{id}/invite', {
          params: { path: { id: user.id } },
          body: { email: email.trim() },
        }),
      );
      onInvited(answer.invitation as Invitation);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.field === 'email')
        form.setFields([{ name: 'email', errors: [errorText(error)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('user.inviteTitle')}
      okText={t('user.invite')}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('user.inviteIntro')}</Typography.Paragraph>
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('users.email')}
          name="email"
          rules={[{ required: true, message: t('required', { field: t('users.email') }) }]}
        >
          <Input type="email" maxLength={320} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
