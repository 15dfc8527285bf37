import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccessLevel, Grant, ObjectType } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { RecordPicker } from '../shared/record-picker.tsx';
import { RECORD_OBJECTS } from '../shared/record-objects.ts';
import { UserPicker } from '../shared/user-picker.tsx';
import { TEAM_ACCESS } from './customer-teams-tab.tsx';
import { useGroupOptions } from './sharing-rule-editor.tsx';
import { newEntityId, useDepartments, useGroups } from './sharing-queries.ts';

type TargetKind = Grant['target']['kind'];
const TARGET_KINDS = [
  'record',
  'department',
  'owner',
  'all',
] as const satisfies readonly TargetKind[];

interface GrantForm {
  subjectKind: 'user' | 'group';
  userId?: string | null;
  groupId?: string;
  object: ObjectType;
  targetKind: TargetKind;
  recordId?: string | null;
  departmentId?: string;
  includeSubdepartments: boolean;
  ownerId?: string | null;
  access: AccessLevel;
  startsAt?: Dayjs | null;
  expiresAt?: Dayjs | null;
  reason?: string;
}

const DATE_TIME = 'YYYY-MM-DD HH:mm';

/**
 * Create a grant: to a user or a group, on one object, covering one record, a department's records,
 * one owner's records or all; an access level; when it starts and expires (empty = at once,
 * never); a reason. Saving previews the change; the API refuses an expiry in the past.
 */
export function GrantFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('sharing');
  const [form] = Form.useForm<GrantForm>();
  const { save, modal } = useChangeWithPreview();
  const groups = useGroups();
  const departments = useDepartments();
  const groupOptions = useGroupOptions(groups.data?.data ?? []);
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'user';
  const targetKind = Form.useWatch('targetKind', form) ?? 'record';
  const object = Form.useWatch('object', form) ?? 'customer';
  const required = [{ required: true, message: t('grants.required') }];

  const submit = (v: GrantForm) => {
    const target: Grant['target'] =
      v.targetKind === 'record'
        ? { kind: 'record', recordId: v.recordId ?? '' }
        : v.targetKind === 'department'
          ? {
              kind: 'department',
              departmentId: v.departmentId ?? '',
              includeSubdepartments: v.includeSubdepartments,
            }
          : v.targetKind === 'owner'
            ? { kind: 'owner', userId: v.ownerId ?? '' }
            : { kind: 'all' };
    const reason = v.reason?.trim() ?? '';
    save(
      [
        {
          kind: 'grant.create',
          grant: {
            id: newEntityId('grant'),
            subject:
              v.subjectKind === 'user'
                ? { kind: 'user', userId: v.userId ?? '' }
                : { kind: 'group', groupId: v.groupId ?? '' },
            object: v.object,
            target,
            access: v.access,
            startsAt: v.startsAt == null ? null : v.startsAt.toISOString(),
            expiresAt: v.expiresAt == null ? null : v.expiresAt.toISOString(),
            ...(reason === '' ? {} : { reason }),
          },
        },
      ],
      { onSaved: onClose },
    );
  };

  return (
    <Modal
      open
      title={t('grants.createTitle')}
      width={760}
      okText={t('rules.previewAndSave')}
      cancelText={t('common:cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<GrantForm>
        form={form}
        layout="vertical"
        initialValues={{
          subjectKind: 'user',
          object: 'customer',
          targetKind: 'record',
          includeSubdepartments: false,
          access: 'read',
          expiresAt: null,
        }}
        onFinish={submit}
        onValuesChange={(changed: Partial<GrantForm>) => {
          if (changed.object !== undefined) form.setFieldValue('recordId', null);
        }}
      >
        <Form.Item name="subjectKind" label={t('grants.subjectKind')}>
          <Radio.Group
            options={(['user', 'group'] as const).map((k) => ({
              value: k,
              label: t(`grants.subjectKinds.${k}`),
            }))}
          />
        </Form.Item>
        {subjectKind === 'user' ? (
          <Form.Item name="userId" label={t('grants.subjectUser')} rules={required}>
            <UserPicker label={t('grants.subjectUser')} />
          </Form.Item>
        ) : (
          <Form.Item name="groupId" label={t('grants.subjectGroup')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={groupOptions} />
          </Form.Item>
        )}
        <Form.Item name="object" label={t('grants.object')}>
          <Select
            options={RECORD_OBJECTS.map((o) => ({
              value: o.object,
              label: t(`common:objects.${o.object}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="targetKind" label={t('grants.targetKind')}>
          <Radio.Group
            options={TARGET_KINDS.map((k) => ({ value: k, label: t(`grants.targetKinds.${k}`) }))}
          />
        </Form.Item>
        {targetKind === 'record' && (
          <Form.Item name="recordId" label={t('grants.record')} rules={required}>
            <RecordPicker object={object} label={t('grants.record')} />
          </Form.Item>
        )}
        {targetKind === 'department' && (
          <>
            <Form.Item name="departmentId" label={t('grants.department')} rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={departments.isPending}
                options={(departments.data?.data ?? []).map((d) => ({
                  value: d.id,
                  label: d.name,
                }))}
              />
            </Form.Item>
            <Form.Item name="includeSubdepartments" valuePropName="checked">
              <Checkbox>{t('grants.includeSubdepartments')}</Checkbox>
            </Form.Item>
          </>
        )}
        {targetKind === 'owner' && (
          <Form.Item name="ownerId" label={t('grants.owner')} rules={required}>
            <UserPicker label={t('grants.owner')} />
          </Form.Item>
        )}
        <Form.Item name="access" label={t('grants.access')}>
          <Radio.Group options={TEAM_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('grants.startsAt')}>
          <DatePicker showTime format={DATE_TIME} placeholder={t('grants.immediately')} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('grants.expiresAt')} extra={t('grants.expiresHint')}>
          <DatePicker
            showTime
            format={DATE_TIME}
            placeholder={t('grants.noExpiry')}
            data-testid="grant-expires-at"
          />
        </Form.Item>
        <Form.Item name="reason" label={t('grants.reason')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      </Form>
      {modal}
    </Modal>
  );
}
