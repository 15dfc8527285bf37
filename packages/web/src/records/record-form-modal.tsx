import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/api-error.ts';
import { holds, useMe } from '../auth/use-me.ts';
import type { ObjectType } from '../shared/admin-types.ts';
import { ErrorState, errorText, Loading } from '../shared/page-state.tsx';
import { RecordPicker } from '../shared/record-picker.tsx';
import { pathOfObject } from '../shared/record-objects.ts';
import {
  createRecord,
  getMyAccess,
  getRecord,
  listRecords,
  updateRecord,
  type FieldLevel,
  type RecordView,
} from './record-api.ts';
import { fieldLabel } from './record-fields.tsx';

type Mode = { kind: 'create'; customerId?: string } | { kind: 'edit'; record: RecordView };
type Kind = 'text' | 'number' | 'boolean';

/** One field of the form: its level for me and the kind of input its values take. */
export interface FormField {
  name: string;
  level: FieldLevel;
  kind: Kind;
}

function kindOf(value: unknown): Kind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/**
 * The fields of an edit form: the record's `fieldLevels` (hidden ones absent; masked and read
 * ones shown but not editable), in the order the API gives them.
 */
export function editFields(record: RecordView): FormField[] {
  const levels = record.fieldLevels ?? {};
  // The API gives the levels in the object's field order.
  const names = [...new Set([...Object.keys(levels), ...Object.keys(record.fields)])];
  return names
    .map((name) => ({
      name,
      level: (levels[name] ?? 'read') as FieldLevel,
      kind: kindOf(record.fields[name]),
    }))
    .filter((f) => f.level !== 'hidden');
}

/**
 * The fields of a create form. Their names: the object's settings (`GET /v1/admin/objects/:o`)
 * for a `role_admin`; for anyone, the `fieldLevels` of the first record of theirs (which names
 * every field of the object). Their levels: `GET /v1/auth/me/access` (the fields it does not
 * list are `edit`). Only editable fields are offered: the create API refuses any other.
 */
function useCreateFields(object: ObjectType) {
  const me = useMe().data;
  const roleAdmin = holds(me, 'role_admin');
  return useQuery({
    queryKey: ['records', pathOfObject(object), 'create-fields', roleAdmin],
    queryFn: async (): Promise<FormField[] | null> => {
      const [access, settings, first] = await Promise.all([
        getMyAccess(object),
        roleAdmin
          ? unwrap(api.GET('/v1/admin/objects/{object}', { params: { path: { object } } }))
          : null,
        listRecords(object, { limit: 1 }),
      ]);
      const sample =
        first.items[0] === undefined ? null : await getRecord(object, first.items[0].id);
      const names = new Set<string>();
      const settingsFields = (settings?.data as { fields?: Record<string, unknown> } | undefined)
        ?.fields;
      for (const name of Object.keys(settingsFields ?? {})) names.add(name);
      for (const name of Object.keys(sample?.fieldLevels ?? {})) names.add(name);
      if (names.size === 0) return null;
      const levels = access.objects.find((o) => o.object === object)?.fieldLevels ?? {};
      return [...names]
        .map((name) => ({
          name,
          level: (levels[name] ?? 'edit') as FieldLevel,
          kind: kindOf(sample?.fields[name]),
        }))
        .filter((f) => f.level === 'edit');
    },
  });
}

/** The input of one field: editable when its level is `edit`, otherwise shown read-only. */
function FieldInput({
  field,
  label,
  value,
  onChange,
  id,
}: {
  field: FormField;
  label: string;
  /** Given by the enclosing `Form.Item`. */
  value?: never;
  onChange?: (value: unknown) => void;
  id?: string;
}) {
  const { t } = useTranslation('records');
  const readOnly = field.level !== 'edit';
  const common = {
    id,
    value,
    onChange,
    'aria-label': label,
    disabled: readOnly,
    'data-level': field.level,
  };
  if (field.kind === 'number') return <InputNumber {...common} style={{ width: '100%' }} />;
  if (field.kind === 'boolean')
    return (
      <Select
        {...common}
        allowClear
        options={[
          { value: true, label: t('form.boolean.true') },
          { value: false, label: t('form.boolean.false') },
        ]}
      />
    );
  return <Input {...common} maxLength={4000} />;
}

