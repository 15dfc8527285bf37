import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';
import { errorText } from '../shared/page-state.tsx';

/** A review item as `GET /v1/reviews/my-items` and the campaign detail answer it. */
export interface ReviewItemView {
  campaignId: string;
  itemNo: number;
  kind: 'user' | 'grant';
  revieweeId: string | null;
  grantId: string | null;
  content: {
    user?: { id: string; name: string };
    roles?: { id: string; name?: string }[];
    grants?: { id: string; object: string; access: string }[];
    teams?: { customerId: string; access: string }[];
    grant?: { id: string; object: string; access: string; expiresAt: number | null };
  };
  hash: string;
  reviewerId: string;
  status: 'pending' | 'kept' | 'revoked' | 'reduced';
  defaulted: boolean;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  auditEventIds: string[] | null;
  recheck: { passed: boolean; checks: unknown[] } | null;
}

export interface CampaignView {
  id: string;
  name: string;
  status: 'draft' | 'scheduled' | 'open' | 'closed';
  deadline: string;
  snapshotHash: string | null;
  itemCount: number;
  progress?: {
    items: number;
    pending: number;
    kept: number;
    revoked: number;
    reduced: number;
    defaulted: number;
    byReviewer: Record<string, { items: number; decided: number }>;
  };
}

/** An error in the reader's words: this feature's codes from its namespace. */
export function reviewErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code.startsWith('REVIEW_'))
    return t(`reviews:errors.${error.code}`);
  return errorText(error);
}
