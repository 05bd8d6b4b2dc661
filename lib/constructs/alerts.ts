import { Duration, Validations } from 'aws-cdk-lib';
import { SlackChannelConfiguration } from 'aws-cdk-lib/aws-chatbot';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import {
  EmailSubscription,
  LambdaSubscription,
} from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PipelineFunction } from './pipeline-function';

export interface AlertsProps {
  readonly stage: string;
  readonly alertEmails: readonly string[];
  readonly slackWebhook: ISecret;
  /** With `slackChannelId`: also relay the topic through AWS Chatbot. */
  readonly slackWorkspaceId?: string | undefined;
  readonly slackChannelId?: string | undefined;
  readonly logRetention: RetentionDays;
}

/**
 * Where alerts go. The alerts topic carries alarms, pipeline failures and
 * watchdog diagnoses to e-mail and to Slack (through the notifier Lambda,
 * and optionally AWS Chatbot).
 *
 * The notifier must never loop on its own errors: it only reads the
 * alerts topic and never publishes to it; a failed post is retried twice
 * by Lambda's async invoke, then parked in a queue and counted in the
 * function's Errors metric. The alarm on those errors publishes to a
 * separate e-mail-only topic (`notifierAlarmTopic`): sending "Slack is
 * failing" through the notifier that cannot reach Slack would only fail
 * again, and each failure would be another error.
 */
export class Alerts extends Construct {
  readonly topic: Topic;
  readonly notifierAlarmTopic: Topic;
  readonly notifier: PipelineFunction;
  readonly failedPosts: Queue;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: `YouTube domain pipeline (${props.stage}) alerts`,
      enforceSSL: true,
    });
    this.notifierAlarmTopic = new Topic(this, 'NotifierAlarmTopic', {
      displayName: `YouTube domain pipeline (${props.stage}) Slack notifier`,
      enforceSSL: true,
    });
    for (const topic of [this.topic, this.notifierAlarmTopic]) {
      Validations.of(topic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason:
          'Alarm state changes and pipeline error summaries carry no personal or secret data. CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed aws/sns key, so encryption would need a customer-managed KMS key and key policy for this one topic; TLS in transit is enforced by the topic policy.',
      });
      for (const email of props.alertEmails) {
        topic.addSubscription(new EmailSubscription(email));
      }
    }

    this.failedPosts = new Queue(this, 'FailedPosts', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    Validations.of(this.failedPosts).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the Slack notifier; a dead-letter queue for it would never be read.',
    });
    this.notifier = new PipelineFunction(this, 'SlackNotifier', {
      entry: 'notify-slack.ts',
      description: 'Posts alerts from the alerts topic to Slack',
      timeout: Duration.seconds(15),
      logRetention: props.logRetention,
      environment: { PIPELINE_STAGE: props.stage },
    });
    this.notifier.readSecret('SLACK_WEBHOOK_SECRET_ARN', props.slackWebhook);
    this.notifier.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(this.failedPosts),
    });
    this.topic.addSubscription(new LambdaSubscription(this.notifier.fn));

    if (props.slackWorkspaceId && props.slackChannelId) {
      // Chatbot only relays notifications: its role gets no permissions,
      // so nobody can run AWS commands from the channel.
      new SlackChannelConfiguration(this, 'Chatbot', {
        slackChannelConfigurationName: `youtube-domain-pipeline-${props.stage}`,
        slackWorkspaceId: props.slackWorkspaceId,
        slackChannelId: props.slackChannelId,
        notificationTopics: [this.topic, this.notifierAlarmTopic],
      });
    }
  }
}
