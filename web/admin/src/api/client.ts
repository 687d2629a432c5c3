// Calls the admin API with the session's token; failures become ApiError with the server's message.
import { clearToken, readToken } from './session';

/** Where in a schema an import failed. */
export interface ErrorLocation {
  pointer?: string;
  line?: number;
  column?: number;
}

/** A failed API call: status, the server's error code and message, and where (for schema errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly where?: ErrorLocation,
  ) {
    super(message);
  }
}

/** Turns a non-2xx response into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; where?: ErrorLocation };
  } | null;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? 'http-error',
    error?.message ?? `${response.status} ${response.statusText}`,
    error?.where,
  );
}

/** Headers of an authenticated call. */
export function authHeaders(token = readToken()): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Sends `method path` under /api/v1 with an optional JSON body; resolves with the JSON answer. */
export async function callApi<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      ...authHeaders(token),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = await toApiError(response);
    // A token the server no longer accepts signs the tab out (the sign-in page explains why).
    if (response.status === 401 && token === undefined) clearToken();
    throw error;
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Builds a query string from the defined, non-empty values. */
export function toQuery(values: Record<string, string | number | undefined>): string {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined && value !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}
