import type { PipelineDeps } from './deps';
import { harvestNextPage } from './harvest';
import { recordCommentDomains } from './record-domains';

/** Where the extraction backfill got to, so a rerun resumes there. */
export const EXTRACT_CHECKPOINT = 'backfill-extract';

export interface BackfillProgress {
  readonly done: number;
  /** Known total, when the job knows it up front. */
  readonly total?: number;
}

/**
 * Re-extracts domains from every stored comment, for when the extraction
 * rules change. Mentions and domains are conditional writes, so only what
 * the new rules find beyond the old is added. The scan position is
 * checkpointed after each page: an interrupted run resumes there, and a
 * finished one clears it so the next run starts over.
 */
export async function backfillExtraction(
  deps: PipelineDeps,
  options: {
    pageSize?: number;
    onProgress?: (p: BackfillProgress) => void;
  } = {},
): Promise<{ comments: number; mentions: number; newDomains: number }> {
  const totals = { comments: 0, mentions: 0, newDomains: 0 };
  let key = await deps.store.getCheckpoint(EXTRACT_CHECKPOINT);
  do {
    const page = await deps.store.scanComments(options.pageSize ?? 500, key);
    const found = await recordCommentDomains(deps, page.comments);
    totals.comments += found.comments;
    totals.mentions += found.mentions;
    totals.newDomains += found.newDomains.length;
    key = page.nextKey;
    if (key) await deps.store.putCheckpoint(EXTRACT_CHECKPOINT, key);
    options.onProgress?.({ done: totals.comments });
  } while (key);
  await deps.store.clearCheckpoint(EXTRACT_CHECKPOINT);
  return totals;
}

/**
 * Harvests again, in full, every video published in [since, until): the
 * stop mark of earlier harvests is dropped so all pages (up to the cap)
 * are read. Each video first goes back to `pending`, keeping any page
 * token, so an interrupted run resumes mid-video, and the last finished
 * video is checkpointed, so a rerun skips those already done. Comments and
 * mentions are conditional writes, so nothing is counted twice.
 */
export async function backfillHarvest(
  deps: PipelineDeps,
  options: {
    since: Date;
    until: Date;
    onProgress?: (p: BackfillProgress & { videoId: string }) => void;
  },
): Promise<{ videos: number; commentsStored: number; newDomains: number }> {
  const listed = await deps.store.listVideosPublishedSince(
    options.since.toISOString(),
    options.until.toISOString(),
  );
  const ordered = listed.sort(
    (a, b) =>
      a.publishedAt.localeCompare(b.publishedAt) ||
      a.videoId.localeCompare(b.videoId),
  );
  // Videos finished by an interrupted run of the same backfill are skipped.
  const checkpoint = `backfill-harvest:${options.since.toISOString()}`;
  const lastDone = await deps.store.getCheckpoint(checkpoint);
  const from = lastDone
    ? ordered.findIndex((v) => v.videoId === lastDone) + 1
    : 0;
  const videos = ordered.slice(from);
  const totals = { videos: 0, commentsStored: 0, newDomains: 0 };
  for (const video of videos) {
    await deps.store.updateVideo(
      video.videoId,
      { harvestStatus: 'pending' },
      video.stopAt ? ['stopAt'] : [],
    );
    for (;;) {
      const page = await harvestNextPage(deps, video.videoId);
      totals.commentsStored += page.storedCommentIds.length;
      const found = await recordCommentDomains(deps, page.comments);
      totals.newDomains += found.newDomains.length;
      if (page.done) break;
    }
    totals.videos += 1;
    await deps.store.putCheckpoint(checkpoint, video.videoId);
    options.onProgress?.({
      done: totals.videos,
      total: videos.length,
      videoId: video.videoId,
    });
  }
  await deps.store.clearCheckpoint(checkpoint);
  return totals;
}
