import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '../shared/page-state.tsx';
import {
  auditActors,
  auditExportUrl,
  searchAudit,
  type AuditEvent,
  type AuditFilters,
} from './audit-api.ts';
import { EventDiff } from './event-diff.tsx';

/** An ISO instant as `YYYY-MM-DD HH:mm:ss` in UTC. */
const utcText = (at: string): string => at.replace('T', ' ').slice(0, 19);

/** Pick a user to filter by (the audit API's list: an auditor need not administer users). */
function ActorPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('audit');
  const [search, setSearch] = useState('');
  const actors = useQuery({
    queryKey: ['audit', 'actors', search],
    queryFn: () => auditActors(search),
  });
  return (
    <Select
      id="audit-actor"
      aria-label={t('filters.actor')}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      style={{ minWidth: 200 }}
      value={value}
      loading={actors.isLoading}
      options={(actors.data?.users ?? []).map((u) => ({
        value: u.id,
        label: `${u.name} (${u.id})`,
      }))}
      onChange={(id?: string) => onChange(id ?? undefined)}
    />
  );
}

/** The audit log (`/admin/audit`, function `audit_view`): filters, events, a diff, export. */
export function AuditLogPage() {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<AuditFilters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: ({ pageParam }) =>
      searchAudit({ ...filters, limit: 50, ...(pageParam === null ? {} : { cursor: pageParam }) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const apply = () =>
    setFilters({
      ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined && v !== '')),
      ...(range?.[0] ? { from: range[0].startOf('day').toISOString() } : {}),
      ...(range?.[1] ? { to: range[1].add(1, 'day').startOf('day').toISOString() } : {}),
    });
  const reset = () => {
    setDraft({});
    setRange(null);
    setFilters({});
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <Form layout="inline" onFinish={apply} style={{ rowGap: 8 }}>
        <Form.Item label={t('filters.actor')} htmlFor="audit-actor">
          <ActorPicker
            value={draft.actorId}
            onChange={(actorId) => setDraft((d) => ({ ...d, actorId }))}
          />
        </Form.Item>
        <Form.Item label={t('filters.action')} htmlFor="audit-action">
          <Input
            id="audit-action"
            placeholder={t('filters.actionPlaceholder')}
            value={draft.action ?? ''}
            maxLength={100}
            onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value.trim() }))}
          />
        </Form.Item>
        <Form.Item label={t('filters.target')} htmlFor="audit-target">
          <Input
            id="audit-target"
            placeholder={t('filters.targetPlaceholder')}
            value={draft.target ?? ''}
            maxLength={300}
            onChange={(e) => setDraft((d) => ({ ...d, target: e.target.value.trim() }))}
          />
        </Form.Item>
        <Form.Item label={t('filters.outcome')} htmlFor="audit-outcome">
          <Select
            id="audit-outcome"
            aria-label={t('filters.outcome')}
            allowClear
            style={{ minWidth: 120 }}
            value={draft.outcome}
            onChange={(outcome?: AuditFilters['outcome']) => setDraft((d) => ({ ...d, outcome }))}
            options={(['success', 'denied', 'failure'] as const).map((o) => ({
              value: o,
              label: t(`outcome.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('filters.time')}>
          <DatePicker.RangePicker
            aria-label={t('filters.time')}
            value={range}
            onChange={(v) => setRange(v)}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('filters.search')}
          </Button>
          <Button onClick={reset}>{t('filters.reset')}</Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={auditExportUrl(filters, 'csv')}>
            {t('exportCsv')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} href={auditExportUrl(filters, 'json')}>
            {t('exportJson')}
          </Button>
        </Space>
      </Form>
      {events.error !== null ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={events.isLoading}
          dataSource={items}
          pagination={false}
          data-testid="audit-table"
          locale={{ emptyText: <EmptyState text={t('empty')} /> }}
          columns={[
            {
              title: t('columns.at'),
              key: 'at',
              render: (_: unknown, e: AuditEvent) => utcText(e.at),
            },
            {
              title: t('columns.actor'),
              key: 'actor',
              render: (_: unknown, e: AuditEvent) => e.actorName ?? e.actorId ?? t('system'),
            },
            {
              title: t('columns.actingAs'),
              key: 'actingAs',
              render: (_: unknown, e: AuditEvent) => e.actingAsName ?? e.actingAsId ?? '',
            },
            { title: t('columns.action'), dataIndex: 'action', key: 'action' },
            { title: t('columns.target'), dataIndex: 'target', key: 'target' },
            {
              title: t('columns.outcome'),
              key: 'outcome',
              render: (_: unknown, e: AuditEvent) => (
                <Tag data-outcome={e.outcome}>{t(`outcome.${e.outcome}`)}</Tag>
              ),
            },
            { title: t('columns.ip'), dataIndex: 'ip', key: 'ip' },
            {
              title: t('columns.details'),
              key: 'details',
              render: (_: unknown, e: AuditEvent) => (
                <Button size="small" autoInsertSpace={false} onClick={() => setOpen(e)}>
                  {t('view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {events.hasNextPage && (
        <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('more')}
        </Button>
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="large"
        destroyOnHidden
        title={open === null ? '' : t('drawer.title', { id: open.id })}
      >
        {open !== null && (
          // The drawer's body may scroll: focusable, so a keyboard can scroll it.
          <Flex vertical gap={12} tabIndex={0} aria-label={t('drawer.title', { id: open.id })}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'at', label: t('columns.at'), children: open.at },
                {
                  key: 'actor',
                  label: t('columns.actor'),
                  children: open.actorName ?? open.actorId ?? t('system'),
                },
                { key: 'action', label: t('columns.action'), children: open.action },
                { key: 'target', label: t('columns.target'), children: open.target ?? '' },
                {
                  key: 'outcome',
                  label: t('columns.outcome'),
                  children: t(`outcome.${open.outcome}`),
                },
                { key: 'ip', label: t('columns.ip'), children: open.ip ?? '' },
                { key: 'ua', label: t('drawer.userAgent'), children: open.userAgent ?? '' },
                { key: 'rid', label: t('drawer.requestId'), children: open.requestId ?? '' },
              ]}
            />
            <EventDiff event={open} />
          </Flex>
        )}
      </Drawer>
    </Flex>
  );
}
