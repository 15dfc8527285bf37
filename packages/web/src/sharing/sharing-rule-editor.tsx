import type { Criterion, ObjectSettings } from '@custos/engine';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Group, ObjectType, SharingRule } from '../shared/admin-types.ts';
import { useChangeWithPreview } from '../shared/change-preview-modal.tsx';
import { RECORD_OBJECTS } from '../shared/record-objects.ts';
import { CriteriaBuilder } from './criteria-builder.tsx';
import {
  criterionToRow,
  isCriterion,
  rowToCriterion,
  type CriterionRow,
} from './criterion-rows.ts';
import { newEntityId } from './sharing-queries.ts';

/** Sharing-rule access levels (`SHARING_ACCESS_LEVELS`): a rule shares at most `edit`. */
export const SHARING_ACCESS = ['read', 'edit'] as const satisfies readonly SharingRule['access'][];

interface RuleForm {
  name: string;
  object: ObjectType;
  sourceKind: 'criteria' | 'owner';
  criteria: CriterionRow[];
  ownerGroupId?: string;
  targetGroupId?: string;
  access: SharingRule['access'];
}

function formOf(rule: SharingRule | null): RuleForm {
  if (rule === null)
    return { name: '', object: 'customer', sourceKind: 'criteria', criteria: [], access: 'read' };
  return {
    name: rule.name,
    object: rule.object,
    sourceKind: rule.source.kind,
    criteria: rule.source.kind === 'criteria' ? rule.source.criteria.map(criterionToRow) : [],
    ...(rule.source.kind === 'owner' ? { ownerGroupId: rule.source.ownerGroupId } : {}),
    targetGroupId: rule.targetGroupId,
    access: rule.access,
  };
}

/** The group options: name and kind (department, role, public). */
export function useGroupOptions(groups: Group[]) {
  const { t } = useTranslation('sharing');
  return groups.map((g) => ({
    value: g.id,
    label: `${g.name} · ${t(`groupKinds.${g.kind}`)}`,
  }));
}

/**
 * Create or edit a sharing rule: which records (criteria on catalogued fields, or those a group's
 * members own), shared with which group, at which access. Saving previews the change first.
 */
export function SharingRuleEditor({
  rule,
  objects,
  groups,
  onClose,
}: {
  rule: SharingRule | null;
  objects: ObjectSettings[];
  groups: Group[];
  onClose: () => void;
}) {
  const { t } = useTranslation('sharing');
  const [form] = Form.useForm<RuleForm>();
  const { save, modal } = useChangeWithPreview();
  const object = Form.useWatch('object', form) ?? rule?.object ?? 'customer';
  const sourceKind = Form.useWatch('sourceKind', form) ?? rule?.source.kind ?? 'criteria';
  const catalogue = objects.find((o) => o.object === object)?.fields ?? {};
  const fields = Object.entries(catalogue).map(([name, setting]) => ({
    name,
    ...(setting.label === undefined ? {} : { label: setting.label }),
  }));
  const groupOptions = useGroupOptions(groups);

  const submit = (values: RuleForm) => {
    const criteria: Criterion[] = values.criteria.map((row) => rowToCriterion(row) as Criterion);
    const built: SharingRule = {
      id: rule?.id ?? newEntityId('rule'),
      name: values.name.trim(),
      object: values.object,
      source:
        values.sourceKind === 'criteria'
          ? { kind: 'criteria', criteria }
          : { kind: 'owner', ownerGroupId: values.ownerGroupId ?? '' },
      targetGroupId: values.targetGroupId ?? '',
      access: values.access,
    };
    save([{ kind: rule === null ? 'sharing_rule.create' : 'sharing_rule.update', rule: built }], {
      onSaved: onClose,
    });
  };

  return (
    <Modal
      open
      title={rule === null ? t('rules.createTitle') : t('rules.editTitle')}
      width={900}
      okText={t('rules.previewAndSave')}
      cancelText={t('common:cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<RuleForm>
        form={form}
        layout="vertical"
        initialValues={formOf(rule)}
        onFinish={submit}
        onValuesChange={(changed: Partial<RuleForm>) => {
          // Another object has other fields: its conditions start over.
          if (changed.object !== undefined) form.setFieldValue('criteria', []);
        }}
      >
        <Form.Item
          name="name"
          label={t('rules.name')}
          rules={[{ required: true, whitespace: true, message: t('rules.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="object" label={t('rules.object')}>
          <Select
            options={RECORD_OBJECTS.map((o) => ({
              value: o.object,
              label: t(`common:objects.${o.object}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="sourceKind" label={t('rules.sourceKind')}>
          <Radio.Group
            options={[
              { value: 'criteria', label: t('rules.sourceCriteria') },
              { value: 'owner', label: t('rules.sourceOwner') },
            ]}
          />
        </Form.Item>
        {sourceKind === 'criteria' ? (
          <Form.Item
            name="criteria"
            label={t('criteria.legend')}
            rules={[
              {
                validator: async (_, rows: CriterionRow[] = []) => {
                  rows.forEach((row, i) => {
                    const built = rowToCriterion(row);
                    if (!isCriterion(built))
                      throw new Error(
                        t('criteria.incomplete', {
                          n: i + 1,
                          problem: t(`criteria.problems.${built.problem}`, {
                            value: built.value,
                          }),
                        }),
                      );
                  });
                },
              },
            ]}
          >
            <CriteriaBuilder fields={fields} />
          </Form.Item>
        ) : (
          <Form.Item
            name="ownerGroupId"
            label={t('rules.ownerGroup')}
            rules={[{ required: true, message: t('rules.groupRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={groupOptions} />
          </Form.Item>
        )}
        <Form.Item
          name="targetGroupId"
          label={t('rules.targetGroup')}
          rules={[{ required: true, message: t('rules.groupRequired') }]}
        >
          <Select
            data-testid="rule-target-group"
            showSearch={{ optionFilterProp: 'label' }}
            options={groupOptions}
          />
        </Form.Item>
        <Form.Item name="access" label={t('rules.access')}>
          <Radio.Group
            options={SHARING_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
          />
        </Form.Item>
      </Form>
      {modal}
    </Modal>
  );
}
