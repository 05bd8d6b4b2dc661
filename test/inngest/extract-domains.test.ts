import { InngestTestEngine } from '@inngest/test';
import { silentLog } from '../../lambda/core/deps';
import { harvestNextPage } from '../../lambda/core/harvest';
import { createExtractDomains } from '../../lambda/inngest/functions/extract-domains';
import {
  findVideo,
  type PipelineWorld,
  startPipelineWorld,
  testClient,
} from '../helpers/inngest-runtime';
import { runStepIds } from '../helpers/inngest-steps';

function engine(world: PipelineWorld, data: Record<string, unknown>) {
  return new InngestTestEngine({
    function: createExtractDomains(testClient(), world.runtime),
    events: [{ name: 'pipeline/comments.stored', data }],
  });
}

describe('extract-domains', () => {
  let world: PipelineWorld;
  let stored: { videoId: string; pageIndex: number; commentIds: string[] };
  beforeEach(async () => {
    world = await startPipelineWorld();
    const videoId = findVideo(world, (threads) => Number(threads) > 80);
    const { deps } = await world.runtime.task('harvest', silentLog);
    const page = await harvestNextPage(deps, videoId);
    stored = { videoId, pageIndex: 0, commentIds: page.storedCommentIds };
  });
  afterEach(() => world.close());

  it('records the domains the stored comments mention', async () => {
    const { result, ctx } = await engine(world, stored).execute();

    expect(runStepIds(ctx)).toEqual(['record domains']);
    const recorded = result as {
      comments: number;
      mentions: number;
      newDomains: string[];
    };
    expect(recorded.comments).toBe(stored.commentIds.length);
    expect(recorded.newDomains.length).toBeGreaterThan(0);
    expect(recorded.mentions).toBeGreaterThanOrEqual(
      recorded.newDomains.length,
    );
    const [first] = recorded.newDomains;
    const domain = await world.testStore.store.getDomain(first ?? '');
    expect(domain?.firstVideoId).toBe(stored.videoId);
    expect(world.total('newDomains')).toBe(recorded.newDomains.length);
    expect(world.total('runsSucceeded')).toBe(1);
  });

  it('counts nothing twice when the same page is announced again', async () => {
    const first = await engine(world, stored).execute();
    const again = await engine(world, stored).execute();

    expect(again.result).toMatchObject({ mentions: 0, newDomains: [] });
    const firstDomains = (first.result as { newDomains: string[] }).newDomains;
    expect(world.total('newDomains')).toBe(firstDomains.length);
  });

  it('rejects an event without comment ids, naming the field', async () => {
    const { error } = await engine(world, {
      ...stored,
      commentIds: [],
    }).execute();

    expect(error).toMatchObject({
      name: 'EventValidationError',
      message: expect.stringContaining('commentIds'),
    });
  });
});
