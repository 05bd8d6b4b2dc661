import { recordDomains } from '../../core/record-domains';
import type { PipelineClient } from '../client';
import { classified, loadTask } from '../errors';
import { commentsStored } from '../events';
import { FUNCTION_IDS, RETRIES } from '../ids';
import { functionLog } from '../log';
import type { PipelineRuntime } from '../runtime';

const ID = FUNCTION_IDS.extractDomains;

/**
 * Reads a stored page of comments and records the domains they mention.
 * The core records each (domain, comment) mention and each new domain with
 * a conditional write, so a retried or repeated event counts nothing twice.
 */
export function createExtractDomains(
  client: PipelineClient,
  runtime: PipelineRuntime,
) {
  return client.createFunction(
    {
      id: ID,
      name: 'Extract domains from comments',
      triggers: [commentsStored],
      retries: RETRIES[ID],
    },
    async ({ event, step, runId, logger }) => {
      const { videoId, pageIndex, commentIds } = event.data;
      const log = functionLog(logger, { functionId: ID, runId, videoId });
      // No YouTube calls here; the purpose only picks a quota ledger.
      const { deps } = await loadTask(runtime, 'harvest', log);

      const result = await step.run('record domains', () =>
        classified(async () => {
          const recorded = await recordDomains(deps, videoId, commentIds);
          runtime.metrics.emit({ newDomains: recorded.newDomains.length });
          deps.log.info('domains recorded', {
            step: 'record domains',
            pageIndex,
            comments: recorded.comments,
            mentions: recorded.mentions,
            newDomains: recorded.newDomains.length,
          });
          return recorded;
        }),
      );
      runtime.metrics.emit({ runsSucceeded: 1 });
      return { videoId, pageIndex, ...result };
    },
  );
}
