import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { ROLE_ACTIONS, ROLE_OBJECTS } from '../roles/role-vocabulary.ts';
import { useFunctionCatalogue } from '../roles/role-queries.ts';
import { refKey, refOf, type SodRule } from './sod-queries.ts';
import { usePermissionWords } from './sod-words.ts';

interface Values {
  name: string;
  members: string[];
}

/**
 * Create or edit an SoD rule: a name and two to ten members (functions, object actions, roles)
 * picked from the catalogue; saved through the change preview.
 */
export function SodRuleEditor({
  rule,
  roles,
  onClose,
}: {
  rule: SodRule | null;
  roles: readonly Role[];
  onClose: () => void;
}) {
  const { t } = useTranslation('sod');
  const [form] = Form.useForm<Values>();
  const functions = useFunctionCatalogue();
  const words = usePermissionWords(roles);
  const { save, modal } = useChangeWithPreview();

  const options = [
    {
      label: t('editor.functions'),
      options: (functions.data ?? []).map((f) => ({
        value: `function:${f.name}`,
        label: words(`function:${f.name}`),
      })),
    },
    {
      label: t('editor.objectActions'),
      options: ROLE_OBJECTS.flatMap((o) =>
        ROLE_ACTIONS.map((a) => ({ value: `record:${o}:${a}`, label: words(`record:${o}:${a}`) })),
      ),
    },
    {
      label: t('editor.roles'),
      options: roles.map((r) => ({ value: `role:${r.id}`, label: words(`role:${r.id}`) })),
    },
  ];

  const submit = (values: Values) => {
    const [left, right, ...others] = values.members.map(refOf);
    if (left === undefined || right === undefined) return;
    const body = {
      id: rule?.id ?? `sod-${Date.now().toString(36)}`,
      name: values.name,
      left,
      right,
      ...(others.length > 0 ? { others } : {}),
    };
    save([{ kind: rule === null ? 'sod_rule.create' : 'sod_rule.update', rule: body }], {
      onSaved: onClose,
    });
  };

  const initial: Values | undefined =
    rule === null
      ? undefined
      : {
          name: rule.name,
          members: [rule.left, rule.right, ...(rule.others ?? [])].map(refKey),
        };

  return (
    <>
      <Modal
        open
        title={rule === null ? t('editor.createTitle') : t('editor.editTitle')}
        okText={t('editor.preview')}
        cancelText={t('common:cancel')}
        onCancel={onClose}
        onOk={() => form.submit()}
        destroyOnHidden
        width={640}
      >
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          <Form.Item
            name="name"
            label={t('editor.name')}
            rules={[
              { required: true, whitespace: true, max: 200, message: t('editor.nameRequired') },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="members"
            label={t('editor.members')}
            extra={t('editor.membersHelp')}
            rules={[
              {
                validator: (_, value: string[] | undefined) =>
                  (value ?? []).length >= 2 && (value ?? []).length <= 10
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('editor.membersCount'))),
              },
            ]}
          >
            <Select
              mode="multiple"
              options={options}
              optionFilterProp="label"
              aria-label={t('editor.members')}
              placeholder={t('editor.membersPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
      {modal}
    </>
  );
}
