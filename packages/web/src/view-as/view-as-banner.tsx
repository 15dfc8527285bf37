import { EyeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { useMe, type Me } from '../auth/use-me.ts';
import { useViewAsControl, useViewAsTarget } from './use-view-as.ts';

/** The viewer named by `GET /v1/auth/me` under view-as (`viewAs`), when the API says so. */
export function viewerOf(me: Me | null | undefined): NonNullable<Me['viewAs']> | null {
  return me?.viewAs ?? null;
}

/**
 * The "viewing as" banner: while the console reads as another user it names them (as the API
 * answers `/v1/auth/me`: the viewed user, with `viewAs` naming the viewer) and offers the way
 * out. A write the API refuses meanwhile (`VIEW_AS_READ_ONLY`) is announced in words.
 */
export function ViewAsBanner() {
  return <ViewAsBannerFor me={useMe().data} />;
}

/**
 * The banner for a known answer of `/v1/auth/me` (or none: the API refused the viewed user).
 * It fetches nothing itself: shown in place of a page whose `/v1/auth/me` failed, it must not ask
 * again (a new observer of a failed query would refetch it, and the page would loop).
 */
export function ViewAsBannerFor({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation('viewAs');
  const target = useViewAsTarget();
  const { exit } = useViewAsControl();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (target === null) return;
    return queryClient.getMutationCache().subscribe((event) => {
      const error = event.mutation?.state.error;
      if (
        event.type === 'updated' &&
        error instanceof ApiError &&
        error.code === 'VIEW_AS_READ_ONLY'
      )
        void message.error(t('readOnlyRefused', { message: error.message }));
    });
  }, [message, queryClient, t, target]);

  if (target === null) return null;
  const viewer = viewerOf(me);
  // The API's answer names the user; until it has answered, the name stored when starting.
  const name = viewer !== null && me ? me.user.name : target.name;
  return (
    <div role="status" aria-live="polite" data-testid="view-as-banner">
      <Alert
        type="warning"
        showIcon
        icon={<EyeOutlined />}
        banner
        title={<strong>{t('banner', { name })}</strong>}
        description={
          <>
            {t('bannerDetail', { name })}
            {viewer !== null && (
              <> {t('bannerBy', { viewer: viewer.actorName ?? viewer.actorId })}</>
            )}
          </>
        }
        action={
          <Button type="primary" danger onClick={() => exit()}>
            {t('exit')}
          </Button>
        }
        style={{ paddingInline: 24 }}
      />
    </div>
  );
}
