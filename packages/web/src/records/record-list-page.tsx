import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { holds, useMe } from '../auth/use-me.ts';
import { ExportButton } from '../retention/export-button.tsx';
import type { ObjectType } from '../shared/admin-types.ts';
import { NotFoundPage } from '../shared/not-found-page.tsx';
import { objectOfPath, pathOfObject } from '../shared/record-objects.ts';
import { mayCreate, useMyAccess } from './my-object-access.ts';
import { SORTS, type RecordSort } from './record-api.ts';
import { RecordFilterBar, filterQuery, hasFilters, type RecordFilters } from './record-filters.tsx';
import { RecordFormModal } from './record-form-modal.tsx';
import { RecordTable, TotalText, useRecordList } from './record-table.tsx';

/** The list of records of one object the signed-in user may read (`/records/:object`). */
export function RecordListPage() {
  const object = objectOfPath(useParams().object);
  if (object === undefined) return <NotFoundPage />;
  // A fresh list (search, filters, paging) for each object.
  return <RecordList key={object} object={object} />;
}

function RecordList({ object }: { object: ObjectType }) {
  const { t } = useTranslation('records');
  const navigate = useNavigate();
  const me = useMe().data;
  const access = useMyAccess(object);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<RecordSort>('-updatedAt');
  const [filters, setFilters] = useState<RecordFilters>({});
  const [creating, setCreating] = useState(false);
  const query = {
    sort,
    ...(search === '' ? {} : { q: search }),
    ...filterQuery(filters, me?.user.id),
  };
  const list = useRecordList(object, query);
  const objectName = t(`common:objects.${object}`);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space align="baseline" size={16}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t(`common:nav.${pathOfObject(object)}`)}
          </Typography.Title>
          <TotalText answer={list.data?.pages[0]} />
        </Space>
        <Space wrap>
          <Input.Search
            aria-label={t('searchLabel')}
            placeholder={t('searchPlaceholder')}
            allowClear
            style={{ width: 220 }}
            maxLength={200}
            onSearch={(value) => setSearch(value.trim())}
          />
          <Select<RecordSort>
            aria-label={t('sortLabel')}
            style={{ width: 180 }}
            value={sort}
            options={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
            onChange={setSort}
          />
          {holds(me, 'export') && <ExportButton path={pathOfObject(object)} />}
          {mayCreate(access.data, object) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('actions.create', { object: objectName })}
            </Button>
          )}
        </Space>
      </Flex>
      <RecordFilterBar
        object={object}
        filters={filters}
        onChange={setFilters}
        myDepartmentId={access.data?.user.departmentId}
      />
      <RecordTable object={object} list={list} filtered={search !== '' || hasFilters(filters)} />
      {creating && (
        <RecordFormModal
          object={object}
          mode={{ kind: 'create' }}
          onClose={() => setCreating(false)}
          onSaved={(record) => void navigate(`/records/${pathOfObject(object)}/${record.id}`)}
        />
      )}
    </Flex>
  );
}
