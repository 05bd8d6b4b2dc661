import { InngestTestEngine } from '@inngest/test';
import { SettingsError } from '../../lambda/core/settings';
import { createDiscoverVideos } from '../../lambda/inngest/functions/discover-videos';
import type { PipelineRuntime } from '../../lambda/inngest/runtime';
import {
  type PipelineWorld,
  startPipelineWorld,
  TEST_NOW,
  testClient,
} from '../helpers/inngest-runtime';
import {
  runStepIds,
  sendEventCalls,
  sentEvents,
} from '../helpers/inngest-steps';

const requested = [
  { name: 'pipeline/discovery.requested', data: { reason: 'test' } },
] as const;

/**
 * sendEvent steps answer as Inngest would, without a network. A new list
 * each time: the test engine adds the run's memoized steps to it.
 */
const fanOutSteps = () =>
  Array.from({ length: 10 }, (_, i) => ({
    id: `fan-out ${i}`,
    handler: () => ({ ids: [] }),
  })).concat([{ id: 'harvest requests 0', handler: () => ({ ids: [] }) }]);

function engine(runtime: PipelineRuntime) {
  return new InngestTestEngine({
    function: createDiscoverVideos(testClient(), runtime),
    events: [...requested],
    steps: fanOutSteps(),
  });
}

describe('discover-videos', () => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await startPipelineWorld();
  });
  afterEach(() => world.close());

  it('fans out one video.discovered event per new video and records the run', async () => {
    const { result, ctx } = await engine(world.runtime).execute();

    const stored = await world.testStore.store.listVideosToHarvest(500);
    expect(stored.length).toBeGreaterThan(0);
    const sent = sentEvents(ctx);
    expect(sent.map((e) => e.name)).toEqual(
      stored.map(() => 'pipeline/video.discovered'),
    );
    expect(sent.map((e) => e.id).sort()).toEqual(
      stored.map((v) => `discovered-${v.videoId}`).sort(),
    );
    expect(sent[0]?.data).toEqual({
      videoId: expect.any(String),
      sourceId: expect.stringMatching(/^(channel|search):/),
    });
    expect(result).toMatchObject({
      outcome: 'succeeded',
      sourcesPlanned: 3,
      sourcesRead: 3,
      newVideos: stored.length,
      stoppedByQuota: false,
    });
    const [run] = await world.testStore.store.listRecentRuns(5);
    expect(run).toMatchObject({
      functionId: 'discover-videos',
      outcome: 'succeeded',
      summary: expect.objectContaining({ newVideos: stored.length }),
    });
    const heartbeat =
      await world.testStore.store.getHeartbeat('discover-videos');
    expect(heartbeat?.runId).toBe(run?.runId);
    expect(world.total('videosDiscovered')).toBe(stored.length);
    expect(world.total('runsSucceeded')).toBe(1);
    expect(world.total('quotaUnitsUsed')).toBe(
      world.replica.quotaUsed('test-key'),
    );
  });

  it('reads each source in a step of its own', async () => {
    const { ctx } = await engine(world.runtime).execute();

    const stepIds = runStepIds(ctx);
    expect(stepIds).toEqual([
      'plan-budget',
      'discover channel:UCaaaaaaaaaaaaaaaaaaaaaa',
      'discover channel:UCbbbbbbbbbbbbbbbbbbbbbb',
      'discover search:homelab tips',
      'find harvest work',
      'record-run',
    ]);
  });

  it('reports nothing new on a second run over the same videos', async () => {
    await engine(world.runtime).execute();
    const { result, ctx } = await engine(world.runtime).execute();

    expect(sentEvents(ctx)).toEqual([]);
    expect(result).toMatchObject({ outcome: 'succeeded', newVideos: 0 });
  });

  it('ends the run cleanly when YouTube says the quota is spent', async () => {
    world.replica.inject({
      method: 'playlistItems.list',
      reason: 'quotaExceeded',
    });

    const { result, error, ctx } = await engine(world.runtime).execute();

    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: 'partial', stoppedByQuota: true });
    // The first source hit the quota: no other source was tried.
    const stepIds = runStepIds(ctx);
    expect(stepIds).toEqual([
      'plan-budget',
      'discover channel:UCaaaaaaaaaaaaaaaaaaaaaa',
      'find harvest work',
      'record-run',
    ]);
    const [run] = await world.testStore.store.listRecentRuns(5);
    expect(run?.outcome).toBe('partial');
  });

  it('fans out the healthy sources, then fails without retries naming the broken one', async () => {
    world.replica.inject({
      method: 'playlistItems.list',
      // A request YouTube will never accept: retrying cannot help.
      reason: 'badRequest',
      status: 400,
      match: (url) =>
        url.searchParams.get('playlistId') === 'UUbbbbbbbbbbbbbbbbbbbbbb',
    });

    const { error, ctx } = await engine(world.runtime).execute();

    expect(error).toMatchObject({
      name: 'NonRetriableError',
      message: expect.stringContaining('channel:UCbbbbbbbbbbbbbbbbbbbbbb'),
    });
    const sent = sentEvents(ctx);
    expect(sent.length).toBeGreaterThan(0);
    expect(
      sent.every(
        (e) =>
          (e.data as { sourceId: string }).sourceId !==
          'channel:UCbbbbbbbbbbbbbbbbbbbbbb',
      ),
    ).toBe(true);
    const [run] = await world.testStore.store.listRecentRuns(5);
    expect(run).toMatchObject({
      outcome: 'partial',
      summary: expect.objectContaining({ failedSources: 1 }),
    });
  });

  it('writes no heartbeat when every source failed, so the stall alarm fires', async () => {
    world.replica.inject({
      method: 'playlistItems.list',
      reason: 'keyInvalid',
      status: 400,
      times: 10,
    });
    world.replica.inject({
      method: 'search.list',
      reason: 'keyInvalid',
      status: 400,
      times: 10,
    });

    const { error } = await engine(world.runtime).execute();

    expect(error).toMatchObject({ name: 'NonRetriableError' });
    const heartbeat =
      await world.testStore.store.getHeartbeat('discover-videos');
    expect(heartbeat).toBeUndefined();
  });

  it('lets Inngest retry a step that hit a transient YouTube error', async () => {
    world.replica.inject({
      method: 'playlistItems.list',
      reason: 'backendError',
      status: 503,
      times: 5,
    });

    const { step } = await engine(world.runtime).executeStep(
      'discover channel:UCaaaaaaaaaaaaaaaaaaaaaa',
    );

    // StepError is retried with backoff; StepFailed would end the run.
    expect(step.op).toBe('StepError');
  });

  it('fails without retries naming the setting when the settings are invalid', async () => {
    const broken: PipelineRuntime = {
      ...world.runtime,
      task: async () => {
        throw new SettingsError([
          'sources: got nothing (PIPELINE_SETTINGS); list at least one channel',
        ]);
      },
    };

    const { error } = await engine(broken).execute();

    expect(error).toMatchObject({
      name: 'NonRetriableError',
      message: expect.stringContaining('sources: got nothing'),
    });
  });

  it('rejects a malformed request event, naming the field', async () => {
    const { error } = await engine(world.runtime).execute({
      events: [
        {
          name: 'pipeline/discovery.requested',
          data: { reason: 'x'.repeat(300) },
        },
      ],
    });

    expect(error).toMatchObject({
      name: 'EventValidationError',
      message: expect.stringContaining('reason'),
    });
  });
});

