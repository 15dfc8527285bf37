import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { ObjectType } from './admin-types.ts';
import { pathOfObject } from './record-objects.ts';

interface RecordItem {
  id: string;
  fields: Record<string, unknown>;
}

/**
 * Pick a record of an object by name (name prefix, `GET /v1/<objects>?q=`: the records the
 * signed-in user may read) — or type an id and press Enter to name one directly.
 */
export function RecordPicker({
  object,
  value,
  onChange,
  label,
  id,
  style,
}: {
  object: ObjectType;
  value?: string | null;
  onChange?: (recordId: string | null) => void;
  label: string;
  id?: string;
  style?: React.CSSProperties;
}) {
  const [search, setSearch] = useState('');
  const path = pathOfObject(object);
  const records = useQuery({
    queryKey: ['records', path, 'picker', search],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET(`/v1/${path}` as '/v1/customers', {
          params: { query: { limit: 20, ...(search === '' ? {} : { q: search }) } },
        }),
      );
      return answer.items as RecordItem[];
    },
  });
  const options = (records.data ?? []).map((r) => ({
    value: r.id,
    label: `${typeof r.fields.name === 'string' ? r.fields.name : r.id} (${r.id})`,
  }));
  const typed = search.trim();
  const extra =
    typed !== '' && !options.some((o) => o.value === typed) ? [{ value: typed, label: typed }] : [];
  const current =
    value != null && !options.some((o) => o.value === value) && value !== typed
      ? [{ value, label: value }]
      : [];
  return (
    <Select
      id={id}
      aria-label={label}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      allowClear
      loading={records.isFetching}
      style={{ minWidth: 280, ...style }}
      options={[...current, ...options, ...extra]}
      onChange={(recordId?: string) => onChange?.(recordId ?? null)}
    />
  );
}
