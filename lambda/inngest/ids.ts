import type { InngestFunction } from 'inngest';

/**
 * Names Inngest knows this app by. Users see them in the Inngest console and
 * the CLI and doctor send to them, so they never change: a renamed function
 * is a new function to Inngest, with none of the old one's history.
 */

/** The Inngest app id; function ids in Inngest are prefixed with it. */
export const APP_ID = 'youtube-domain-pipeline';

export const FUNCTION_IDS = {
  discoverVideos: 'discover-videos',
  harvestComments: 'harvest-comments',
  extractDomains: 'extract-domains',
  reportFailure: 'report-failure',
} as const;

export type FunctionId = (typeof FUNCTION_IDS)[keyof typeof FUNCTION_IDS];

export const EVENT_NAMES = {
  /** Runs a discovery now, e.g. from the Inngest console or the CLI. */
  discoveryRequested: 'pipeline/discovery.requested',
  /** A video seen for the first time: harvest its comments. */
  videoDiscovered: 'pipeline/video.discovered',
  /** Harvest (or re-harvest) a known video's comments. */
  harvestRequested: 'pipeline/video.harvest.requested',
  /** A page of comments is stored: extract the domains they mention. */
  commentsStored: 'pipeline/comments.stored',
  /** Sent by Inngest when any function run fails for good. */
  functionFailed: 'inngest/function.failed',
} as const;

/** The id Inngest gives a function of this app, e.g. in failure events. */
export function qualifiedFunctionId(id: FunctionId): string {
  return `${APP_ID}-${id}`;
}

/** The discovery cron when the settings do not name one. */
export const DEFAULT_DISCOVERY_CRON = 'TZ=UTC */10 * * * *';

/**
 * Retries per function, set here rather than left to Inngest's default of 4
 * so a reader sees them next to the ids. Discovery runs again in ten
 * minutes anyway; harvests and extraction have no next run to catch up, so
 * they ride out longer YouTube and DynamoDB hiccups.
 */
export const RETRIES: Readonly<Record<FunctionId, Retries>> = {
  'discover-videos': 2,
  'harvest-comments': 5,
  'extract-domains': 5,
  'report-failure': 3,
};

/** Inngest accepts 0 to 20 retries. */
type Retries = NonNullable<InngestFunction.Options['retries']>;
