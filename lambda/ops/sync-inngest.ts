/**
 * Registering the app with Inngest after a deploy, as plain logic: the
 * Lambda entry (lambda/sync-inngest.ts) wires in fetch, the signing key and
 * the CloudFormation event. A `PUT` to the serve endpoint makes the Inngest
 * SDK send its function list to Inngest, signed with its own key, and
 * answer with Inngest's verdict as `{ message, modified }`.
 */

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface SyncOptions {
  readonly url: string;
  readonly fetch: Fetch;
  readonly sleep: (ms: number) => Promise<void>;
  /** @default 4 */
  readonly attempts?: number;
  /** Doubles after each failed attempt. @default 2000 */
  readonly firstDelayMs?: number;
  /** @default 20000 */
  readonly requestTimeoutMs?: number;
}

export interface SyncAnswer {
  readonly message: string | undefined;
  /** Whether Inngest saw a change in the function list. */
  readonly modified: boolean;
  readonly attempts: number;
}

/** An answer that will not change by asking again. */
class PermanentSyncError extends Error {}

/**
 * Sends the sync request, retrying network errors, 5xx and 429 with
 * backoff (the first request after a deploy often meets a cold start).
 * Throws with Inngest's reason when the sync does not succeed.
 */
export async function requestSync(options: SyncOptions): Promise<SyncAnswer> {
  const attempts = options.attempts ?? 4;
  let delay = options.firstDelayMs ?? 2_000;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const answer = await syncOnce(options);
      return { ...answer, attempts: attempt };
    } catch (error) {
      if (error instanceof PermanentSyncError) throw syncFailed(options, error);
      lastProblem = (error as Error).message;
    }
    if (attempt < attempts) {
      await options.sleep(delay);
      delay *= 2;
    }
  }
  throw syncFailed(
    options,
    new Error(`${lastProblem} (after ${attempts} attempts)`),
  );
}

async function syncOnce(
  options: SyncOptions,
): Promise<{ message: string | undefined; modified: boolean }> {
  const response = await options.fetch(options.url, {
    method: 'PUT',
    signal: AbortSignal.timeout(options.requestTimeoutMs ?? 20_000),
  });
  const text = await response.text();
  const body = parseBody(text);
  const message =
    typeof body?.message === 'string' ? body.message : text.slice(0, 300);
  if (response.status === 200) {
    return { message, modified: body?.modified === true };
  }
  const problem = `answered ${response.status}: ${message || '(empty body)'}`;
  if (response.status >= 500 || response.status === 429) {
    throw new Error(problem);
  }
  throw new PermanentSyncError(problem);
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function syncFailed(options: SyncOptions, cause: Error): Error {
  return new Error(
    `Inngest sync failed: PUT ${options.url} ${cause.message}. Check the signing key in Secrets Manager and the serve function's logs, then deploy again.`,
  );
}

/**
 * Whether the secret still holds the random value CloudFormation put in,
 * not an Inngest signing key (`signkey-<env>-<hex>`). A sync with it can
 * only fail, so the first deploy skips the sync and says so instead.
 */
export function isPlaceholderSigningKey(value: string): boolean {
  return !/^signkey-[a-z]+-[0-9a-f]+$/i.test(value.trim());
}

/** The custom resource event fields this handler reads. */
export interface SyncEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: { readonly FunctionUrl?: unknown };
}

export interface SyncResult {
  readonly PhysicalResourceId: string;
  readonly Data?: { readonly Status: string };
}

export interface SyncDeps {
  readonly readSigningKey: () => Promise<string>;
  readonly sync: (url: string) => Promise<SyncAnswer>;
  readonly log: (message: string, context?: Record<string, unknown>) => void;
}

/** One id for the life of the stack: nothing is replaced or deleted. */
export const PHYSICAL_ID = 'inngest-sync';

/**
 * Handles one custom resource event. Delete does nothing: Inngest keeps
 * the app until it is archived in its dashboard, which is a person's call.
 */
export async function handleSyncEvent(
  event: SyncEvent,
  deps: SyncDeps,
): Promise<SyncResult> {
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId ?? PHYSICAL_ID };
  }
  const url = event.ResourceProperties.FunctionUrl;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    throw new Error(
      `FunctionUrl = ${JSON.stringify(url)}: the custom resource needs the serve Function URL (lib/constructs/inngest-sync.ts passes it)`,
    );
  }
  if (isPlaceholderSigningKey(await deps.readSigningKey())) {
    const status =
      'skipped: the Inngest signing key secret still holds its placeholder; put the key in (docs/deploy.md) and deploy again';
    deps.log('Inngest sync skipped', { url, status });
    return { PhysicalResourceId: PHYSICAL_ID, Data: { Status: status } };
  }
  const answer = await deps.sync(url);
  deps.log('Inngest sync succeeded', { url, ...answer });
  const change = answer.modified ? 'functions changed' : 'no change';
  return {
    PhysicalResourceId: PHYSICAL_ID,
    Data: { Status: `synced (${change})` },
  };
}
