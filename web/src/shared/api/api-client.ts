import { networkProblem, problemFromResponse } from './problem-error.ts';

/** Anything with zod's `parse`: the domain package's schemas. */
export type ResponseSchema<T> = { parse(data: unknown): T };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type ApiRequest<T> = {
  method?: Method;
  /** A JSON body, a string sent as-is with `contentType`, or FormData (files) as multipart. */
  body?: unknown;
  contentType?: string;
  /** Send an `Idempotency-Key` so that a retried create never creates twice. */
  idempotencyKey?: string;
  query?: Record<string, string | number | null | undefined>;
  schema?: ResponseSchema<T>;
  signal?: AbortSignal;
};

const csrfCookieName = 'varn_csrf';

/** The double-submit CSRF token: the server sets it in a cookie that scripts may read. */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === csrfCookieName) return decodeURIComponent(value.join('='));
  }
  return null;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** A URL with the defined, non-empty query values. */
export function apiUrl(path: string, query?: ApiRequest<unknown>['query']): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The one way the web talks to the API: same-origin cookies, CSRF header on writes, problem+json
 * turned into a `ProblemError`, responses checked against the domain schema.
 */
export async function apiRequest<T = void>(path: string, request: ApiRequest<T> = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers.set('x-csrf-token', token);
  }
  if (request.idempotencyKey) headers.set('idempotency-key', request.idempotencyKey);

  let body: BodyInit | undefined;
  if (request.body instanceof FormData) {
    // The browser sets multipart/form-data with its boundary itself.
    body = request.body;
  } else if (typeof request.body === 'string' && request.contentType) {
    headers.set('content-type', request.contentType);
    body = request.body;
  } else if (request.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(request.body);
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, request.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkProblem();
  }

  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204 || !request.schema) return undefined as T;
  const data: unknown = await response.json();
  return request.schema.parse(data);
}
