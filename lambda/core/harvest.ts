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
  const video = await loadOrCreate(deps, videoId);
  const pageIndex = video.pageToken ? (video.pagesFetched ?? 0) : 0;
  const now = deps.clock().toISOString();
  let page: Awaited<ReturnType<PipelineDeps['youtube']['commentThreads']>>;
  try {
    page = await deps.youtube.commentThreads(videoId, video.pageToken);
  } catch (error) {
    const status = skipStatus(error);
    if (!status) throw error;
    await deps.store.updateVideo(
      videoId,
      { harvestStatus: status, lastHarvestedAt: now, pagesFetched: 0 },
      ['pageToken', 'pendingStopAt'],
    );
    deps.log.info('harvest skipped', { videoId, status });
    return {
      videoId,
      pageIndex,
      done: true,
      status,
      fetched: 0,
      storedCommentIds: [],
      commentIds: [],
      comments: [],
    };
  }

  const stopMs = video.stopAt ? Date.parse(video.stopAt) : undefined;
  const records = page.items.map((c) => toRecord(c, videoId));
  const storedCommentIds = await deps.store.putComments(records);
  const reachedStored =
    stopMs !== undefined &&
    page.items.some((c) => !c.parentId && Date.parse(c.publishedAt) <= stopMs);
  const pendingStopAt = newest(video.pendingStopAt, page.items);
  const pagesFetched = pageIndex + 1;
  const done =
    !page.nextPageToken ||
    reachedStored ||
    pagesFetched >= deps.settings.harvest.maxPagesPerVideo;
  if (done) {
    const stopAt = pendingStopAt ?? video.stopAt;
    // Counted, not summed: a page stored before a crash is in the table
    // but in no earlier result.
    const commentsStored = await deps.store.countComments(videoId);
    await deps.store.updateVideo(
      videoId,
      {
        harvestStatus: 'done',
        commentsStored,
        lastHarvestedAt: now,
        pagesFetched: 0,
        ...(stopAt ? { stopAt } : {}),
      },
      ['pageToken', 'pendingStopAt'],
    );
  } else {
    await deps.store.updateVideo(videoId, {
      harvestStatus: 'harvesting',
      pageToken: page.nextPageToken,
      pagesFetched,
      ...(pendingStopAt ? { pendingStopAt } : {}),
    });
  }
  return {
    videoId,
    pageIndex,
    done,
    status: done ? 'done' : 'harvesting',
    fetched: page.items.length,
    storedCommentIds,
    commentIds: records.map((r) => r.commentId),
    comments: records,
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
