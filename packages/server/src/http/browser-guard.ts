import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a file upload: it accepts `multipart/form-data` besides JSON. */
    acceptsUpload?: boolean;
  }
}

/** The methods that change state: each needs a JSON body and a same-origin browser. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set([
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
]);

/** The media type of a `Content-Type` header, lower-cased, without parameters. */
export function mediaTypeOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const type = (header.split(';', 1)[0] ?? '').trim().toLowerCase();
  return type === '' ? undefined : type;
}

/** The origin a browser on this server's own pages sends: protocol and `Host` of the request. */
export function ownOriginOf(request: FastifyRequest): string | undefined {
  const host = request.host;
  if (host === '') return undefined;
  try {
    return new URL(`${request.protocol}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** True when the request's body is empty (no length, or length 0, and not chunked). */
function hasEmptyBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')
  );
}

/**
 * The CSRF defences every state-changing request passes before anything else (`onRequest`,
 * before the access check; ADR 0011):
 *
 * 1. `Content-Type: application/json` (or `multipart/form-data` on a route that declares
 *    `config.acceptsUpload`), even when the body is empty — 415 `UNSUPPORTED_MEDIA_TYPE`
 *    otherwise. A form or a "simple" cross-site request cannot send this type without a CORS
 *    preflight, which this server never grants. A bodiless JSON request is fine: its empty body
 *    is not handed to the JSON parser (`Content-Type` is dropped for it).
 * 2. A browser's `Origin`, when sent, must be this server's own origin (protocol and `Host`) or
 *    one of `config.allowedOrigins`; `Sec-Fetch-Site`, when sent, must be `same-origin` or
 *    `none` — 403 `ORIGIN_REFUSED` otherwise.
 *
 * The CSRF token of a cookie-authenticated browser request is checked after the session is known
 * (`csrf-token.ts`).
 */
export async function browserGuard(this: FastifyInstance, request: FastifyRequest): Promise<void> {
  if (request.is404 || !STATE_CHANGING_METHODS.has(request.method)) return;
  const mediaType = mediaTypeOf(request.headers['content-type']);
  const uploads = request.routeOptions.config.acceptsUpload === true;
  if (mediaType !== 'application/json' && !(uploads && mediaType === 'multipart/form-data'))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `a ${request.method} request must send content-type application/json${uploads ? ' or multipart/form-data' : ''}`,
      { header: 'content-type', ...(mediaType === undefined ? {} : { received: mediaType }) },
    );

  const origin = request.headers.origin;
  // An origin listed in the settings is trusted as it is (it may be another site of one's own).
  const listed = origin !== undefined && this.custos.config.allowedOrigins.includes(origin);
  if (origin !== undefined && !listed && origin !== ownOriginOf(request))
    throw new AppError('ORIGIN_REFUSED', 'the request comes from another origin', {
      header: 'origin',
    });
  const site = request.headers['sec-fetch-site'];
  if (!listed && site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new AppError('ORIGIN_REFUSED', 'the request comes from a page of another origin', {
      header: 'sec-fetch-site',
    });

  // A JSON request without a body: nothing to parse (`request.body` stays undefined).
  if (mediaType === 'application/json' && hasEmptyBody(request))
    delete request.raw.headers['content-type'];
}
