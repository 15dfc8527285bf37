import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { DepartmentSelect } from '../org/department-tree.tsx';
import {
  CLEARANCES,
  freshId,
  nameOf,
  useDepartments,
  useGroups,
  useRoles,
} from '../org/org-data.ts';
import { EmptyState, ErrorState, Loading, errorText } from '../shared/page-state.tsx';
import type { OnboardingTemplate } from './template-proposal.tsx';

type Values = Omit<OnboardingTemplate, 'id'>;

/**
 * Onboarding templates (`/admin/onboarding-templates`, `user_admin`): department + title → the
 * roles, clearance and public groups a new user starts with. Saving checks everything against the
 * catalogue on the server; an error naming a field is shown.
 */
export function OnboardingTemplatesPage() {
  const { t } = useTranslation('jml');
  const { t: org } = useTranslation('org');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const roles = useRoles();
  const groups = useGroups();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const templates = useQuery({
    queryKey: ['admin', 'onboarding-templates'],
    queryFn: async () =>
      (await unwrap(api.GET('/v1/admin/onboarding-templates')))
        .data as unknown as OnboardingTemplate[],
  });
  const roleName = (id: string) => roles.data?.find((r) => r.id === id)?.name ?? id;
  const save = async (v: Values) => {
    setFailure(null);
    const existing = templates.data?.find(
      (x) => x.departmentId === v.departmentId && x.title === v.title.trim(),
    );
    try {
      await unwrap(
        api.PUT('/v1/admin/onboarding-templates/{id}', {
          params: { path: { id: existing?.id ?? freshId('tpl') } },
          body: {
            departmentId: v.departmentId,
            title: v.title.trim(),
            roleIds: v.roleIds ?? [],
            clearance: v.clearance,
            groupIds: v.groupIds ?? [],
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['admin', 'onboarding-templates'] });
      void message.success(t('templates.saved'));
      form.resetFields();
    } catch (error) {
      setFailure(error);
    }
  };
  const remove = async (id: string) => {
    setFailure(null);
    try {
      await unwrap(api.DELETE('/v1/admin/onboarding-templates/{id}', { params: { path: { id } } }));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'onboarding-templates'] });
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('templates.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('templates.intro')}</Typography.Paragraph>
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(failure)}
          style={{ marginBottom: 12 }}
        />
      )}
      {templates.isLoading ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (templates.data ?? []).length === 0 ? (
        <EmptyState text={t('templates.empty')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={templates.data}
          columns={[
            {
              title: org('users.department'),
              dataIndex: 'departmentId',
              render: (id: string) => nameOf(departments.data, id),
            },
            { title: t('templates.jobTitle'), dataIndex: 'title' },
            {
              title: org('users.roles'),
              dataIndex: 'roleIds',
              render: (ids: string[]) => ids.map(roleName).join(', '),
            },
            {
              title: org('users.clearance'),
              dataIndex: 'clearance',
              render: (c: string) => org(`clearances.${c}`),
            },
            {
              title: t('templates.actions'),
              key: 'actions',
              render: (_: unknown, r: OnboardingTemplate) => (
                <Button size="small" danger onClick={() => void remove(r.id)}>
                  {t('templates.delete')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('templates.edit')}</h2>}
        style={{ marginTop: 16 }}
      >
        <Form
          form={form}
          name="template"
          layout="vertical"
          initialValues={{ clearance: 'internal', roleIds: [], groupIds: [] }}
          onFinish={(v) => void save(v)}
        >
          <Space wrap align="start">
            <Form.Item
              label={org('users.department')}
              name="departmentId"
              rules={[
                { required: true, message: org('required', { field: org('users.department') }) },
              ]}
            >
              <DepartmentSelect label={org('users.department')} />
            </Form.Item>
            <Form.Item
              label={t('templates.jobTitle')}
              name="title"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: org('required', { field: t('templates.jobTitle') }),
                },
              ]}
            >
              <Input maxLength={100} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={org('users.clearance')} name="clearance">
              <Select
                aria-label={org('users.clearance')}
                style={{ width: 160 }}
                options={CLEARANCES.map((c) => ({ value: c, label: org(`clearances.${c}`) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item label={org('users.roles')} name="roleIds">
            <Select
              mode="multiple"
              aria-label={org('users.roles')}
              options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item label={t('templates.groups')} name="groupIds">
            <Select
              mode="multiple"
              aria-label={t('templates.groups')}
              options={(groups.data ?? [])
                .filter((g) => g.kind === 'public')
                .map((g) => ({ value: g.id, label: g.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('templates.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
