import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { FailureRecord } from '../core/model';
import type { AlertSink } from '../inngest/runtime';

/** SNS subjects are limited to 100 characters. */
const SUBJECT_LIMIT = 100;

/**
 * Publishes failures to the alerts topic (email, Slack and whatever else
 * subscribes). Without a topic ARN it publishes nothing and says so; the
 * failure is still stored and logged by the caller.
 */
export function createSnsAlerts(
  topicArn: string | undefined,
  client: () => Pick<SNSClient, 'send'>,
): AlertSink {
  return {
    async publish(failure: FailureRecord): Promise<boolean> {
      if (!topicArn) return false;
      await client().send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject:
            `youtube-domain-pipeline: ${failure.functionId} failed`.slice(
              0,
              SUBJECT_LIMIT,
            ),
          Message: formatFailure(failure),
        }),
      );
      return true;
    },
  };
}

/** A plain-text message a person can act on from their inbox. */
export function formatFailure(failure: FailureRecord): string {
  return [
    `Function: ${failure.functionId}`,
    `Run: ${failure.runId}`,
    `Failed at: ${failure.failedAt}`,
    `Attempts: ${failure.attempts}`,
    `Error: ${failure.error}`,
    `Event: ${failure.event}`,
    '',
    'Open the run in the Inngest console for its steps and retries.',
  ].join('\n');
}
