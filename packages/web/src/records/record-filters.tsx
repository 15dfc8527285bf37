import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { holds, useMe } from '../auth/use-me.ts';
import type { AdminPage, Department, ObjectType } from '../shared/admin-types.ts';
import { UserPicker } from '../shared/user-picker.tsx';
import { SENSITIVITIES, type Sensitivity } from './record-api.ts';

const UpdatedRangePicker = lazy(async () => ({
  default: (await import('./updated-range-picker.tsx')).UpdatedRangePicker,
}));

/** The list's filters as the screen holds them. */
export interface RecordFilters {
  /** `me` (my own records) or a user id. */
  owner?: string;
  departmentId?: string;
  sensitivity?: Sensitivity;
  level?: string;
  region?: string;
  updated?: [Dayjs | null, Dayjs | null];
}

/** The objects whose records carry the `level` and `region` fields (customers). */
const FIELD_FILTER_OBJECTS: readonly ObjectType[] = ['customer'];

/**
 * The list query parameters of the filters: the list API's `ownerId`, `departmentId`,
 * `sensitivity`, `updatedFrom` (inclusive), `updatedTo` (exclusive: the day after the last one
 * chosen) and `field=<name>:<value>` for the customer's level and region.
 */
export function filterQuery(
  filters: RecordFilters,
  myId: string | undefined,
): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const owner = filters.owner === 'me' ? myId : filters.owner;
  if (owner !== undefined) query.ownerId = owner;
  if (filters.departmentId !== undefined) query.departmentId = filters.departmentId;
  if (filters.sensitivity !== undefined) query.sensitivity = filters.sensitivity;
  const [from, to] = filters.updated ?? [null, null];
  if (from !== null) query.updatedFrom = from.startOf('day').toISOString();
  if (to !== null) query.updatedTo = to.add(1, 'day').startOf('day').toISOString();
  const fields = (['level', 'region'] as const)
    .map((name) => [name, filters[name]?.trim() ?? ''] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}:${value}`);
  if (fields.length > 0) query.field = fields;
  return query;
}

/** True when any filter is set. */
export function hasFilters(filters: RecordFilters): boolean {
  return Object.keys(filterQuery(filters, 'me')).length > 0;
}

/**
 * The filter bar: owner (anyone with `user_admin` picks any user; everyone may pick "mine"),
 * department (admins: any; others: their own), sensitivity, the customer's level and region, and
 * the updated date range.
 */
export function RecordFilterBar({
  object,
  filters,
  onChange,
  myDepartmentId,
}: {
  object: ObjectType;
  filters: RecordFilters;
  onChange: (filters: RecordFilters) => void;
  myDepartmentId: string | null | undefined;
}) {
  const { t } = useTranslation('records');
  const me = useMe().data;
  // While viewing as someone the admin API is refused: their own department only.
  const userAdmin = holds(me, 'user_admin') && me?.viewAs == null;
  const departments = useQuery({
    queryKey: ['admin', 'departments', 'filter'],
    enabled: userAdmin,
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/departments', { params: { query: { limit: 200 } } }),
      )) as unknown as AdminPage<Department>,
  });
  const set = (patch: Partial<RecordFilters>) => onChange({ ...filters, ...patch });
  const departmentOptions = userAdmin
    ? (departments.data?.data ?? []).map((d) => ({ value: d.id, label: d.name }))
    : myDepartmentId
      ? [{ value: myDepartmentId, label: t('filters.departmentMine') }]
      : [];

  return (
    <Space wrap aria-label={t('filters.title')} role="group">
      {userAdmin ? (
        <Space size={4}>
          <Select
            aria-label={t('filters.owner')}
            style={{ width: 130 }}
            value={filters.owner === 'me' ? 'me' : filters.owner === undefined ? 'any' : 'user'}
            options={[
              { value: 'any', label: t('filters.ownerAny') },
              { value: 'me', label: t('filters.ownerMine') },
              { value: 'user', label: t('filters.owner') },
            ]}
            onChange={(v: string) =>
              set({ owner: v === 'me' ? 'me' : v === 'any' ? undefined : (me?.user.id ?? 'me') })
            }
          />
          {filters.owner !== undefined && filters.owner !== 'me' && (
            <UserPicker
              label={t('filters.owner')}
              value={filters.owner}
              style={{ minWidth: 180 }}
              onChange={(userId) => set({ owner: userId ?? undefined })}
            />
          )}
        </Space>
      ) : (
        <Select
          aria-label={t('filters.owner')}
          style={{ width: 130 }}
          value={filters.owner === 'me' ? 'me' : 'any'}
          options={[
            { value: 'any', label: t('filters.ownerAny') },
            { value: 'me', label: t('filters.ownerMine') },
          ]}
          onChange={(v: string) => set({ owner: v === 'me' ? 'me' : undefined })}
        />
      )}
      <Select
        aria-label={t('filters.department')}
        style={{ width: 150 }}
        allowClear
        placeholder={t('filters.departmentAny')}
        value={filters.departmentId}
        options={departmentOptions}
        loading={departments.isFetching}
        onChange={(v?: string) => set({ departmentId: v })}
      />
      <Select
        aria-label={t('filters.sensitivity')}
        style={{ width: 120 }}
        allowClear
        placeholder={t('filters.sensitivity')}
        value={filters.sensitivity}
        options={SENSITIVITIES.map((s) => ({ value: s, label: t(`sensitivities.${s}`) }))}
        onChange={(v?: Sensitivity) => set({ sensitivity: v })}
      />
      {FIELD_FILTER_OBJECTS.includes(object) && (
        <>
          <Input
            aria-label={t('filters.level')}
            placeholder={t('filters.level')}
            style={{ width: 110 }}
            allowClear
            value={filters.level}
            onChange={(e) => set({ level: e.target.value === '' ? undefined : e.target.value })}
          />
          <Input
            aria-label={t('filters.region')}
            placeholder={t('filters.region')}
            style={{ width: 110 }}
            allowClear
            value={filters.region}
            onChange={(e) => set({ region: e.target.value === '' ? undefined : e.target.value })}
          />
        </>
      )}
      <Suspense
        fallback={<Input disabled style={{ width: 250 }} aria-label={t('filters.updated')} />}
      >
        <UpdatedRangePicker
          label={t('filters.updated')}
          placeholder={[t('filters.updatedFrom'), t('filters.updatedTo')]}
          value={filters.updated}
          onChange={(updated) => set({ updated })}
        />
      </Suspense>
      {hasFilters(filters) && <Button onClick={() => onChange({})}>{t('filters.clear')}</Button>}
    </Space>
  );
}
