import type { Check } from '../check';
import { alarmsCheck } from './alarms';
import { cronCheck } from './cron';
import { discoveryRunsCheck } from './discovery-runs';
import { endpointCheck } from './endpoint';
import { heartbeatCheck } from './heartbeat';
import { inngestFunctionsCheck } from './inngest-functions';
import { inngestSyncCheck } from './inngest-sync';
import { introspectionCheck } from './introspection';
import { quotaCheck } from './quota';
import { recentFailuresCheck } from './recent-failures';
import { secretsCheck } from './secrets';
import { settingsCheck } from './settings';
import { stackCheck } from './stack';
import { subscriptionsCheck } from './subscriptions';
import { tablesCheck } from './tables';
import { youtubeKeyCheck } from './youtube-key';

/**
 * Every check, in the order an operator reads them: from "is it set up"
 * through "does Inngest reach it" to "is it doing its work". A failure
 * early in the list often explains the ones after it.
 */
export const DOCTOR_CHECKS: readonly Check[] = [
  stackCheck,
  settingsCheck,
  secretsCheck,
  youtubeKeyCheck,
  cronCheck,
  endpointCheck,
  introspectionCheck,
  inngestSyncCheck,
  inngestFunctionsCheck,
  discoveryRunsCheck,
  recentFailuresCheck,
  tablesCheck,
  heartbeatCheck,
  alarmsCheck,
  subscriptionsCheck,
  quotaCheck,
];

/** The check ids; docs/runbook.md has a section for each. */
export const DOCTOR_CHECK_IDS = DOCTOR_CHECKS.map((c) => c.id);
