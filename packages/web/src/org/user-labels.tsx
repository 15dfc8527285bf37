import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { nameOf, useRoles, useUser } from './org-data.ts';

/** A user's name by id (looked up once and cached), the id while loading or when unknown. */
export function UserName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const user = useUser(id);
  if (id == null) return <>{t('none')}</>;
  return <>{user.data?.name ?? id}</>;
}

/** A user's roles as tags, by name. */
export function RoleTags({ roleIds }: { roleIds: readonly string[] }) {
  const { t } = useTranslation();
  const roles = useRoles();
  if (roleIds.length === 0) return <>{t('none')}</>;
  return (
    <>
      {roleIds.map((id) => (
        <Tag key={id}>{nameOf(roles.data, id)}</Tag>
      ))}
    </>
  );
}

/** A user's status in words (active, suspended, departed). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('org');
  // Default colours: the coloured presets are below the contrast WCAG AA asks for small text.
  return <Tag>{t(`statuses.${status}`)}</Tag>;
}
