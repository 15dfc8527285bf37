import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { holds, useMe } from '../auth/use-me.ts';
import { useViewAsControl, useViewAsTarget } from './use-view-as.ts';

/**
 * "View as <user>": shown to holders of the `view_as` function (as `GET /v1/auth/me` says), for
 * anyone but themselves, when not already viewing as someone. `to` is where the console goes
 * then (default: the customer list). The API decides the rest (it refuses a user who holds more
 * than the viewer, in words).
 */
export function ViewAsButton({
  userId,
  name,
  to = '/records/customers',
  size,
  type,
}: {
  userId: string;
  name: string;
  to?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}) {
  const { t } = useTranslation('viewAs');
  const me = useMe().data;
  const viewing = useViewAsTarget();
  const { start } = useViewAsControl();
  if (!holds(me, 'view_as') || viewing !== null || me?.user.id === userId) return null;
  return (
    <Tooltip title={t('startHelp', { name })}>
      <Button
        icon={<EyeOutlined />}
        size={size}
        type={type}
        onClick={() => start({ userId, name }, to)}
      >
        {t('start', { name })}
      </Button>
    </Tooltip>
  );
}
