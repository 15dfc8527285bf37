import { Alert, Card, Flex, Form, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Role } from '../shared/admin-types.ts';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { MatrixTable, visuallyHidden } from './permission-matrix.tsx';
import { roleDifferences, scopeOf, type RoleDifference } from './role-draft.ts';
import { useRoles } from './role-queries.ts';
import { ROLE_OBJECTS, type FieldLevel, type ObjectType } from './role-vocabulary.ts';
import { ScopeName } from './scope-select.tsx';
import './roles.css';

/**
 * `/admin/roles/compare?a=<id>&b=<id>` — two roles side by side: the permission matrix cell by
 * cell, the function permissions and the field permissions, every difference highlighted.
 */
export function RoleComparePage() {
  const { t } = useTranslation('roles');
  const [search, setSearch] = useSearchParams();
  const roles = useRoles();
  const a = search.get('a') ?? undefined;
  const b = search.get('b') ?? undefined;

  const pick = (which: 'a' | 'b', id: string) => {
    const next = new URLSearchParams(search);
    next.set(which, id);
    setSearch(next, { replace: true });
  };

  if (roles.isPending) return <Loading />;
  const roleA = roles.data?.find((r) => r.id === a);
  const roleB = roles.data?.find((r) => r.id === b);
  const options = (roles.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.id})` }));

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('compare.title')}
      </Typography.Title>
      {roles.isError && <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />}
      <Form layout="inline">
        {(['a', 'b'] as const).map((which) => (
          <Form.Item
            key={which}
            label={which === 'a' ? t('compare.roleA') : t('compare.roleB')}
            htmlFor={`compare-${which}`}
          >
            <Select
              id={`compare-${which}`}
              aria-label={t('compare.pickLabel', {
                which: which === 'a' ? t('compare.roleA') : t('compare.roleB'),
              })}
              style={{ width: 280 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={which === 'a' ? roleA?.id : roleB?.id}
              onChange={(id: string) => pick(which, id)}
              options={options}
            />
          </Form.Item>
        ))}
      </Form>
      {(roleA === undefined || roleB === undefined) && <EmptyState text={t('compare.pick')} />}
      {roleA !== undefined && roleB !== undefined && roleA.id === roleB.id && (
        <Alert type="info" showIcon title={t('compare.sameRole')} />
      )}
      {roleA !== undefined && roleB !== undefined && roleA.id !== roleB.id && (
        <Comparison a={roleA} b={roleB} />
      )}
      <Link to="/admin/roles">{t('editor.cancel')}</Link>
    </Flex>
  );
}

function FieldLevelName({ level }: { level: FieldLevel | undefined }) {
  const { t } = useTranslation('roles');
  return <>{t(`fieldLevels.${level ?? 'inherit'}`)}</>;
}

function Comparison({ a, b }: { a: Role; b: Role }) {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const [onlyDiff, setOnlyDiff] = useState(false);
  const differences = roleDifferences(a, b).filter((d) => d.part !== 'name');
  const cellDiffers = new Set(
    differences.flatMap((d) => (d.part === 'objects' ? [`${d.object}.${d.action}`] : [])),
  );
  const functions = [...new Set([...a.functions, ...b.functions])].sort();
  const functionRows = functions
    .map((name) => ({ name, a: a.functions.includes(name), b: b.functions.includes(name) }))
    .filter((r) => !onlyDiff || r.a !== r.b);
  const fieldRows = ROLE_OBJECTS.flatMap((object) => {
    const names = new Set([
      ...Object.keys(a.fields[object] ?? {}),
      ...Object.keys(b.fields[object] ?? {}),
    ]);
    return [...names].sort().map((field) => ({
      key: `${object}.${field}`,
      object,
      field,
      a: a.fields[object]?.[field],
      b: b.fields[object]?.[field],
    }));
  }).filter((r) => !onlyDiff || r.a !== r.b);
  const differs = (d: RoleDifference['part']) => differences.filter((x) => x.part === d).length;
  const mark = (
    <Tag style={{ background: '#fff7e6', color: '#873800', borderColor: '#ffd591' }}>
      {t('compare.differs')}
    </Tag>
  );

  return (
    <>
      <Flex gap={16} align="center">
        <Typography.Text strong data-testid="difference-count">
          {differences.length === 0
            ? t('compare.same')
            : t('compare.differences', { count: differences.length })}
        </Typography.Text>
        <Flex gap={8} align="center">
          <Switch id="compare-only-diff" checked={onlyDiff} onChange={setOnlyDiff} />
          <label htmlFor="compare-only-diff">{t('compare.onlyDiff')}</label>
        </Flex>
      </Flex>
      <Card
        size="small"
        title={`${t('compare.objects')} (${t('compare.differences', { count: differs('objects') })})`}
      >
        <MatrixTable
          testId="compare-matrix"
          caption={t('compare.matrixCaption', { a: a.name, b: b.name })}
          highlight={(object, action) => cellDiffers.has(`${object}.${action}`)}
          cell={(object, action) => {
            const sa = scopeOf(a.objects, object, action);
            const sb = scopeOf(b.objects, object, action);
            if (onlyDiff && sa === sb) return null;
            return (
              <Flex vertical gap={2} style={{ fontSize: 12 }}>
                <span>
                  <Typography.Text type="secondary">A </Typography.Text>
                  <ScopeName scope={sa} />
                </span>
                <span>
                  <Typography.Text type="secondary">B </Typography.Text>
                  <ScopeName scope={sb} />
                </span>
                {sa !== sb && <span style={visuallyHidden}>{t('compare.differs')}</span>}
              </Flex>
            );
          }}
        />
      </Card>
      <Flex gap={12} align="flex-start" wrap>
        <Card
          size="small"
          style={{ flex: '1 1 360px' }}
          title={`${t('compare.functions')} (${t('compare.differences', { count: differs('functions') })})`}
        >
          {functionRows.length === 0 ? (
            <EmptyState text={t('compare.noFunctions')} />
          ) : (
            <Table
              data-testid="compare-functions"
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={functionRows}
              rowClassName={(r) => (r.a !== r.b ? 'custos-role-edited' : '')}
              columns={[
                { title: t('editor.function'), render: (_, r) => <code>{r.name}</code> },
                {
                  title: `A · ${a.name}`,
                  render: (_, r) => (r.a ? t('compare.holds') : t('compare.lacks')),
                },
                {
                  title: `B · ${b.name}`,
                  render: (_, r) => (
                    <>
                      {r.b ? t('compare.holds') : t('compare.lacks')} {r.a !== r.b && mark}
                    </>
                  ),
                },
              ]}
            />
          )}
        </Card>
        <Card
          size="small"
          style={{ flex: '1 1 420px' }}
          title={`${t('compare.fields')} (${t('compare.differences', { count: differs('fields') })})`}
        >
          {fieldRows.length === 0 ? (
            <EmptyState text={t('compare.noFieldSettings')} />
          ) : (
            <Table
              data-testid="compare-fields"
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fieldRows}
              rowClassName={(r) => (r.a !== r.b ? 'custos-role-edited' : '')}
              columns={[
                {
                  title: t('editor.field'),
                  render: (_, r) => `${tc(`objects.${r.object as ObjectType}`)} · ${r.field}`,
                },
                { title: `A · ${a.name}`, render: (_, r) => <FieldLevelName level={r.a} /> },
                {
                  title: `B · ${b.name}`,
                  render: (_, r) => (
                    <>
                      <FieldLevelName level={r.b} /> {r.a !== r.b && mark}
                    </>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
