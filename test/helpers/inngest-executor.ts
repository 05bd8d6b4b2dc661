/**
 * A small stand-in for Inngest's executor, for end-to-end tests of the
 * real Lambda handler. It syncs the app (a signed PUT), then runs each
 * event's functions the way Inngest does: signed POSTs carrying the event,
 * the memoized step results and the step stack; a 206 hands back the step
 * that ran (memoized, then the function is called again), a retriable
 * error is retried with the next attempt number, and a run that fails for
 * good emits `inngest/function.failed`. Events the functions send reach
 * the fake cloud's event API and are routed to the functions listening.
 *
 * Not modelled: timing (backoff, Retry-After, concurrency keys), crons,
 * sleeps and waits, checkpointing (no `fn_id` is sent, so the SDK answers
 * step by step).
 */
import type { Context, LambdaFunctionURLEvent } from 'aws-lambda';
import type {
  FakeInngestCloud,
  RegisteredFunction,
  SentEvent,
} from './inngest-cloud';
import { functionUrlEvent } from './inngest-signing';

type Handler = (
  event: LambdaFunctionURLEvent,
  context: Context,
) => Promise<{
  statusCode?: number;
  body?: string;
  headers?: Record<string, string | number | boolean>;
}>;

/** An op as the SDK reports it in a 206 response. */
interface Op {
  readonly id: string;
  readonly op: string;
  readonly name?: string;
  readonly displayName?: string;
  readonly data?: unknown;
  readonly error?: unknown;
}

type StepState = { data: unknown } | { error: unknown };

export interface ExecutedRun {
  readonly functionId: string;
  readonly runId: string;
  readonly event: SentEvent;
  readonly status: 'completed' | 'failed';
  readonly output?: unknown;
  readonly error?: unknown;
  /** Step name → times it was attempted (retries included). */
  readonly stepAttempts: Record<string, number>;
  /** Step names whose first response was dropped. */
  readonly lostResponses: string[];
}

export interface ExecutorOptions {
  readonly handler: Handler;
  readonly signingKey: string;
  readonly cloud: FakeInngestCloud;
  /**
   * Drops a step's response the first time this returns true, as when a
   * Lambda times out after the step's work is done: the step runs again.
   */
  readonly loseResponse?: (step: {
    functionId: string;
    name: string;
  }) => boolean;
}

const MAX_REQUESTS_PER_RUN = 200;
const context = { awsRequestId: 'executor' } as Context;

export class InngestExecutor {
  readonly runs: ExecutedRun[] = [];
  private functions: RegisteredFunction[] = [];
  private readonly queue: SentEvent[] = [];
  private readonly seenEventIds = new Set<string>();
  private nextId = 0;

  constructor(private readonly options: ExecutorOptions) {
    options.cloud.onEvents = (events) => this.send(events);
  }

  /** Syncs the app and learns its functions from the registration. */
  async sync(): Promise<RegisteredFunction[]> {
    const before = this.options.cloud.registrations.length;
    const response = await this.post({ method: 'PUT' });
    const registration = this.options.cloud.registrations[before];
    if (response.status !== 200 || !registration) {
      throw new Error(`sync failed: ${response.status} ${response.text}`);
    }
    this.functions = registration.body.functions;
    return this.functions;
  }

  /** Queues events; a repeated event id is dropped, as Inngest does. */
  send(events: SentEvent | readonly SentEvent[]): void {
    for (const event of Array.isArray(events) ? events : [events]) {
      if (event.id && this.seenEventIds.has(event.id)) continue;
      if (event.id) this.seenEventIds.add(event.id);
      this.queue.push({
        ...event,
        id: event.id ?? `evt-${++this.nextId}`,
        ts: event.ts ?? Date.now(),
      });
    }
  }

  /** Runs every queued event's functions until nothing is left. */
  async drain(): Promise<ExecutedRun[]> {
    const started = this.runs.length;
    for (let event = this.queue.shift(); event; event = this.queue.shift()) {
      for (const fn of this.functions.filter((f) => triggeredBy(f, event))) {
        const run = await this.run(fn, event);
        this.runs.push(run);
        if (run.status === 'failed') this.send(failureEvent(run));
      }
    }
    return this.runs.slice(started);
  }

