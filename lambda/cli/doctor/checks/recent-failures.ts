import { consoleUrl, type InngestEvent } from '../../inngest-api';
import { check } from '../check';
import { FAILURES_WINDOW_HOURS } from '../windows';

interface Failure {
  readonly functionId: string;
  readonly at: string;
  readonly error: string;
}

/** Runs that failed for good in the last day, with their errors. */
export const recentFailuresCheck = check(
  'recent-failures',
  `no function failed in the last ${FAILURES_WINDOW_HOURS} hours`,
  (facts, say) => {
    const { deployment, now } = facts;
    if (!deployment)
      return say.skip('local mode: a failed cycle shows in npm start itself');
    const from = now.getTime() - FAILURES_WINDOW_HOURS * 3_600_000;
    let source = 'Inngest';
    let failures: Failure[];
    if ('value' in facts.failedEvents) {
      failures = facts.failedEvents.value.map(fromEvent);
    } else if ('value' in facts.failures) {
      source = 'the failure records (Inngest unavailable)';
      failures = facts.failures.value.map((f) => ({
        functionId: f.functionId,
        at: f.failedAt,
        error: f.error,
      }));
    } else {
      return say.skip('neither Inngest nor the failure records could be read');
    }
    failures = failures
      .filter((f) => Date.parse(f.at) >= from)
      .sort((a, b) => b.at.localeCompare(a.at));
    if (failures.length === 0) {
      return say.pass(
        `no failed run in ${FAILURES_WINDOW_HOURS} h (${source})`,
      );
    }
    const counts = new Map<string, number>();
    for (const f of failures)
      counts.set(f.functionId, (counts.get(f.functionId) ?? 0) + 1);
    const latest = failures[0] as Failure;
    return say.warn(
      `${failures.length} failed run(s) in ${FAILURES_WINDOW_HOURS} h (${source}): ${[...counts].map(([id, n]) => `${id} x${n}`).join(', ')}; latest ${latest.functionId} at ${latest.at}: ${clip(latest.error)}`,
      `open the runs on ${consoleUrl(deployment.inngestEnv, 'runs')}, fix the cause, then replay them; docs/runbook.md#function-failures`,
    );
  },
);

function fromEvent(event: InngestEvent): Failure {
  const error = event.data.error as
    | { name?: unknown; message?: unknown }
    | undefined;
  return {
    functionId: String(event.data.function_id ?? 'unknown'),
    at: new Date(event.ts ?? 0).toISOString(),
    error: `${String(error?.name ?? 'Error')}: ${String(error?.message ?? 'no message')}`,
  };
}

const clip = (text: string) =>
  text.length > 200 ? `${text.slice(0, 197)}...` : text;
