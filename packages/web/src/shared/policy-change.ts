import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';

/** One admin change, as `POST /v1/admin/changes` takes it (a union on `kind`). */
export type PolicyChange =
  paths['/v1/admin/changes']['post']['requestBody']['content']['application/json']['changes'][number];

/** What one user gains or loses on one object and action. */
export interface AccessDelta {
  object: string;
  action: string;
  records: number;
}

/** The change-preview API's answer (`POST /v1/admin/changes/preview`). */
export interface ChangePreview {
  valid: boolean;
  errors: { code: string; message: string; details?: unknown; path?: string }[];
  version: number;
  users: {
    userId: string;
    name: string;
    gains: AccessDelta[];
    losses: AccessDelta[];
    uncounted: { object: string; action: string }[];
    functionsGained: string[];
    functionsLost: string[];
  }[];
  summary: {
    object: string;
    action: string;
    gained: { users: number; records: number };
    lost: { users: number; records: number };
  }[];
  text: Record<'zh-CN' | 'en-US', string[]>;
  partial: boolean;
  unexamined: number;
  /**
   * Fields the batch turns encrypted (`encrypt`) or clear (`decrypt`), with the stored values that
   * moves (counted from the data); the same facts are in `text`, in both languages.
   */
  encryption?: { object: string; field: string; change: 'encrypt' | 'decrypt'; values: number }[];
}

/** Preview a batch of changes: who gains or loses which access, on how many records. */
export async function previewChanges(changes: PolicyChange[]): Promise<ChangePreview> {
  const { data, error, response } = await api.POST('/v1/admin/changes/preview', {
    body: { changes } as never,
  });
  if (!response.ok) await unwrap(Promise.resolve({ data, error, response }));
  return data as unknown as ChangePreview;
}

/** Commit a batch of changes as one, based on the previewed policy version (409 if it moved). */
export async function commitChanges(changes: PolicyChange[], version: number): Promise<unknown> {
  return unwrap(
    api.POST('/v1/admin/changes', {
      body: { changes },
      params: { header: { 'if-match': String(version) } },
    }),
  );
}
