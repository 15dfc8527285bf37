import type { AuditFilter } from '@custos/store';
import { AppError } from '../../http/app-error.ts';

/** The filters of an audit search or export as the query string gives them. */
export interface AuditFilterParams {
  actorId?: string;
  actingAsId?: string;
  action?: string;
  target?: string;
  outcome?: 'success' | 'denied' | 'failure';
  from?: string;
  to?: string;
}

const FILTER_KEYS = ['actorId', 'actingAsId', 'action', 'target', 'outcome', 'from', 'to'] as const;

/** The store's filter; a time range that ends before it starts is REQUEST_INVALID naming `to`. */
export function auditFilterOf(params: AuditFilterParams): AuditFilter {
  const from = params.from === undefined ? undefined : new Date(params.from);
  const to = params.to === undefined ? undefined : new Date(params.to);
  if (from !== undefined && to !== undefined && to.getTime() <= from.getTime())
    throw new AppError('REQUEST_INVALID', 'the time range ends before it starts', {
      field: 'querystring/to',
    });
  return {
    ...(params.actorId === undefined ? {} : { actorId: params.actorId }),
    ...(params.actingAsId === undefined ? {} : { actingAsId: params.actingAsId }),
    ...(params.action === undefined ? {} : { action: params.action }),
    ...(params.target === undefined ? {} : { target: params.target }),
    ...(params.outcome === undefined ? {} : { outcome: params.outcome }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

/** The filters used, as given (for the audit event of the search and for cursor binding). */
export function filtersUsed(params: AuditFilterParams): Record<string, string> {
  const used: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (value !== undefined) used[key] = value;
  }
  return used;
}
