import type { Deployment } from '../../lambda/cli/deployment';
import { UsageError } from '../../lambda/cli/output';
import {
  formatTrigger,
  parseTriggerTarget,
  trigger,
  triggerExitCode,
} from '../../lambda/cli/trigger';
import { TEST_EVENT_KEY } from '../helpers/inngest-signing';
import { PROD_SIGNING_KEY } from './helpers/doctor-world';
import {
  type FakeInngestApi,
  startFakeInngestApi,
} from './helpers/fake-inngest-api';

const deployment = {
  stage: 'prod',
  stackName: 'youtube-domain-pipeline-prod',
  secrets: { inngestSigningKey: 'signing', inngestEventKey: 'event' },
} as unknown as Deployment;

const secrets = async (name: string) =>
  ({ signing: PROD_SIGNING_KEY, event: TEST_EVENT_KEY })[name] ?? '';

const run = (status: string) => ({
  run_id: '01RUN',
  function_id: 'youtube-domain-pipeline-discover-videos',
  status,
  run_started_at: '2026-03-10T18:00:00Z',
  ...(status === 'Running' ? {} : { ended_at: '2026-03-10T18:00:09Z' }),
  output: { videosDiscovered: 4 },
});

describe('pipeline trigger', () => {
  let api: FakeInngestApi;
  beforeEach(async () => {
    api = await startFakeInngestApi(PROD_SIGNING_KEY);
  });
  afterEach(() => api.close());

  /** A clock that moves a poll interval on each sleep; nothing waits. */
  const fakeTime = () => {
    let t = 0;
    return {
      now: () => t,
      sleep: async (ms: number) => {
        t += ms;
      },
    };
  };
  const send = (what: string, videoId?: string, wait?: object) =>
    trigger({
      deployment,
      target: parseTriggerTarget(what, videoId),
      secrets,
      fetch,
      eventApiBaseUrl: api.url,
      apiBaseUrl: api.url,
      ...(wait ? { wait: { ...fakeTime(), ...wait } } : {}),
    });

  it('sends discovery through the event API with the event key and prints the id', async () => {
    const result = await send('discovery');

    expect(api.sent).toEqual([
      {
        key: TEST_EVENT_KEY,
        events: [
          {
            name: 'pipeline/discovery.requested',
            data: { reason: 'pipeline trigger (operator CLI)' },
          },
        ],
      },
    ]);
    expect(formatTrigger(result, deployment)).toBe(
      'sent pipeline/discovery.requested to stage prod: event id 01EVENT1\n',
    );
    expect(triggerExitCode(result)).toBe(0);
  });

  it('follows the run with --wait until it completes', async () => {
    api.runs.set('01EVENT1', (poll) => [
      run(poll < 3 ? 'Running' : 'Completed'),
    ]);
    const progress: string[] = [];

    const result = await send('discovery', undefined, {
      onProgress: (p: { runs: { status: string }[] }) =>
        progress.push(p.runs.map((r) => r.status).join()),
    });

    expect(result.outcome).toBe('completed');
    expect(progress).toEqual(['running', 'running', 'completed']);
    expect(formatTrigger(result, deployment)).toMatch(
      /01RUN .*completed[\s\S]*outcome: completed: every run completed/,
    );
  });

  it('reports a failed harvest run and exits 1', async () => {
    api.runs.set('01EVENT1', [run('Failed')]);

    const result = await send('harvest', 'dQw4w9WgXcQ', {});

    expect(api.sent[0]?.events).toEqual([
      {
        name: 'pipeline/video.harvest.requested',
        data: { videoId: 'dQw4w9WgXcQ' },
      },
    ]);
    expect(result.outcome).toBe('failed');
    expect(triggerExitCode(result)).toBe(1);
  });

  it('says no run started when nothing listens to the event', async () => {
    const result = await send('discovery', undefined, {
      timeoutMs: 30_000,
      pollMs: 5_000,
    });

    expect(result.outcome).toBe('no run started');
    expect(formatTrigger(result, deployment)).toMatch(
      /paused, or the app not synced/,
    );
  });

  it('refuses a malformed video id, naming the fix', () => {
    expect(() => parseTriggerTarget('harvest', 'short')).toThrow(UsageError);
    expect(() => parseTriggerTarget('harvest', 'short')).toThrow(
      /11-character YouTube video id/,
    );
    expect(() => parseTriggerTarget('everything', undefined)).toThrow(
      /use "trigger discovery" or "trigger harvest <videoId>"/,
    );
  });
});
