/**
 * The pipeline's CloudWatch metrics: emitted as Embedded Metric Format by
 * the functions and the watchdog, read by the alarms and the dashboard in
 * lib/. One list so emitters and alarms cannot disagree on a name.
 */
export const METRIC_NAMESPACE = 'YouTubeDomainPipeline';

/** Every metric carries exactly these dimensions (Powertools adds service). */
export const SERVICE_NAME = 'youtube-domain-pipeline';
export const dimensionsFor = (stage: string) => ({
  service: SERVICE_NAME,
  stage,
});

export const METRICS = {
  runsSucceeded: 'RunsSucceeded',
  videosDiscovered: 'VideosDiscovered',
  commentPagesHarvested: 'CommentPagesHarvested',
  commentsHarvested: 'CommentsHarvested',
  newDomains: 'NewDomains',
  quotaUnitsUsed: 'QuotaUnitsUsed',
  /** Percent of the day's unit budget used so far (0-100). */
  quotaUsedPercent: 'QuotaUsedPercent',
  functionFailures: 'FunctionFailures',
  /** Published by the watchdog, independent of Inngest. */
  minutesSinceLastDiscovery: 'MinutesSinceLastDiscovery',
} as const;
