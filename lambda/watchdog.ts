/**
 * Scheduled watchdog (EventBridge, every few minutes), independent of
 * Inngest: publishes MinutesSinceLastDiscovery as EMF and sends one
 * diagnosis per stall to the alerts topic. Logic in ./ops/watchdog-check.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { METRIC_NAMESPACE, METRICS, SERVICE_NAME } from './metric-names';
import { probeEndpoint } from './ops/endpoint-probe';
import { requireEnv } from './ops/secret-value';
import { runWatchdog, type WatchdogOutcome } from './ops/watchdog-check';
import { watchdogMarks } from './ops/watchdog-marks';
import { createDocumentClient } from './store/dynamo-store';
import { stateItems } from './store/state-items';
import { TABLES } from './store/tables';

const env = process.env;
const stage = requireEnv(env, 'PIPELINE_STAGE');
const table = requireEnv(env, TABLES.state.envVar);
const topicArn = requireEnv(env, 'ALERTS_TOPIC_ARN');
const endpointUrl = requireEnv(env, 'ENDPOINT_URL');
const stallMinutes = Number(requireEnv(env, 'STALL_MINUTES'));
const runbookLink = env.RUNBOOK_LINK ?? 'docs/runbook.md#discovery-stalled';

const logger = new Logger({ serviceName: SERVICE_NAME });
const metrics = new Metrics({
  namespace: METRIC_NAMESPACE,
  serviceName: SERVICE_NAME,
  defaultDimensions: { stage },
});
const documents = createDocumentClient();
const store = stateItems(documents, table);
const marks = watchdogMarks(documents, table);
const sns = new SNSClient({});

export async function handler(): Promise<WatchdogOutcome> {
  try {
    const outcome = await runWatchdog({
      now: () => new Date(),
      stage,
      stallMinutes,
      runbookLink,
      getHeartbeat: (name) => store.getHeartbeat(name),
      listRecentRuns: (limit) => store.listRecentRuns(limit),
      listRecentFailures: (limit) => store.listRecentFailures(limit),
      ...marks,
      probeEndpoint: () => probeEndpoint(endpointUrl, fetch),
      publishMinutes: (minutes) =>
        metrics.addMetric(
          METRICS.minutesSinceLastDiscovery,
          MetricUnit.NoUnit,
          minutes,
        ),
      publishAlert: async (subject, message) => {
        await sns.send(
          new PublishCommand({
            TopicArn: topicArn,
            Subject: subject,
            Message: message,
          }),
        );
      },
    });
    logger.info('Watchdog check done', { ...outcome });
    return outcome;
  } finally {
    // Flush even when the check failed after measuring.
    metrics.publishStoredMetrics();
  }
}
