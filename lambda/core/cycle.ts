import { depsFor, type PipelineContext } from './context';
import type { PipelineDeps } from './deps';
import { discoverSource } from './discovery';
import { harvestNextPage } from './harvest';
import { sourceId } from './model';
import { pacificDay } from './pacific-time';
import { type CyclePlan, planCycle } from './plan';
import { isQuotaStop, type QuotaLedger, UNITS } from './quota';
import { recordCommentDomains } from './record-domains';
import { videosDueForRevisit } from './revisit';
import { mapLimit } from './util/map-limit';

/** Counts a person reads after a cycle. */
export interface CycleSummary {
  runId: string;
  startedAt: string;
  videosDiscovered: number;
  videosHarvested: number;
  commentPages: number;
  commentsStored: number;
  mentions: number;
  newDomains: number;
  quotaUnitsUsed: number;
  searchesUsed: number;
  quotaUnitsLeft: number;
  durationMs: number;
  /** Why the cycle ended before its work was done, if it did. */
  stoppedBy?: 'quota';
  /** Videos left for a later cycle after a transient error. */
  videosDeferred: number;
}

export type CycleProgress =
  | { phase: 'discover'; done: number; total: number; source: string }
  | { phase: 'harvest'; done: number; total: number; videoId: string };

export const LOCAL_CYCLE = 'local-cycle';

/**
 * One whole pipeline cycle in one process: plan within the day's quota,
 * discover every due source, harvest the new videos and any unfinished
 * ones page by page, and record the domains of each stored page at once.
 * The Inngest functions run the same stages as separate, retried steps;
 * this is the offline and operator path.
 */
export async function runCycle(
  context: PipelineContext,
  options: { runId: string; onProgress?: (p: CycleProgress) => void },
): Promise<CycleSummary> {
  const started = context.clock();
  const progress = options.onProgress ?? (() => {});
  const discovery = depsFor(context, 'discovery');
  const plan = await planCycle(discovery.deps);
  const summary: CycleSummary = {
    runId: options.runId,
    startedAt: started.toISOString(),
    videosDiscovered: 0,
    videosHarvested: 0,
    commentPages: 0,
    commentsStored: 0,
    mentions: 0,
    newDomains: 0,
    quotaUnitsUsed: 0,
    searchesUsed: 0,
    quotaUnitsLeft: 0,
    durationMs: 0,
    videosDeferred: 0,
  };

  const harvest = depsFor(context, 'harvest', {
    caps: { units: plan.harvestUnitsForCycle, searches: 0 },
  });
  const ledgers = [discovery.ledger, harvest.ledger];
  try {
    const newIds = await discoverAll(discovery.deps, plan, summary, progress);
    const queue = await videosToHarvest(harvest.deps, newIds);
    let done = 0;
    await mapLimit(queue, context.settings.harvest.concurrency, async (id) => {
      if (summary.stoppedBy !== 'quota') {
        await harvestVideo(harvest.deps, id, summary);
      }
      progress({
        phase: 'harvest',
        done: ++done,
        total: queue.length,
        videoId: id,
      });
    });
  } catch (error) {
    await finish(context, summary, ledgers, (error as Error).message);
    throw error;
  }
  await finish(context, summary, ledgers);
  return summary;
}

/** Totals the quota, then records the run and, if it worked, the heartbeat. */
async function finish(
  context: PipelineContext,
  summary: CycleSummary,
  ledgers: readonly QuotaLedger[],
  error?: string,
): Promise<void> {
  summary.quotaUnitsUsed = ledgers.reduce((n, l) => n + l.spent.units, 0);
  summary.searchesUsed = ledgers.reduce((n, l) => n + l.spent.searches, 0);
  const usage = await context.store.getQuotaUsage(pacificDay(context.clock()));
  summary.quotaUnitsLeft = Math.max(
    0,
    context.settings.quota.dailyUnits - (usage[UNITS] ?? 0),
  );
  summary.durationMs =
    context.clock().getTime() - Date.parse(summary.startedAt);
  const endedAt = context.clock().toISOString();
  const outcome = error
    ? 'failed'
    : summary.stoppedBy || summary.videosDeferred > 0
      ? 'partial'
      : 'succeeded';
  await context.store.putRun({
    functionId: LOCAL_CYCLE,
    runId: summary.runId,
    startedAt: summary.startedAt,
    endedAt,
    outcome,
    summary: {
      ...summary,
      stoppedBy: summary.stoppedBy ?? 'finished',
      ...(error ? { error } : {}),
    },
  });
  if (!error) {
    await context.store.putHeartbeat({
      name: LOCAL_CYCLE,
      at: endedAt,
      runId: summary.runId,
    });
  }
}

async function discoverAll(
  deps: PipelineDeps,
  plan: CyclePlan,
  summary: CycleSummary,
  progress: (p: CycleProgress) => void,
): Promise<string[]> {
  const newIds: string[] = [];
  let done = 0;
  for (const source of plan.sources) {
    const found = await discoverSource(deps, source, plan);
    newIds.push(...found.newVideoIds);
    summary.videosDiscovered += found.newVideoIds.length;
    progress({
      phase: 'discover',
      done: ++done,
      total: plan.sources.length,
      source: sourceId(source),
    });
    if (found.stoppedBy === 'quota') {
      summary.stoppedBy = 'quota';
      break;
    }
  }
  return newIds;
}

/** New videos first, then unfinished ones, then those due a revisit. */
async function videosToHarvest(
  deps: PipelineDeps,
  newIds: readonly string[],
): Promise<string[]> {
  const limit = deps.settings.harvest.maxVideosPerCycle;
  const ids = new Set(newIds);
  const pending = await deps.store.listVideosToHarvest(limit);
  for (const video of pending) ids.add(video.videoId);
  const due = await videosDueForRevisit(deps, limit - ids.size);
  for (const video of due) ids.add(video.videoId);
  return [...ids].slice(0, limit);
}

/**
 * Harvests one video to its end, recording each page's domains as soon as
 * the page is stored. A spent budget stops the whole cycle cleanly; a
 * transient error defers the video (its checkpoint keeps the place) and
 * any other error ends the cycle with it.
 */
async function harvestVideo(
  deps: PipelineDeps,
  videoId: string,
  summary: CycleSummary,
): Promise<void> {
  try {
    for (;;) {
      const page = await harvestNextPage(deps, videoId);
      if (page.fetched > 0 || page.storedCommentIds.length > 0)
        summary.commentPages += 1;
      summary.commentsStored += page.storedCommentIds.length;
      const domains = await recordCommentDomains(deps, page.comments);
      summary.mentions += domains.mentions;
      summary.newDomains += domains.newDomains.length;
      if (page.done) break;
    }
    summary.videosHarvested += 1;
  } catch (error) {
    if (isQuotaStop(error)) {
      summary.stoppedBy = 'quota';
      return;
    }
    if ((error as { action?: string }).action === 'retry') {
      summary.videosDeferred += 1;
      deps.log.warn('harvest deferred after retries', {
        videoId,
        error: (error as Error).message,
      });
      return;
    }
    throw error;
  }
}
