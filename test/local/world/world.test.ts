import { createWorld, type World } from '../../../local/world/world';

const CHANNEL = 'UCabcdefghijklmnopqrstuv';
const PLAYLIST = `UU${CHANNEL.slice(2)}`;
const at = (iso: string) => () => new Date(iso);

function openThreads(world: World, videoId: string) {
  const state = world.comments(videoId);
  return state.kind === 'open' ? state.threads : [];
}

describe('createWorld', () => {
  it('gives the same answers for the same seed and clock', () => {
    const a = createWorld({ seed: 7, now: at('2025-03-01T00:00:00Z') });
    const b = createWorld({ seed: 7, now: at('2025-03-01T00:00:00Z') });
    expect(b.uploads(PLAYLIST)).toEqual(a.uploads(PLAYLIST));
    expect(b.search('cats')).toEqual(a.search('cats'));
    const videoId = a.uploads(PLAYLIST)?.[3]?.videoId ?? '';
    expect(b.comments(videoId)).toEqual(a.comments(videoId));
  });

  it('gives other videos for another seed', () => {
    const now = at('2025-03-01T00:00:00Z');
    const a = createWorld({ seed: 1, now }).uploads(PLAYLIST);
    const b = createWorld({ seed: 2, now }).uploads(PLAYLIST);
    expect(b?.[0]?.videoId).not.toBe(a?.[0]?.videoId);
  });

  it('reveals newer videos later and keeps the earlier ones', () => {
    let now = new Date('2025-03-01T00:00:00Z');
    const world = createWorld({ seed: 's', now: () => now });
    const before = world.uploads(PLAYLIST) ?? [];
    now = new Date('2025-03-03T00:00:00Z');
    const after = world.uploads(PLAYLIST) ?? [];
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]?.publishedAt.getTime()).toBeGreaterThan(
      before[0]?.publishedAt.getTime() ?? 0,
    );
    const ids = new Set(after.map((v) => v.videoId));
    const recent = before.filter(
      (v) => v.publishedAt >= new Date('2025-01-15T00:00:00Z'),
    );
    expect(recent.every((v) => ids.has(v.videoId))).toBe(true);
  });

  it('publishes a video every few hours over the last 60 days', () => {
    const world = createWorld({ seed: 's', now: at('2025-03-01T00:00:00Z') });
    const videos = world.uploads(PLAYLIST) ?? [];
    const oldest = videos[videos.length - 1]?.publishedAt.getTime() ?? 0;
    expect(videos.length).toBeGreaterThan(100);
    expect(Date.parse('2025-03-01T00:00:00Z') - oldest).toBeLessThanOrEqual(
      60 * 86_400_000,
    );
  });

  it('knows a video by its id alone, as a fresh process must', () => {
    const now = at('2025-03-01T00:00:00Z');
    const video = createWorld({ seed: 's', now }).uploads(PLAYLIST)?.[0];
    const fresh = createWorld({ seed: 's', now });
    expect(fresh.video(video?.videoId ?? '')?.publishedAt).toEqual(
      video?.publishedAt,
    );
    expect(fresh.video('dQw4w9WgXcQ')).toBeUndefined();
    expect(fresh.channel('UCshort')).toBeUndefined();
  });

  it('lets comments arrive after their video, and more later', () => {
    let now = new Date('2025-03-01T00:00:00Z');
    const world = createWorld({ seed: 's', now: () => now });
    const recent = (world.uploads(PLAYLIST) ?? []).slice(0, 10);
    const early = recent.map((v) => openThreads(world, v.videoId).length);
    now = new Date('2025-03-08T00:00:00Z');
    const late = recent.map((v) => openThreads(world, v.videoId).length);
    expect(late.reduce((a, b) => a + b)).toBeGreaterThan(
      early.reduce((a, b) => a + b),
    );
    for (const video of recent) {
      for (const thread of openThreads(world, video.videoId)) {
        expect(thread.top.publishedAt > video.publishedAt).toBe(true);
        for (const reply of thread.replies) {
          expect(reply.publishedAt > thread.top.publishedAt).toBe(true);
          expect(reply.parentId).toBe(thread.top.commentId);
        }
      }
    }
  });

  it('mixes open, disabled and missing comment sections', () => {
    const world = createWorld({ seed: 's', now: at('2025-03-01T00:00:00Z') });
    const kinds = new Set(
      (world.uploads(PLAYLIST) ?? []).map(
        (v) => world.comments(v.videoId).kind,
      ),
    );
    expect([...kinds].sort()).toEqual(['disabled', 'notFound', 'open']);
  });

  it('mentions many distinct domains across videos', () => {
    const world = createWorld({ seed: 's', now: at('2025-03-01T00:00:00Z') });
    const words = new Set<string>();
    for (const video of (world.uploads(PLAYLIST) ?? []).slice(0, 60)) {
      for (const thread of openThreads(world, video.videoId)) {
        for (const m of thread.top.text.matchAll(
          /\b[a-z0-9-]+\.[a-z]{2,}\b/g,
        )) {
          words.add(m[0]);
        }
      }
    }
    expect(words.size).toBeGreaterThan(500);
  });

  it('finds videos for any query from a few channels', () => {
    const world = createWorld({ seed: 's', now: at('2025-03-01T00:00:00Z') });
    const videos = world.search('  Woodworking Tips ');
    const channels = new Set(videos.map((v) => v.channelId));
    expect(videos.length).toBeGreaterThan(50);
    expect(channels.size).toBeGreaterThanOrEqual(3);
    expect(channels.size).toBeLessThanOrEqual(6);
    expect(world.search('woodworking tips').map((v) => v.videoId)).toEqual(
      videos.map((v) => v.videoId),
    );
  });
});
