import { generateCommentText } from './comment-text';
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
export function allThreads(
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
