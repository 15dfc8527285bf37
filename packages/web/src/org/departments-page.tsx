import {
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Tree,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamedListboxes } from './use-named-listboxes.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import type { PolicyChange } from '../shared/policy-change.ts';
import { UserPicker } from '../shared/user-picker.tsx';
import { DepartmentSelect, departmentTree } from './department-tree.tsx';
import { freshId, nameOf, useDepartments, useUser } from './org-data.ts';
import type { Department } from '../shared/admin-types.ts';

/**
 * Departments (部门): the tree, and for the chosen department rename, move (a new parent), set
 * the head and delete; a new department anywhere. Every save is previewed first.
 */
export function DepartmentsPage() {
  const { t } = useTranslation('org');
  useNamedListboxes();
  const departments = useDepartments();
  const { save, modal } = useChangeWithPreview();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const all = departments.data ?? [];
  const current = all.find((d) => d.id === selected);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('departments.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('departments.create')}
        </Button>
      </Space>
      {departments.isLoading && <Loading />}
      {departments.isError && (
        <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
      )}
      {departments.isSuccess && (
        <Row gutter={16}>
          <Col span={9}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('departments.tree')}</h2>}>
              {all.length === 0 ? (
                <EmptyState text={t('departments.empty')} />
              ) : (
                <Tree
                  aria-label={t('departments.tree')}
                  treeData={departmentTree(all)}
                  defaultExpandAll
                  selectedKeys={selected === null ? [] : [selected]}
                  onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
                />
              )}
            </Card>
          </Col>
          <Col span={15}>
            {current === undefined ? (
              <Card>
                <Typography.Paragraph>{t('departments.choose')}</Typography.Paragraph>
              </Card>
            ) : (
              <DepartmentDetails
                key={current.id}
                department={current}
                all={all}
                save={save}
                onDeleted={() => setSelected(null)}
              />
            )}
          </Col>
        </Row>
      )}
      {creating && (
        <CreateDepartment
          parentId={selected}
          onClose={() => setCreating(false)}
          save={(change, id) =>
            save([change], {
              onSaved: () => {
                setCreating(false);
                setSelected(id);
              },
            })
          }
        />
      )}
      {modal}
    </>
  );
}

type Save = ReturnType<typeof useChangeWithPreview>['save'];

function DepartmentDetails({
  department,
  all,
  save,
  onDeleted,
}: {
  department: Department;
  all: Department[];
  save: Save;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('org');
  const [name, setName] = useState(department.name);
  const [parentId, setParentId] = useState<string | null>(department.parentId);
  const [headId, setHeadId] = useState<string | null>(department.headId ?? null);
  const head = useUser(department.headId ?? null);

  const change = (c: PolicyChange) => save([c]);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{department.name}</h2>}
      extra={
        <Button
          danger
          onClick={() =>
            save([{ kind: 'department.delete', id: department.id }], { onSaved: onDeleted })
          }
        >
          {t('departments.delete')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'id', label: t('departments.id'), children: department.id },
          {
            key: 'parent',
            label: t('departments.parent'),
            children:
              department.parentId === null
                ? t('departments.noParent')
                : nameOf(all, department.parentId),
          },
          {
            key: 'head',
            label: t('departments.head'),
            children:
              department.headId == null
                ? t('departments.noHead')
                : (head.data?.name ?? department.headId),
          },
        ]}
      />
      <Form layout="vertical">
        <Form.Item label={t('departments.name')} htmlFor="department-name">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="department-name"
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
            <Button
              disabled={name.trim() === '' || name === department.name}
              onClick={() =>
                change({ kind: 'department.rename', id: department.id, name: name.trim() })
              }
            >
              {t('departments.rename')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('departments.parent')} htmlFor="department-parent">
          <Space.Compact style={{ width: '100%' }}>
            <DepartmentSelect
              id="department-parent"
              label={t('departments.parent')}
              value={parentId}
              onChange={setParentId}
              disable={department.id}
              allowClear
            />
            <Button
              disabled={parentId === department.parentId}
              onClick={() => change({ kind: 'department.move', id: department.id, parentId })}
            >
              {t('departments.move')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('departments.head')} htmlFor="department-head">
          <Space.Compact style={{ width: '100%' }}>
            <UserPicker
              id="department-head"
              label={t('departments.head')}
              value={headId}
              onChange={(id) => setHeadId(id)}
            />
            <Button
              disabled={headId === (department.headId ?? null)}
              onClick={() => change({ kind: 'department.set_head', id: department.id, headId })}
            >
              {t('departments.setHead')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Card>
  );
}

function CreateDepartment({
  parentId,
  onClose,
  save,
}: {
  parentId: string | null;
  onClose: () => void;
  save: (change: PolicyChange, id: string) => void;
}) {
  const { t } = useTranslation('org');
  const { t: common } = useTranslation();
  const [form] = Form.useForm<{ name: string; parentId: string | null; headId: string | null }>();
  return (
    <Modal
      open
      title={t('departments.createTitle')}
      okText={common('save')}
      cancelText={common('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ parentId, headId: null }}
        onFinish={(v) => {
          const id = freshId('dept');
          save(
            {
              kind: 'department.create',
              department: {
                id,
                name: v.name.trim(),
                parentId: v.parentId ?? null,
                ...(v.headId == null ? {} : { headId: v.headId }),
              },
            },
            id,
          );
        }}
      >
        <Form.Item
          label={t('departments.name')}
          name="name"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('required', { field: t('departments.name') }),
            },
          ]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item label={t('departments.parent')} name="parentId">
          <DepartmentSelect label={t('departments.parent')} allowClear />
        </Form.Item>
        <Form.Item label={t('departments.head')} name="headId">
          <UserPicker label={t('departments.head')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
