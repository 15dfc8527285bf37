import type { TFunction } from 'i18next';

/** The parts of a request the lists show. */
export interface RequestRow {
  id: string;
  requesterId: string;
  kind: 'record' | 'scope' | 'role';
  object?: string | null;
  recordId?: string | null;
  recordName?: string | null;
  recordExists?: boolean | null;
  scope?: Record<string, unknown> | null;
  roleId?: string | null;
  access?: string | null;
  grantedDays: number;
  requestedDays: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
  createdAt?: string | null;
  expiresAt?: string | null;
  closedReason?: string | null;
  currentStep?: number | null;
  steps: {
    kind?: string;
    approverIds?: string[];
    routes?: { from?: string | null; reason?: string; to?: string[] }[];
    decision?: string | null;
    decidedBy?: string | null;
  }[];
}

/** What a request asks for, in words. */
export function whatText(t: TFunction, r: RequestRow): string {
  const access =
    r.access === null || r.access === undefined ? '' : t(`requests:access.${r.access}`);
  const object = r.object === null || r.object === undefined ? '' : t(`common:objects.${r.object}`);
  if (r.kind === 'role') return t('requests:what.role', { roleId: r.roleId ?? '' });
  if (r.kind === 'scope') {
    const s = r.scope ?? {};
    const target = String(s['departmentId'] ?? s['userId'] ?? s['kind'] ?? '');
    return t('requests:what.scope', { object, target, access });
  }
  const name =
    r.recordName !== null && r.recordName !== undefined
      ? `「${r.recordName}」`
      : r.recordExists === false
        ? t('requests:approvals.recordMissing')
        : '';
  return `${t('requests:what.record', { object, recordId: r.recordId ?? '', access })} ${name}`.trim();
}
