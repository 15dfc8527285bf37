import { useTranslation } from 'react-i18next';
import type { Role } from '../shared/admin-types.ts';

/** A permission or member key in words: `订单 · 新建`, `审批折扣`, `角色 财务专员`. */
export function usePermissionWords(roles: readonly Role[]) {
  const { t } = useTranslation('sod');
  return (key: string): string => {
    const [kind, a = '', b = ''] = key.split(':');
    if (kind === 'record') return `${t(`common:objects.${a}`)} · ${t(`common:actionNames.${b}`)}`;
    if (kind === 'function') return t(`me:functions.${a}`, { defaultValue: a });
    return t('member.role', { name: roles.find((r) => r.id === a)?.name ?? a });
  };
}
