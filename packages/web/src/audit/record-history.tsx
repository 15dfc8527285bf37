import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../records/record-fields.tsx';
import type { ObjectType } from '../shared/admin-types.ts';
import { EmptyState, ErrorState, Loading } from '../shared/page-state.tsx';
import { diffLines, recordHistory, valueText, type AuditEvent } from './audit-api.ts';

const OUTCOME_COLOR = { success: 'blue', denied: 'red', failure: 'orange' } as const;

/** A record's history tab: its audit events as a timeline, newest first (who, when, what changed). */
export function RecordHistory({ object, id }: { object: ObjectType; id: string }) {
  const { t } = useTranslation(['audit', 'records']);
  const history = useInfiniteQuery({
    queryKey: ['audit', 'history', object, id],
    queryFn: ({ pageParam }) => recordHistory(object, id, pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (history.isLoading) return <Loading />;
  if (history.error !== null)
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <EmptyState text={t('audit:history.empty')} />;
  const what = (e: AuditEvent) => {
    const revealed = (e.after as { field?: unknown } | null)?.field;
    if (e.action.endsWith('.reveal') && typeof revealed === 'string')
      return t('audit:history.revealed', { field: fieldLabel(t, object, revealed) });
    const lines = diffLines(e);
    if (lines.length === 0) return null;
    return (
      <Flex vertical>
        <Typography.Text type="secondary">{t('audit:history.changed')}</Typography.Text>
        {lines.map((l) => (
          <Typography.Text key={l.key}>
            {fieldLabel(t, object, l.key)}: {valueText(l.before)} → {valueText(l.after)}
          </Typography.Text>
        ))}
      </Flex>
    );
  };
  return (
    <Flex vertical gap={8} data-testid="record-history">
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          color: OUTCOME_COLOR[e.outcome],
          content: (
            <Flex vertical gap={2}>
              <Space2>
                <Typography.Text strong>{e.action}</Typography.Text>
                {e.outcome !== 'success' && <Tag>{t(`audit:outcome.${e.outcome}`)}</Tag>}
              </Space2>
              <Typography.Text type="secondary">
                {t('audit:history.by', {
                  actor: e.actorName ?? e.actorId ?? t('audit:system'),
                  at: dayjs(e.at).format('YYYY-MM-DD HH:mm'),
                })}
                {e.actingAsId !== null &&
                  t('audit:history.actingAs', { user: e.actingAsName ?? e.actingAsId })}
              </Typography.Text>
              {what(e)}
            </Flex>
          ),
        }))}
      />
      {history.hasNextPage && (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('audit:more')}
        </Button>
      )}
    </Flex>
  );
}

function Space2({ children }: { children: React.ReactNode }) {
  return (
    <Flex gap={6} align="center">
      {children}
    </Flex>
  );
}
