import { depsFor } from '../../lambda/core/context';
import type { PipelineDeps } from '../../lambda/core/deps';
import { harvestNextPage } from '../../lambda/core/harvest';
import { recordDomains } from '../../lambda/core/record-domains';
import {
  dataCounts,
  startTestPipeline,
  type TestPipeline,
} from '../helpers/pipeline';

const NOW = new Date('2026-12-03T20:00:00Z');

/** A visible video of the replica's world with at least `pages` pages. */
function videoWithPages(p: TestPipeline, pages: number): string {
  const uploads = p.replica.world.uploads('UUaaaaaaaaaaaaaaaaaaaaaa') ?? [];
  for (const video of uploads) {
    const comments = p.replica.world.comments(video.videoId);
    if (comments.kind === 'open' && comments.threads.length > pages * 100) {
      return video.videoId;
    }
  }
  throw new Error(`no video with ${pages} pages of comments in the world`);
}

/** Harvests to the end, extracting each page, as the cycle does. */
async function harvestAll(deps: PipelineDeps, videoId: string) {
  for (;;) {
    const page = await harvestNextPage(deps, videoId);
    await recordDomains(deps, videoId, page.commentIds);
    if (page.done) return;
  }
}

describe('harvestNextPage', () => {
  let p: TestPipeline;
  beforeEach(async () => {
    p = await startTestPipeline({ now: () => NOW });
  });
  afterEach(() => p.close());

  it('resumes after a crash between pages without loss or double counting', async () => {
    const videoId = videoWithPages(p, 2);
    const clean = await startTestPipeline({ now: () => NOW });
    await harvestAll(depsFor(clean.context, 'harvest').deps, videoId);
    const expected = await dataCounts(clean);
    await clean.close();

    const { deps } = depsFor(p.context, 'harvest');
    const first = await harvestNextPage(deps, videoId);
    await recordDomains(deps, videoId, first.commentIds);
    expect(first).toMatchObject({ pageIndex: 0, done: false });
    // The process dies after storing page 2, before its checkpoint and
    // before its domains are extracted.
    const crashing: PipelineDeps = {
      ...deps,
      store: {
        ...deps.store,
        updateVideo: () => Promise.reject(new Error('process killed')),
      },
    };
    await expect(harvestNextPage(crashing, videoId)).rejects.toThrow('killed');

    const resumed = await harvestNextPage(deps, videoId);
    expect(resumed.pageIndex).toBe(1);
    expect(resumed.storedCommentIds).toEqual([]);
    await recordDomains(deps, videoId, resumed.commentIds);
    if (!resumed.done) await harvestAll(deps, videoId);

    expect(await dataCounts(p)).toEqual(expected);
    const video = await p.store.getVideo(videoId);
    expect(video).toMatchObject({
      harvestStatus: 'done',
      commentsStored: expected.comments,
    });
    expect(video?.pageToken).toBeUndefined();
  });

  it('stops a re-harvest at the newest comment already stored', async () => {
    const videoId = videoWithPages(p, 2);
    const { deps } = depsFor(p.context, 'harvest');
    await harvestAll(deps, videoId);
    const before = p.replica.calls.length;

    const again = await harvestNextPage(deps, videoId);

    expect(again).toMatchObject({ pageIndex: 0, done: true });
    expect(again.storedCommentIds).toEqual([]);
    expect(p.replica.calls.length - before).toBe(1);
  });

  it('caps the pages read per video', async () => {
    const videoId = videoWithPages(p, 2);
    const settings = {
      ...p.context.settings,
      harvest: { ...p.context.settings.harvest, maxPagesPerVideo: 1 },
    };
    const { deps } = depsFor(p.withSettings(settings), 'harvest');
    const page = await harvestNextPage(deps, videoId);
    expect(page).toMatchObject({ pageIndex: 0, done: true });
    // 100 threads, plus the replies YouTube includes with them.
    expect(page.fetched).toBeGreaterThanOrEqual(100);
  });

  it('records a video that is gone as notFound, not as a failure', async () => {
    p.replica.inject({
      method: 'commentThreads.list',
      reason: 'videoNotFound',
    });
    const { deps } = depsFor(p.context, 'harvest');
    const page = await harvestNextPage(deps, 'AAAAAAAAAAA');
    expect(page).toMatchObject({ done: true, status: 'notFound' });
    expect(await p.store.getVideo('AAAAAAAAAAA')).toMatchObject({
      harvestStatus: 'notFound',
      sourceId: 'manual',
    });
  });
});
