import { generateCommentText, makeDomainPool } from './comment-text';
import { intBetween, makeRng, pick } from './rng';
import { ID_CHARS } from './video-id';
import type { WorldComment, WorldThread } from './world';

/**
 * The comment threads of one sample video: how many, when each arrives,
 * replies, and the text (from the shared comment generator). Arrival
 * delays are exponential, so most comments come in the first days and a
 * recent video keeps gaining comments from run to run.
 */

const DAY_MS = 86_400_000;

/** Random id characters, e.g. the body of a comment id. */
export const idChars = (rng: () => number, n: number) =>
  Array.from({ length: n }, () => pick(rng, [...ID_CHARS])).join('');

/** Exponential delay with the given mean, in ms (comments come early). */
const delayMs = (rng: () => number, meanMs: number) =>
  Math.min(-Math.log(1 - rng()) * meanMs, 30 * DAY_MS);

/** YouTube's current timestamps have whole seconds. */
const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * How links are spread over comments. Real comment sections mention a web
 * domain in a few percent of comments; most of those are popular sites
 * (a Zipf-like head), and a steady share are sites nobody linked before,
 * which is what keeps a pipeline finding new domains week after week.
 */
export interface LinkTuning {
  /** Popular domains, most popular first. */
  readonly head: readonly string[];
  /** Share of comments with at least one link. */
  readonly linkChance: number;
  /** Share of linked domains drawn fresh instead of from the head. */
  readonly freshShare: number;
}

function domainFor(seed: string, commentId: string, links: LinkTuning) {
  const rng = makeRng(`${seed}|domain|${commentId}`);
  if (rng() < links.freshShare || links.head.length === 0) {
    return makeDomainPool(`${seed}|fresh|${commentId}`, 1);
  }
  // rng()^3 favours the first entries: a few sites get most mentions.
  return [links.head[Math.floor(rng() ** 3 * links.head.length)] as string];
}

function makeComment(
  seed: string,
  commentId: string,
  at: Date,
  links: LinkTuning,
  parentId?: string,
): WorldComment {
  const rng = makeRng(`${seed}|comment|${commentId}`);
  const pool = domainFor(seed, commentId, links);
  return {
    commentId,
    ...(parentId ? { parentId } : {}),
    text: generateCommentText(rng, pool, { linkChance: links.linkChance }).text,
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
export function allThreads(
  seed: string,
  videoId: string,
  publishedAt: Date,
  links: LinkTuning,
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
      replies.push(makeComment(seed, replyId, wholeSeconds(last), links, id));
    }
    threads.push({ top: makeComment(seed, id, at, links), replies });
  }
  return threads.sort(
    (a, b) =>
      b.top.publishedAt.getTime() - a.top.publishedAt.getTime() ||
      (a.top.commentId < b.top.commentId ? -1 : 1),
  );
}
