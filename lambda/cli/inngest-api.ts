/**
 * Inngest's REST API (v1) and event API, as the operator CLI uses them.
 * Everything the CLI knows about Inngest's endpoints is in this file, so a
 * change on Inngest's side is corrected here alone.
 *
 * - REST: `https://api.inngest.com` (INNGEST_API_BASE_URL overrides it),
 *   `Authorization: Bearer <signing key>`, `X-Inngest-Env` only for a
 *   branch environment (https://api-docs.inngest.com/).
 * - Events: `POST https://inn.gs/e/<event key>` (INNGEST_EVENT_API_BASE_URL
 *   overrides it), answering `{ ids, status }`.
 *
 * Inngest documents no read endpoint for an app's last sync nor for a
 * function's paused or archived state (v2 only offers POST
 * /apps/{id}/syncs, which would make a sync rather than report one), so
 * the CLI never calls one: {@link UNDOCUMENTED} says so where it matters.
 */

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export const DEFAULT_API_BASE_URL = 'https://api.inngest.com';
export const DEFAULT_EVENT_API_BASE_URL = 'https://inn.gs';
const CONSOLE = 'https://app.inngest.com';

/** Why some facts come from elsewhere, or from the console by hand. */
export const UNDOCUMENTED = {
  appSync:
    "Inngest's REST API documents no endpoint reporting an app's last sync",
  functionState:
    "Inngest's REST API documents no endpoint reporting whether a function is paused or archived",
} as const;

/** The console page of an environment, e.g. its apps or functions. */
export function consoleUrl(
  env: string | undefined,
  page: 'apps' | 'functions' | 'runs',
): string {
  return `${CONSOLE}/env/${encodeURIComponent(env ?? 'production')}/${page}`;
}

/** An event as the events list returns it. */
export interface InngestEvent {
  readonly id: string;
  readonly name: string;
  readonly data: Record<string, unknown>;
  /** When it happened, in ms since the epoch. */
  readonly ts?: number;
}

export type RunStatus =
  | 'queued'
  | 'running'
  | 'completed'
  | 'failed'
  | 'cancelled';

/** A function run, its status lower-cased. */
export interface InngestRun {
  readonly runId: string;
  readonly functionId?: string;
  readonly status: RunStatus;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly output?: unknown;
}

export const isFinished = (status: RunStatus) =>
  status === 'completed' || status === 'failed' || status === 'cancelled';

/** A refusal or failure of Inngest's API, with the status it answered. */
export class InngestApiError extends Error {
  override readonly name = 'InngestApiError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface InngestApiOptions {
  readonly signingKey: string;
  /** A branch environment; undefined for production. */
  readonly env?: string;
  readonly baseUrl?: string;
  readonly fetch: Fetch;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

/** The most pages {@link InngestApi.listEvents} reads (100 events each). */
const MAX_PAGES = 10;

export interface InngestApi {
  /** Events of one name received after `since`, newest first. */
  listEvents(name: string, since: Date): Promise<InngestEvent[]>;
  eventRuns(eventId: string): Promise<InngestRun[]>;
  getRun(runId: string): Promise<InngestRun>;
}

export function createInngestApi(options: InngestApiOptions): InngestApi {
  const base = (options.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const get = async (path: string): Promise<Record<string, unknown>> => {
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, {
        headers: {
          authorization: `Bearer ${options.signingKey}`,
          ...(options.env ? { 'x-inngest-env': options.env } : {}),
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new InngestApiError(
        `no answer from ${base} (${(error as Error).message})`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const why = response.status === 401 ? ' (signing key refused)' : '';
      throw new InngestApiError(
        `GET ${path.split('?')[0]} answered ${response.status}${why}: ${text.slice(0, 200)}`,
        response.status,
      );
    }
    return parseObject(text, path);
  };
  return {
    async listEvents(name, since) {
      const events: InngestEvent[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = new URLSearchParams({
          name,
          received_after: since.toISOString(),
          limit: '100',
          ...(cursor ? { cursor } : {}),
        });
        const body = await get(`/v1/events?${query}`);
        const items = asArray(body.data).map(toEvent);
        events.push(...items);
        cursor = typeof body.cursor === 'string' ? body.cursor : undefined;
        if (!cursor || items.length < 100) break;
      }
      // The API filters too; this keeps a lenient server honest.
      return events.filter(
        (e) => e.name === name && (e.ts ?? Infinity) >= since.getTime(),
      );
    },
    async eventRuns(eventId) {
      const body = await get(`/v1/events/${encodeURIComponent(eventId)}/runs`);
      return asArray(body.data).map(toRun);
    },
    async getRun(runId) {
      const body = await get(`/v1/runs/${encodeURIComponent(runId)}`);
      return toRun(body.data);
    },
  };
}

/** Sends events through the event API; returns the event ids. */
export async function sendEvents(options: {
  eventKey: string;
  env?: string;
  baseUrl?: string;
  fetch: Fetch;
  events: ReadonlyArray<{ name: string; data: Record<string, unknown> }>;
}): Promise<string[]> {
  const base = (options.baseUrl ?? DEFAULT_EVENT_API_BASE_URL).replace(
    /\/+$/,
    '',
  );
  const response = await options.fetch(
    `${base}/e/${encodeURIComponent(options.eventKey)}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.env ? { 'x-inngest-env': options.env } : {}),
      },
      body: JSON.stringify(options.events),
      signal: AbortSignal.timeout(10_000),
    },
  );
  const text = await response.text();
  if (!response.ok) {
    throw new InngestApiError(
      `the event API answered ${response.status}${response.status === 401 ? ' (event key refused: check the inngest-event-key secret)' : ''}: ${text.slice(0, 200)}`,
      response.status,
    );
  }
  const ids = asArray(parseObject(text, '/e').ids).filter(
    (id): id is string => typeof id === 'string',
  );
  if (ids.length === 0) {
    throw new InngestApiError(`the event API returned no event ids: ${text}`);
  }
  return ids;
}

function parseObject(text: string, path: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      return value as Record<string, unknown>;
    }
  } catch {}
  throw new InngestApiError(`${path} answered something not JSON: ${text}`);
}

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : [];

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : {};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function toEvent(value: unknown): InngestEvent {
  const e = asRecord(value);
  return {
    id: text(e.internal_id) ?? text(e.id) ?? '',
    name: text(e.name) ?? '',
    data: asRecord(e.data),
    ...(typeof e.ts === 'number' ? { ts: e.ts } : {}),
  };
}

const STATUSES: readonly RunStatus[] = [
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
];

function toRun(value: unknown): InngestRun {
  const r = asRecord(value);
  const status = String(r.status ?? '').toLowerCase() as RunStatus;
  return {
    runId: text(r.run_id) ?? '',
    functionId: text(r.function_id),
    status: STATUSES.includes(status) ? status : 'running',
    startedAt: text(r.run_started_at),
    endedAt: text(r.ended_at),
    output: r.output,
  };
}
