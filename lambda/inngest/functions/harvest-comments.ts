import { commitPage, readNextPage } from '../../core/harvest';
import type { PipelineClient } from '../client';
import { classified, loadTask } from '../errors';
import { commentsStored, harvestRequested, videoDiscovered } from '../events';
import { FUNCTION_IDS, RETRIES } from '../ids';
import { functionLog } from '../log';
import type { PipelineRuntime } from '../runtime';

const ID = FUNCTION_IDS.harvestComments;

/** Videos harvested at once when the settings cannot be read. */
const DEFAULT_CONCURRENCY = 5;

/**
 * Harvests a video's comments one page per step, so a retry resumes at the
 * page that failed, and announces each stored page with
 * `pipeline/comments.stored`. The core checkpoints every page on the video,
 * so a second run for the same video (a repeated event, a manual request)
 * carries on where the first stopped and stores nothing twice.
 */
export function createHarvestComments(
  client: PipelineClient,
  runtime: PipelineRuntime,
) {
  const limit = runtime.settings?.harvest.concurrency ?? DEFAULT_CONCURRENCY;
  return client.createFunction(
    {
      id: ID,
      name: 'Harvest comments of a video',
      triggers: [videoDiscovered, harvestRequested],
      concurrency: [
        // Bounds the calls in flight, so a burst of new videos cannot trip
        // YouTube's per-minute rate limits.
        { limit },
        // One harvest per video: two would fetch the same pages.
        { limit: 1, key: 'event.data.videoId' },
      ],
      retries: RETRIES[ID],
    },
    async ({ event, step, runId, logger }) => {
      const { videoId } = event.data;
      const log = functionLog(logger, { functionId: ID, runId, videoId });
      const task = await loadTask(runtime, 'harvest', log);
      const { deps, ledger } = task;
      const maxPages = deps.settings.harvest.maxPagesPerVideo;

      let pages = 0;
      let comments = 0;
      let status = 'harvesting';
      for (let i = 0; i < maxPages; i++) {
        const stepId = `harvest page ${i}`;
        // Reading and checkpointing are separate steps: if this step's
        // answer is lost, its retry reads the same page again (the
        // checkpoint has not moved), so the page still gets announced.
        const page = await step.run(stepId, () =>
          classified(async () => {
            const unitsBefore = ledger.spent.units;
            const { comments: _texts, ...result } = await readNextPage(
              deps,
              videoId,
            );
            runtime.metrics.emit({
              commentPagesHarvested: result.fetched > 0 ? 1 : 0,
              commentsHarvested: result.storedCommentIds.length,
              quotaUnitsUsed: ledger.spent.units - unitsBefore,
            });
            deps.log.info('comment page harvested', {
              step: stepId,
              pageIndex: result.pageIndex,
              fetched: result.fetched,
              stored: result.storedCommentIds.length,
              status: result.status,
            });
            return result;
          }),
        );
        pages += 1;
        comments += page.storedCommentIds.length;
        status = page.status;
        // Every comment of the page, not only the new ones: a page stored
        // before a crash has nothing new but may never have been extracted.
        // Extraction counts each mention once, so a repeat costs reads only.
        if (page.commentIds.length > 0) {
          await step.sendEvent(
            `comments stored ${i}`,
            commentsStored.create({
              videoId,
              pageIndex: page.pageIndex,
              commentIds: page.commentIds,
            }),
          );
        }
        await step.run(`checkpoint page ${i}`, () =>
          classified(() => commitPage(deps, page.checkpoint)),
        );
        if (page.done) break;
      }
      // Outside any step, this line runs once: in the request that ends
      // the run, after every step above is memoized.
      runtime.metrics.emit({ runsSucceeded: 1 });
      return { videoId, pages, commentsStored: comments, status };
    },
  );
}
