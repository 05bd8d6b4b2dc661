import type { FailureRecord, RunRecord } from '../../lambda/core/model';
import {
  DISCOVERY_HEARTBEAT,
  runWatchdog,
  type WatchdogDeps,
} from '../../lambda/ops/watchdog-check';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const minutesAgo = (m: number) =>
  new Date(NOW.getTime() - m * 60_000).toISOString();

const run: RunRecord = {
  functionId: 'discover-videos',
  runId: 'run-7',
  startedAt: minutesAgo(41),
  endedAt: minutesAgo(40),
  outcome: 'failed',
  summary: {},
};
const failure: FailureRecord = {
  functionId: 'discover-videos',
  runId: 'run-7',
  failedAt: minutesAgo(40),
  event: 'pipeline/discovery.requested',
  error: 'QuotaExceededError: quota spent',
  attempts: 4,
};

/** Fakes for every dependency, with an in-memory stall record. */
function fakes(heartbeatMinutesAgo: number | undefined) {
  const published: number[] = [];
  const alerts: Array<{ subject: string; message: string }> = [];
  const state: { episode?: string; firstCheck?: string } = {};
  const deps: WatchdogDeps = {
    now: () => NOW,
    stage: 'prod',
    stallMinutes: 30,
    runbookLink: 'docs/runbook.md#discovery-stalled',
    getHeartbeat: async (name) =>
      name === DISCOVERY_HEARTBEAT && heartbeatMinutesAgo !== undefined
        ? { name, at: minutesAgo(heartbeatMinutesAgo), runId: 'run-6' }
        : undefined,
    listRecentRuns: async () => [run],
    listRecentFailures: async () => [failure],
    firstCheckAt: async (now) => {
      state.firstCheck ??= now;
      return state.firstCheck;
    },
    claimStall: async (episode) => {
      if (state.episode === episode) return false;
      state.episode = episode;
      return true;
    },
    releaseStall: async (episode) => {
      if (state.episode === episode) state.episode = undefined;
    },
    probeEndpoint: async () => ({ healthy: true, summary: 'answers: 401' }),
    publishMinutes: (m) => published.push(m),
    publishAlert: async (subject, message) => {
      alerts.push({ subject, message });
    },
  };
  return { deps, published, alerts, state };
}

describe('runWatchdog', () => {
  it('publishes the minutes since the heartbeat and stays quiet when fresh', async () => {
    const { deps, published, alerts } = fakes(12);
    await expect(runWatchdog(deps)).resolves.toEqual({
      minutesSinceLastDiscovery: 12,
      stalled: false,
      alerted: false,
    });
    expect(published).toEqual([12]);
    expect(alerts).toEqual([]);
  });

  it('sends one diagnosis with last run, last error and the endpoint', async () => {
    const { deps, alerts } = fakes(42);
    await expect(runWatchdog(deps)).resolves.toMatchObject({
      stalled: true,
      alerted: true,
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toBe(
      '[prod] Discovery stalled: no success for 42 minutes',
    );
    const message = alerts[0]?.message ?? '';
    expect(message).toContain(
      `Last successful discovery: ${minutesAgo(42)} (run run-6)`,
    );
    expect(message).toContain('Last run: discover-videos failed');
    expect(message).toContain('Last error: discover-videos at');
    expect(message).toContain('QuotaExceededError: quota spent');
    expect(message).toContain('Endpoint: answers: 401');
    expect(message).toContain('docs/runbook.md#discovery-stalled');
  });

  it('does not repeat the diagnosis within one stall episode', async () => {
    const { deps, alerts, published } = fakes(42);
    await runWatchdog(deps);
    await expect(runWatchdog(deps)).resolves.toMatchObject({
      stalled: true,
      alerted: false,
    });
    expect(alerts).toHaveLength(1);
    expect(published).toEqual([42, 42]);
  });

  it('alerts again for a new stall after discovery recovered', async () => {
    const first = fakes(42);
    await runWatchdog(first.deps);
    const later = fakes(35);
    later.state.episode = first.state.episode;
    await expect(runWatchdog(later.deps)).resolves.toMatchObject({
      alerted: true,
    });
  });

  it('releases the episode when the alert cannot be sent, to retry', async () => {
    const { deps, state } = fakes(42);
    const failing = {
      ...deps,
      publishAlert: async () => {
        throw new Error('SNS unavailable');
      },
    };
    await expect(runWatchdog(failing)).rejects.toThrow('SNS unavailable');
    expect(state.episode).toBeUndefined();
  });

  it('counts from its first check when there is no heartbeat at all', async () => {
    const { deps, published, state } = fakes(undefined);
    state.firstCheck = minutesAgo(5);
    await expect(runWatchdog(deps)).resolves.toMatchObject({ stalled: false });
    expect(published).toEqual([5]);

    state.firstCheck = minutesAgo(31);
    const { alerts } = { alerts: [] as string[] };
    const outcome = await runWatchdog({
      ...deps,
      publishAlert: async (subject) => {
        alerts.push(subject);
      },
    });
    expect(outcome).toMatchObject({ stalled: true, alerted: true });
    expect(alerts).toHaveLength(1);
  });

  it('starts the count on the very first check of a new stack', async () => {
    const { deps, published, state } = fakes(undefined);
    await runWatchdog(deps);
    expect(state.firstCheck).toBe(NOW.toISOString());
    expect(published).toEqual([0]);
  });
});
