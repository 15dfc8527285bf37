import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useMe } from '../auth/use-me.ts';
import type { Language } from '../i18n/languages.ts';
import type { ObjectType, User } from '../shared/admin-types.ts';
import { errorText, ErrorState, Loading } from '../shared/page-state.tsx';
import { RecordPicker } from '../shared/record-picker.tsx';
import { objectOfPath, pathOfObject, RECORD_OBJECTS } from '../shared/record-objects.ts';
import { UserPicker } from '../shared/user-picker.tsx';
import { ViewAsButton } from '../view-as/view-as-button.tsx';
import {
  INSPECTED_ACTIONS,
  useDecisions,
  useExplanations,
  useFieldView,
  type FieldLevel,
  type Inspected,
} from './record-access.ts';

// Dark enough for white text (WCAG AA contrast); hidden stays the neutral tag.
const LEVEL_COLOURS: Record<FieldLevel, string | undefined> = {
  edit: '#237804',
  read: '#0958d9',
  masked: '#ad4e00',
  hidden: undefined,
};
const ALLOWED_COLOUR = '#237804';
const DENIED_COLOUR = '#a8071a';

/** The user's name (`GET /v1/admin/users/:id`): a deep link names the user by id only. */
function useUserName(userId: string | null) {
  return useQuery({
    queryKey: ['admin', 'users', userId],
    enabled: userId !== null,
    queryFn: async () =>
      (await unwrap(api.GET('/v1/admin/users/{id}', { params: { path: { id: userId ?? '' } } })))
        .data as User,
  });
}

/**
 * The access inspector (`/admin/inspector?user=&object=&record=`): for a user and a record, the
 * decision of every action with its reasons in words (`/v1/authz/check` and `/v1/authz/explain`,
 * subject = the user), every field's level as the user reads the record, and "view as" the user.
 */
export function AccessInspectorPage() {
  const { t } = useTranslation('inspector');
  const [params, setParams] = useSearchParams();
  const user = params.get('user');
  const object: ObjectType = objectOfPath(params.get('object') ?? '') ?? 'customer';
  const record = params.get('record');
  const named = useUserName(user);

  const change = (next: { user?: string | null; object?: ObjectType; record?: string | null }) => {
    const merged = {
      user: next.user !== undefined ? next.user : user,
      object: pathOfObject(next.object ?? object),
      // Another object: the record picked before belongs to the old one.
      record: next.record !== undefined ? next.record : next.object !== undefined ? null : record,
    };
    setParams(
      Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null)) as Record<
        string,
        string
      >,
      { replace: true },
    );
  };

  const name = named.data?.name ?? user ?? '';
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('user')} htmlFor="inspector-user">
            <UserPicker
              id="inspector-user"
              label={t('user')}
              value={user}
              onChange={(id) => change({ user: id })}
            />
          </Form.Item>
          <Form.Item label={t('object')} htmlFor="inspector-object">
            <Select
              id="inspector-object"
              aria-label={t('object')}
              value={object}
              style={{ width: 120 }}
              options={RECORD_OBJECTS.map((o) => ({
                value: o.object,
                label: t(`objects.${o.object}`, { ns: 'common' }),
              }))}
              onChange={(o: ObjectType) => change({ object: o })}
            />
          </Form.Item>
          <Form.Item label={t('record')} htmlFor="inspector-record">
            <RecordPicker
              id="inspector-record"
              label={t('record')}
              object={object}
              value={record}
              onChange={(id) => change({ record: id })}
            />
          </Form.Item>
          {user !== null && named.data !== undefined && (
            <Form.Item>
              <ViewAsButton
                userId={user}
                name={named.data.name}
                to={`/records/${pathOfObject(object)}`}
              />
            </Form.Item>
          )}
        </Form>
      </Card>
      {named.isError && <ErrorState error={named.error} />}
      {user === null || record === null ? (
        <Alert type="info" showIcon title={t('pick')} />
      ) : (
        <Inspection inspected={{ user, object, record }} name={name} />
      )}
    </>
  );
}

