import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { AdminPage, User } from './admin-types.ts';

/**
 * Pick a user by name (searched on the server: `GET /v1/admin/users?q=`; needs `user_admin`).
 * The value is the user id; `label` names the field for screen readers.
 */
export function UserPicker({
  value,
  onChange,
  label,
  id,
  disabled,
  allowClear = true,
  style,
}: {
  value?: string | null;
  onChange?: (userId: string | null, user: User | undefined) => void;
  label: string;
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const [search, setSearch] = useState('');
  const users = useQuery({
    queryKey: ['admin', 'users', 'picker', search],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/users', {
          params: { query: { limit: 50, ...(search === '' ? {} : { q: search }) } },
        }),
      )) as unknown as AdminPage<User>,
  });
  const options = (users.data?.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} (${u.id})`,
  }));
  // The chosen user stays shown while another search is typed.
  const known = value != null && !options.some((o) => o.value === value);
  return (
    <Select
      id={id}
      aria-label={label}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      disabled={disabled}
      allowClear={allowClear}
      loading={users.isFetching}
      style={{ minWidth: 240, ...style }}
      options={known ? [{ value, label: value }, ...options] : options}
      onChange={(userId?: string) =>
        onChange?.(
          userId ?? null,
          users.data?.data.find((u) => u.id === userId),
        )
      }
    />
  );
}
