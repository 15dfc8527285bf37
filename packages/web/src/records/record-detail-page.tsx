import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  QuestionCircleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { RecordHistory } from '../audit/record-history.tsx';
import { RevealButton } from '../audit/reveal-button.tsx';
import { holds, useMe } from '../auth/use-me.ts';
import type { ObjectType } from '../shared/admin-types.ts';
import { NotFoundPage } from '../shared/not-found-page.tsx';
import { ErrorState, Loading } from '../shared/page-state.tsx';
import { ConsentTab } from '../privacy/consent-tab.tsx';
import { DoNotSellIndicator } from '../retention/do-not-sell-indicator.tsx';
import { RequestAccessButton } from '../requests/request-access-button.tsx';
import { objectOfPath, pathOfObject, RECORD_OBJECTS } from '../shared/record-objects.ts';
import { CustomerChildren } from './customer-children.tsx';
import { CustomerTeam } from './customer-team.tsx';
import { ExplainDrawer } from './explain-drawer.tsx';
import { deleteRecord, getRecord, type RecordView } from './record-api.ts';
import { EncryptedMarker, fieldLabel, FieldValue, recordTitle } from './record-fields.tsx';
import { editFields, RecordFormModal } from './record-form-modal.tsx';
import { TransferModal } from './transfer-modal.tsx';

/** One record (`/records/:object/:id`); a record I may not read is "not found". */
export function RecordDetailPage() {
  const params = useParams();
  const object = objectOfPath(params.object);
  if (object === undefined || params.id === undefined) return <NotFoundPage />;
  return <RecordDetail key={`${object}/${params.id}`} object={object} id={params.id} />;
}

function useRecord(object: ObjectType, id: string) {
  return useQuery({
    queryKey: ['records', pathOfObject(object), 'detail', id],
    queryFn: () => getRecord(object, id),
  });
}

