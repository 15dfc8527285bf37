import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CRITERION_OPERATORS,
  emptyRow,
  VALUE_KINDS,
  type CriterionRow,
  type ValueKind,
} from './criterion-rows.ts';

/** A field of the object's catalogue (`GET /v1/admin/objects`: its `fields`). */
export interface CatalogueField {
  name: string;
  label?: string;
}

function ValueInput({
  row,
  n,
  update,
}: {
  row: CriterionRow;
  n: number;
  update: (patch: Partial<CriterionRow>) => void;
}) {
  const { t } = useTranslation('sharing');
  const booleanOptions = [
    { value: 'true', label: t('criteria.true') },
    { value: 'false', label: t('criteria.false') },
  ];
  if (row.op === 'in')
    return row.kind === 'boolean' ? (
      <Select
        mode="multiple"
        aria-label={t('criteria.values', { n })}
        value={row.values}
        style={{ minWidth: 200 }}
        options={booleanOptions}
        onChange={(values: string[]) => update({ values })}
      />
    ) : (
      <Select
        mode="tags"
        aria-label={t('criteria.values', { n })}
        data-testid={`criterion-${n}-values`}
        value={row.values}
        open={false}
        tokenSeparators={[',', '，']}
        style={{ minWidth: 200 }}
        onChange={(values: string[]) => update({ values })}
      />
    );
  if (row.op === 'between')
    return (
      <Space.Compact>
        <Input
          aria-label={t('criteria.low', { n })}
          value={row.low}
          style={{ width: 110 }}
          onChange={(e) => update({ low: e.target.value })}
        />
        <Input
          aria-label={t('criteria.high', { n })}
          value={row.high}
          style={{ width: 110 }}
          onChange={(e) => update({ high: e.target.value })}
        />
      </Space.Compact>
    );
  return row.kind === 'boolean' ? (
    <Select
      aria-label={t('criteria.value', { n })}
      value={row.value === '' ? undefined : row.value}
      style={{ minWidth: 120 }}
      options={booleanOptions}
      onChange={(value: string) => update({ value })}
    />
  ) : (
    <Input
      aria-label={t('criteria.value', { n })}
      data-testid={`criterion-${n}-value`}
      value={row.value}
      style={{ width: 200 }}
      onChange={(e) => update({ value: e.target.value })}
    />
  );
}

/**
 * The criteria builder of a sharing rule: conditions on the object's catalogued fields, every one
 * of which a record must match (the predicate language ANDs a rule's criteria). The fields offered
 * are the catalogue's only; the operators are the engine's.
 */
export function CriteriaBuilder({
  fields,
  value = [],
  onChange,
  id,
}: {
  fields: CatalogueField[];
  value?: CriterionRow[];
  onChange?: (rows: CriterionRow[]) => void;
  id?: string;
}) {
  const { t } = useTranslation('sharing');
  const set = (rows: CriterionRow[]) => onChange?.(rows);
  const fieldOptions = fields.map((f) => ({
    value: f.name,
    label: f.label === undefined ? f.name : `${f.label} (${f.name})`,
  }));
  return (
    <div id={id} role="group" aria-label={t('criteria.legend')} data-testid="criteria-builder">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('criteria.allMatch')}
      </Typography.Paragraph>
      {fields.length === 0 && (
        <Typography.Paragraph type="warning">{t('criteria.noFields')}</Typography.Paragraph>
      )}
      {value.length === 0 && <Typography.Paragraph>{t('criteria.none')}</Typography.Paragraph>}
      {value.map((row, i) => {
        const n = i + 1;
        const update = (patch: Partial<CriterionRow>) =>
          set(value.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
        return (
          <div key={row.key} data-testid={`criterion-${n}`} style={{ marginBottom: 8 }}>
            {i > 0 && (
              <Tag color="blue" style={{ marginBottom: 4 }}>
                {t('criteria.and')}
              </Tag>
            )}
            <Space wrap>
              <Select
                aria-label={t('criteria.field', { n })}
                data-testid={`criterion-${n}-field`}
                value={row.field ?? undefined}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 180 }}
                options={fieldOptions}
                onChange={(field: string) => update({ field })}
              />
              <Select
                aria-label={t('criteria.op', { n })}
                data-testid={`criterion-${n}-op`}
                value={row.op}
                style={{ minWidth: 130 }}
                options={CRITERION_OPERATORS.map((op) => ({ value: op, label: t(`ops.${op}`) }))}
                onChange={(op: CriterionRow['op']) => update({ op })}
              />
              <Select<ValueKind>
                aria-label={t('criteria.valueKind', { n })}
                value={row.kind}
                style={{ minWidth: 90 }}
                options={VALUE_KINDS.map((k) => ({ value: k, label: t(`criteria.kinds.${k}`) }))}
                onChange={(kind) => update({ kind, value: '', values: [] })}
              />
              <ValueInput row={row} n={n} update={update} />
              <Button
                aria-label={t('criteria.remove', { n })}
                icon={<DeleteOutlined />}
                onClick={() => set(value.filter((r) => r.key !== row.key))}
              />
            </Space>
          </div>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        onClick={() => set([...value, emptyRow()])}
        disabled={fields.length === 0}
      >
        {t('criteria.add')}
      </Button>
    </div>
  );
}
