/**
 * SNS subscriber: posts each alert on the alerts topic to Slack.
 *
 * It cannot loop on its own errors: it never publishes anywhere. A failed
 * post throws, so Lambda retries the async invoke twice and then parks
 * the event in the failed-posts queue; the failure shows in the logs and
 * in this function's Errors metric, whose alarm goes to an e-mail-only
 * topic rather than back through this function (lib/constructs/alerts.ts).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SNSEvent } from 'aws-lambda';
import { SERVICE_NAME } from './metric-names';
import { cachedSecret, requireEnv } from './ops/secret-value';
import { formatMessage } from './ops/slack-message';
import { postToSlack } from './ops/slack-webhook';

const logger = new Logger({ serviceName: SERVICE_NAME });
const webhookUrl = cachedSecret(
  new SecretsManagerClient({}),
  requireEnv(process.env, 'SLACK_WEBHOOK_SECRET_ARN'),
);

export async function handler(event: SNSEvent): Promise<void> {
  for (const record of event.Records) {
    const { MessageId, Subject, Message, Timestamp } = record.Sns;
    const message = formatMessage({
      subject: Subject,
      message: Message,
      timestamp: Timestamp,
    });
    try {
      await postToSlack(await webhookUrl.get(), message, fetch);
    } catch (error) {
      // The URL may have been replaced since this container read it.
      webhookUrl.forget();
      logger.error('Slack post failed', { messageId: MessageId, error });
      throw error;
    }
    logger.info('Posted to Slack', {
      messageId: MessageId,
      text: message.text,
    });
  }
}
