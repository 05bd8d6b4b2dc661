import type { FailureRecord } from '../../core/model';
import type { PipelineClient } from '../client';
import { functionFailed } from '../events';
import {
  APP_ID,
  FUNCTION_IDS,
  type FunctionId,
  qualifiedFunctionId,
  RETRIES,
} from '../ids';
import { functionLog } from '../log';
import type { PipelineRuntime } from '../runtime';

const ID = FUNCTION_IDS.reportFailure;

/** Longest original event kept on a failure record. */
const EVENT_TEXT_LIMIT = 2_000;

/**
 * Reports every run that failed for good: counts it (the alarm watches the
 * metric), records it in the store (the CLI and doctor list it) and
 * publishes it to the alerts topic when one is configured. Each in its own
 * step, so each is retried alone and done once. Needs
 * neither settings nor the YouTube key, so misconfiguration is reported
 * too.
 */
export function createReportFailure(
  client: PipelineClient,
  runtime: PipelineRuntime,
) {
  return client.createFunction(
    {
      id: ID,
      name: 'Report a failed run',
      triggers: [
        {
          event: functionFailed,
          // Its own failures would trigger it again, without end.
          if: `event.data.function_id != '${qualifiedFunctionId(ID)}'`,
        },
      ],
      retries: RETRIES[ID],
    },
    async ({ event, step, runId, logger }) => {
      const failure = toFailureRecord(event.data, event.ts);
      functionLog(logger, { functionId: ID, runId }).error(
        'pipeline function failed',
        { failure },
      );

      await step.run('count failure', () => {
        runtime.metrics.emit({ functionFailures: 1 });
      });
      // The alert before the record: a store outage must not hold back
      // the one signal a person sees at once.
      const alerted = await step.run('publish alert', () =>
        runtime.alerts.publish(failure),
      );
      await step.run('record failure', () =>
        runtime.store().putFailure(failure),
      );
      return { functionId: failure.functionId, runId: failure.runId, alerted };
    },
  );
}

interface FailedEventData {
  readonly function_id: string;
  readonly run_id: string;
  readonly error: { readonly name?: string; readonly message?: string };
  readonly event?: Record<string, unknown>;
}

/** The store's record of a failure event. */
export function toFailureRecord(
  data: FailedEventData,
  ts: number | undefined,
): FailureRecord {
  const functionId = shortFunctionId(data.function_id);
  const name = data.error.name ?? 'Error';
  return {
    functionId,
    runId: data.run_id,
    failedAt: new Date(ts ?? Date.now()).toISOString(),
    event: JSON.stringify(data.event ?? {}).slice(0, EVENT_TEXT_LIMIT),
    error: `${name}: ${data.error.message ?? '(no message)'}`,
    attempts: attemptsOf(functionId, name),
  };
}

/** `youtube-domain-pipeline-harvest-comments` → `harvest-comments`. */
function shortFunctionId(qualified: string): string {
  const prefix = `${APP_ID}-`;
  return qualified.startsWith(prefix)
    ? qualified.slice(prefix.length)
    : qualified;
}

/**
 * The failure event does not say how many attempts were made. A retriable
 * error fails the run only once the retries are spent, so that number is
 * known; a NonRetriableError stops at whichever attempt threw it, so 1 is
 * recorded, the least it can have been.
 */
function attemptsOf(functionId: string, errorName: string): number {
  if (NON_RETRIABLE.has(errorName)) return 1;
  const retries = RETRIES[functionId as FunctionId];
  return retries === undefined ? 1 : retries + 1;
}

/** Error names that end a run at once (EventValidationError: bad event). */
const NON_RETRIABLE = new Set(['NonRetriableError', 'EventValidationError']);
