import { NonRetriableError } from 'inngest';
import type { PipelineDeps } from '../../core/deps';
import { discoverSource, type SourceDiscovery } from '../../core/discovery';
import { type Source, sourceId } from '../../core/model';
import { type CyclePlan, planCycle } from '../../core/plan';
import { UNITS } from '../../core/quota';
import { QuotaExceededError } from '../../core/youtube/errors';
import type { PipelineClient } from '../client';
import { classified, loadTask, toInngestError } from '../errors';
import {
  discoveryRequested,
  harvestRequested,
  videoDiscovered,
} from '../events';
import { DEFAULT_DISCOVERY_CRON, FUNCTION_IDS, RETRIES } from '../ids';
import { functionLog } from '../log';
import type { PipelineRuntime, PipelineTask } from '../runtime';
import { findHarvestWork } from './harvest-work';

const ID = FUNCTION_IDS.discoverVideos;

/**
 * Events a single sendEvent step carries. Inngest takes up to 5,000 events
 * or 3 MB a request on paid plans and less on the free one; 100 small
 * events stay far below either.
 */
export const FAN_OUT_BATCH = 100;

/** One source's outcome, as memoized in the run's step state. */
export interface SourceOutcome extends SourceDiscovery {
  /** Units this source's reads cost. */
  readonly unitsUsed: number;
  /** Why the source could not be read, when it was a permanent error. */
  readonly failed?: string;
}

/**
 * Finds new videos on every source due, then fans out one
 * `pipeline/video.discovered` event per new video and one
 * `pipeline/video.harvest.requested` per stranded or revisit-due video.
 * Runs on the schedule and on `pipeline/discovery.requested`; never two at
 * once.
 */
export function createDiscoverVideos(
  client: PipelineClient,
  runtime: PipelineRuntime,
) {
  const cron = runtime.settings?.schedule.cron ?? DEFAULT_DISCOVERY_CRON;
  return client.createFunction(
    {
      id: ID,
      name: 'Discover new videos',
      triggers: [{ cron }, discoveryRequested],
      concurrency: { limit: 1 },
      retries: RETRIES[ID],
    },
    async ({ step, runId, logger }) => {
      const log = functionLog(logger, { functionId: ID, runId });
      const task = await loadTask(runtime, 'discovery', log);
      const { deps } = task;

      const { plan, startedAt } = await step.run('plan-budget', async () => ({
        startedAt: deps.clock().toISOString(),
        plan: await classified(() => planCycle(deps)),
      }));

      const outcomes: SourceOutcome[] = [];
      for (const source of plan.sources) {
        const outcome = await step.run(`discover ${sourceId(source)}`, () =>
          discoverOne(task, source, plan),
        );
        outcomes.push(outcome);
        // The day's quota is spent: the other sources would fail alike.
        if (outcome.stoppedBy === 'quota') break;
      }

      const found = outcomes.flatMap((o) =>
        o.newVideoIds.map((videoId) => ({ videoId, sourceId: o.sourceId })),
      );
      for (let i = 0; i < found.length; i += FAN_OUT_BATCH) {
        await step.sendEvent(
          `fan-out ${i / FAN_OUT_BATCH}`,
          found.slice(i, i + FAN_OUT_BATCH).map((data) =>
            // The id makes Inngest drop a repeat of the same video's event
            // within 24 hours, whatever sent it.
            videoDiscovered.create(data, { id: `discovered-${data.videoId}` }),
          ),
        );
      }

      const requests = await step.run('find harvest work', () =>
        findHarvestWork(deps, new Set(found.map((f) => f.videoId))),
      );
      for (let i = 0; i < requests.length; i += FAN_OUT_BATCH) {
        await step.sendEvent(
          `harvest requests ${i / FAN_OUT_BATCH}`,
          requests
            .slice(i, i + FAN_OUT_BATCH)
            .map((r) =>
              harvestRequested.create(
                { videoId: r.videoId },
                { id: r.eventId },
              ),
            ),
        );
      }

      const summary = await step.run('record-run', () =>
        recordRun(deps, runtime, {
          runId,
          startedAt,
          plan,
          outcomes,
          harvestsRequested: requests.length,
        }),
      );
      const failed = outcomes.filter((o) => o.failed);
      if (failed.length > 0) {
        // Recorded and fanned out first, so the healthy sources lose
        // nothing; now the run fails so the failure is reported.
        throw new NonRetriableError(
          `discovery could not read ${failed.length} source(s): ${failed
            .map((o) => `${o.sourceId} (${o.failed})`)
            .join('; ')}`,
        );
      }
      return summary;
    },
  );
}

