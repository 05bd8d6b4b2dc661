import { makeDomainPool } from './comment-text';
import { intBetween, makeRng, pick } from './rng';
import { allThreads, idChars, type LinkTuning } from './threads';
import { videoIdCodec } from './video-id';

/**
 * A deterministic sample of YouTube, for the local replica: any channel id
 * has uploads, any query has results, every video has comments that keep
 * arriving. Everything derives from the seed and the ids, and nothing is
 * visible before `now()`, so a later run finds newer videos and comments.
 *
 * Video ids carry their own publish time (see `encodeVideoId`), so a
 * fresh world answers for a video found by an earlier process.
 */

export interface WorldChannel {
  readonly channelId: string;
  readonly title: string;
  readonly uploadsPlaylistId: string;
  readonly publishedAt: Date;
}

export interface WorldVideo {
  readonly videoId: string;
  /** Absent only for a video this world never listed (see `video`). */
  readonly channelId?: string;
  readonly channelTitle?: string;
  readonly title: string;
  readonly publishedAt: Date;
}

export interface WorldComment {
  readonly commentId: string;
  readonly parentId?: string;
  readonly text: string;
  /** False for the few comments whose textOriginal YouTube withholds. */
  readonly hasOriginal: boolean;
  readonly publishedAt: Date;
  readonly authorChannelId: string;
  readonly authorName: string;
  readonly likeCount: number;
}

export interface WorldThread {
  readonly top: WorldComment;
  /** Visible replies, oldest first. */
  readonly replies: readonly WorldComment[];
}

export type WorldComments =
  | { readonly kind: 'open'; readonly threads: readonly WorldThread[] }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'notFound' };

export interface World {
  readonly seed: string;
  readonly now: () => Date;
  /** Any `UC` + 22 character id is a channel; anything else is not. */
  channel(channelId: string): WorldChannel | undefined;
  /** Visible uploads of a `UU…` playlist, newest first. */
  uploads(playlistId: string): WorldVideo[] | undefined;
  /** Visible videos matching `query`, newest first. */
  search(query: string, publishedAfter?: Date): WorldVideo[];
  /** A published video, or undefined for unknown or future ids. */
  video(videoId: string): WorldVideo | undefined;
  /** Visible comment threads of a video, newest first. */
  comments(videoId: string): WorldComments;
}

export interface WorldOptions {
  readonly seed: string | number;
  readonly now: () => Date;
  /** Popular domains most links go to. @default 400 */
  readonly domainPoolSize?: number;
  /** Share of comments with a link. @default 0.04 */
  readonly linkChance?: number;
  /** Share of links to a domain outside the popular pool. @default 0.25 */
  readonly freshDomainShare?: number;
}

const DAY_MS = 86_400_000;
/** How far back uploads and search results reach. */
const HISTORY_MS = 60 * DAY_MS;
/** Video times are seconds after this instant, packed into the id. */
const EPOCH_MS = Date.UTC(2020, 0, 1);
// biome-ignore format: a table reads better than one item a line
const WORDS = [
  'review', 'tutorial', 'unboxing', 'live', 'build', 'guide', 'vlog',
  'deep dive', 'first look', 'tips', 'setup', 'challenge', 'update',
  'explained', 'news', 'comparison', 'fix', 'recap', 'Q&A', 'story',
];

