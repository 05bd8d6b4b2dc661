import type { YouTubeApi } from '../../../lambda/core/youtube/api';
import type { Replica } from '../../../local/youtube-replica';
import { allPages, CHANNEL, KEY, NOW, replicaWithClient } from './helpers';

let replica: Replica;
let client: YouTubeApi;

beforeAll(async () => {
  ({ replica, client } = await replicaWithClient());
});
afterAll(() => replica.close());

const newestFirst = (times: string[]) =>
  times.every((t, i) => i === 0 || (times[i - 1] ?? '') >= t);

describe('replica with the client', () => {
  it('gives any channel id an uploads playlist', async () => {
    await expect(client.uploadsPlaylistId(CHANNEL)).resolves.toBe(
      `UU${CHANNEL.slice(2)}`,
    );
  });

  it('answers an unknown channel without items, as YouTube does', async () => {
    const error = await client
      .uploadsPlaylistId('not-a-channel')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'channelNotFound' });
  });

  it('pages uploads 50 at a time, newest first, without repeats', async () => {
    const playlist = await client.uploadsPlaylistId(CHANNEL);
    const pages = await allPages((t) => client.playlistVideos(playlist, t));
    const videos = pages.flat();
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(0, -1).every((p) => p.length === 50)).toBe(true);
    expect(new Set(videos.map((v) => v.videoId)).size).toBe(videos.length);
    expect(newestFirst(videos.map((v) => v.publishedAt))).toBe(true);
    expect(videos.every((v) => new Date(v.publishedAt) <= NOW)).toBe(true);
    expect(videos.every((v) => v.channelId === CHANNEL)).toBe(true);
  });

  it('searches newest first, only after publishedAfter', async () => {
    const after = '2025-05-25T00:00:00Z';
    const pages = await allPages((t) =>
      client.searchVideos('sourdough bread', after, t),
    );
    const videos = pages.flat();
    expect(videos.length).toBeGreaterThan(0);
    expect(videos.every((v) => v.publishedAt > after)).toBe(true);
    expect(newestFirst(videos.map((v) => v.publishedAt))).toBe(true);
    expect(videos[0]?.title).toContain('sourdough bread');
    expect(videos[0]?.title).toContain('&');
  });

  it('pages comment threads up to 100 with replies after their thread', async () => {
    const playlist = await client.uploadsPlaylistId(CHANNEL);
    const { items } = await client.playlistVideos(playlist);
    const counts: number[] = [];
    for (const video of items) {
      const state = replica.world.comments(video.videoId);
      if (state.kind !== 'open' || state.threads.length <= 100) continue;
      const pages = await allPages((t) =>
        client.commentThreads(video.videoId, t),
      );
      const comments = pages.flat();
      const tops = comments.filter((c) => !c.parentId);
      expect(tops).toHaveLength(state.threads.length);
      expect(newestFirst(tops.map((c) => c.publishedAt))).toBe(true);
      for (const reply of comments.filter((c) => c.parentId)) {
        const parent = tops.find((c) => c.commentId === reply.parentId);
        expect(parent).toBeDefined();
        expect(reply.commentId.startsWith(`${reply.parentId}.`)).toBe(true);
        expect(reply.publishedAt > (parent?.publishedAt ?? '')).toBe(true);
      }
      expect(comments.every((c) => c.publishedAt > video.publishedAt)).toBe(
        true,
      );
      counts.push(pages.length);
      break;
    }
    expect(counts[0]).toBeGreaterThan(1);
  });

  it('sends the documented parameters and charges 1 unit each', async () => {
    const before = replica.quotaUsed(KEY);
    await client.ping();
    const last = replica.calls[replica.calls.length - 1];
    expect(last).toMatchObject({
      method: 'videos.list',
      params: { part: 'id', id: 'dQw4w9WgXcQ' },
      status: 200,
    });
    expect(replica.quotaUsed(KEY)).toBe(before + 1);
  });

  it('counts search calls in their own bucket in the split model', async () => {
    const units = replica.quotaUsed(KEY);
    const searches = replica.searchCallsUsed(KEY);
    await client.searchVideos('garden tour', undefined);
    expect(replica.quotaUsed(KEY)).toBe(units);
    expect(replica.searchCallsUsed(KEY)).toBe(searches + 1);
  });
});
