import createClient, { type Middleware } from 'openapi-fetch';
import { apiErrorOf } from './api-error.ts';
import type { paths } from './schema';
import { currentViewAs, VIEW_AS_HEADER } from './view-as.ts';

const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: Promise<string> | null = null;

/** Forget the CSRF token (it is bound to the session: sign-in and sign-out change it). */
export function forgetCsrfToken(): void {
  csrfToken = null;
}

async function fetchCsrfToken(): Promise<string> {
  const response = await fetch('/v1/auth/csrf', { credentials: 'same-origin' });
  const body: unknown = await response.json();
  if (!response.ok) throw apiErrorOf(response.status, body);
  return (body as { token: string }).token;
}

// A state-changing request carries the session's CSRF token (ADR 0011); "view as" rides on
// every request while it is on.
const headers: Middleware = {
  async onRequest({ request }) {
    const viewAs = currentViewAs();
    if (viewAs !== null) request.headers.set(VIEW_AS_HEADER, viewAs.userId);
    // The API takes state-changing requests as JSON only (ADR 0011), a body-less DELETE too.
    if (!SAFE_METHODS.has(request.method) && !request.headers.has('content-type'))
      request.headers.set('content-type', 'application/json');
    if (!SAFE_METHODS.has(request.method) && !request.url.endsWith('/v1/auth/login')) {
      csrfToken ??= fetchCsrfToken().catch((error: unknown) => {
        csrfToken = null;
        throw error;
      });
      request.headers.set(CSRF_HEADER, await csrfToken);
    }
    return request;
  },
};

/** The typed API client (types generated from the server's OpenAPI document). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(headers);

/**
 * The data of an `api` call, or its error thrown as an `ApiError` (TanStack Query and forms catch
 * it and show the code's message, naming the field).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw apiErrorOf(response.status, error);
  return data as T;
}
