import { openAuditEvents } from './audit-values.ts';
import { Readable } from 'node:stream';
import { appendAuditEvent, countAuditEvents, searchAuditEvents } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { auditContext } from '../../http/audit-context.ts';
import { cursorBinding } from '../../http/cursor-seal.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { viewAuditEvent } from './audit-event-view.ts';
import { auditExportChunks, levelsByObject } from './audit-export.ts';
import { auditFilterOf, filtersUsed, type AuditFilterParams } from './audit-filter.ts';
import {
  ACTORS_ANSWER,
  ACTORS_QUERY,
  EVENT_PAGE,
  EXPORT_QUERY,
  SEARCH_QUERY,
} from './audit-schemas.ts';

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
} as const;

/**
 * Reading the audit log (function `audit_view`): `GET /v1/audit/events` (filters, keyset pages
 * newest first, sealed cursor) and `GET /v1/audit/events/export?format=csv|json` (the same
 * filters, streamed page by page, at most `auditExportMaxRows` events). Record field values in
 * before/after are shown at the reader's level for the object (hidden left out, masked masked).
 * Reading is itself audited: `audit.search` and `audit.export`, with the filters used.
 */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const tags = ['audit'];

  app.get<{ Querystring: AuditFilterParams & { limit: number; cursor?: string } }>(
    '/v1/audit/events',
    {
      config: { permission: { kind: 'function', name: 'audit_view' } },
      schema: {
        tags,
        summary: 'Search the audit log (审计日志), newest first',
        querystring: SEARCH_QUERY,
        response: { 200: EVENT_PAGE, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const filter = auditFilterOf(request.query);
      const used = filtersUsed(request.query);
      const binding = cursorBinding('audit', ctx.tenantId, ctx.userId, JSON.stringify(used));
      const cursor =
        request.query.cursor === undefined
          ? undefined
          : app.custos.cursors.open(binding, request.query.cursor, 'querystring/cursor');
      const page = await searchAuditEvents(db, {
        tenantId: ctx.tenantId,
        ...filter,
        limit: request.query.limit,
        ...(cursor === undefined ? {} : { beforeId: cursor }),
      });
      await appendAuditEvent(db, {
        tenantId: ctx.tenantId,
        action: 'audit.search',
        target: null,
        after: {
          filters: used,
          page: cursor === undefined ? 'first' : 'next',
          count: page.events.length,
        },
        at: new Date(ctx.now),
        ...auditContext(request),
      });
      const levels = levelsByObject(ctx);
      return {
        items: (await openAuditEvents(db, ctx, page.events)).map((e) =>
          viewAuditEvent(ctx, e, levels),
        ),
        nextCursor:
          page.nextBeforeId === null ? null : app.custos.cursors.seal(binding, page.nextBeforeId),
      };
    },
  );

  app.get<{ Querystring: { q?: string } }>(
    '/v1/audit/actors',
    {
      config: { permission: { kind: 'function', name: 'audit_view' } },
      schema: {
        tags,
        summary:
          'Users to filter the audit log by (id and name; a name or id prefix), for the actor picker',
        querystring: ACTORS_QUERY,
        response: { 200: ACTORS_ANSWER, ...ERRORS },
      },
    },
    async (request) => {
      const q = (request.query.q ?? '').toLowerCase();
      const users = request.custos.model.users
        .filter(
          (u) => q === '' || u.id.toLowerCase().startsWith(q) || u.name.toLowerCase().includes(q),
        )
        .slice(0, 50)
        .map((u) => ({ id: u.id, name: u.name }));
      return { users };
    },
  );

  app.get<{ Querystring: AuditFilterParams & { format: 'csv' | 'json' } }>(
    '/v1/audit/events/export',
    {
      config: { permission: { kind: 'function', name: 'audit_view' } },
      schema: {
        tags,
        summary: 'Export the audit log (CSV or JSON), the same filters as the search, streamed',
        querystring: EXPORT_QUERY,
        response: ERRORS,
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const filter = auditFilterOf(request.query);
      const used = filtersUsed(request.query);
      const format = request.query.format;
      const maxEvents = app.custos.config.auditExportMaxRows;
      const context = auditContext(request);
      const total = await countAuditEvents(db, { tenantId: ctx.tenantId, ...filter }, maxEvents);
      const chunks = auditExportChunks(db, ctx, filter, format, maxEvents, async (done) => {
        await appendAuditEvent(db, {
          tenantId: ctx.tenantId,
          action: 'audit.export',
          target: null,
          after: { filters: used, format, ...done },
          at: new Date(ctx.now),
          ...context,
        });
      });
      void reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-events.${format}"`)
        .header('cache-control', 'no-store')
        .header('x-custos-export-max-rows', String(maxEvents))
        .header('x-custos-export-count', String(total));
      return reply.send(Readable.from(chunks));
    },
  );
}
