import { CliError } from './cli-error.ts';

/**
 * A small client of the Custos HTTP API, for the commands that run beside a server
 * (`--server URL --token TOKEN`): JSON requests with `Authorization: Bearer`, streamed downloads,
 * and the server's errors as `CliError`s carrying the server's catalogue code.
 */
export interface ApiClientOptions {
  /** The server's base URL (`http://127.0.0.1:3000`). */
  server: string;
  /** An API token (`custos_pat_…`, ADR 0009). */
  token: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** An error answer of the server: its code, message, details and HTTP status. */
export class ApiError extends CliError {
  readonly status: number;
  readonly details: Record<string, unknown>;
  constructor(status: number, code: string, message: string, details: Record<string, unknown>) {
    super(code, message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }
}

export interface ApiClient {
  readonly server: string;
  /** A JSON request (a body is sent as JSON); the JSON answer, or an `ApiError`. */
  json<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** A GET whose answer (once the server said yes) is read as text chunks (exports). */
  download(path: string): Promise<AsyncIterable<string>>;
  /** A GET whose answer is read whole as bytes (a PDF). */
  bytes(path: string): Promise<Buffer>;
  /** A GET whose answer (once the server said yes) is streamed as bytes (a backup). */
  binary(path: string, onHeaders?: (headers: Headers) => void): Promise<AsyncIterable<Uint8Array>>;
  download(path: string, onHeaders?: (headers: Headers) => void): Promise<AsyncIterable<string>>;
}

/** The base URL of `--server`, checked (http or https); a usage error names what is wrong. */
export function serverUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(
      'REQUEST_INVALID',
      `--server: expected a URL such as http://127.0.0.1:3000, got "${text}"`,
      2,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(
      'REQUEST_INVALID',
      `--server: expected an http:// or https:// URL, got ${url.protocol}//…`,
      2,
    );
  return url.toString().replace(/\/+$/, '');
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return new ApiError(
        response.status,
        body.code,
        body.message,
        typeof body.details === 'object' && body.details !== null
          ? (body.details as Record<string, unknown>)
          : {},
      );
  } catch {
    // not an error body of Custos
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'INTERNAL' : 'REQUEST_INVALID',
    `the server answered ${response.status} ${response.statusText}`.trim(),
    {},
  );
}

export function apiClient(options: ApiClientOptions): ApiClient {
  const server = serverUrl(options.server);
  const doFetch = options.fetch ?? fetch;
  const send = async (method: string, path: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await doFetch(`${server}${path}`, {
        method,
        ...init,
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(init.headers as Record<string, string>),
        },
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(
        'NOT_READY',
        `cannot reach the server at ${server}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      );
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  };
  return {
    server,
    json: async <T>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await send(method, path, {
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    bytes: async (path: string) => Buffer.from(await (await send('GET', path, {})).arrayBuffer()),
    binary: async (path: string, onHeaders?: (headers: Headers) => void) => {
      const response = await send('GET', path, {});
      onHeaders?.(response.headers);
      const body = response.body;
      return (async function* () {
        if (body === null) return;
        for await (const chunk of body) yield chunk as Uint8Array;
      })();
    },
    download: async (path: string, onHeaders?: (headers: Headers) => void) => {
      const response = await send('GET', path, {});
      onHeaders?.(response.headers);
      const body = response.body;
      return (async function* () {
        if (body === null) return;
        const decoder = new TextDecoder();
        for await (const chunk of body) yield decoder.decode(chunk, { stream: true });
        const rest = decoder.decode();
        if (rest !== '') yield rest;
      })();
    },
  };
}
