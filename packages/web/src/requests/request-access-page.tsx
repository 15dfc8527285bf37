import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { errorText } from '../shared/page-state.tsx';
import { RECORD_OBJECTS } from '../shared/record-objects.ts';
import type { ObjectType } from '../shared/admin-types.ts';

interface FormValues {
  kind: 'record' | 'scope' | 'role';
  object: ObjectType;
  recordId?: string;
  departmentId?: string;
  includeSubdepartments?: boolean;
  roleId?: string;
  access: 'read' | 'edit';
  durationDays: number;
  reason: string;
}

/**
 * 申请权限 (`/requests/new`): a record (by id — also filled in from a record's "not found" page),
 * a wider scope (the records of a department) or a role, for a number of days, with a reason.
 */
export function RequestAccessPage() {
  const { t } = useTranslation(['requests', 'common']);
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'record';
  const submit = useMutation({
    mutationFn: (v: FormValues) =>
      unwrap(
        api.POST('/v1/access-requests', {
          body:
            v.kind === 'role'
              ? { kind: 'role', roleId: v.roleId, durationDays: v.durationDays, reason: v.reason }
              : v.kind === 'scope'
                ? {
                    kind: 'scope',
                    object: v.object,
                    access: v.access,
                    scope: {
                      kind: 'department',
                      departmentId: v.departmentId ?? '',
                      includeSubdepartments: v.includeSubdepartments ?? false,
                    },
                    durationDays: v.durationDays,
                    reason: v.reason,
                  }
                : {
                    kind: 'record',
                    object: v.object,
                    recordId: v.recordId,
                    access: v.access,
                    durationDays: v.durationDays,
                    reason: v.reason,
                  },
        } as never),
      ),
    onSuccess: async (made) => {
      void message.success(t('form.submitted', { id: (made as { id: string }).id }));
      await queryClient.invalidateQueries({ queryKey: ['requests'] });
      await queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
      await navigate('/requests');
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const fromObject = RECORD_OBJECTS.find((o) => o.object === search.get('object'))?.object;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('form.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('form.intro')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{
          kind: 'record',
          object: fromObject ?? 'customer',
          recordId: search.get('recordId') ?? undefined,
          access: 'read',
          durationDays: 7,
        }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item name="kind" label={t('form.kind')}>
          <Radio.Group>
            <Radio value="record">{t('form.kindRecord')}</Radio>
            <Radio value="scope">{t('form.kindScope')}</Radio>
            <Radio value="role">{t('form.kindRole')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind !== 'role' && (
          <Form.Item name="object" label={t('form.object')} htmlFor="request-object">
            <Select
              id="request-object"
              options={RECORD_OBJECTS.map((o) => ({
                value: o.object,
                label: t(`common:objects.${o.object}`),
              }))}
            />
          </Form.Item>
        )}
        {kind === 'record' && (
          <Form.Item
            name="recordId"
            label={t('form.recordId')}
            rules={[{ required: true, max: 64 }]}
          >
            <Input maxLength={64} data-testid="request-record-id" />
          </Form.Item>
        )}
        {kind === 'scope' && (
          <>
            <Form.Item
              name="departmentId"
              label={t('form.department')}
              rules={[{ required: true }]}
            >
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="includeSubdepartments" valuePropName="checked">
              <Checkbox>{t('form.includeSub')}</Checkbox>
            </Form.Item>
          </>
        )}
        {kind === 'role' && (
          <Form.Item name="roleId" label={t('form.role')} rules={[{ required: true }]}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        {kind !== 'role' && (
          <Form.Item name="access" label={t('form.access')}>
            <Radio.Group>
              <Radio value="read">{t('access.read')}</Radio>
              <Radio value="edit">{t('access.edit')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="durationDays"
          label={t('form.durationDays')}
          rules={[{ required: true, type: 'number', min: 1, max: 366 }]}
        >
          <InputNumber min={1} max={366} data-testid="request-days" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('form.reason')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="request-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
