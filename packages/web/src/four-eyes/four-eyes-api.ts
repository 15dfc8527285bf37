import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/api-error.ts';
import { errorText } from '../shared/page-state.tsx';
import type { ChangePreview } from '../shared/policy-change.ts';

export const PENDING_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

/** A pending change as `GET /v1/admin/pending-changes` lists it. */
export interface PendingSummary {
  id: string;
  status: PendingStatus;
  authorId: string;
  authorName: string;
  categories: string[];
  kinds: string[];
  size: number;
  reason: string | null;
  baseVersion: number;
  createdAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  resultVersion: number | null;
  link: string;
}

/** One pending change with its fresh preview and diff (`GET /v1/admin/pending-changes/:id`). */
export interface PendingDetail extends PendingSummary {
  changes: unknown[];
  setting: unknown;
  preview: ChangePreview | null;
  diff: {
    kind: string;
    target: string | null;
    before: unknown;
    after: unknown;
    error: { code: string; message: string } | null;
  }[];
  conflicts: { entity: string; id: string; version: number }[];
  applies: boolean;
  currentVersion: number;
}

/** The four-eyes setting (`GET /v1/admin/four-eyes`). */
export interface FourEyesSetting {
  categories: string[];
  expiryDays: number;
  updatedBy?: string | null;
  updatedAt?: string | null;
  available: string[];
}

/** What a change route answers when four eyes holds the change (202). */
export interface HeldAnswer {
  pending: { id: string; status: 'pending'; categories: string[]; expiresAt: string; link: string };
}

export function isHeld(answer: unknown): answer is HeldAnswer {
  return typeof answer === 'object' && answer !== null && 'pending' in answer;
}

export const PENDING_KEY = ['admin', 'pending-changes'] as const;
export const FOUR_EYES_KEY = ['admin', 'four-eyes'] as const;

export function usePendingChanges(status: PendingStatus | undefined) {
  return useQuery({
    queryKey: [...PENDING_KEY, 'list', status ?? 'all'],
    queryFn: async () =>
      (await unwrap(
        api.GET('/v1/admin/pending-changes', {
          params: { query: { limit: 200, ...(status === undefined ? {} : { status }) } },
        }),
      )) as unknown as { data: PendingSummary[] },
  });
}

export function usePendingChange(id: string) {
  return useQuery({
    queryKey: [...PENDING_KEY, 'one', id],
    queryFn: async () =>
      (
        (await unwrap(
          api.GET('/v1/admin/pending-changes/{id}', { params: { path: { id } } }),
        )) as unknown as { data: PendingDetail }
      ).data,
  });
}

export function useFourEyesSetting() {
  return useQuery({
    queryKey: FOUR_EYES_KEY,
    queryFn: async () =>
      (await unwrap(api.GET('/v1/admin/four-eyes'))) as unknown as FourEyesSetting,
  });
}

/** An error in words: this namespace's codes first, then the common ones. */
export function fourEyesErrorText(error: unknown): string {
  if (error instanceof ApiError && i18next.exists(`fourEyes:errors.${error.code}`)) {
    const words = i18next.t(`fourEyes:errors.${error.code}`);
    return error.code === 'PENDING_CHANGE_STALE' ? `${words}: ${error.message}` : words;
  }
  return errorText(error);
}
