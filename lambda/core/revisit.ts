import type { PipelineDeps } from './deps';
import type { VideoRecord } from './model';

const HOUR_MS = 3_600_000;

/**
 * Most comments arrive in the days after a video is published, long after
 * discovery found it, so each video is harvested again at the hours after
 * publication that `harvest.revisitAfterHours` lists. A revisit reads only
 * the comments newer than those already stored.
 */
export function revisitTimes(
  settings: PipelineDeps['settings'],
  publishedAt: string,
): Date[] {
  const published = Date.parse(publishedAt);
  return [...settings.harvest.revisitAfterHours]
    .sort((a, b) => a - b)
    .map((hours) => new Date(published + hours * HOUR_MS));
}

/** True when a revisit time has passed since the video's last harvest. */
export function isRevisitDue(
  settings: PipelineDeps['settings'],
  video: VideoRecord,
  now: Date,
): boolean {
  if (video.harvestStatus !== 'done' || !video.lastHarvestedAt) return false;
  const last = Date.parse(video.lastHarvestedAt);
  return revisitTimes(settings, video.publishedAt).some(
    (at) => at.getTime() <= now.getTime() && at.getTime() > last,
  );
}

/**
 * Finished videos due for a revisit, found through the published-day
 * index over the window the revisit hours span (one Query a day).
 */
export async function videosDueForRevisit(
  deps: PipelineDeps,
  limit: number,
): Promise<VideoRecord[]> {
  const hours = deps.settings.harvest.revisitAfterHours;
  if (hours.length === 0 || limit <= 0) return [];
  const now = deps.clock();
  // A day of slack: a revisit missed by a stalled day is still made.
  const since = new Date(now.getTime() - (Math.max(...hours) + 24) * HOUR_MS);
  const videos = await deps.store.listVideosPublishedSince(
    since.toISOString(),
    now.toISOString(),
  );
  return videos
    .filter((video) => isRevisitDue(deps.settings, video, now))
    .slice(0, limit);
}
