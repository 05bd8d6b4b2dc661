import type { PipelineDeps } from '../../core/deps';
import { pacificDay } from '../../core/pacific-time';
import { videosDueForRevisit } from '../../core/revisit';

/** A harvest to request, with the event id that keeps it from repeating. */
export interface HarvestRequest {
  readonly videoId: string;
  /** Inngest drops a second event with the same id within 24 hours. */
  readonly eventId: string;
  readonly reason: 'resume' | 'revisit';
}

/**
 * Videos left unfinished longer than this are presumed stranded (their
 * event lost, their run failed) rather than waiting in Inngest's queue.
 */
const STRANDED_AFTER_MS = 3_600_000;

/**
 * The harvests a discovery run requests besides the new videos, as the
 * local cycle does: unfinished harvests that nothing is working on, and
 * finished videos due a revisit (most comments arrive after discovery).
 * At most `harvest.maxVideosPerCycle` a run.
 */
export async function findHarvestWork(
  deps: PipelineDeps,
  justDiscovered: ReadonlySet<string>,
): Promise<HarvestRequest[]> {
  const limit = deps.settings.harvest.maxVideosPerCycle;
  const now = deps.clock();
  const strandedBefore = now.getTime() - STRANDED_AFTER_MS;
  const day = pacificDay(now);
  const resumes = (await deps.store.listVideosToHarvest(limit))
    .filter(
      (v) =>
        !justDiscovered.has(v.videoId) &&
        Date.parse(v.discoveredAt) <= strandedBefore,
    )
    .map(
      (v): HarvestRequest => ({
        videoId: v.videoId,
        // Once a day at most: a run may still be queued behind others.
        eventId: `resume-${v.videoId}-${day}`,
        reason: 'resume',
      }),
    );
  const revisits = (
    await videosDueForRevisit(deps, limit - resumes.length)
  ).map(
    (v): HarvestRequest => ({
      videoId: v.videoId,
      eventId: `revisit-${v.videoId}-${v.lastHarvestedAt}`,
      reason: 'revisit',
    }),
  );
  return [...resumes, ...revisits];
}
