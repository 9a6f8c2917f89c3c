import type { ErrorCode, ErrorDetail } from '@stip/contracts';
import type { z } from 'zod';
import { t } from '../i18n/zh-CN';
import { sessionHint } from './sessionHint';

/** An error answered by the API (`{code, message, details}`) or a failure to reach it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly details: ErrorDetail[];

  constructor(status: number, code: ErrorCode | 'NETWORK', message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The Chinese message to show for any error thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return t.common.unknownError;
}

type UnauthenticatedHandler = () => void;

/** Without a router (e.g. before it mounts) a full navigation to the login page keeps the target. */
let onUnauthenticated: UnauthenticatedHandler = () => {
  const { pathname, search } = window.location;
  if (pathname === '/login' || pathname === '/setup') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
};

/** The app installs a router-aware handler so an expired session returns to /login without a reload. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** `?a=1&b=x,y` from an object, leaving out empty values (lists are comma-separated as the API expects). */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function parseError(response: Response): Promise<ApiError> {
  let body: { code?: ErrorCode; message?: string; details?: ErrorDetail[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy error page, for instance): fall back to the status.
  }
  const code = body.code ?? (response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
  const message = body.message ?? t.common.httpError(response.status);
  return new ApiError(response.status, code, message, Array.isArray(body.details) ? body.details : []);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', t.common.networkError);
  }
  if (!response.ok) {
    const error = await parseError(response);
    // A wrong password also answers 401, but with its own code: only a missing session leaves the page.
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') {
      sessionHint.clear();
      onUnauthenticated();
    }
    throw error;
  }
  return response;
}

async function json<T>(path: string, init: RequestInit): Promise<T> {
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * The body checked against the contract schema the server answers with, so a page never works on a shape it
 * did not expect: a mismatch (an older server, a proxy's page) is an error with the generic message, and its
 * issues go to the console for whoever debugs it.
 */
export function parseResponse<S extends z.ZodType>(path: string, schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  console.error(`Unexpected response from ${path}`, result.error.issues);
  throw new ApiError(200, 'INTERNAL', t.common.unexpectedResponse);
}

export const api = {
  /** GET, the answer parsed with its contract schema (`api.get('/plans', zPlanPage)`). */
  get: async <S extends z.ZodType>(
    path: string,
    schema: S,
    query?: Record<string, QueryValue>,
    signal?: AbortSignal,
  ): Promise<z.output<S>> =>
    parseResponse(
      path,
      schema,
      await json<unknown>(path + toQueryString(query), { method: 'GET', headers: { Accept: 'application/json' }, signal }),
    ),
  post: <T>(path: string, body?: unknown) => json<T>(path, withBody('POST', body)),
  put: <T>(path: string, body?: unknown) => json<T>(path, withBody('PUT', body)),
  patch: <T>(path: string, body?: unknown) => json<T>(path, withBody('PATCH', body)),
  delete: <T>(path: string, body?: unknown) => json<T>(path, withBody('DELETE', body)),
  /** Multipart upload of one file under the field name `file`. */
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return json<T>(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
  },
  /** Multipart post of a prepared form (a file with other fields). */
  postForm: <T>(path: string, form: FormData) => json<T>(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } }),
  /** Downloads a file answered by the API, named as the server's Content-Disposition says. */
  download: async (path: string, fallbackName: string) => {
    const response = await send(path, { method: 'GET' });
    const blob = await response.blob();
    saveBlob(blob, fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName);
  },
};

function withBody(method: string, body: unknown): RequestInit {
  if (body === undefined) return { method, headers: { Accept: 'application/json' } };
  return { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before releasing the object URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
