import { Readable } from 'node:stream';
import {
  FIELD_NAME_PATTERN,
  MAX_VALUE_MAGNITUDE,
  OBJECT_CATALOGUE,
  OBJECT_TYPES,
  type ObjectType,
} from '@custos/engine';
import {
  exportExclusions,
  exportPages,
  exportTable,
  type ExportExclusions,
  importColumns,
  importRows,
  type ImportRow,
} from '@custos/records';
import { appendAuditEvent } from '@custos/store';
import { auditContext } from '../../http/audit-context.ts';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { viewRecord } from './record-view.ts';

/** Rows one import request may carry (the body limit bounds it too). */
export const MAX_IMPORT_ROWS = 5_000;

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
} as const;

type ExportFormat = 'csv' | 'json';
type Cell = string | number | boolean | null;

interface ImportBody {
  rows: Record<string, Cell>[];
  allOrNothing?: boolean;
}

const EXPORT_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: { format: { type: 'string', enum: ['csv', 'json'], default: 'csv' } },
} as const;

const IMPORT_BODY = {
  type: 'object',
  required: ['rows'],
  additionalProperties: false,
  properties: {
    rows: {
      type: 'array',
      maxItems: MAX_IMPORT_ROWS,
      items: {
        type: 'object',
        maxProperties: 200,
        // Column names: `id`, `ownerId`, `customerId` and field names (checked per object).
        propertyNames: { maxLength: 64, pattern: FIELD_NAME_PATTERN },
        additionalProperties: {
          anyOf: [
            { type: 'string', maxLength: 10_000 },
            { type: 'number', minimum: -MAX_VALUE_MAGNITUDE, maximum: MAX_VALUE_MAGNITUDE },
            { type: 'boolean' },
            { type: 'null' },
          ],
        },
      },
      description:
        'One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing',
    },
    allOrNothing: {
      type: 'boolean',
      default: true,
      description: 'Write nothing if any row fails (default); false writes the rows that pass',
    },
  },
} as const;

const IMPORT_ANSWER = {
  type: 'object',
  required: ['object', 'written', 'created', 'updated', 'failures'],
  properties: {
    object: { type: 'string' },
    written: { type: 'boolean' },
    created: { type: 'array', items: { type: 'string' } },
    updated: { type: 'array', items: { type: 'string' } },
    failures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['row', 'code', 'message'],
        properties: {
          row: { type: 'integer', description: 'Index of the row in `rows` (from 0)' },
          code: { type: 'string' },
          message: { type: 'string' },
          field: { type: 'string' },
        },
      },
    },
  },
} as const;

/** A JSON value of a row as the cell of a CSV import: null is an empty cell. */
const cellText = (value: Cell): string => (value === null ? '' : String(value));

/** The header saying how many records an export withheld because their person opted out. */
export const WITHHELD_DO_NOT_SELL_HEADER = 'x-custos-withheld-do-not-sell';

/**
 * The export as text chunks: CSV (the CLI's table) or a JSON `{ items, count, withheld }`
 * document. Contacts who opted out of sale or sharing are left out (`exclusions`).
 */
async function* exportChunks(
  ctx: RequestContext,
  db: FastifyInstance['custos']['database']['db'],
  object: ObjectType,
  format: ExportFormat,
  exclusions: ExportExclusions,
  onDone: (summary: { count: number; columns: string[] | null }) => Promise<void>,
): AsyncGenerator<string> {
  if (format === 'csv') {
    for await (const rows of exportTable(db, ctx, object, onDone, exclusions))
      yield stringify(rows);
    return;
  }
  yield '{"items":[';
  let count = 0;
  for await (const page of exportPages(db, ctx, object, undefined, exclusions)) {
    const items = page.map((record) => JSON.stringify(viewRecord(ctx, record)));
    yield `${count === 0 ? '' : ','}${items.join(',')}`;
    count += items.length;
  }
  yield `],"count":${count},"withheld":${JSON.stringify(exclusions.withheld)}}`;
  await onDone({ count, columns: null });
}

/**
 * Export and import over the API, for each object: `GET /v1/<object>/export?format=csv|json`
 * (function `export`) streams the records the caller may read and export — the list path, each
 * field as the caller sees it (hidden left out, masked masked), audited `record.export` with the
 * count; `POST /v1/<object>/import` (function `import`) writes rows through the record write path
 * (`@custos/records`, each row judged like an API write), reports each failing row, and audits
 * `record.import` with the counts. `custos export|import --server` call these.
 */
export async function exchangeRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  for (const object of OBJECT_TYPES) {
    const { path, names } = OBJECT_CATALOGUE[object];
    const en = names['en-US'].one;
    const tags = [`crm: ${path}`];

    app.get<{ Querystring: { format: ExportFormat } }>(
      `/v1/${path}/export`,
      {
        config: { permission: { kind: 'function', name: 'export' } },
        schema: {
          tags,
          summary: `Export the ${en} records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the ${WITHHELD_DO_NOT_SELL_HEADER} header`,
          querystring: EXPORT_QUERY,
          response: ERRORS,
        },
      },
      async (request, reply) => {
        const ctx = request.custos;
        const format = request.query.format;
        const exclusions = await exportExclusions(db, ctx, object);
        const { withheld } = exclusions;
        const chunks = exportChunks(
          ctx,
          db,
          object,
          format,
          exclusions,
          async ({ count, columns }) => {
            await appendAuditEvent(db, {
              tenantId: ctx.tenantId,
              ...auditContext(request),
              action: 'record.export',
              target: object,
              after: {
                object,
                format,
                count,
                // Left out although readable: contacts who opted out of sale or sharing (CCPA).
                withheld,
                // The export has no filters: every record the caller may read and export.
                filters: {},
                ...(columns === null ? {} : { columns }),
                ...(ctx.apiToken === undefined ? {} : { tokenId: ctx.apiToken.id }),
              },
              at: new Date(ctx.now),
            });
          },
        );
        void reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${path}.${format}"`)
          .header(WITHHELD_DO_NOT_SELL_HEADER, String(withheld.doNotSell));
        return reply.send(Readable.from(chunks));
      },
    );

    app.post<{ Body: ImportBody }>(
      `/v1/${path}/import`,
      {
        config: { permission: { kind: 'function', name: 'import' } },
        schema: {
          tags,
          summary: `Create and update ${en} records from rows, each through the record write path`,
          body: IMPORT_BODY,
          response: { 200: IMPORT_ANSWER, ...ERRORS },
        },
      },
      async (request) => {
        const ctx = request.custos;
        const known = importColumns(ctx, object);
        const rows: ImportRow[] = request.body.rows.map((row, index) => {
          const unknown = Object.keys(row).find((column) => !known.has(column));
          if (unknown !== undefined)
            throw new AppError('REQUEST_INVALID', `${object} has no column ${unknown}`, {
              field: `body/rows/${index}/${unknown}`,
            });
          const cells = Object.fromEntries(
            Object.entries(row).map(([column, value]) => [column, cellText(value)]),
          );
          return { line: index, cells };
        });
        const outcome = await importRows(
          db,
          { ...ctx, audit: auditContext(request) },
          object,
          rows,
          {
            allOrNothing: request.body.allOrNothing ?? true,
            audit: {
              action: 'record.import',
              source:
                ctx.apiToken === undefined
                  ? { via: 'api' }
                  : { via: 'api', tokenId: ctx.apiToken.id },
            },
          },
        );
        return {
          object,
          written: outcome.written,
          created: outcome.created,
          updated: outcome.updated,
          failures: outcome.failures.map(({ line, ...failure }) => ({ row: line, ...failure })),
        };
      },
    );
  }
}