describe('discover-videos fan-out', () => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await startPipelineWorld({
      settings: { discovery: { firstLookbackDays: 60, maxPagesPerSource: 4 } },
    });
  });
  afterEach(() => world.close());

  it('sends the events in batches of at most 100', async () => {
    const { result, ctx } = await engine(world.runtime).execute();

    const batches = sendEventCalls(ctx).map((c) => [c.stepId, c.events.length]);
    const newVideos = (result as { newVideos: number }).newVideos;
    expect(newVideos).toBeGreaterThan(200);
    expect(batches).toEqual(
      Array.from({ length: Math.ceil(newVideos / 100) }, (_, i) => [
        `fan-out ${i}`,
        Math.min(100, newVideos - i * 100),
      ]),
    );
  });
});

describe('discover-videos harvest requests', () => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await startPipelineWorld();
  });
  afterEach(() => world.close());

  const hoursBefore = (hours: number) =>
    new Date(TEST_NOW.getTime() - hours * 3_600_000).toISOString();

  it('resumes stranded harvests and revisits videos that are due', async () => {
    const { store } = world.testStore;
    await store.putVideoIfNew({
      videoId: 'strandedAAA',
      sourceId: 'manual',
      title: 'stranded',
      publishedAt: hoursBefore(5),
      discoveredAt: hoursBefore(4),
      harvestStatus: 'pending',
    });
    await store.putVideoIfNew({
      videoId: 'revisitBBBB',
      sourceId: 'manual',
      title: 'due a revisit',
      publishedAt: hoursBefore(30),
      discoveredAt: hoursBefore(29),
      harvestStatus: 'done',
      lastHarvestedAt: hoursBefore(29),
    });

    const { result, ctx } = await engine(world.runtime).execute();

    const requests = sendEventCalls(ctx)
      .filter((c) => c.stepId.startsWith('harvest requests'))
      .flatMap((c) => c.events);
    expect(requests).toEqual([
      expect.objectContaining({
        name: 'pipeline/video.harvest.requested',
        data: { videoId: 'strandedAAA' },
        id: 'resume-strandedAAA-2026-03-10',
      }),
      expect.objectContaining({
        name: 'pipeline/video.harvest.requested',
        data: { videoId: 'revisitBBBB' },
        id: `revisit-revisitBBBB-${hoursBefore(29)}`,
      }),
    ]);
    expect(result).toMatchObject({ harvestsRequested: 2 });
  });
});
