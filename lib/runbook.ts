/**
 * Runbook sections the alarms link to, by anchor. docs/runbook.md must have
 * a heading for each (GitHub derives `#discovery-stalled` from the heading
 * "Discovery stalled"); a test can compare the file with this list.
 */
export const RUNBOOK_ANCHORS = [
  'discovery-stalled',
  'function-failures',
  'lambda-errors',
  'lambda-throttles',
  'dynamodb-throttles',
  'new-domains-below-pace',
  'quota-near-limit',
  'slack-notifier-errors',
] as const;

export type RunbookAnchor = (typeof RUNBOOK_ANCHORS)[number];

/** The link to one runbook section, from the runbook's base URL or path. */
export const runbookLink = (base: string, anchor: RunbookAnchor): string =>
  `${base}#${anchor}`;
