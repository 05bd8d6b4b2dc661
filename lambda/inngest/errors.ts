import { NonRetriableError, RetryAfterError } from 'inngest';
import type { Log } from '../core/deps';
import { QuotaBudgetExhaustedError, type QuotaPurpose } from '../core/quota';
import { SettingsError } from '../core/settings';
import { QuotaExceededError, YouTubeError } from '../core/youtube/errors';
import {
  ConfigurationError,
  type PipelineRuntime,
  type PipelineTask,
} from './runtime';

/**
 * Errors are classified before Inngest sees them, so each gets the handling
 * it needs: a person must fix it (no retries, and the run says why), the
 * daily quota is spent (wait for the reset), or it may pass (Inngest's
 * backoff).
 */

/** When the quota is available again, if `error` says it is spent. */
export function quotaResetOf(error: unknown): Date | undefined {
  if (error instanceof QuotaExceededError) return error.resetsAt;
  if (error instanceof QuotaBudgetExhaustedError && error.scope === 'day') {
    return error.resetsAt;
  }
  return undefined;
}

/** The error Inngest should see for an error thrown by the core. */
export function toInngestError(error: unknown): unknown {
  if (error instanceof NonRetriableError || error instanceof RetryAfterError) {
    return error;
  }
  if (error instanceof ConfigurationError || error instanceof SettingsError) {
    return new NonRetriableError(
      `the pipeline is misconfigured, so this run stops without retries: ${error.message}`,
      { cause: error },
    );
  }
  const resetsAt = quotaResetOf(error);
  if (resetsAt) {
    return new RetryAfterError(
      `${(error as Error).message}; waiting for the quota reset at ${resetsAt.toISOString()}`,
      resetsAt,
      { cause: error },
    );
  }
  if (error instanceof YouTubeError && error.action !== 'retry') {
    // `skip` errors are recorded on the video by the core; one reaching
    // here has nothing left to retry either.
    const call = error.method ? ` ${error.method}` : '';
    return new NonRetriableError(
      `YouTube${call} refused (${error.reason}): ${error.message}; retrying cannot help, fix the cause and re-run`,
      { cause: error },
    );
  }
  return error;
}

/** Runs `work`, rethrowing its errors classified for Inngest. */
export async function classified<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toInngestError(error);
  }
}

/**
 * The runtime's dependencies for a task, or a NonRetriableError naming
 * what is missing: a misconfigured pipeline must not burn retries.
 */
export function loadTask(
  runtime: Pick<PipelineRuntime, 'task'>,
  purpose: QuotaPurpose,
  log: Log,
): Promise<PipelineTask> {
  return classified(() => runtime.task(purpose, log));
}

/** A readable one-line message for any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
