import type { PipelineDeps } from './deps';
import { type Source, sourceId, type VideoRecord } from './model';
import type { CyclePlan } from './plan';
import { isQuotaStop } from './quota';
import type { Page, VideoSummary } from './youtube/api';
import { YouTubeError } from './youtube/errors';

export interface SourceDiscovery {
  readonly sourceId: string;
  /** Videos this pipeline had never seen, newest first. */
  readonly newVideoIds: string[];
  readonly pagesRead: number;
  /**
   * Why reading stopped early: the quota budget (the cursor stays put so
   * the next run re-reads), or the page limit (the cursor moves on).
   */
  readonly stoppedBy?: 'quota' | 'page-limit';
}

/**
 * Finds the videos of one source published since its cursor, less a small
 * overlap (YouTube indexes some videos late), and stores each video once:
 * the conditional write decides which are new, so two overlapping runs
 * never report the same video twice.
 */
export async function discoverSource(
  deps: PipelineDeps,
  source: Source,
  plan: Pick<CyclePlan, 'sources'>,
): Promise<SourceDiscovery> {
  const id = sourceId(source);
  if (!plan.sources.some((planned) => sourceId(planned) === id)) {
    return { sourceId: id, newVideoIds: [], pagesRead: 0 };
  }
  const now = deps.clock();
  const cursor = await deps.store.getCursor(id);
  const since = readSince(deps, cursor?.newestPublishedAt, now);
  const newVideoIds: string[] = [];
  const sinceMs = Date.parse(since);
  let newestMs = Number.NEGATIVE_INFINITY;
  let pagesRead = 0;
  let pageToken: string | undefined;
  const maxPages =
    source.kind === 'search' ? 1 : deps.settings.discovery.maxPagesPerSource;
  try {
    do {
      const page = await readPage(deps, source, since, pageToken);
      pagesRead += 1;
      // Compare instants, not strings: YouTube sends times with and
      // without milliseconds.
      const fresh = page.items.filter(
        (v) => Date.parse(v.publishedAt) >= sinceMs,
      );
      for (const video of fresh) {
        newestMs = Math.max(newestMs, Date.parse(video.publishedAt));
        if (await deps.store.putVideoIfNew(toRecord(video, id, now))) {
          newVideoIds.push(video.videoId);
        }
      }
      // Uploads come newest first: an older video means we have caught up.
      const caughtUp = fresh.length < page.items.length;
      pageToken = caughtUp ? undefined : page.nextPageToken;
    } while (pageToken && pagesRead < maxPages);
  } catch (error) {
    if (isEmptyChannel(error, source)) {
      // YouTube answers playlistNotFound for a channel with no uploads.
      deps.log.warn('channel has no uploads playlist yet', { sourceId: id });
      return { sourceId: id, newVideoIds: [], pagesRead };
    }
    if (!isQuotaStop(error)) throw error;
    deps.log.warn('discovery stopped: quota budget spent', {
      sourceId: id,
      pagesRead,
      newVideos: newVideoIds.length,
    });
    return { sourceId: id, newVideoIds, pagesRead, stoppedBy: 'quota' };
  }
  await deps.store.advanceCursor({
    sourceId: id,
    // An unchanged time still refreshes updatedAt, which paces searches.
    newestPublishedAt: new Date(
      Math.max(newestMs, Date.parse(cursor?.newestPublishedAt ?? since)),
    ).toISOString(),
    updatedAt: now.toISOString(),
  });
  if (pageToken) {
    deps.log.warn('discovery hit the page limit; older videos skipped', {
      sourceId: id,
      maxPages,
    });
    return { sourceId: id, newVideoIds, pagesRead, stoppedBy: 'page-limit' };
  }
  return { sourceId: id, newVideoIds, pagesRead };
}

/** The publish time to read back to: the cursor less the overlap. */
function readSince(
  deps: PipelineDeps,
  cursorAt: string | undefined,
  now: Date,
): string {
  const { overlapMinutes, firstLookbackDays } = deps.settings.discovery;
  const from = cursorAt
    ? Date.parse(cursorAt) - overlapMinutes * 60_000
    : now.getTime() - firstLookbackDays * 86_400_000;
  return new Date(from).toISOString();
}

function readPage(
  deps: PipelineDeps,
  source: Source,
  since: string,
  pageToken: string | undefined,
): Promise<Page<VideoSummary>> {
  if (source.kind === 'search') {
    return deps.youtube.searchVideos(source.query, since, pageToken);
  }
  return deps.youtube.playlistVideos(
    uploadsPlaylistOf(source.channelId),
    pageToken,
  );
}

/**
 * A channel's uploads playlist id is its channel id with `UC` replaced by
 * `UU`. Deriving it saves a channels.list call per channel per run (about
 * 144 units a channel a day at a 10-minute cadence).
 */
export function uploadsPlaylistOf(channelId: string): string {
  return `UU${channelId.slice(2)}`;
}

function toRecord(video: VideoSummary, source: string, now: Date): VideoRecord {
  return {
    videoId: video.videoId,
    sourceId: source,
    ...(video.channelId ? { channelId: video.channelId } : {}),
    title: video.title,
    publishedAt: new Date(video.publishedAt).toISOString(),
    discoveredAt: now.toISOString(),
    harvestStatus: 'pending',
  };
}

function isEmptyChannel(error: unknown, source: Source): boolean {
  return (
    source.kind === 'channel' &&
    error instanceof YouTubeError &&
    error.reason === 'playlistNotFound'
  );
}
