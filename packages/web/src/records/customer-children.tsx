import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ObjectType } from '../shared/admin-types.ts';
import { pathOfObject } from '../shared/record-objects.ts';
import { mayCreate, useMyAccess } from './my-object-access.ts';
import { RecordFormModal } from './record-form-modal.tsx';
import { RecordTable, TotalText, useRecordList } from './record-table.tsx';

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
  // The list API's `customerId` filter: this customer's records that I may read.
  const list = useRecordList(object, { customerId });
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
