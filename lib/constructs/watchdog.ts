import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRIC_NAMESPACE, SERVICE_NAME } from '../../lambda/metric-names';
import { WATCHDOG_PK } from '../../lambda/ops/watchdog-keys';
import { TABLES } from '../../lambda/store/tables';
import { PipelineFunction } from './pipeline-function';

export interface WatchdogProps {
  readonly stage: string;
  /** EventBridge schedule expression, e.g. `rate(5 minutes)`. */
  readonly schedule: string;
  readonly stallMinutes: number;
  /** Runbook section linked from the stall diagnosis. */
  readonly runbookLink: string;
  readonly stateTable: ITable;
  readonly alertsTopic: ITopic;
  /** The Inngest endpoint, probed with an unsigned GET. */
  readonly url: IFunctionUrl;
  readonly logRetention: RetentionDays;
}

/**
 * Checks the pipeline from outside Inngest: if Inngest stops calling (an
 * unsynced app, a revoked key, an outage), nothing inside Inngest can tell.
 * On a schedule it reads the discovery heartbeat, publishes the minutes
 * since it, and sends one diagnosis per stall to the alerts topic.
 */
export class Watchdog extends Construct {
  readonly fn: PipelineFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: WatchdogProps) {
    super(scope, id);
    this.fn = new PipelineFunction(this, 'Check', {
      entry: 'watchdog.ts',
      description:
        'Watchdog: publishes minutes since discovery, alerts on stalls',
      timeout: Duration.seconds(30),
      logRetention: props.logRetention,
      environment: {
        [TABLES.state.envVar]: props.stateTable.tableName,
        PIPELINE_STAGE: props.stage,
        STALL_MINUTES: String(props.stallMinutes),
        RUNBOOK_LINK: props.runbookLink,
        ENDPOINT_URL: props.url.url,
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
      },
    });
    // Reads any state item (heartbeat, runs, failures); writes only its
    // own items, pinned by the partition key.
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [props.stateTable.tableArn],
      }),
    );
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [props.stateTable.tableArn],
        conditions: {
          'ForAllValues:StringEquals': {
            'dynamodb:LeadingKeys': [WATCHDOG_PK],
          },
        },
      }),
    );
    this.fn.publishTo('ALERTS_TOPIC_ARN', props.alertsTopic);
    this.rule = new Rule(this, 'Schedule', {
      description: 'Runs the pipeline watchdog',
      schedule: Schedule.expression(props.schedule),
      // A late check is useless once the next one has run.
      targets: [
        new LambdaFunction(this.fn.fn, {
          retryAttempts: 0,
          maxEventAge: Duration.minutes(5),
        }),
      ],
    });
  }
}
