import { Checkbox, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages.ts';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { withFunction } from './role-draft.ts';
import { useFunctionCatalogue } from './role-queries.ts';

/**
 * A role's function permissions: one checkbox per function of the catalogue
 * (`GET /v1/admin/functions`), described in the console's language. Whether the admin may grant
 * one is the API's to say (the preview refuses what they do not hold); the list marks those.
 */
export function FunctionPermissions({
  functions,
  saved,
  onChange,
}: {
  functions: string[];
  saved?: string[];
  onChange: (functions: string[]) => void;
}) {
  const { t, i18n } = useTranslation('roles');
  const catalogue = useFunctionCatalogue();
  if (catalogue.isPending) return <Loading />;
  if (catalogue.isError)
    return <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const order = catalogue.data.map((f) => f.name);
  const language = i18n.language as Language;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('editor.functionsIntro')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={catalogue.data}
        scroll={{ y: 360 }}
        rowClassName={(f) =>
          saved !== undefined && saved.includes(f.name) !== functions.includes(f.name)
            ? 'custos-role-edited'
            : ''
        }
        columns={[
          {
            title: t('editor.function'),
            width: 260,
            render: (_, f) => (
              <Checkbox
                checked={functions.includes(f.name)}
                aria-label={t('editor.functionLabel', { name: f.name })}
                onChange={(e) => onChange(withFunction(functions, f.name, e.target.checked, order))}
              >
                <Typography.Text code>{f.name}</Typography.Text>
              </Checkbox>
            ),
          },
          {
            title: t('editor.description'),
            render: (_, f) => (
              <>
                {f.description[language]}{' '}
                {f.admin && <Tag color="purple">{t('editor.adminFunction')}</Tag>}
                {!f.held && <Tag>{t('editor.notHeld')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
