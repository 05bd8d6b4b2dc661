/**
 * Partition key of the watchdog's own items in the state table. Plain data
 * shared with lib/, whose IAM policy lets the watchdog write only here.
 */
export const WATCHDOG_PK = 'watchdog';
