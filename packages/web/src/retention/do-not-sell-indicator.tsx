import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Select, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorState, Loading, errorText } from '../shared/page-state.tsx';

const SOURCES = [
  'portal',
  'web_form',
  'gpc',
  'phone',
  'email',
  'letter',
  'in_person',
  'other',
] as const;
type Source = (typeof SOURCES)[number];

/**
 * A contact's CCPA "不出售或共享我的个人信息 / Do not sell or share" state: a tag, and a switch with
 * the request's source where the API says the caller may change it (`canChange`).
 */
export function DoNotSellIndicator({ contactId }: { contactId: string }) {
  const { t } = useTranslation('retention');
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['do-not-sell', contactId];
  const [source, setSource] = useState<Source>('phone');
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/v1/contacts/{id}/do-not-sell', { params: { path: { id: contactId } } })),
  });
  const change = useMutation({
    mutationFn: (optedOut: boolean) =>
      unwrap(
        api.PUT('/v1/contacts/{id}/do-not-sell', {
          params: { path: { id: contactId } },
          body: { optedOut, source },
        }),
      ),
    onSuccess: async () => {
      message.success(t('doNotSell.saved'));
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const state = query.data;
  return (
    <Flex gap={8} align="center" wrap data-testid="do-not-sell">
      <Typography.Text strong>{t('doNotSell.label')}</Typography.Text>
      <Tag color={state.optedOut ? 'red' : 'default'}>
        {state.optedOut ? t('doNotSell.on') : t('doNotSell.off')}
      </Tag>
      {state.source !== null && (
        <Typography.Text type="secondary">
          {t('doNotSell.source')}: {t(`doNotSell.sources.${state.source}`)} ·{' '}
          {t('doNotSell.received')} {dayjs(state.receivedAt).format('YYYY-MM-DD')}
        </Typography.Text>
      )}
      {state.canChange && (
        <>
          <Select<Source>
            aria-label={t('doNotSell.source')}
            size="small"
            style={{ minWidth: 180 }}
            value={source}
            onChange={setSource}
            options={SOURCES.map((s) => ({ value: s, label: t(`doNotSell.sources.${s}`) }))}
          />
          <Switch
            aria-label={t('doNotSell.toggle')}
            checked={state.optedOut}
            loading={change.isPending}
            onChange={(checked) => change.mutate(checked)}
          />
        </>
      )}
    </Flex>
  );
}
