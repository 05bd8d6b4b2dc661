import type { z } from 'zod';
import type { YouTubeMethod } from './api';
import { mapErrorResponse } from './error-mapping';
import { FatalYouTubeError, TransientYouTubeError } from './errors';

/** How the client talks HTTP; see `createYouTubeClient` for each field. */
export interface TransportOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly clock: () => Date;
  readonly random: () => number;
  readonly beforeCall?: (method: YouTubeMethod) => Promise<void>;
  readonly onCall?: (method: YouTubeMethod, status: number) => void;
}

/** First backoff step; doubled each retry, capped, then jittered. */
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 32_000;
/**
 * A Retry-After longer than this is not slept through inside one call
 * (a Lambda would idle on it); the call fails as transient instead.
 */
const MAX_RETRY_AFTER_MS = 60_000;

/** Removes the API key from any text that may reach a log or an error. */
export function redactKey(text: string, apiKey: string): string {
  const bare = text.replace(/([?&]key=)[^&\s"]*/g, '$1REDACTED');
  return apiKey ? bare.split(apiKey).join('REDACTED') : bare;
}

/** Full jitter on an exponential step: spreads retries of many callers. */
function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as ms: delta-seconds or an HTTP date. */
function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function firstIssuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') || '(root)';
  return `${path} (${issue?.message ?? 'invalid'})`;
}

/**
 * One API call: charges `beforeCall` before every HTTP attempt, retries
 * transient failures with backoff, and returns the body parsed by
 * `schema`, or throws a typed YouTubeError. A body that fails the schema
 * is fatal (`malformedResponse`), so nothing is half-written.
 */
export async function callApi<S extends z.ZodType>(
  options: TransportOptions,
  method: YouTubeMethod,
  params: Readonly<Record<string, string>>,
  schema: S,
): Promise<z.infer<S>> {
  const resource = method.split('.')[0];
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/${resource}`);
  for (const [name, value] of Object.entries(params)) {
    url.searchParams.set(name, value);
  }
  url.searchParams.set('key', options.apiKey);

  for (let attempt = 0; ; attempt++) {
    // Outside the try: a ledger refusing the charge must propagate as is.
    await options.beforeCall?.(method);
    let status = 0;
    let body = '';
    let retryAfter: string | null = null;
    try {
      const response = await options.fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      body = await response.text();
    } catch (cause) {
      status = 0;
      body = cause instanceof Error ? `${cause.name}: ${cause.message}` : '';
    }
    options.onCall?.(method, status);

    if (status >= 200 && status < 300) return parseBody(method, body, schema);
    const error =
      status === 0
        ? new TransientYouTubeError(
            `YouTube ${method} did not answer (${redactKey(body, options.apiKey)}) ` +
              `at ${redactKey(url.toString(), options.apiKey)}`,
            'retry',
            'networkError',
            undefined,
            method,
          )
        : mapErrorResponse({
            method,
            status,
            body,
            params,
            now: options.clock(),
          });
    if (error.action !== 'retry') throw error;

    const waitMs = Math.max(
      backoffMs(attempt, options.random),
      retryAfterMs(retryAfter, options.clock()) ?? 0,
    );
    if (attempt >= options.retries || waitMs > MAX_RETRY_AFTER_MS) {
      throw new TransientYouTubeError(
        `${redactKey(error.message, options.apiKey)} (gave up after ` +
          `${attempt + 1} attempt${attempt === 0 ? '' : 's'})`,
        'retry',
        error.reason,
        error.status,
        method,
      );
    }
    await options.sleep(waitMs);
  }
}

function parseBody<S extends z.ZodType>(
  method: YouTubeMethod,
  body: string,
  schema: S,
): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new FatalYouTubeError(
      `YouTube ${method} answered 2xx with a body that is not JSON ` +
        `(starts ${JSON.stringify(body.slice(0, 40))}); nothing was stored`,
      'fatal',
      'malformedResponse',
      undefined,
      method,
    );
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new FatalYouTubeError(
    `YouTube ${method} answered with an unexpected shape at ` +
      `${firstIssuePath(parsed.error)}; nothing was stored`,
    'fatal',
    'malformedResponse',
    undefined,
    method,
  );
}
