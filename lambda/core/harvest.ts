import type { PipelineDeps } from './deps';
import type { CommentRecord, HarvestStatus, VideoRecord } from './model';
import type { FetchedComment } from './youtube/api';
import { CommentsDisabledError, VideoNotFoundError } from './youtube/errors';

export interface HarvestPageResult {
  readonly videoId: string;
  /** 0-based index of the page within the harvest under way. */
  readonly pageIndex: number;
  /** True when this harvest has nothing more to fetch. */
  readonly done: boolean;
  readonly status: HarvestStatus;
  /** Comments on the page YouTube returned. */
  readonly fetched: number;
  /** Comments stored by this call that were not stored before. */
  readonly storedCommentIds: string[];
  /**
   * Every comment on the page, stored now or before. Extraction runs over
   * these, not only the new ones: after a crash between storing a page and
   * extracting it, the retry finds the comments stored but not extracted.
   */
  readonly commentIds: string[];
  /** The page's comments themselves, for callers that extract at once. */
  readonly comments: CommentRecord[];
}

/**
 * What reading a page decided the checkpoint should become. Plain data, so
 * an Inngest step can return it and a later step commit it.
 */
export interface PageCheckpoint {
  readonly videoId: string;
  readonly pageIndex: number;
  readonly done: boolean;
  readonly status: HarvestStatus;
  /** The token of the next page, while the harvest goes on. */
  readonly nextPageToken?: string;
  /** Newest comment time seen by this harvest so far. */
  readonly pendingStopAt?: string;
}

/** A page read and stored, with the checkpoint it calls for. */
export interface PageRead extends HarvestPageResult {
  readonly checkpoint: PageCheckpoint;
}

/**
 * Fetches and stores the next page of a video's comments, newest first,
 * then checkpoints the next page token on the video. The page is stored
 * before the checkpoint moves, so a crash between the two re-fetches the
 * same page and the conditional writes store nothing twice.
 *
 * A harvest ends on the last page, at the page cap, or when it reaches a
 * comment no newer than the newest one the previous harvest stored.
 * Disabled comments and vanished videos are recorded on the video and end
 * the harvest; they are not failures.
 */
export async function harvestNextPage(
  deps: PipelineDeps,
  videoId: string,
): Promise<HarvestPageResult> {
  const read = await readNextPage(deps, videoId);
  await commitPage(deps, read.checkpoint);
  return read;
}

/**
 * The first half of `harvestNextPage`: fetch the page the checkpoint points
 * at and store its comments, leaving the checkpoint where it was. Split so
 * that Inngest can run the two halves as separate steps: if the answer to
 * this step is lost, its retry reads the same page again instead of the
 * next one, and the page still reaches extraction.
 */
export async function readNextPage(
  deps: PipelineDeps,
  videoId: string,
): Promise<PageRead> {
  const video = await loadOrCreate(deps, videoId);
  const pageIndex = video.pageToken ? (video.pagesFetched ?? 0) : 0;
  let page: Awaited<ReturnType<PipelineDeps['youtube']['commentThreads']>>;
  try {
    page = await deps.youtube.commentThreads(videoId, video.pageToken);
  } catch (error) {
    const status = skipStatus(error);
    if (!status) throw error;
    deps.log.info('harvest skipped', { videoId, status });
    const checkpoint = { videoId, pageIndex, done: true, status };
    return { ...emptyPage(checkpoint), checkpoint };
  }

  const stopMs = video.stopAt ? Date.parse(video.stopAt) : undefined;
  const records = page.items.map((c) => toRecord(c, videoId));
  const storedCommentIds = await deps.store.putComments(records);
  const reachedStored =
    stopMs !== undefined &&
    page.items.some((c) => !c.parentId && Date.parse(c.publishedAt) <= stopMs);
  const pendingStopAt = newest(video.pendingStopAt, page.items) ?? video.stopAt;
  const done =
    !page.nextPageToken ||
    reachedStored ||
    pageIndex + 1 >= deps.settings.harvest.maxPagesPerVideo;
  const checkpoint: PageCheckpoint = {
    videoId,
    pageIndex,
    done,
    status: done ? 'done' : 'harvesting',
    ...(done ? {} : { nextPageToken: page.nextPageToken }),
    ...(pendingStopAt ? { pendingStopAt } : {}),
  };
  return {
    videoId,
    pageIndex,
    done,
    status: checkpoint.status,
    fetched: page.items.length,
    storedCommentIds,
    commentIds: records.map((r) => r.commentId),
    comments: records,
    checkpoint,
  };
}

