import type { PipelineClient } from '../client';
import type { PipelineRuntime } from '../runtime';
import { createDiscoverVideos } from './discover-videos';
import { createExtractDomains } from './extract-domains';
import { createHarvestComments } from './harvest-comments';
import { createReportFailure } from './report-failure';

/** The app's four functions, as served by the Lambda and the dev server. */
export function createPipelineFunctions(
  client: PipelineClient,
  runtime: PipelineRuntime,
) {
  return [
    createDiscoverVideos(client, runtime),
    createHarvestComments(client, runtime),
    createExtractDomains(client, runtime),
    createReportFailure(client, runtime),
  ];
}
