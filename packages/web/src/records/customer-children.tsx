import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ObjectType } from '../shared/admin-types.ts';
import { pathOfObject } from '../shared/record-objects.ts';
import { mayCreate, useMyAccess } from './my-object-access.ts';
import { RecordFormModal } from './record-form-modal.tsx';
import { RecordTable, TotalText, useRecordList } from './record-table.tsx';

/**
 * The list API's parameter that selects the children of one customer: none yet (the list filters
 * are owner, department, sensitivity, updated and fields; a child's customer is none of them).
 * Until there is one, the tab lists what the API offers, every child record I may read, and says
 * so.
 */
export const CUSTOMER_FILTER_PARAM: string | null = null;

/** The children of one object under a customer: what the list API lists for me, and "new". */
export function CustomerChildren({
  object,
  customerId,
}: {
  object: ObjectType;
  customerId: string;
}) {
  const { t } = useTranslation('records');
  const navigate = useNavigate();
  const access = useMyAccess(object);
  const [creating, setCreating] = useState(false);
  const list = useRecordList(
    object,
    CUSTOMER_FILTER_PARAM === null ? {} : { [CUSTOMER_FILTER_PARAM]: customerId },
  );
  const name = t(`common:nav.${pathOfObject(object)}`);
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Flex gap={16} align="baseline">
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('childrenNote', { object: name })}
          </Typography.Title>
          <TotalText answer={list.data?.pages[0]} />
        </Flex>
        {mayCreate(access.data, object) && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('actions.create', { object: t(`common:objects.${object}`) })}
          </Button>
        )}
      </Flex>
      {CUSTOMER_FILTER_PARAM === null && (
        <Alert type="info" showIcon title={t('childrenNoFilter', { object: name })} />
      )}
      <RecordTable object={object} list={list} filtered={false} />
      {creating && (
        <RecordFormModal
          object={object}
          mode={{ kind: 'create', customerId }}
          onClose={() => setCreating(false)}
          onSaved={(record) => void navigate(`/records/${pathOfObject(object)}/${record.id}`)}
        />
      )}
    </Flex>
  );
}