/**
 * The second half: move the video's checkpoint as `readNextPage` decided.
 * It writes absolute values, so running it twice leaves the same video.
 */
export async function commitPage(
  deps: PipelineDeps,
  checkpoint: PageCheckpoint,
): Promise<void> {
  const { videoId } = checkpoint;
  const now = deps.clock().toISOString();
  if (!checkpoint.done) {
    await deps.store.updateVideo(videoId, {
      harvestStatus: 'harvesting',
      pageToken: checkpoint.nextPageToken,
      pagesFetched: checkpoint.pageIndex + 1,
      ...(checkpoint.pendingStopAt
        ? { pendingStopAt: checkpoint.pendingStopAt }
        : {}),
    });
    return;
  }
  // Counted, not summed: a page stored before a crash is in the table but
  // in no earlier result.
  const commentsStored =
    checkpoint.status === 'done'
      ? await deps.store.countComments(videoId)
      : undefined;
  await deps.store.updateVideo(
    videoId,
    {
      harvestStatus: checkpoint.status,
      lastHarvestedAt: now,
      pagesFetched: 0,
      ...(commentsStored !== undefined ? { commentsStored } : {}),
      ...(checkpoint.pendingStopAt ? { stopAt: checkpoint.pendingStopAt } : {}),
    },
    ['pageToken', 'pendingStopAt'],
  );
}

function emptyPage(checkpoint: PageCheckpoint): HarvestPageResult {
  return {
    videoId: checkpoint.videoId,
    pageIndex: checkpoint.pageIndex,
    done: true,
    status: checkpoint.status,
    fetched: 0,
    storedCommentIds: [],
    commentIds: [],
    comments: [],
  };
}

/**
 * A video asked for by id alone (a manual harvest request) may not have
 * been discovered yet: record it so its checkpoint has a home.
 */
async function loadOrCreate(
  deps: PipelineDeps,
  videoId: string,
): Promise<VideoRecord> {
  const found = await deps.store.getVideo(videoId);
  if (found) return found;
  const now = deps.clock().toISOString();
  const record: VideoRecord = {
    videoId,
    sourceId: 'manual',
    title: '',
    publishedAt: now,
    discoveredAt: now,
    harvestStatus: 'pending',
  };
  await deps.store.putVideoIfNew(record);
  return (await deps.store.getVideo(videoId)) ?? record;
}

function skipStatus(error: unknown): HarvestStatus | undefined {
  if (error instanceof CommentsDisabledError) return 'commentsDisabled';
  if (error instanceof VideoNotFoundError) return 'notFound';
  return undefined;
}

function newest(
  current: string | undefined,
  comments: readonly FetchedComment[],
): string | undefined {
  let best = current ? Date.parse(current) : Number.NEGATIVE_INFINITY;
  for (const c of comments) best = Math.max(best, Date.parse(c.publishedAt));
  return Number.isFinite(best) ? new Date(best).toISOString() : undefined;
}

function toRecord(comment: FetchedComment, videoId: string): CommentRecord {
  return {
    videoId,
    commentId: comment.commentId,
    text: comment.text,
    publishedAt: new Date(comment.publishedAt).toISOString(),
    ...(comment.parentId ? { parentId: comment.parentId } : {}),
    ...(comment.authorChannelId
      ? { authorChannelId: comment.authorChannelId }
      : {}),
    ...(comment.likeCount !== undefined
      ? { likeCount: comment.likeCount }
      : {}),
  };
}