/** Creates a world; equal seeds and clocks give equal answers. */
export function createWorld(options: WorldOptions): World {
  const seed = String(options.seed);
  const now = options.now;
  const links: LinkTuning = {
    head: makeDomainPool(seed, options.domainPoolSize ?? 400),
    linkChance: options.linkChance ?? 0.04,
    freshShare: options.freshDomainShare ?? 0.25,
  };
  /** Channel of each video listed so far: ids cannot hold a channel id. */
  const owners = new Map<string, { id: string; title: string }>();
  const threadCache = new Map<string, WorldThread[] | 'disabled' | 'gone'>();

  const ids = videoIdCodec(seed);

  function channel(channelId: string): WorldChannel | undefined {
    if (!/^UC[\w-]{22}$/.test(channelId)) return undefined;
    const rng = makeRng(`${seed}|channel|${channelId}`);
    const title = `${pick(rng, ['The', 'Daily', 'Just', 'Pro', 'Tiny'])} ${pick(
      rng,
      ['Maker', 'Garden', 'Code', 'Kitchen', 'Garage', 'Studio', 'Lab'],
    )} ${channelId.slice(2, 6)}`;
    return {
      channelId,
      title,
      uploadsPlaylistId: `UU${channelId.slice(2)}`,
      publishedAt: new Date(EPOCH_MS - intBetween(rng, 1, 3000) * DAY_MS),
    };
  }

  /**
   * Videos on a schedule of about one per `period`: slot k starts at
   * phase + k × period and its video comes at a jittered time inside it.
   */
  function schedule(
    key: string,
    periodMs: number,
    make: (slotRng: () => number, at: Date, videoId: string) => WorldVideo,
  ): WorldVideo[] {
    const rng = makeRng(`${seed}|schedule|${key}`);
    const phase = rng() * periodMs;
    const end = now().getTime();
    const first = Math.floor((end - HISTORY_MS - EPOCH_MS - phase) / periodMs);
    const last = Math.floor((end - EPOCH_MS - phase) / periodMs);
    const videos: WorldVideo[] = [];
    for (let k = last; k >= first; k--) {
      const slot = makeRng(`${seed}|slot|${key}|${k}`);
      if (slot() < 0.15) continue;
      const offset = phase + k * periodMs + slot() * periodMs * 0.6;
      const time = Math.floor(offset / 1000);
      const at = new Date(EPOCH_MS + time * 1000);
      if (at.getTime() > end || at.getTime() < end - HISTORY_MS) continue;
      const videoId = ids.encode(time, Math.floor(slot() * 2 ** 22));
      const video = make(slot, at, videoId);
      if (video.channelId) {
        owners.set(videoId, {
          id: video.channelId,
          title: video.channelTitle ?? '',
        });
      }
      videos.push(video);
    }
    return videos;
  }

  function uploads(playlistId: string): WorldVideo[] | undefined {
    const owner = channel(`UC${playlistId.slice(2)}`);
    if (!playlistId.startsWith('UU') || !owner) return undefined;
    const rng = makeRng(`${seed}|period|${owner.channelId}`);
    const periodMs = intBetween(rng, 3 * 60, 10 * 60) * 60_000;
    return schedule(owner.channelId, periodMs, (slot, at, videoId) => ({
      videoId,
      channelId: owner.channelId,
      channelTitle: owner.title,
      title: `${owner.title} ${pick(slot, WORDS)} #${at.getUTCDate()}`,
      publishedAt: at,
    }));
  }

  function search(query: string, publishedAfter?: Date): WorldVideo[] {
    const q = query.trim().toLowerCase();
    const rng = makeRng(`${seed}|search|${q}`);
    const makers = Array.from({ length: intBetween(rng, 3, 6) }, () =>
      channel(`UC${idChars(rng, 22)}`),
    ).filter((c): c is WorldChannel => c !== undefined);
    const periodMs = intBetween(rng, 60, 4 * 60) * 60_000;
    const videos = schedule(`search|${q}`, periodMs, (slot, at, videoId) => {
      const maker = pick(slot, makers);
      return {
        videoId,
        channelId: maker.channelId,
        channelTitle: maker.title,
        title: `${query.trim()} ${pick(slot, WORDS)} & more`,
        publishedAt: at,
      };
    });
    const after = publishedAfter?.getTime() ?? Number.NEGATIVE_INFINITY;
    return videos.filter((v) => v.publishedAt.getTime() > after);
  }

  function video(videoId: string): WorldVideo | undefined {
    const time = ids.decode(videoId);
    const at =
      time === undefined ? undefined : new Date(EPOCH_MS + time * 1000);
    if (!at || at.getTime() > now().getTime()) return undefined;
    const owner = owners.get(videoId);
    const rng = makeRng(`${seed}|title|${videoId}`);
    return {
      videoId,
      ...(owner ? { channelId: owner.id, channelTitle: owner.title } : {}),
      title: `${pick(rng, WORDS)} ${videoId.slice(0, 4)}`,
      publishedAt: at,
    };
  }

  function comments(videoId: string): WorldComments {
    const found = video(videoId);
    if (!found) return { kind: 'notFound' };
    let all = threadCache.get(videoId);
    if (!all) {
      all = allThreads(seed, videoId, found.publishedAt, links);
      if (threadCache.size > 500) threadCache.clear();
      threadCache.set(videoId, all);
    }
    if (all === 'gone') return { kind: 'notFound' };
    if (all === 'disabled') return { kind: 'disabled' };
    const end = now().getTime();
    const threads = all
      .filter((t) => t.top.publishedAt.getTime() <= end)
      .map((t) => ({
        top: t.top,
        replies: t.replies.filter((r) => r.publishedAt.getTime() <= end),
      }));
    return { kind: 'open', threads };
  }

  return { seed, now, channel, uploads, search, video, comments };
}
