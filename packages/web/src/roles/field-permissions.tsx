import { Radio, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { fieldLevelOf, withFieldLevel, type RoleFields } from './role-draft.ts';
import { useObjectFields } from './role-queries.ts';
import {
  ROLE_FIELD_LEVELS,
  ROLE_OBJECTS,
  type FieldLevel,
  type ObjectType,
} from './role-vocabulary.ts';

const INHERIT = 'inherit';

/**
 * A role's field permissions: per object, per known field (`GET /v1/admin/objects/:object`),
 * hidden / masked / read / edit, or nothing set (the field follows the object permission).
 */
export function FieldPermissions({
  fields,
  saved,
  onChange,
}: {
  fields: RoleFields;
  saved?: RoleFields;
  onChange: (fields: RoleFields) => void;
}) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('roles');
  const [object, setObject] = useState<ObjectType>('customer');
  const settings = useObjectFields(object);
  const rows = Object.entries(settings.data?.fields ?? {}).map(([name, setting]) => ({
    name,
    label: setting.label,
  }));
  const objectName = t(`objects.${object}`);
  return (
    <>
      <Typography.Paragraph type="secondary">{tr('editor.fieldsIntro')}</Typography.Paragraph>
      <Segmented<ObjectType>
        aria-label={tr('editor.fieldObject')}
        value={object}
        onChange={setObject}
        options={ROLE_OBJECTS.map((o) => {
          const count = Object.keys(fields[o] ?? {}).length;
          return { value: o, label: `${t(`objects.${o}`)}${count > 0 ? ` (${count})` : ''}` };
        })}
        style={{ marginBottom: 12 }}
      />
      {settings.isPending && <Loading />}
      {settings.isError && (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.isSuccess && rows.length === 0 && <EmptyState text={tr('editor.noFields')} />}
      {settings.isSuccess && rows.length > 0 && (
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={rows}
          scroll={{ y: 340 }}
          rowClassName={(r) =>
            saved !== undefined &&
            fieldLevelOf(saved, object, r.name) !== fieldLevelOf(fields, object, r.name)
              ? 'custos-role-edited'
              : ''
          }
          columns={[
            {
              title: tr('editor.field'),
              width: 240,
              render: (_, r) => (
                <>
                  {r.label ?? r.name} <Typography.Text type="secondary">{r.name}</Typography.Text>
                </>
              ),
            },
            {
              title: tr('editor.fieldLevel'),
              render: (_, r) => (
                <Radio.Group
                  aria-label={tr('editor.fieldLabel', {
                    object: objectName,
                    field: r.label ?? r.name,
                  })}
                  optionType="button"
                  buttonStyle="solid"
                  size="small"
                  value={fieldLevelOf(fields, object, r.name) ?? INHERIT}
                  onChange={(e) => {
                    const value = e.target.value as FieldLevel | typeof INHERIT;
                    onChange(
                      withFieldLevel(fields, object, r.name, value === INHERIT ? undefined : value),
                    );
                  }}
                  options={[INHERIT, ...ROLE_FIELD_LEVELS].map((level) => ({
                    value: level,
                    label: tr(`fieldLevels.${level}`),
                  }))}
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
