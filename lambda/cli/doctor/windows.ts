import { FUNCTION_IDS, qualifiedFunctionId } from '../../inngest/ids';
import type { InngestEvent } from '../inngest-api';
import type { DoctorFacts } from './facts';

/** How far back the doctor looks for discovery runs. */
export const RUNS_WINDOW_MINUTES = 30;

/** How far back it looks for failures. */
export const FAILURES_WINDOW_HOURS = 24;

const DISCOVERY = FUNCTION_IDS.discoverVideos;

/** The cadence the stage runs discovery at, in minutes. */
export function cadenceOf(facts: DoctorFacts): number {
  const settings = 'value' in facts.settings ? facts.settings.value : undefined;
  return (
    facts.deployment?.cadenceMinutes ?? settings?.schedule.cadenceMinutes ?? 10
  );
}

/**
 * Runs a healthy schedule completes in the window: one fewer than it fires,
 * so a run still under way at either edge does not count against it (two
 * for the default ten-minute cadence).
 */
export const expectedRuns = (cadence: number) =>
  Math.max(1, Math.floor(RUNS_WINDOW_MINUTES / cadence) - 1);

const since = (facts: DoctorFacts, minutes: number) =>
  facts.now.getTime() - minutes * 60_000;

const ofDiscovery = (event: InngestEvent) =>
  event.data.function_id === qualifiedFunctionId(DISCOVERY);

/** What Inngest says about discovery in the window, when it could say. */
export function inngestDiscovery(
  facts: DoctorFacts,
): { completed: number; failed: number } | { unavailable: string } {
  const { finishedEvents: finished, failedEvents: failed } = facts;
  if (!('value' in finished)) {
    return {
      unavailable: 'skipped' in finished ? finished.skipped : finished.error,
    };
  }
  const from = since(facts, RUNS_WINDOW_MINUTES);
  const inWindow = (e: InngestEvent) => (e.ts ?? Infinity) >= from;
  const runs = finished.value.filter((e) => ofDiscovery(e) && inWindow(e));
  const failures =
    'value' in failed
      ? failed.value.filter((e) => ofDiscovery(e) && inWindow(e))
      : [];
  return {
    completed: runs.filter((e) => !e.data.error).length,
    failed: Math.max(failures.length, runs.filter((e) => e.data.error).length),
  };
}

/** Discovery runs this stage's tables recorded in the window. */
export function storedDiscovery(
  facts: DoctorFacts,
): { completed: number; lastAt?: string } | { unavailable: string } {
  if (!('value' in facts.runs)) {
    return {
      unavailable:
        'skipped' in facts.runs ? facts.runs.skipped : facts.runs.error,
    };
  }
  const from = since(facts, RUNS_WINDOW_MINUTES);
  const done = facts.runs.value.filter(
    (r) =>
      r.functionId === DISCOVERY &&
      r.outcome !== 'failed' &&
      Date.parse(r.endedAt) >= from,
  );
  const lastAt = done
    .map((r) => r.endedAt)
    .sort()
    .at(-1);
  return { completed: done.length, ...(lastAt ? { lastAt } : {}) };
}
