import { runCycle } from '../../lambda/core/cycle';
import {
  dataCounts,
  ONE_CHANNEL,
  startTestPipeline,
  type TestPipeline,
} from '../helpers/pipeline';

const NOW = new Date('2026-12-03T20:00:00Z');

describe('runCycle against dynalite and the YouTube replica', () => {
  let p: TestPipeline;
  beforeEach(async () => {
    p = await startTestPipeline({ now: () => NOW, settings: ONE_CHANNEL });
  });
  afterEach(() => p.close());

  it('discovers, harvests and stores the domains of a whole cycle', async () => {
    const summary = await runCycle(p.context, { runId: 'r1' });

    expect(summary.videosDiscovered).toBeGreaterThan(3);
    expect(summary.videosHarvested).toBe(summary.videosDiscovered);
    expect(summary.commentsStored).toBeGreaterThan(100);
    expect(summary.newDomains).toBeGreaterThan(0);
    expect(summary.stoppedBy).toBeUndefined();
    const counts = await dataCounts(p);
    expect(counts.comments).toBe(summary.commentsStored);
    expect(counts.domains).toBe(summary.newDomains);
    expect(counts.mentions).toBe(summary.mentions);
    const since = new Date(NOW.getTime() - 86_400_000).toISOString();
    const listed = await p.store.listNewDomains(since, '2027-01-01T00:00:00Z');
    expect(listed).toHaveLength(summary.newDomains);
    // What the replica charged is what the ledger recorded.
    expect(p.replica.quotaUsed('test-key')).toBe(summary.quotaUnitsUsed);
    expect(await p.store.getHeartbeat('local-cycle')).toMatchObject({
      runId: 'r1',
    });
  });

  it('leaves identical counts when the same cycle runs twice', async () => {
    await runCycle(p.context, { runId: 'r1' });
    const once = await dataCounts(p);
    const second = await runCycle(p.context, { runId: 'r2' });
    const twice = await dataCounts(p);

    expect(twice).toEqual(once);
    expect(second.videosDiscovered).toBe(0);
    expect(second.commentsStored).toBe(0);
    expect(second.newDomains).toBe(0);
    expect(second.mentions).toBe(0);
  });

  it('retries 5xx answers and rate limits without losing or doubling', async () => {
    const clean = await startTestPipeline({
      now: () => NOW,
      settings: ONE_CHANNEL,
    });
    const expected = await runCycle(clean.context, { runId: 'clean' });
    const expectedCounts = await dataCounts(clean);
    await clean.close();

    p.replica.inject({ method: 'playlistItems.list', status: 503 });
    p.replica.inject({ method: 'commentThreads.list', status: 500 });
    p.replica.inject({
      method: 'commentThreads.list',
      reason: 'rateLimitExceeded',
      times: 2,
    });
    const summary = await runCycle(p.context, { runId: 'r1' });

    expect(summary.videosDeferred).toBe(0);
    expect(summary.commentsStored).toBe(expected.commentsStored);
    expect(await dataCounts(p)).toEqual(expectedCounts);
    const injected = p.replica.calls.filter((c) => c.injected);
    expect(injected.map((c) => c.status)).toEqual([503, 500, 403, 403]);
  });

  it('defers a video whose retries run out and finishes it next cycle', async () => {
    p.replica.inject({ method: 'commentThreads.list', status: 503, times: 4 });
    const first = await runCycle(p.context, { runId: 'r1' });
    expect(first.videosDeferred).toBe(1);
    const runs = await p.store.listRecentRuns(1);
    expect(runs[0]?.outcome).toBe('partial');

    await runCycle(p.context, { runId: 'r2' });
    expect(await p.store.listVideosToHarvest(50)).toEqual([]);
  });

  it('records disabled comments on the video and moves on', async () => {
    p.replica.inject({
      method: 'commentThreads.list',
      reason: 'commentsDisabled',
    });
    const summary = await runCycle(p.context, { runId: 'r1' });

    expect(summary.videosHarvested).toBe(summary.videosDiscovered);
    const first = p.replica.calls.find((c) => c.injected);
    const videoId = first?.params.videoId ?? '';
    expect(await p.store.getVideo(videoId)).toMatchObject({
      harvestStatus: 'commentsDisabled',
    });
  });

  it('fails on malformed API data with a clear error and nothing half-written', async () => {
    p.replica.inject({
      method: 'commentThreads.list',
      body: '{"kind": "youtube#commentThreadListResponse", "items": [{"id": 7',
    });
    await expect(runCycle(p.context, { runId: 'r1' })).rejects.toThrow(
      /commentThreads\.list answered 2xx with a body that is not JSON/,
    );
    const counts = await dataCounts(p);
    expect(counts.comments).toBe(0);
    expect(counts.mentions).toBe(0);
    const [run] = await p.store.listRecentRuns(1);
    expect(run).toMatchObject({ outcome: 'failed' });
    expect(String(run?.summary.error)).toMatch(/commentThreads\.list/);
  });
});
