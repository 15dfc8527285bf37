import {
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamedListboxes } from './use-named-listboxes.ts';
import type { Group } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { UserPicker } from '../shared/user-picker.tsx';
import { DepartmentSelect } from './department-tree.tsx';
import { freshId, nameOf, useDepartments, useGroups, useRoles } from './org-data.ts';
import { UserName } from './user-labels.tsx';

type Save = ReturnType<typeof useChangeWithPreview>['save'];
type PublicGroup = Extract<Group, { kind: 'public' }>;

/**
 * Groups (用户组): the list; a new public, department or role group; rename; the members of a
 * public group (users and nested groups) added and removed — department and role groups take
 * their members from the department or role. Every save is previewed first.
 */
export function GroupsPage() {
  const { t } = useTranslation('org');
  useNamedListboxes();
  const { t: common } = useTranslation();
  const groups = useGroups();
  const departments = useDepartments();
  const roles = useRoles();
  const { save, modal } = useChangeWithPreview();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Group | null>(null);
  const [membersOf, setMembersOf] = useState<string | null>(null);

  const all = groups.data ?? [];
  const members = (g: Group): string => {
    switch (g.kind) {
      case 'public':
        return `${g.userIds.length} · ${g.groupIds.length}`;
      case 'department': {
        const department = nameOf(departments.data, g.departmentId);
        return g.includeSubdepartments
          ? t('groups.departmentMembersSub', { department })
          : t('groups.departmentMembers', { department });
      }
      case 'role':
        return t('groups.roleMembers', { role: nameOf(roles.data, g.roleId) });
    }
  };
  const open = all.find((g) => g.id === membersOf);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('groups.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('groups.create')}
        </Button>
      </Space>
      {groups.isLoading && <Loading />}
      {groups.isError && <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.isSuccess && (
        <Table<Group>
          rowKey="id"
          size="middle"
          dataSource={all}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState text={t('groups.empty')} /> }}
          columns={[
            { title: t('groups.name'), dataIndex: 'name' },
            { title: t('groups.kind'), render: (_, g) => t(`groups.kinds.${g.kind}`) },
            { title: t('groups.members'), render: (_, g) => members(g) },
            {
              title: common('actions'),
              render: (_, g) => (
                <Space>
                  <Button size="small" onClick={() => setRenaming(g)}>
                    {t('groups.rename')}
                  </Button>
                  <Button size="small" onClick={() => setMembersOf(g.id)}>
                    {t('groups.manage')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => save([{ kind: 'group.delete', id: g.id }])}
                  >
                    {common('delete')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {creating && <CreateGroup onClose={() => setCreating(false)} save={save} />}
      {renaming !== null && (
        <RenameGroup group={renaming} onClose={() => setRenaming(null)} save={save} />
      )}
      {open !== undefined && (
        <Members group={open} groups={all} onClose={() => setMembersOf(null)} save={save} />
      )}
      {modal}
    </>
  );
}

interface CreateValues {
  name: string;
  kind: Group['kind'];
  departmentId?: string;
  includeSubdepartments?: boolean;
  roleId?: string;
}

function CreateGroup({ onClose, save }: { onClose: () => void; save: Save }) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const roles = useRoles();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch('kind', form) ?? 'public';
  const submit = (v: CreateValues) => {
    const id = freshId('group');
    const name = v.name.trim();
    const group: Group =
      v.kind === 'department'
        ? {
            id,
            name,
            kind: 'department',
            departmentId: v.departmentId as string,
            includeSubdepartments: v.includeSubdepartments ?? false,
          }
        : v.kind === 'role'
          ? { id, name, kind: 'role', roleId: v.roleId as string }
          : { id, name, kind: 'public', userIds: [], groupIds: [] };
    save([{ kind: 'group.create', group }], { onSaved: onClose });
  };
  return (
    <Modal
      open
      title={t('groups.createTitle')}
      okText={common('save')}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'public' }} onFinish={submit}>
        <Form.Item
          label={t('groups.name')}
          name="name"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('required', { field: t('groups.name') }),
            },
          ]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item label={t('groups.kind')} name="kind">
          <Radio.Group
            aria-label={t('groups.kind')}
            options={(['public', 'department', 'role'] as const).map((k) => ({
              value: k,
              label: t(`groups.kinds.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'department' && (
          <>
            <Form.Item
              label={t('groups.department')}
              name="departmentId"
              rules={[
                { required: true, message: t('required', { field: t('groups.department') }) },
              ]}
            >
              <DepartmentSelect label={t('groups.department')} />
            </Form.Item>
            <Form.Item name="includeSubdepartments" valuePropName="checked">
              <Checkbox>{t('groups.includeSub')}</Checkbox>
            </Form.Item>
          </>
        )}
        {kind === 'role' && (
          <Form.Item
            label={t('groups.role')}
            name="roleId"
            rules={[{ required: true, message: t('required', { field: t('groups.role') }) }]}
          >
            <Select
              aria-label={t('groups.role')}
              loading={roles.isLoading}
              options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function RenameGroup({ group, onClose, save }: { group: Group; onClose: () => void; save: Save }) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  return (
    <Modal
      open
      title={t('groups.renameTitle')}
      okText={common('save')}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: group.name }}
        onFinish={(v) =>
          save([{ kind: 'group.update', group: { ...group, name: v.name.trim() } }], {
            onSaved: onClose,
          })
        }
      >
        <Form.Item
          label={t('groups.name')}
          name="name"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('required', { field: t('groups.name') }),
            },
          ]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Members({
  group,
  groups,
  onClose,
  save,
}: {
  group: Group;
  groups: Group[];
  onClose: () => void;
  save: Save;
}) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const [nestedId, setNestedId] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('groups.membersTitle', { name: group.name })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{common('close')}</Button>}
      width={720}
      destroyOnHidden
    >
      {group.kind !== 'public' ? (
        <Typography.Paragraph>
          {t('groups.derived', { kind: t(`groups.${group.kind}`) })}
        </Typography.Paragraph>
      ) : (
        <PublicMembers
          group={group}
          groups={groups}
          save={save}
          userId={userId}
          setUserId={setUserId}
          nestedId={nestedId}
          setNestedId={setNestedId}
        />
      )}
    </Modal>
  );
}

function PublicMembers({
  group,
  groups,
  save,
  userId,
  setUserId,
  nestedId,
  setNestedId,
}: {
  group: PublicGroup;
  groups: Group[];
  save: Save;
  userId: string | null;
  setUserId: (id: string | null) => void;
  nestedId: string | null;
  setNestedId: (id: string | null) => void;
}) {
  const { t } = useTranslation('org');
  const rows = [
    ...group.userIds.map((id) => ({ kind: 'user' as const, id })),
    ...group.groupIds.map((id) => ({ kind: 'group' as const, id })),
  ];
  const remove = (member: { kind: 'user' | 'group'; id: string }) =>
    save([{ kind: 'group.remove_member', id: group.id, member }]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UserPicker label={t('groups.addUser')} value={userId} onChange={setUserId} />
        <Button
          disabled={userId === null}
          onClick={() =>
            userId !== null &&
            save(
              [{ kind: 'group.add_member', id: group.id, member: { kind: 'user', id: userId } }],
              {
                onSaved: () => setUserId(null),
              },
            )
          }
        >
          {t('groups.addUser')}
        </Button>
        <Select
          aria-label={t('groups.addGroup')}
          style={{ minWidth: 200 }}
          value={nestedId ?? undefined}
          onChange={(v: string) => setNestedId(v)}
          options={groups
            .filter((g) => g.id !== group.id && !group.groupIds.includes(g.id))
            .map((g) => ({ value: g.id, label: g.name }))}
        />
        <Button
          disabled={nestedId === null}
          onClick={() =>
            nestedId !== null &&
            save(
              [{ kind: 'group.add_member', id: group.id, member: { kind: 'group', id: nestedId } }],
              { onSaved: () => setNestedId(null) },
            )
          }
        >
          {t('groups.addGroup')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.kind}:${r.id}`}
        dataSource={rows}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text={t('groups.noMembers')} /> }}
        columns={[
          { title: t('groups.memberKind'), render: (_, r) => t(`groups.${r.kind}`) },
          {
            title: t('groups.memberName'),
            render: (_, r) => (r.kind === 'user' ? <UserName id={r.id} /> : nameOf(groups, r.id)),
          },
          {
            title: t('groups.remove'),
            render: (_, r) => (
              <Button size="small" danger onClick={() => remove(r)}>
                {t('groups.remove')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
