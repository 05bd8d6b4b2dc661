import '../helpers/inngest-als';
import type { MetricValues } from '../../lambda/inngest/runtime';
import { createHandler } from '../../lambda/serve';
import { type Replica, startReplica } from '../../local/youtube-replica';
import { startTestStore, type TestStore } from '../helpers/dynalite';
import {
  type FakeInngestCloud,
  startFakeInngestCloud,
} from '../helpers/inngest-cloud';
import { useProcessEnv } from '../helpers/inngest-env';
import {
  type ExecutorOptions,
  InngestExecutor,
} from '../helpers/inngest-executor';
import { TEST_NOW } from '../helpers/inngest-runtime';
import { TEST_EVENT_KEY, TEST_SIGNING_KEY } from '../helpers/inngest-signing';

const clock = () => new Date(TEST_NOW);

/** One production-shaped pipeline: handler, dynalite, replica, executor. */
interface Pipeline {
  readonly executor: InngestExecutor;
  readonly testStore: TestStore;
  readonly metrics: MetricValues[];
  total(metric: keyof MetricValues): number;
}

describe('the served pipeline, end to end', () => {
  let cloud: FakeInngestCloud;
  let replica: Replica;
  const stores: TestStore[] = [];
  beforeEach(async () => {
    cloud = await startFakeInngestCloud();
    replica = await startReplica({ seed: 'end-to-end', now: clock });
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await cloud.close();
    await replica.close();
  });
  useProcessEnv(() => ({
    INNGEST_SIGNING_KEY: TEST_SIGNING_KEY,
    INNGEST_EVENT_KEY: TEST_EVENT_KEY,
    INNGEST_BASE_URL: cloud.url,
    YOUTUBE_API_KEY: 'test-key',
    PIPELINE_STAGE: 'test',
    PIPELINE_SETTINGS: JSON.stringify({
      sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'] },
      youtube: { baseUrl: replica.baseUrl, retries: 0 },
      discovery: { firstLookbackDays: 2, maxPagesPerSource: 1 },
      harvest: { maxPagesPerVideo: 2 },
    }),
  }));

  /** A fresh store and a handler cold-started over it. */
  async function pipeline(
    options: Pick<ExecutorOptions, 'loseResponse'> = {},
  ): Promise<Pipeline> {
    const testStore = await startTestStore({ clock });
    stores.push(testStore);
    process.env.DYNAMODB_ENDPOINT = testStore.endpoint;
    process.env.TABLE_VIDEOS = testStore.tables.videos;
    process.env.TABLE_COMMENTS = testStore.tables.comments;
    process.env.TABLE_DOMAINS = testStore.tables.domains;
    process.env.TABLE_MENTIONS = testStore.tables.mentions;
    process.env.TABLE_STATE = testStore.tables.state;
    const metrics: MetricValues[] = [];
    const handler = createHandler(process.env, {
      metrics: { emit: (values) => metrics.push(values) },
      clock,
      sleep: async () => {},
    });
    const executor = new InngestExecutor({
      handler,
      signingKey: TEST_SIGNING_KEY,
      cloud,
      ...options,
    });
    await executor.sync();
    return {
      executor,
      testStore,
      metrics,
      total: (metric) =>
        metrics.reduce((sum, values) => sum + (values[metric] ?? 0), 0),
    };
  }

  /** What the store holds: domains with their mention counts, comments. */
  async function contents({ testStore }: Pipeline) {
    const { store } = testStore;
    const domains = await store.listNewDomains(
      '2026-03-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    );
    const mentions: Record<string, number> = {};
    for (const d of domains)
      mentions[d.domain] = await store.countMentions(d.domain);
    const videos = await store.listVideosPublishedSince(
      '2026-03-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    );
    const comments = videos.reduce((n, v) => n + (v.commentsStored ?? 0), 0);
    return { mentions, videos: videos.length, comments };
  }

  it('runs discovery, harvest and extraction so the domains land in the store', async () => {
    const p = await pipeline();
    p.executor.send({ name: 'pipeline/discovery.requested', data: {} });

    await p.executor.drain();

    const [discovery] = p.executor.runsOf('discover-videos');
    expect(discovery).toMatchObject({
      status: 'completed',
      output: expect.objectContaining({ outcome: 'succeeded' }),
    });
    const output = (discovery?.output ?? {}) as { newVideos?: number };
    const discovered = output.newVideos ?? 0;
    expect(discovered).toBeGreaterThan(0);
    const harvests = p.executor.runsOf('harvest-comments');
    expect(harvests).toHaveLength(discovered);
    expect(harvests.every((r) => r.status === 'completed')).toBe(true);
    const extractions = p.executor.runsOf('extract-domains');
    expect(extractions.length).toBeGreaterThan(0);
    expect(extractions.every((r) => r.status === 'completed')).toBe(true);
    expect(p.executor.runsOf('report-failure')).toEqual([]);

    const stored = await contents(p);
    expect(Object.keys(stored.mentions).length).toBeGreaterThan(0);
    expect(stored.videos).toBe(discovered);
    expect(p.total('newDomains')).toBe(Object.keys(stored.mentions).length);
    expect(p.total('commentsHarvested')).toBe(stored.comments);
    expect(p.total('videosDiscovered')).toBe(discovered);
  });

  it('retries a step that fails once and counts nothing twice', async () => {
    const clean = await pipeline();
    clean.executor.send({ name: 'pipeline/discovery.requested', data: {} });
    await clean.executor.drain();
    const expected = await contents(clean);

    // A 503 on the first comment page, a lost response after the first
    // extraction recorded its mentions, and a lost response after a comment
    // page was stored: each of those steps runs twice.
    replica.inject({ method: 'commentThreads.list', status: 503 });
    const lost = new Set<string>();
    const faulty = await pipeline({
      loseResponse: ({ name }) => {
        const once = name === 'record domains' || name === 'harvest page 0';
        if (!once || lost.has(name)) return false;
        lost.add(name);
        return true;
      },
    });
    faulty.executor.send({ name: 'pipeline/discovery.requested', data: {} });
    await faulty.executor.drain();

    // Two extra attempts of a first page in all: the 503, the lost answer.
    const extraAttempts = faulty.executor
      .runsOf('harvest-comments')
      .map((r) => (r.stepAttempts['harvest page 0'] ?? 1) - 1)
      .reduce((a, b) => a + b, 0);
    expect(extraAttempts).toBe(2);
    const replayed = faulty.executor
      .runsOf('extract-domains')
      .filter((r) => r.lostResponses.includes('record domains'));
    expect(replayed).toHaveLength(1);
    // The page whose answer was lost is read again, not skipped, so its
    // comments still reach extraction.
    const reread = faulty.executor
      .runsOf('harvest-comments')
      .filter((r) => r.lostResponses.includes('harvest page 0'));
    expect(reread).toHaveLength(1);
    expect(faulty.executor.runs.every((r) => r.status === 'completed')).toBe(
      true,
    );
    expect(await contents(faulty)).toEqual(expected);
    expect(faulty.total('newDomains')).toBe(clean.total('newDomains'));
    expect(faulty.total('commentsHarvested')).toBe(
      clean.total('commentsHarvested'),
    );
  });

  it('reports a run that fails for good', async () => {
    const p = await pipeline();
    replica.inject({ method: 'commentThreads.list', reason: 'keyInvalid' });
    p.executor.send({
      name: 'pipeline/video.harvest.requested',
      data: { videoId: 'dQw4w9WgXcQ' },
    });

    await p.executor.drain();

    expect(p.executor.runsOf('harvest-comments')).toMatchObject([
      { status: 'failed' },
    ]);
    expect(p.executor.runsOf('report-failure')).toMatchObject([
      { status: 'completed', output: { functionId: 'harvest-comments' } },
    ]);
    const [failure] = await p.testStore.store.listRecentFailures(5);
    expect(failure).toMatchObject({
      functionId: 'harvest-comments',
      error: expect.stringContaining('keyInvalid'),
    });
    expect(p.total('functionFailures')).toBe(1);
  });
});
