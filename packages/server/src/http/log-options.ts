import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Config } from '../config.ts';

/**
 * What the server logs, and what it never does (ASVS V16.2.5): no SQL parameters, passwords,
 * tokens, cookies, `authorization` headers or field values. Three layers:
 *
 * - serializers that log of a request only its method, path and query parameter NAMES (values are
 *   replaced: `q`, `cursor` and any token in a link are secrets or field values), of a reply only
 *   its status, and of an error only its type, code, a message with every quoted value removed
 *   and the stack frames (PostgreSQL and PGlite quote the offending value in the message and the
 *   `detail`/`where` of an error; the stack's first line repeats the message);
 * - pino `redact` paths for anything logged by hand under a usual name (headers, bodies, passwords,
 *   tokens, cookies, parameters), in case a serializer is bypassed;
 * - the error handler logs of a refused request only its code (`error-handler.ts`).
 */

/** Replaces a redacted value in the log. */
export const REDACTED = '[redacted]';

/** Paths pino replaces with `[redacted]` wherever they appear (one level deep under any key). */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.body',
  'req.query',
  'req.params',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'body',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'cookie',
  'parameters',
  'params',
  'fields',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.cookie',
  '*.authorization',
  '*.body',
  '*.parameters',
  '*.fields',
];

/** The path of a URL with each query value replaced: `/v1/customers?q=[redacted]&limit=[redacted]`. */
export function urlWithoutQueryValues(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const names = url
    .slice(mark + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return `${name.slice(0, 64)}=${REDACTED}`;
    });
  return `${url.slice(0, mark)}?${names.join('&')}`;
}

/** Quoted text and `(key)=(value)` details of database messages: the values they carry. */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\([^()]*\)=\([^()]*\)/g;

/** A message with every quoted value removed. */
export function scrubMessage(message: string): string {
  return message.replace(QUOTED, REDACTED);
}

interface LoggedError {
  type: string;
  code?: string;
  message: string;
  stack?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

/** An error as logged: type, code, message without values, stack frames only, identifiers. */
export function serializeError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: REDACTED };
  const e = error as Error & Record<string, unknown>;
  const out: LoggedError = {
    type: e.constructor?.name ?? e.name,
    message: scrubMessage(e.message),
  };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.stack === 'string')
    out.stack = e.stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
  // PostgreSQL names what failed: identifiers, never values.
  for (const key of ['constraint', 'table', 'column'] as const)
    if (typeof e[key] === 'string') out[key] = e[key];
  return out;
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: urlWithoutQueryValues(request.url),
    remoteAddress: request.ip,
  };
}

function serializeReply(reply: FastifyReply) {
  return { statusCode: reply.statusCode };
}

/** The pino options of the app's logger at `config.logLevel`, writing to `stream` if given. */
export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.logLevel,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: {
      req: serializeRequest as (value: unknown) => unknown,
      res: serializeReply as (value: unknown) => unknown,
      err: serializeError,
    },
    ...(stream === undefined ? {} : { stream }),
  };
}
