import { generateCommentText, makeDomainPool } from './comment-text';
import { intBetween, makeRng, pick } from './rng';

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
  /** Distinct domains comments draw from. @default 6000 */
  readonly domainPoolSize?: number;
}

const DAY_MS = 86_400_000;
/** How far back uploads and search results reach. */
const HISTORY_MS = 60 * DAY_MS;
/** Video times are seconds after this instant, packed into the id. */
const EPOCH_MS = Date.UTC(2020, 0, 1);
const ID_CHARS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const WORDS = [
  'review',
  'tutorial',
  'unboxing',
  'live',
  'build',
  'guide',
  'vlog',
  'deep dive',
  'first look',
  'tips',
  'setup',
  'challenge',
  'update',
  'explained',
  'news',
  'comparison',
  'fix',
  'recap',
  'Q&A',
  'story',
];

const idChars = (rng: () => number, n: number) =>
  Array.from({ length: n }, () => pick(rng, [...ID_CHARS])).join('');

/** Creates a world; equal seeds and clocks give equal answers. */
export function createWorld(options: WorldOptions): World {
  const seed = String(options.seed);
  const now = options.now;
  const pool = makeDomainPool(seed, options.domainPoolSize ?? 6000);
  /** Channel of each video listed so far: ids cannot hold a channel id. */
  const owners = new Map<string, { id: string; title: string }>();
  const threadCache = new Map<string, WorldThread[] | 'disabled' | 'gone'>();

  const check = (time: number, nonce: number) =>
    Math.floor(makeRng(`${seed}|vid|${time}|${nonce}`)() * 4096);

  /** 54 bits that hide the time and nonce, chosen by the check bits. */
  const mask = (checkBits: number) => {
    const rng = makeRng(`mask|${checkBits}`);
    return (
      (BigInt(Math.floor(rng() * 2 ** 27)) << 27n) |
      BigInt(Math.floor(rng() * 2 ** 27))
    );
  };

  /**
   * 66 bits in 11 characters: 12 check bits, then 32 bits of time and 22
   * of nonce, masked so that ids look random rather than sorted.
   */
  function encodeVideoId(time: number, nonce: number): string {
    const checkBits = check(time, nonce);
    const data = (BigInt(time) << 22n) | BigInt(nonce);
    let bits = (BigInt(checkBits) << 54n) | (data ^ mask(checkBits));
    let id = '';
    for (let i = 0; i < 11; i++) {
      id = ID_CHARS[Number(bits & 63n)] + id;
      bits >>= 6n;
    }
    return id;
  }

  function decodeVideoId(videoId: string): Date | undefined {
    if (!/^[\w-]{11}$/.test(videoId)) return undefined;
    let bits = 0n;
    for (const c of videoId) bits = (bits << 6n) | BigInt(ID_CHARS.indexOf(c));
    const checkBits = Number(bits >> 54n);
    const data = (bits & ((1n << 54n) - 1n)) ^ mask(checkBits);
    const time = Number(data >> 22n);
    const nonce = Number(data & 0x3fffffn);
    if (checkBits !== check(time, nonce)) return undefined;
    return new Date(EPOCH_MS + time * 1000);
  }

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
      const videoId = encodeVideoId(time, Math.floor(slot() * 2 ** 22));
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
    const at = decodeVideoId(videoId);
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
      all = allThreads(seed, videoId, found.publishedAt, pool);
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

/** Exponential delay with the given mean, in ms (comments come early). */
const delayMs = (rng: () => number, meanMs: number) =>
  Math.min(-Math.log(1 - rng()) * meanMs, 30 * DAY_MS);

/** YouTube's current timestamps have whole seconds. */
const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

function makeComment(
  seed: string,
  commentId: string,
  at: Date,
  pool: string[],
  parentId?: string,
): WorldComment {
  const rng = makeRng(`${seed}|comment|${commentId}`);
  return {
    commentId,
    ...(parentId ? { parentId } : {}),
    text: generateCommentText(rng, pool).text,
    hasOriginal: rng() >= 0.03,
    publishedAt: at,
    authorChannelId: `UC${idChars(rng, 22)}`,
    authorName: `@viewer${intBetween(rng, 100, 99_999)}`,
    likeCount: Math.floor(rng() ** 4 * 500),
  };
}

/**
 * Every thread a video will ever have, newest first, future ones
 * included: callers hide what is not yet published. A few videos are
 * gone or have comments off.
 */
function allThreads(
  seed: string,
  videoId: string,
  publishedAt: Date,
  pool: string[],
): WorldThread[] | 'disabled' | 'gone' {
  const rng = makeRng(`${seed}|comments|${videoId}`);
  const roll = rng();
  if (roll < 0.03) return 'gone';
  if (roll < 0.1) return 'disabled';
  const count = Math.floor(rng() ** 2 * 320);
  const threads: WorldThread[] = [];
  for (let i = 0; i < count; i++) {
    const t = makeRng(`${seed}|thread|${videoId}|${i}`);
    const id = `Ug${pick(t, ['w', 'x', 'y', 'z'])}${idChars(t, 16)}4AaABAg`;
    const at = wholeSeconds(
      publishedAt.getTime() + 60_000 + delayMs(t, 2 * DAY_MS),
    );
    const replies: WorldComment[] = [];
    let last = at.getTime();
    const replyCount = t() < 0.25 ? intBetween(t, 1, 8) : 0;
    for (let r = 0; r < replyCount; r++) {
      last += 30_000 + delayMs(t, 6 * 3_600_000);
      const replyId = `${id}.${idChars(t, 22)}`;
      replies.push(makeComment(seed, replyId, wholeSeconds(last), pool, id));
    }
    threads.push({ top: makeComment(seed, id, at, pool), replies });
  }
  return threads.sort(
    (a, b) =>
      b.top.publishedAt.getTime() - a.top.publishedAt.getTime() ||
      (a.top.commentId < b.top.commentId ? -1 : 1),
  );
}