/** Discovers one source; quota and permanent errors become outcomes. */
async function discoverOne(
  { deps, ledger }: PipelineTask,
  source: Source,
  plan: CyclePlan,
): Promise<SourceOutcome> {
  const id = sourceId(source);
  const unitsBefore = ledger.spent.units;
  try {
    const result = await discoverSource(deps, source, plan);
    return { ...result, unitsUsed: ledger.spent.units - unitsBefore };
  } catch (error) {
    const none = {
      sourceId: id,
      newVideoIds: [],
      pagesRead: 0,
      unitsUsed: ledger.spent.units - unitsBefore,
    };
    const step = `discover ${id}`;
    if (error instanceof QuotaExceededError) {
      deps.log.warn('YouTube says the quota is spent; discovery ends', {
        step,
        sourceId: id,
      });
      return { ...none, stoppedBy: 'quota' };
    }
    const classifiedError = toInngestError(error);
    if (classifiedError instanceof NonRetriableError) {
      deps.log.error('source cannot be read', {
        step,
        sourceId: id,
        error: classifiedError.message,
      });
      return { ...none, failed: classifiedError.message };
    }
    throw classifiedError;
  }
}

/** Stores the run and the heartbeat, emits metrics, returns the summary. */
async function recordRun(
  deps: PipelineDeps,
  runtime: PipelineRuntime,
  run: {
    runId: string;
    startedAt: string;
    plan: CyclePlan;
    outcomes: readonly SourceOutcome[];
    /** Resumed and revisited harvests requested. */
    harvestsRequested: number;
  },
) {
  const { plan, outcomes } = run;
  const endedAt = deps.clock().toISOString();
  const newVideos = sum(outcomes, (o) => o.newVideoIds.length);
  const unitsUsed = sum(outcomes, (o) => o.unitsUsed);
  const failedSources = outcomes.filter((o) => o.failed).length;
  const stoppedByQuota = outcomes.some((o) => o.stoppedBy === 'quota');
  const summary = {
    sourcesPlanned: plan.sources.length,
    sourcesRead: outcomes.length - failedSources,
    failedSources,
    searchesPostponed: plan.skippedSources.length,
    pagesRead: sum(outcomes, (o) => o.pagesRead),
    newVideos,
    harvestsRequested: run.harvestsRequested,
    unitsUsed,
    unitsLeftToday: Math.max(0, plan.unitsLeft - unitsUsed),
    stoppedByQuota,
  };
  const outcome =
    failedSources > 0 || stoppedByQuota ? 'partial' : ('succeeded' as const);
  await deps.store.putRun({
    functionId: ID,
    runId: run.runId,
    startedAt: run.startedAt,
    endedAt,
    outcome,
    summary,
  });
  // The heartbeat says discovery works: a run in which every source failed
  // (a rejected key, say) must not keep the stall alarm quiet.
  const anyRead = outcomes.length === 0 || failedSources < outcomes.length;
  if (anyRead) {
    await deps.store.putHeartbeat({ name: ID, at: endedAt, runId: run.runId });
  }
  const usage = await deps.store.getQuotaUsage(plan.day);
  runtime.metrics.emit({
    runsSucceeded: 1,
    videosDiscovered: newVideos,
    quotaUnitsUsed: unitsUsed,
    quotaUsedPercent:
      (100 * (usage[UNITS] ?? 0)) / deps.settings.quota.dailyUnits,
  });
  deps.log.info('discovery run recorded', { step: 'record-run', ...summary });
  return { outcome, ...summary };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}
