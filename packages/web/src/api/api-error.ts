/** An error answer of the API: its stable code (docs/errors.md), message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The input the error names (`body/email` → `email`), when it names one. */
  get field(): string | undefined {
    const field = this.details.field;
    return typeof field === 'string'
      ? field.replace(/^(body|query|params|headers)\//, '')
      : undefined;
  }
}

/** An `ApiError` from an error answer (or a generic one when the body is not the API's shape). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'code' in body) {
    const { code, message, details } = body as {
      code: unknown;
      message: unknown;
      details: unknown;
    };
    return new ApiError(
      status,
      String(code),
      typeof message === 'string' ? message : String(code),
      typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
    );
  }
  return new ApiError(status, 'HTTP_ERROR', `HTTP ${status}`);
}
