import { EngineError } from '@custos/engine';
import { RecordError } from '@custos/records';
import { CryptoError, StoreError } from '@custos/store';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';
import { auditDenial } from './denial-audit.ts';
import { statusOf } from './error-catalogue.ts';

/** The one JSON shape of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** JSON schema of `ErrorBody`, for route response schemas. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** `body/email`, `querystring/limit`, `body/items/3/subject`: where a validation issue is. */
function fieldOf(context: string, issue: ValidationIssue): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '');
  const missing = issue.params?.missingProperty;
  const extra = issue.params?.additionalProperty;
  // A tagged union (`discriminator`) whose tag names no variant: the tag is at fault.
  const tag = issue.params?.tag;
  const leaf =
    typeof missing === 'string'
      ? missing
      : typeof extra === 'string'
        ? extra
        : typeof tag === 'string'
          ? tag
          : '';
  return [context, path, leaf].filter((s) => s !== '').join('/');
}

/** The validator's message, put in words for a tagged union's unknown tag. */
function messageOf(issue: ValidationIssue): string {
  const tag = issue.params?.tag;
  const value = issue.params?.tagValue;
  if (typeof tag === 'string' && issue.params?.error === 'mapping')
    return `is not one of the known kinds${typeof value === 'string' ? ` ("${value}")` : ''}`;
  return issue.message ?? 'is invalid';
}

/**
 * SQLSTATE classes the database raises for a value it cannot take — 22 (data exception: a bad
 * number, date or text, `22P02`, `22001`, `22003`, `22007`, `22008`, `22021`) and 23 (integrity
 * constraint) — and `54000` (a value too large for an index row). Input that gets that far is the
 * client's: answered REQUEST_INVALID, never a 5xx, and never with the database's message (it
 * may quote the value or name tables).
 */
const CLIENT_SQLSTATE = /^(?:22|23)[0-9A-Z]{3}$|^54000$/;

/** The SQLSTATE of a PostgreSQL or PGlite error (`severity` and a five-character `code`). */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string'
    ? code
    : undefined;
}

/** Map any error to its status and body. Unknown errors are INTERNAL, without their message. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  const sqlState = sqlStateOf(error);
  if (sqlState !== undefined && CLIENT_SQLSTATE.test(sqlState)) {
    return {
      status: statusOf('REQUEST_INVALID'),
      body: {
        code: 'REQUEST_INVALID',
        message: 'a value of the request cannot be stored (out of range or malformed)',
        details: { reason: `SQLSTATE ${sqlState}` },
      },
    };
  }
  if (error instanceof AppError || error instanceof RecordError) {
    return {
      status: statusOf(error.code),
      body: { code: error.code, message: error.message, details: error.details },
    };
  }
  if (error instanceof EngineError) {
    return {
      status: statusOf(error.code),
      body: { code: error.code, message: error.message, details: { errors: error.errors } },
    };
  }
  if (error instanceof CryptoError) {
    // Where it failed (table, record, field), never a value or a key.
    return {
      status: statusOf(error.code),
      body: { code: error.code, message: error.message, details: error.details },
    };
  }
  if (error instanceof StoreError) {
    return {
      status: statusOf(error.code),
      body: { code: error.code, message: error.message, details: error.details },
    };
  }
  const fastifyError = error as Partial<FastifyError> & {
    validation?: ValidationIssue[];
    validationContext?: string;
  };
  if (Array.isArray(fastifyError.validation)) {
    const context = fastifyError.validationContext ?? 'body';
    const issues = fastifyError.validation.map((issue) => ({
      field: fieldOf(context, issue),
      message: messageOf(issue),
    }));
    const first = issues[0];
    return {
      status: statusOf('REQUEST_INVALID'),
      body: {
        code: 'REQUEST_INVALID',
        message: first ? `${first.field} ${first.message}` : 'the request is invalid',
        details: { field: first?.field ?? context, issues },
      },
    };
  }
  const status = fastifyError.statusCode;
  if (status === 415) {
    // Fastify's own: a content type it cannot read (ADR 0011).
    return {
      status: statusOf('UNSUPPORTED_MEDIA_TYPE'),
      body: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'the content type is not supported here',
        details: { header: 'content-type' },
      },
    };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors: bad JSON, wrong content type, body too large, …
    return {
      status: statusOf('REQUEST_INVALID'),
      body: {
        code: 'REQUEST_INVALID',
        message: fastifyError.message ?? 'the request is invalid',
        details: {
          // A path that is not UTF-8, or a parameter past the longest any schema allows.
          ...(fastifyError.code === 'FST_ERR_BAD_URL' ||
          fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? { field: 'params' }
            : {}),
          ...(fastifyError.code === undefined ? {} : { reason: fastifyError.code }),
        },
      },
    };
  }
  return {
    status: statusOf('INTERNAL'),
    body: { code: 'INTERNAL', message: 'internal error', details: {} },
  };
}

/** Install the one error handler and the JSON 404 handler. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code }, 'request rejected');
    // A refusal for a permission reason is one audit event (here, the one place all pass).
    await auditDenial(app, request, error, body);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
      details: {},
    };
    return reply.code(statusOf('NOT_FOUND')).send(body);
  });
}