  /** The runs of one function (its id without the app prefix). */
  runsOf(functionId: string): ExecutedRun[] {
    return this.runs.filter((r) => r.functionId.endsWith(`-${functionId}`));
  }

  private async run(fn: RegisteredFunction, event: SentEvent) {
    const runId = `run-${++this.nextId}`;
    const maxAttempts = (fn.steps.step?.retries?.attempts ?? 3) + 1;
    const steps: Record<string, StepState> = {};
    const stack: string[] = [];
    const stepAttempts: Record<string, number> = {};
    const lostResponses: string[] = [];
    const done = (status: ExecutedRun['status'], extra: object) => ({
      functionId: fn.id,
      runId,
      event,
      status,
      stepAttempts,
      lostResponses,
      ...extra,
    });
    let attempt = 0;
    let planned: string[] = [];
    for (let request = 0; request < MAX_REQUESTS_PER_RUN; request++) {
      const stepId = planned[0] ?? 'step';
      const response = await this.post({
        method: 'POST',
        query: { fnId: fn.id, stepId },
        body: {
          version: 2,
          event,
          events: [event],
          steps,
          ctx: {
            run_id: runId,
            attempt,
            max_attempts: maxAttempts,
            disable_immediate_execution: false,
            use_api: false,
            stack: { stack, current: stack.length },
          },
        },
      });
      if (response.status === 200) {
        return done('completed', { output: response.json });
      }
      if (response.status !== 206) {
        const final = response.headers['x-inngest-no-retry'] === 'true';
        if (final || attempt + 1 >= maxAttempts) {
          return done('failed', { error: response.json });
        }
        attempt += 1;
        continue;
      }
      const ops = response.json as Op[];
      const ran = ops.length === 1 ? ops[0] : undefined;
      if (ran && ['StepRun', 'StepError', 'StepFailed'].includes(ran.op)) {
        const name = ran.displayName ?? ran.name ?? ran.id;
        stepAttempts[name] = (stepAttempts[name] ?? 0) + 1;
        if (ran.op === 'StepError') {
          attempt += 1;
          continue;
        }
        const lose =
          ran.op === 'StepRun' &&
          !lostResponses.includes(name) &&
          this.options.loseResponse?.({ functionId: fn.id, name });
        if (lose) {
          lostResponses.push(name);
          continue;
        }
        steps[ran.id] =
          ran.op === 'StepRun'
            ? { data: ran.data ?? null }
            : { error: ran.error };
        stack.push(ran.id);
        planned = planned.filter((id) => id !== ran.id);
        attempt = 0;
        continue;
      }
      if (ops.every((op) => op.op === 'StepPlanned')) {
        planned = ops.map((op) => op.id);
        continue;
      }
      throw new Error(
        `executor: unsupported ops ${ops.map((o) => o.op).join(', ')}`,
      );
    }
    throw new Error(`executor: ${fn.id} did not finish`);
  }

  private async post(request: {
    method: 'POST' | 'PUT';
    query?: Record<string, string>;
    body?: unknown;
  }) {
    const result = await this.options.handler(
      functionUrlEvent({ ...request, signWith: this.options.signingKey }),
      context,
    );
    const text = result.body ?? '';
    return {
      status: result.statusCode ?? 0,
      headers: Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [
          k.toLowerCase(),
          String(v),
        ]),
      ),
      text,
      json: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }
}

/** Whether `fn` has a trigger for the event (its expression included). */
function triggeredBy(fn: RegisteredFunction, event: SentEvent): boolean {
  return fn.triggers.some(
    (t) =>
      t.event === event.name &&
      (t.expression === undefined || evaluate(t.expression, event)),
  );
}

/** The expressions this app uses: `event.data.<field> != '<text>'`. */
function evaluate(expression: string, event: SentEvent): boolean {
  const match = /^event\.data\.(\w+) (==|!=) '([^']*)'$/.exec(expression);
  if (!match) throw new Error(`executor: unsupported expression ${expression}`);
  const [, field = '', operator, text] = match;
  const equal = event.data[field] === text;
  return operator === '==' ? equal : !equal;
}

function failureEvent(run: ExecutedRun): SentEvent {
  return {
    name: 'inngest/function.failed',
    data: {
      function_id: run.functionId,
      run_id: run.runId,
      error: run.error ?? { name: 'Error', message: 'unknown' },
      event: run.event,
    },
  };
}
