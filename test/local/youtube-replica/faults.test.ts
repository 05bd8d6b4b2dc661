import {
  CommentsDisabledError,
  FatalYouTubeError,
  QuotaExceededError,
  TransientYouTubeError,
  VideoNotFoundError,
} from '../../../lambda/core/youtube/errors';
import { CHANNEL, KEY, replicaWithClient } from './helpers';

async function firstVideo(
  setup: Awaited<ReturnType<typeof replicaWithClient>>,
  kind: 'open' | 'disabled' | 'notFound',
) {
  const playlist = await setup.client.uploadsPlaylistId(CHANNEL);
  const { items } = await setup.client.playlistVideos(playlist);
  const video = items.find(
    (v) => setup.replica.world.comments(v.videoId).kind === kind,
  );
  if (!video) throw new Error(`no ${kind} video on the first page`);
  return video.videoId;
}

describe('replica faults', () => {
  it('retries injected 5xx answers until the real one', async () => {
    const setup = await replicaWithClient();
    const { replica, client, waits } = setup;
    try {
      const videoId = await firstVideo(setup, 'open');
      replica.inject({ method: 'commentThreads.list', status: 503, times: 2 });
      const page = await client.commentThreads(videoId);
      const state = replica.world.comments(videoId);
      const threads = state.kind === 'open' ? state.threads.length : -1;
      expect(page.items.filter((c) => !c.parentId)).toHaveLength(
        Math.min(threads, 100),
      );
      const statuses = replica.calls
        .filter((c) => c.method === 'commentThreads.list')
        .map((c) => c.status);
      expect(statuses).toEqual([503, 503, 200]);
      expect(waits).toHaveLength(2);
    } finally {
      await replica.close();
    }
  });

  it('retries 429 and rateLimitExceeded, honouring Retry-After', async () => {
    const { replica, client, waits } = await replicaWithClient();
    try {
      replica.inject({ method: 'videos.list', status: 429, retryAfter: 5 });
      replica.inject({ method: 'videos.list', reason: 'rateLimitExceeded' });
      await client.ping();
      expect(waits[0]).toBe(5000);
      expect(replica.calls.map((c) => c.status)).toEqual([429, 403, 200]);
    } finally {
      await replica.close();
    }
  });

  it('gives up with a transient error when 5xx persist', async () => {
    const { replica, client } = await replicaWithClient();
    try {
      replica.inject({ method: 'videos.list', status: 500, times: 10 });
      await expect(client.ping()).rejects.toBeInstanceOf(TransientYouTubeError);
      expect(replica.calls).toHaveLength(4);
    } finally {
      await replica.close();
    }
  });

  it('answers quotaExceeded once the daily units are spent', async () => {
    const { replica, client } = await replicaWithClient({
      quota: { dailyUnits: 2 },
    });
    try {
      await client.ping();
      await client.ping();
      const error = await client.ping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QuotaExceededError);
      expect((error as QuotaExceededError).resetsAt.toISOString()).toBe(
        '2025-06-02T07:00:00.000Z',
      );
      expect(replica.quotaUsed(KEY)).toBe(2);
    } finally {
      await replica.close();
    }
  });

  it('charges 100 units a search in the unified model', async () => {
    const { replica, client } = await replicaWithClient({
      quota: { model: 'unified', dailyUnits: 150 },
    });
    try {
      await client.searchVideos('bikes', undefined);
      expect(replica.quotaUsed(KEY)).toBe(100);
      await expect(
        client.searchVideos('bikes', undefined),
      ).rejects.toBeInstanceOf(QuotaExceededError);
    } finally {
      await replica.close();
    }
  });

  it('rejects an unknown key as keyInvalid', async () => {
    const { replica } = await replicaWithClient();
    const { createYouTubeClient } = await import(
      '../../../lambda/core/youtube/client'
    );
    try {
      const stranger = createYouTubeClient({
        apiKey: 'wrong',
        baseUrl: replica.baseUrl,
      });
      const error = await stranger.ping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FatalYouTubeError);
      expect(error).toMatchObject({ reason: 'keyInvalid', status: 400 });
    } finally {
      await replica.close();
    }
  });

  it('answers commentsDisabled and videoNotFound from the world', async () => {
    const setup = await replicaWithClient();
    try {
      const disabled = await firstVideo(setup, 'disabled');
      await expect(
        setup.client.commentThreads(disabled),
      ).rejects.toBeInstanceOf(CommentsDisabledError);
      await expect(
        setup.client.commentThreads('aaaaaaaaaaa'),
      ).rejects.toBeInstanceOf(VideoNotFoundError);
    } finally {
      await setup.replica.close();
    }
  });

  it('turns an injected malformed body into malformedResponse', async () => {
    const setup = await replicaWithClient();
    try {
      const videoId = await firstVideo(setup, 'open');
      setup.replica.inject({
        method: 'commentThreads.list',
        body: '{"items": [',
        match: (url) => url.searchParams.get('videoId') === videoId,
      });
      const error = await setup.client
        .commentThreads(videoId)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'malformedResponse' });
      expect(setup.replica.calls.at(-1)?.injected).toBe(true);
    } finally {
      await setup.replica.close();
    }
  });

  it('injects a commentsDisabled reason on demand', async () => {
    const setup = await replicaWithClient();
    try {
      const videoId = await firstVideo(setup, 'open');
      setup.replica.inject({
        method: 'commentThreads.list',
        reason: 'commentsDisabled',
      });
      await expect(setup.client.commentThreads(videoId)).rejects.toMatchObject({
        videoId,
        action: 'skip',
      });
      await expect(setup.client.commentThreads(videoId)).resolves.toBeDefined();
    } finally {
      await setup.replica.close();
    }
  });
});