function RecordDetail({ object, id }: { object: ObjectType; id: string }) {
  const { t } = useTranslation('records');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const record = useRecord(object, id);
  const [editing, setEditing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [explaining, setExplaining] = useState(false);
  const path = pathOfObject(object);
  const remove = useMutation({
    mutationFn: () => deleteRecord(object, id),
    onSuccess: async () => {
      void message.success(t('delete.done'));
      await navigate(`/records/${path}`, { replace: true });
      queryClient.removeQueries({ queryKey: ['records', path, 'detail', id] });
      await queryClient.invalidateQueries({ queryKey: ['records'] });
    },
    onError: (error) => void message.error(error.message),
  });

  if (record.isLoading) return <Loading />;
  if (record.error instanceof ApiError && record.error.status === 404)
    return <NotFoundPage extra={<RequestAccessButton object={object} recordId={id} />} />;
  if (record.error !== null || record.data === undefined)
    return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  const view = record.data;
  const objectName = t(`common:objects.${object}`);
  // Viewing as someone is read-only (the API refuses every write): no write buttons then.
  const readOnly = me?.viewAs != null;
  const permissions = readOnly ? {} : view.permissions;

  const details = (
    <RecordFields
      object={object}
      record={view}
      mayReveal={!readOnly && holds(me, 'reveal_masked')}
    />
  );
  const history = {
    key: 'history',
    label: t('audit:history.tab'),
    children: <RecordHistory object={object} id={view.id} />,
  };
  return (
    <Flex vertical gap={12}>
      <div>
        <Link to={`/records/${path}`}>
          <ArrowLeftOutlined aria-hidden /> {t('detail.back')}
        </Link>
      </div>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space align="center">
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {recordTitle(view)}
          </Typography.Title>
          <Tag>{objectName}</Tag>
        </Space>
        <Space wrap>
          <Button icon={<QuestionCircleOutlined />} onClick={() => setExplaining(true)}>
            {t('actions.explain')}
          </Button>
          {permissions.update === true && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('actions.edit')}
            </Button>
          )}
          {permissions.transfer === true && (
            <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)}>
              {t('actions.transfer')}
            </Button>
          )}
          {permissions.delete === true && (
            <Popconfirm
              title={t('delete.title', { object: objectName })}
              description={t('delete.text')}
              okText={t('actions.delete')}
              cancelText={t('common:cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('actions.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      <RecordMeta object={object} record={view} />
      {object === 'contact' && <DoNotSellIndicator contactId={view.id} />}
      {object === 'customer' ? (
        <Tabs
          items={[
            { key: 'fields', label: t('tabs.fields'), children: details },
            {
              key: 'team',
              label: t('tabs.team'),
              children: <CustomerTeam customerId={view.id} mayShare={permissions.share === true} />,
            },
            ...RECORD_OBJECTS.filter((o) => o.object !== 'customer').map((o) => ({
              key: o.path,
              label: t(`common:nav.${o.path}`),
              children: <CustomerChildren object={o.object} customerId={view.id} />,
            })),
            history,
          ]}
        />
      ) : (
        <Tabs
          items={[
            { key: 'fields', label: t('tabs.fields'), children: details },
            ...(object === 'contact'
              ? [
                  {
                    key: 'consents',
                    label: t('privacy:consent.tab'),
                    children: <ConsentTab contactId={view.id} />,
                  },
                ]
              : []),
            history,
          ]}
        />
      )}
      {editing && (
        <RecordFormModal
          object={object}
          mode={{ kind: 'edit', record: view }}
          onClose={() => setEditing(false)}
          onSaved={(saved) => queryClient.setQueryData(['records', path, 'detail', id], saved)}
        />
      )}
      {transferring && (
        <TransferModal
          object={object}
          record={view}
          onClose={() => setTransferring(false)}
          onTransferred={(visible) => {
            if (!visible) void navigate(`/records/${path}`, { replace: true });
          }}
        />
      )}
      {me != null && (
        <ExplainDrawer
          open={explaining}
          onClose={() => setExplaining(false)}
          userId={me.user.id}
          object={object}
          recordId={view.id}
        />
      )}
    </Flex>
  );
}

/** Who owns the record, its customer, sensitivity and last update. */
function RecordMeta({ object, record }: { object: ObjectType; record: RecordView }) {
  const { t } = useTranslation('records');
  const items = [
    { key: 'id', label: t('detail.id'), children: record.id },
    ...(object === 'customer'
      ? []
      : [
          {
            key: 'customer',
            label: t('detail.customer'),
            children: (
              <Link to={`/records/customers/${record.customerId}`} data-testid="customer-link">
                {record.customerId}
              </Link>
            ),
          },
        ]),
    ...(record.ownerId === undefined
      ? []
      : [{ key: 'owner', label: t('detail.owner'), children: record.ownerId ?? '' }]),
    ...(record.departmentId === undefined
      ? []
      : [
          { key: 'department', label: t('detail.department'), children: record.departmentId ?? '' },
        ]),
    ...(record.sensitivity === undefined
      ? []
      : [
          {
            key: 'sensitivity',
            label: t('detail.sensitivity'),
            children: t(`sensitivities.${record.sensitivity}`),
          },
        ]),
    ...(record.updatedAt === undefined
      ? []
      : [
          {
            key: 'updatedAt',
            label: t('detail.updatedAt'),
            children: dayjs(record.updatedAt).format('YYYY-MM-DD HH:mm'),
          },
        ]),
  ];
  return <Descriptions size="small" column={3} items={items} />;
}

/**
 * The record's fields by the API's `fieldLevels`: hidden fields absent, masked ones shown masked
 * and marked, read-only ones marked; editable ones plain.
 */
function RecordFields({
  object,
  record,
  mayReveal,
}: {
  object: ObjectType;
  record: RecordView;
  /** The user holds `reveal_masked` (and is not viewing as someone): a reveal button by each masked value. */
  mayReveal: boolean;
}) {
  const { t } = useTranslation('records');
  const masked = new Set(record.maskedFields ?? []);
  const items = editFields(record).map((field) => ({
    key: field.name,
    label: (
      <span data-field={field.name} data-level={field.level}>
        {fieldLabel(t, object, field.name)}
        {field.level === 'read' && (
          <Tag style={{ marginInlineStart: 6 }} data-testid="read-only-marker">
            {t('readOnly')}
          </Tag>
        )}
        {record.encryptedFields?.includes(field.name) === true && <EncryptedMarker />}
      </span>
    ),
    children: (
      <Space size={8} align="start" wrap>
        <FieldValue
          value={record.fields[field.name]}
          masked={masked.has(field.name) || field.level === 'masked'}
        />
        {mayReveal && masked.has(field.name) && (
          <RevealButton object={object} id={record.id} field={field.name} />
        )}
      </Space>
    ),
  }));
  return (
    <Flex vertical gap={4}>
      <Descriptions bordered size="small" column={2} items={items} data-testid="record-fields" />
      <Typography.Text type="secondary">{t('detail.hiddenNote')}</Typography.Text>
    </Flex>
  );
}
