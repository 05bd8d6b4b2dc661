import { SingleBar } from 'cli-progress';
import { EVENT_NAMES } from '../inngest/ids';
import type { SecretSource } from './deployed-context';
import type { Deployment } from './deployment';
import {
  createInngestApi,
  type InngestRun,
  isFinished,
  sendEvents,
} from './inngest-api';
import { render, UsageError } from './output';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** What `pipeline trigger` can start. */
export type TriggerTarget =
  | { readonly kind: 'discovery' }
  | { readonly kind: 'harvest'; readonly videoId: string };

/** Parses `discovery` or `harvest <videoId>`. */
export function parseTriggerTarget(
  what: string,
  videoId: string | undefined,
): TriggerTarget {
  if (what === 'discovery' && videoId === undefined) {
    return { kind: 'discovery' };
  }
  if (what === 'harvest') {
    if (videoId && /^[\w-]{11}$/.test(videoId)) {
      return { kind: 'harvest', videoId };
    }
    throw new UsageError(
      `videoId: got "${videoId ?? ''}"; give the 11-character YouTube video id, e.g. trigger harvest dQw4w9WgXcQ`,
    );
  }
  throw new UsageError(
    `trigger: got "${[what, videoId].filter(Boolean).join(' ')}"; use "trigger discovery" or "trigger harvest <videoId>"`,
  );
}

/** The event that starts it, as lambda/inngest/events.ts defines it. */
export function eventFor(target: TriggerTarget) {
  return target.kind === 'discovery'
    ? {
        name: EVENT_NAMES.discoveryRequested,
        data: { reason: 'pipeline trigger (operator CLI)' },
      }
    : {
        name: EVENT_NAMES.harvestRequested,
        data: { videoId: target.videoId },
      };
}

export interface WaitOptions {
  /** @default 600000 (ten minutes) */
  readonly timeoutMs?: number;
  /** @default 3000 */
  readonly pollMs?: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly onProgress?: (p: { elapsedMs: number; runs: InngestRun[] }) => void;
}

export type TriggerOutcome =
  | 'sent'
  | 'completed'
  | 'failed'
  | 'timed out'
  | 'no run started';

export interface TriggerResult {
  readonly eventName: string;
  readonly eventId: string;
  readonly outcome: TriggerOutcome;
  readonly runs: InngestRun[];
}

/**
 * Sends the event through Inngest's event API with the stage's event key;
 * with `wait`, follows the runs it started until all have ended or the
 * time is up.
 */
export async function trigger(options: {
  deployment: Deployment;
  target: TriggerTarget;
  secrets: SecretSource;
  fetch: Fetch;
  eventApiBaseUrl?: string;
  apiBaseUrl?: string;
  wait?: WaitOptions;
}): Promise<TriggerResult> {
  const { deployment } = options;
  const read = (name: string | undefined, output: string) => {
    if (!name) {
      throw new Error(
        `stack ${deployment.stackName} has no ${output} output; deploy this version of the stack once`,
      );
    }
    return options.secrets(name);
  };
  const event = eventFor(options.target);
  const [eventId = ''] = await sendEvents({
    eventKey: await read(
      deployment.secrets.inngestEventKey,
      'Secret-inngestEventKey',
    ),
    env: deployment.inngestEnv,
    baseUrl: options.eventApiBaseUrl,
    fetch: options.fetch,
    events: [event],
  });
  const sent = { eventName: event.name, eventId };
  const { wait } = options;
  if (!wait) return { ...sent, outcome: 'sent', runs: [] };
  const api = createInngestApi({
    signingKey: await read(
      deployment.secrets.inngestSigningKey,
      'Secret-inngestSigningKey',
    ),
    env: deployment.inngestEnv,
    baseUrl: options.apiBaseUrl,
    fetch: options.fetch,
  });
  const started = wait.now();
  const timeoutMs = wait.timeoutMs ?? 600_000;
  for (;;) {
    const runs = await api.eventRuns(eventId);
    const elapsedMs = wait.now() - started;
    wait.onProgress?.({ elapsedMs, runs });
    if (runs.length > 0 && runs.every((r) => isFinished(r.status))) {
      const failed = runs.some((r) => r.status !== 'completed');
      return { ...sent, outcome: failed ? 'failed' : 'completed', runs };
    }
    if (elapsedMs >= timeoutMs) {
      const outcome = runs.length === 0 ? 'no run started' : 'timed out';
      return { ...sent, outcome, runs };
    }
    await wait.sleep(wait.pollMs ?? 3_000);
  }
}

/** A progress bar of the waiting time on stderr, for `--wait`. */
export function waitBar(stderr: NodeJS.WritableStream, timeoutMs: number) {
  const bar = new SingleBar({
    format: 'waiting for the runs [{bar}] {elapsed}s of {limit}s: {state}',
    stream: stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  const limit = Math.round(timeoutMs / 1000);
  bar.start(limit, 0, { elapsed: 0, limit, state: 'no run yet' });
  return {
    update({ elapsedMs, runs }: { elapsedMs: number; runs: InngestRun[] }) {
      const elapsed = Math.round(elapsedMs / 1000);
      const state =
        runs.length === 0 ? 'no run yet' : runs.map((r) => r.status).join(', ');
      bar.update(Math.min(elapsed, limit), { elapsed, limit, state });
    },
    stop: () => bar.stop(),
  };
}

/** What the operator reads: the event id, then the runs and outcome. */
export function formatTrigger(
  result: TriggerResult,
  deployment: Deployment,
): string {
  const head = `sent ${result.eventName} to stage ${deployment.stage}: event id ${result.eventId}\n`;
  if (result.outcome === 'sent') return head;
  const rows = result.runs.map((r) => ({
    run: r.runId,
    function: r.functionId ?? '',
    status: r.status,
    started: r.startedAt ?? '',
    ended: r.endedAt ?? '',
    output: r.output === undefined ? '' : JSON.stringify(r.output).slice(0, 80),
  }));
  const why: Record<Exclude<TriggerOutcome, 'sent'>, string> = {
    completed: 'every run completed',
    failed: 'a run failed: open it in the Inngest console for the error',
    'timed out':
      'still running when the wait ended; follow it in the Inngest console',
    'no run started':
      'no function run started: is the function paused, or the app not synced? Run: npm run pipeline -- doctor',
  };
  return `${head}${rows.length ? render(rows, 'table') : ''}outcome: ${result.outcome}: ${why[result.outcome]}\n`;
}

/** 0 when it was sent (and, when followed, completed), else 1. */
export const triggerExitCode = (result: TriggerResult) =>
  result.outcome === 'sent' || result.outcome === 'completed' ? 0 : 1;