function Inspection({ inspected, name }: { inspected: Inspected; name: string }) {
  const { t, i18n } = useTranslation('inspector');
  const language = i18n.language as Language;
  const decisions = useDecisions(inspected);
  const explanations = useExplanations(inspected);
  const me = useMe().data;
  const fields = useFieldView(inspected, me?.user.id);

  const rows = INSPECTED_ACTIONS.map((action, i) => ({
    action,
    check: decisions.data?.get(action),
    explanation: explanations[i],
  }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('decisions', { name })}</h2>}
      >
        {decisions.isError ? (
          <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
        ) : decisions.isPending ? (
          <Loading />
        ) : (
          <Table
            size="small"
            data-testid="inspector-decisions"
            rowKey="action"
            pagination={false}
            dataSource={rows}
            onRow={(r) => ({ 'data-action': r.action }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('action'),
                width: 90,
                render: (_, r) => t(`actionNames.${r.action}`, { ns: 'common' }),
              },
              {
                title: t('decision'),
                width: 110,
                render: (_, r) =>
                  r.check === undefined ? null : r.check.allowed ? (
                    <Tag
                      color={ALLOWED_COLOUR}
                      icon={<CheckCircleFilled aria-hidden />}
                      data-decision="allowed"
                    >
                      {t('allowed')}
                    </Tag>
                  ) : (
                    <Tag
                      color={DENIED_COLOUR}
                      icon={<CloseCircleFilled aria-hidden />}
                      data-decision="denied"
                    >
                      {t('denied')}
                    </Tag>
                  ),
              },
              {
                title: t('reasons'),
                render: (_, r) => {
                  const e = r.explanation;
                  if (e === undefined) return null;
                  if (e.isError)
                    return (
                      <Typography.Text type="danger">
                        {t('explainFailed', { message: errorText(e.error) })}
                      </Typography.Text>
                    );
                  if (e.data === undefined) return t('loading', { ns: 'common' });
                  const kinds = e.data.allowed
                    ? e.data.allowedBy.map((b) => String(b.kind))
                    : e.data.deniedBy === null
                      ? []
                      : [String(e.data.deniedBy.kind)];
                  return (
                    <>
                      {[...new Set(kinds)].map((kind) => (
                        <Tag key={kind} style={{ marginInlineEnd: 6 }}>
                          {t(`reasonKinds.${kind}`, { defaultValue: kind })}
                        </Tag>
                      ))}
                      <span data-testid="reason-text">{e.data.text?.[language]}</span>
                    </>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('fields', { name })}</h2>}
      >
        {fields.isPending ? (
          <Loading />
        ) : fields.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('fieldsUnavailable', { name, message: errorText(fields.error) })}
          />
        ) : fields.data.kind === 'unreadable' ? (
          <Alert type="info" showIcon title={t('fieldsUnreadable', { name })} />
        ) : fields.data.kind === 'not_served_as' ? (
          <Alert type="warning" showIcon title={t('fieldsNotServedAs')} />
        ) : (
          <FieldTable levels={fields.data.levels} values={fields.data.fields} name={name} />
        )}
      </Card>
    </Space>
  );
}

function FieldTable({
  levels,
  values,
  name,
}: {
  levels: Record<string, FieldLevel>;
  values: Record<string, unknown>;
  name: string;
}) {
  const { t } = useTranslation('inspector');
  const rows = Object.entries(levels).map(([field, level]) => ({ field, level }));
  return (
    <Table
      size="small"
      data-testid="inspector-fields"
      rowKey="field"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('noFields') }}
      onRow={(r) => ({ 'data-field': r.field }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('field'), dataIndex: 'field', render: (f: string) => <code>{f}</code> },
        {
          title: t('level'),
          dataIndex: 'level',
          width: 120,
          render: (level: FieldLevel) => (
            <Tag color={LEVEL_COLOURS[level]} data-level={level}>
              {t(`levels.${level}`)}
            </Tag>
          ),
        },
        {
          title: t('value', { name }),
          render: (_, r) => {
            if (r.level === 'hidden' || !Object.hasOwn(values, r.field)) return '—';
            const v = values[r.field];
            return v === null || v === undefined
              ? '—'
              : typeof v === 'object'
                ? JSON.stringify(v)
                : String(v);
          },
        },
      ]}
    />
  );
}