/** A field's label with its level marker (read-only, masked). */
function FieldFormLabel({ field, label }: { field: FormField; label: string }) {
  const { t } = useTranslation('records');
  return (
    <span>
      {label}
      {field.level === 'read' && (
        <Tag style={{ marginInlineStart: 6 }} data-testid="read-only-marker">
          {t('readOnly')}
        </Tag>
      )}
      {field.level === 'masked' && <Tag style={{ marginInlineStart: 6 }}>{t('masked')}</Tag>}
    </span>
  );
}

/**
 * Create a record, or edit one: the fields follow the API's field levels (editable, read-only,
 * masked, absent); only changed editable fields are sent; errors name the field.
 */
export function RecordFormModal({
  object,
  mode,
  onClose,
  onSaved,
}: {
  object: ObjectType;
  mode: Mode;
  onClose: () => void;
  onSaved: (record: RecordView) => void;
}) {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const createFields = useCreateFields(object);
  const isChild = object !== 'customer';
  const fields = mode.kind === 'edit' ? editFields(mode.record) : (createFields.data ?? []);
  const objectName = t(`common:objects.${object}`);

  const save = useMutation({
    mutationFn: async (values: Record<string, unknown>) => {
      const changed: Record<string, unknown> = {};
      for (const field of fields) {
        if (field.level !== 'edit') continue;
        const value = values[field.name] ?? null;
        const before = mode.kind === 'edit' ? (mode.record.fields[field.name] ?? null) : null;
        if (value !== before && !(mode.kind === 'create' && (value === null || value === '')))
          changed[field.name] = value === '' && before === null ? null : value;
      }
      if (mode.kind === 'edit') return updateRecord(object, mode.record.id, { fields: changed });
      return createRecord(object, {
        fields: changed,
        ...(isChild ? { customerId: String(values.__customerId) } : {}),
      });
    },
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      void message.success(mode.kind === 'edit' ? t('form.saved') : t('form.created'));
      onSaved(record);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field !== undefined) {
        const name = error.field.replace(/^fields\//, '');
        const formName = name === 'customerId' ? '__customerId' : name;
        if (fields.some((f) => f.name === formName) || formName === '__customerId')
          form.setFields([{ name: formName, errors: [errorText(error)] }]);
      }
    },
  });

  const initialValues =
    mode.kind === 'edit'
      ? mode.record.fields
      : mode.customerId === undefined
        ? {}
        : { __customerId: mode.customerId };
  const loading = mode.kind === 'create' && createFields.isLoading;

  return (
    <Modal
      open
      destroyOnHidden
      title={
        mode.kind === 'edit'
          ? t('form.editTitle', { object: objectName })
          : t('form.createTitle', { object: objectName })
      }
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      okButtonProps={{
        loading: save.isPending,
        disabled: loading || (mode.kind === 'create' && createFields.data == null),
      }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      {loading ? (
        <Loading />
      ) : createFields.error !== null && mode.kind === 'create' ? (
        <ErrorState error={createFields.error} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values: Record<string, unknown>) => save.mutate(values)}
          style={{ maxHeight: 440, overflowY: 'auto', paddingInlineEnd: 8 }}
          data-testid="record-form"
        >
          {mode.kind === 'create' && createFields.data === null && (
            <Alert type="info" showIcon title={t('form.noSample')} />
          )}
          {mode.kind === 'create' && createFields.data != null && (
            <Typography.Paragraph>{t('form.fieldSource')}</Typography.Paragraph>
          )}
          {mode.kind === 'create' && isChild && (
            <Form.Item
              name="__customerId"
              label={t('form.customer')}
              htmlFor="record-form-customer"
              rules={[{ required: true, message: t('form.customerRequired') }]}
            >
              <RecordPicker
                object="customer"
                id="record-form-customer"
                label={t('form.customer')}
              />
            </Form.Item>
          )}
          {fields.length === 0 && createFields.data !== null && (
            <Typography.Paragraph>{t('form.noFields')}</Typography.Paragraph>
          )}
          {fields.map((field) => {
            const label = fieldLabel(t, object, field.name);
            return (
              <div key={field.name} data-field={field.name} data-level={field.level}>
                <Form.Item
                  name={field.name}
                  label={<FieldFormLabel field={field} label={label} />}
                  extra={
                    field.level === 'read'
                      ? t('form.readOnlyHint')
                      : field.level === 'masked'
                        ? t('form.maskedHint')
                        : undefined
                  }
                >
                  <FieldInput field={field} label={label} />
                </Form.Item>
              </div>
            );
          })}
          {save.error !== null && <ErrorState error={save.error} />}
        </Form>
      )}
    </Modal>
  );
}
