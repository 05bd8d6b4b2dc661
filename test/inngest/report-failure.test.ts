import { InngestTestEngine } from '@inngest/test';
import { createReportFailure } from '../../lambda/inngest/functions/report-failure';
import type { PipelineRuntime } from '../../lambda/inngest/runtime';
import { ConfigurationError } from '../../lambda/inngest/runtime';
import {
  type PipelineWorld,
  startPipelineWorld,
  testClient,
} from '../helpers/inngest-runtime';
import { runStepIds } from '../helpers/inngest-steps';

const FAILED_AT = Date.parse('2026-03-10T17:59:00.000Z');

function failedEvent(errorName = 'Error') {
  return {
    name: 'inngest/function.failed',
    ts: FAILED_AT,
    data: {
      function_id: 'youtube-domain-pipeline-harvest-comments',
      run_id: '01JRUNID',
      error: { name: errorName, message: 'YouTube commentThreads.list 503' },
      event: {
        name: 'pipeline/video.discovered',
        data: { videoId: 'dQw4w9WgXcQ' },
      },
    },
  };
}

function engine(runtime: PipelineRuntime, errorName?: string) {
  return new InngestTestEngine({
    function: createReportFailure(testClient(), runtime),
    events: [failedEvent(errorName)],
  });
}

describe('report-failure', () => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await startPipelineWorld();
  });
  afterEach(() => world.close());

  it('counts, publishes and records the failure', async () => {
    const { result, ctx } = await engine(world.runtime).execute();

    expect(runStepIds(ctx)).toEqual([
      'count failure',
      'publish alert',
      'record failure',
    ]);
    const expected = {
      functionId: 'harvest-comments',
      runId: '01JRUNID',
      failedAt: '2026-03-10T17:59:00.000Z',
      error: 'Error: YouTube commentThreads.list 503',
      // Retries ran out: five retries after the first attempt.
      attempts: 6,
      event: expect.stringContaining('dQw4w9WgXcQ'),
    };
    expect(world.total('functionFailures')).toBe(1);
    expect(world.alerts).toEqual([expected]);
    expect(await world.testStore.store.listRecentFailures(5)).toEqual([
      expected,
    ]);
    expect(result).toEqual({
      functionId: 'harvest-comments',
      runId: '01JRUNID',
      alerted: true,
    });
  });

  it('records one attempt for an error that is never retried', async () => {
    await engine(world.runtime, 'NonRetriableError').execute();

    const [failure] = await world.testStore.store.listRecentFailures(5);
    expect(failure?.attempts).toBe(1);
  });

  it('reports failures even when the pipeline is misconfigured', async () => {
    const misconfigured: PipelineRuntime = {
      ...world.runtime,
      settings: undefined,
      task: async () => {
        throw new ConfigurationError('YOUTUBE_API_KEY', 'not set');
      },
    };

    const { error } = await engine(misconfigured).execute();

    expect(error).toBeUndefined();
    expect(world.alerts).toHaveLength(1);
    expect(await world.testStore.store.listRecentFailures(5)).toHaveLength(1);
  });

  it('never reports its own failures, which would loop', () => {
    const fn = createReportFailure(testClient(), world.runtime);

    expect(fn.opts.triggers).toEqual([
      expect.objectContaining({
        if: "event.data.function_id != 'youtube-domain-pipeline-report-failure'",
      }),
    ]);
  });
});
