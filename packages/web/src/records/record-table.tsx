import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectType } from '../shared/admin-types.ts';
import { EmptyState, ErrorState } from '../shared/page-state.tsx';
import { pathOfObject } from '../shared/record-objects.ts';
import { listRecords, type RecordListAnswer } from './record-api.ts';
import { fieldLabel, FieldValue, recordTitle, titleFieldOf } from './record-fields.tsx';

type Row = RecordListAnswer['items'][number];

/** How many records a page of the list asks for. */
export const PAGE_SIZE = 50;

/**
 * The caller's records of an object, page by page (cursor paging: `nextCursor`); the total they
 * may see comes with the first page.
 */
export function useRecordList(object: ObjectType, query: Record<string, unknown>) {
  return useInfiniteQuery({
    queryKey: ['records', pathOfObject(object), 'list', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      listRecords(object, {
        limit: PAGE_SIZE,
        ...query,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * The columns a list shows: the fields some row has (a field hidden from the caller is absent
 * from every row, so it has no column), in the order the rows give them, the naming field first.
 */
export function columnFields(rows: readonly Row[]): string[] {
  const fields: string[] = [];
  for (const row of rows)
    for (const name of Object.keys(row.fields)) if (!fields.includes(name)) fields.push(name);
  const title = rows[0] === undefined ? undefined : titleFieldOf(rows[0].fields);
  return title === undefined ? fields : [title, ...fields.filter((f) => f !== title)];
}

/** The total the caller may see, in words ("10,000+" past the counted bound). */
export function TotalText({ answer }: { answer: RecordListAnswer | undefined }) {
  const { t, i18n } = useTranslation('records');
  if (answer?.total === null || answer?.total === undefined) return null;
  return (
    <Typography.Text data-testid="record-total" data-total={answer.total}>
      {answer.totalExact === false
        ? t('totalAtLeast')
        : t('total', { total: answer.total.toLocaleString(i18n.language) })}
    </Typography.Text>
  );
}

/** A table of records (links to each record), with "load more" while there are more pages. */
export function RecordTable({
  object,
  list,
  filtered,
}: {
  object: ObjectType;
  list: ReturnType<typeof useRecordList>;
  filtered: boolean;
}) {
  const { t } = useTranslation('records');
  const path = pathOfObject(object);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.error !== null && rows.length === 0)
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  // In the order the console names the object's fields (fields it has no words for: last).
  const known = Object.keys(
    t(`fields.${object}`, { returnObjects: true, defaultValue: {} }) as Record<string, string>,
  );
  const rank = (f: string) => (known.includes(f) ? known.indexOf(f) : known.length);
  const [title, ...rest] = columnFields(rows);
  const fields = title === undefined ? [] : [title, ...rest.sort((a, b) => rank(a) - rank(b))];
  const columns: TableColumnsType<Row> = [
    ...fields.map((field, index) => ({
      key: field,
      title: fieldLabel(t, object, field),
      render: (_: unknown, row: Row) => {
        const masked = row.maskedFields?.includes(field) ?? false;
        if (index === 0)
          return (
            <Space size={4}>
              <Link to={`/records/${path}/${row.id}`} data-testid="record-link" data-id={row.id}>
                {recordTitle(row)}
              </Link>
              {masked && <FieldValue value="" masked />}
            </Space>
          );
        return field in row.fields ? (
          <FieldValue value={row.fields[field]} masked={masked} />
        ) : null;
      },
    })),
    {
      key: 'ownerId',
      title: t('columns.owner'),
      render: (_: unknown, row: Row) => row.ownerId ?? '',
    },
    {
      key: 'sensitivity',
      title: t('columns.sensitivity'),
      render: (_: unknown, row: Row) =>
        row.sensitivity === undefined ? '' : t(`sensitivities.${row.sensitivity}`),
    },
    {
      key: 'updatedAt',
      title: t('columns.updatedAt'),
      render: (_: unknown, row: Row) =>
        row.updatedAt === undefined ? '' : dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <>
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content', y: 400 }}
        locale={{
          emptyText: list.isLoading ? (
            t('common:loading')
          ) : (
            <EmptyState text={filtered ? t('noMatch') : t('noRecords')} />
          ),
        }}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text>{t('shown', { count: rows.length })}</Typography.Text>
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('loadMore')}
          </Button>
        )}
        {list.error !== null && rows.length > 0 && <ErrorState error={list.error} />}
      </Space>
    </>
  );
}
