import { InngestTestEngine } from '@inngest/test';
import { silentLog } from '../../lambda/core/deps';
import { readNextPage } from '../../lambda/core/harvest';
import { createHarvestComments } from '../../lambda/inngest/functions/harvest-comments';
import {
  findVideo,
  type PipelineWorld,
  startPipelineWorld,
  testClient,
} from '../helpers/inngest-runtime';
import { runStepIds, sendEventCalls } from '../helpers/inngest-steps';

function engine(world: PipelineWorld, videoId: string) {
  return new InngestTestEngine({
    function: createHarvestComments(testClient(), world.runtime),
    events: [{ name: 'pipeline/video.harvest.requested', data: { videoId } }],
    // sendEvent steps answer as Inngest would, without a network.
    steps: Array.from({ length: 5 }, (_, i) => ({
      id: `comments stored ${i}`,
      handler: () => ({ ids: [] }),
    })),
  });
}

describe('harvest-comments', () => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await startPipelineWorld();
  });
  afterEach(() => world.close());

  it('harvests a page per step and announces each stored page', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 100);

    const { result, ctx } = await engine(world, videoId).execute();

    expect(runStepIds(ctx)).toEqual([
      'harvest page 0',
      'checkpoint page 0',
      'harvest page 1',
      'checkpoint page 1',
    ]);
    const calls = sendEventCalls(ctx);
    expect(calls.map((c) => c.stepId)).toEqual([
      'comments stored 0',
      'comments stored 1',
    ]);
    const announced = calls.flatMap((c) => c.events);
    expect(announced.map((e) => [e.name, e.data.pageIndex])).toEqual([
      ['pipeline/comments.stored', 0],
      ['pipeline/comments.stored', 1],
    ]);
    const ids = announced.flatMap((e) => e.data.commentIds as string[]);
    const stored = await world.testStore.store.getComments(videoId, ids);
    expect(stored).toHaveLength(ids.length);
    expect(result).toEqual({
      videoId,
      pages: 2,
      commentsStored: ids.length,
      status: 'done',
    });
    expect(world.total('commentPagesHarvested')).toBe(2);
    expect(world.total('commentsHarvested')).toBe(ids.length);
    expect(world.total('quotaUnitsUsed')).toBe(2);
    expect(world.total('runsSucceeded')).toBe(1);
  });

  it('reads a page again when the answer to its step was lost', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 100);
    const { commentIds: firstPage } = await harvestOnce(videoId);
    // The lost attempt stored page 0 but its answer never reached Inngest,
    // so Inngest runs the step again.
    await readNextPage(
      (await world.runtime.task('harvest', silentLog)).deps,
      videoId,
    );

    const { ctx } = await engine(world, videoId).execute();

    const announced = sendEventCalls(ctx).flatMap((c) => c.events);
    expect(announced[0]?.data).toMatchObject({
      pageIndex: 0,
      commentIds: firstPage,
    });
  });

  /** Page 0's ids, as a clean run on another store would announce them. */
  async function harvestOnce(videoId: string) {
    const other = await startPipelineWorld();
    const { ctx } = await engine(other, videoId).execute();
    await other.close();
    const [first] = sendEventCalls(ctx).flatMap((c) => c.events);
    return { commentIds: first?.data.commentIds as string[] };
  }

  it('announces the whole page again when a repeat finds nothing new', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 5);
    const first = await engine(world, videoId).execute();

    const { result, ctx } = await engine(world, videoId).execute();

    // A page stored before a crash may never have been extracted; the
    // extraction counts each mention once, so a repeat is harmless.
    const announced = sendEventCalls(ctx).flatMap((c) => c.events);
    const before = sendEventCalls(first.ctx).flatMap((c) => c.events);
    expect(announced[0]?.data.commentIds).toEqual(before[0]?.data.commentIds);
    expect(result).toMatchObject({ commentsStored: 0, status: 'done' });
  });

  it('records disabled comments and ends without failing', async () => {
    const videoId = findVideo(world, (shape) => shape === 'disabled');

    const { result, error, ctx } = await engine(world, videoId).execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({
      videoId,
      pages: 1,
      commentsStored: 0,
      status: 'commentsDisabled',
    });
    expect(sendEventCalls(ctx)).toEqual([]);
    const video = await world.testStore.store.getVideo(videoId);
    expect(video?.harvestStatus).toBe('commentsDisabled');
  });

  it('waits for the quota reset when YouTube says the quota is spent', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 5);
    world.replica.inject({
      method: 'commentThreads.list',
      reason: 'quotaExceeded',
    });

    const { step } = await engine(world, videoId).executeStep('harvest page 0');

    expect(step.op).toBe('StepError');
    expect(step.error).toMatchObject({
      name: 'RetryAfterError',
      // Midnight Pacific after the test clock (18:00 UTC, 10 March).
      message: expect.stringContaining('2026-03-11T07:00:00.000Z'),
    });
  });

  it('stops without retries when YouTube rejects the key', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 5);
    world.replica.inject({
      method: 'commentThreads.list',
      reason: 'keyInvalid',
    });

    const { step } = await engine(world, videoId).executeStep('harvest page 0');

    expect(step.op).toBe('StepFailed');
    expect(step.error).toMatchObject({ name: 'NonRetriableError' });
  });

  it('retries a page that hit a transient YouTube error', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 5);
    world.replica.inject({
      method: 'commentThreads.list',
      reason: 'backendError',
      status: 503,
      times: 5,
    });

    const { step } = await engine(world, videoId).executeStep('harvest page 0');

    expect(step.op).toBe('StepError');
  });

  it('rejects an event without a valid video id, naming the field', async () => {
    const { error } = await engine(world, 'not-an-id').execute();

    expect(error).toMatchObject({
      name: 'EventValidationError',
      message: expect.stringContaining('videoId: a YouTube video id is'),
    });
  });

  it('harvests videos at the configured concurrency, one run per video', () => {
    const fn = createHarvestComments(testClient(), world.runtime);

    expect(fn.opts.concurrency).toEqual([
      { limit: world.settings.harvest.concurrency },
      { limit: 1, key: 'event.data.videoId' },
    ]);
  });
});

describe('harvest-comments on a spent budget', () => {
  let world: PipelineWorld;
  beforeEach(async () => {
    // 100 units for the pipeline, all kept back for the day's discovery.
    world = await startPipelineWorld({
      settings: { quota: { dailyUnits: 600, reserveUnits: 500 } },
    });
  });
  afterEach(() => world.close());

  it('waits for the reset rather than spend the units discovery needs', async () => {
    const videoId = findVideo(world, (threads) => Number(threads) > 5);

    const { step } = await engine(world, videoId).executeStep('harvest page 0');

    expect(step.op).toBe('StepError');
    expect(step.error).toMatchObject({ name: 'RetryAfterError' });
    expect(world.replica.calls).toEqual([]);
  });
});
