import * as z from 'zod/mini';

import type { Problem } from '@/types/api-types';

const problemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});

/** An HTTP error answer from our API, with its RFC 9457 problem document when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null) {
    super(problem?.detail ?? problem?.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Per-field validation messages, keyed by JSON property name. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      out[e.field] ??= e.message;
    }
    return out;
  }
}

/** The request never got an HTTP answer (offline, DNS, timeout, aborted). */
class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

/** The server answered 2xx with a body that does not match the contract. */
class ContractError extends Error {
  constructor(path: string, cause: unknown) {
    super(`Unexpected response from ${path}`, { cause });
    this.name = 'ContractError';
  }
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

const DEFAULT_TIMEOUT_MS = 30_000;

function timeoutSignal(signal: AbortSignal | undefined): AbortSignal | undefined {
  if (signal) return signal;
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(DEFAULT_TIMEOUT_MS) : undefined;
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? (parsed.data as Problem) : null;
  } catch {
    return null;
  }
}

/** Spring Security's CSRF token: the `XSRF-TOKEN` cookie is echoed in `X-XSRF-TOKEN` on every write. */
function csrfToken(): string | null {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * Calls our API with JSON in and out. Successful bodies are validated against `schema`, so a
 * backend that drifts from openapi.yaml fails loudly instead of rendering garbage.
 */
export async function apiRequest<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = (options.method ?? 'GET') === 'GET' ? null : csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: timeoutSignal(options.signal),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }

  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiError(
      response.status,
      await readProblem(response),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }

  let json: unknown;
  try {
    json = response.status === 204 ? undefined : await response.json();
  } catch (error) {
    throw new ContractError(path, error);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ContractError(path, parsed.error);
  return parsed.data;
}

/** A customer-facing sentence for any error thrown by `apiRequest`. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) {
    return 'We could not reach the payment service. Check your connection and try again.';
  }
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? `Too many attempts. Please wait ${error.retryAfterSeconds} seconds and try again.`
        : 'Too many attempts. Please wait a moment and try again.';
    }
    if (error.status >= 500) {
      return 'The payment service is temporarily unavailable. No money was taken. Please try again shortly.';
    }
    return error.problem?.detail ?? error.problem?.title ?? 'Something went wrong. Please try again.';
  }
  return 'Something went wrong. Please try again.';
}
