import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS } from '../../lambda/metric-names';
import { pipelineMetric, tableThrottleMetrics } from '../pipeline-metrics';
import { type RunbookAnchor, runbookLink } from '../runbook';

export interface AlarmsProps {
  readonly stage: string;
  /** Alarm names start with this, e.g. `youtube-domain-pipeline-prod-`. */
  readonly namePrefix: string;
  readonly runbookUrl: string;
  readonly stallMinutes: number;
  readonly newDomainsPerWeek: number;
  readonly serve: IFunction;
  readonly watchdog: IFunction;
  readonly notifier: IFunction;
  readonly tables: readonly ITable[];
  readonly alertsTopic: ITopic;
  /** E-mail only: the Slack notifier's own alarm must not go through it. */
  readonly notifierAlarmTopic: ITopic;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The alarms, each named for what is wrong and described with what to do
 * and the runbook section. State changes both ways go to the alerts topic,
 * so a recovery is announced as well as the failure.
 */
export class Alarms extends Construct {
  readonly all: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { stage } = props;
    const metric = (name: string, statistic: string, period = FIVE_MINUTES) =>
      pipelineMetric(stage, name, statistic, period);
    const add = (
      alarmId: string,
      anchor: RunbookAnchor,
      what: string,
      todo: string,
      options: {
        metric: IMetric;
        threshold: number;
        comparison: ComparisonOperator;
        missing: TreatMissingData;
        evaluationPeriods?: number;
        topic?: ITopic;
      },
    ) => {
      const alarm = new Alarm(this, alarmId, {
        alarmName: `${props.namePrefix}${kebab(alarmId)}`,
        alarmDescription: `${what} ${todo} Runbook: ${runbookLink(props.runbookUrl, anchor)}`,
        metric: options.metric,
        threshold: options.threshold,
        comparisonOperator: options.comparison,
        evaluationPeriods: options.evaluationPeriods ?? 1,
        treatMissingData: options.missing,
      });
      const action = new SnsAction(options.topic ?? props.alertsTopic);
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.all.push(alarm);
      return alarm;
    };

    // The watchdog publishes every 5 minutes; a 10-minute window lets one
    // late or lost check pass. A stalled scheduler sends nothing at all,
    // so missing data must breach, never count as fine.
    add(
      'DiscoveryStalled',
      'discovery-stalled',
      `No successful video discovery for over ${props.stallMinutes} minutes (or the watchdog stopped reporting).`,
      'Read the watchdog diagnosis on the alerts topic, then check the Inngest dashboard for the discover-videos runs and re-sync the app by redeploying.',
      {
        metric: metric(
          METRICS.minutesSinceLastDiscovery,
          'Maximum',
          Duration.minutes(10),
        ),
        threshold: props.stallMinutes,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        missing: TreatMissingData.BREACHING,
      },
    );
    add(
      'FunctionFailures',
      'function-failures',
      'A pipeline function failed after all its retries.',
      'Open the failure message on the alerts topic (function, run id, error) and the run in the Inngest dashboard; fix the cause, then replay the run.',
      {
        metric: metric(METRICS.functionFailures, 'Sum'),
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        missing: TreatMissingData.NOT_BREACHING,
      },
    );
    for (const [alarmId, fn, name] of [
      ['ServeErrors', props.serve, 'Inngest endpoint (serve)'],
      ['WatchdogErrors', props.watchdog, 'watchdog'],
    ] as const) {
      add(
        alarmId,
        'lambda-errors',
        `The ${name} Lambda crashed or timed out (its Errors metric).`,
        'Read the function logs for the error; a timeout means a step ran longer than the Lambda timeout.',
        {
          metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 1,
          comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          missing: TreatMissingData.NOT_BREACHING,
        },
      );
    }
    add(
      'LambdaThrottles',
      'lambda-throttles',
      'Lambda refused to run a pipeline function (throttled).',
      'Check the account concurrency limit and what else uses it; Inngest retries throttled calls, so sustained throttles delay the pipeline.',
      {
        metric: sumOf(
          [props.serve, props.watchdog, props.notifier].map((fn) =>
            fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          ),
          'Throttled invocations of the pipeline functions',
        ),
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        missing: TreatMissingData.NOT_BREACHING,
      },
    );
    // The SDK retries a throttled request by itself; alert when throttling
    // lasts 15 minutes, not on a single burst.
    add(
      'DynamodbThrottles',
      'dynamodb-throttles',
      'DynamoDB throttled pipeline reads or writes for 15 minutes.',
      'Find the table and operation on the dashboard; on-demand tables throttle on hot partitions or when traffic doubles past the previous peak.',
      {
        metric: sumOf(
          tableThrottleMetrics(props.tables, FIVE_MINUTES),
          'Throttle events on the pipeline tables',
        ),
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 3,
        missing: TreatMissingData.NOT_BREACHING,
      },
    );
    const perDay = props.newDomainsPerWeek / 7;
    add(
      'NewDomainsBelowPace',
      'new-domains-below-pace',
      `Fewer than ${perDay.toFixed(1)} new domains in the last day: below the pace of ${props.newDomainsPerWeek} a week.`,
      'Check that discovery and harvest run and are not waiting for quota; consider adding sources to pipeline.config.json.',
      {
        metric: metric(METRICS.newDomains, 'Sum', Duration.days(1)),
        threshold: perDay,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        // No data for a day means no new domains at all: below pace.
        missing: TreatMissingData.BREACHING,
      },
    );
    add(
      'QuotaNearLimit',
      'quota-near-limit',
      "Over 90% of the day's YouTube quota budget is used.",
      'The pipeline pauses when the budget is spent and resumes after midnight Pacific time; lower harvest pages or sources, or raise quota.dailyUnits if Google granted more.',
      {
        metric: metric(METRICS.quotaUsedPercent, 'Maximum'),
        threshold: 90,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        missing: TreatMissingData.NOT_BREACHING,
      },
    );
    add(
      'SlackNotifierErrors',
      'slack-notifier-errors',
      'The Slack notifier failed to post alerts; they wait in its failed-posts queue.',
      'Check the webhook URL in the slack-webhook-url secret and the function logs; alerts still reach e-mail.',
      {
        metric: props.notifier.metricErrors({
          period: FIVE_MINUTES,
          statistic: 'Sum',
        }),
        threshold: 1,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        missing: TreatMissingData.NOT_BREACHING,
        topic: props.notifierAlarmTopic,
      },
    );
  }
}

/** `DiscoveryStalled` → `discovery-stalled`. */
const kebab = (id: string) =>
  id.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * One series summing several metrics (an alarm takes at most 10). SUM over
 * a list adds the series present at each time; `a + b` would drop the
 * times where one of them has no data.
 */
function sumOf(metrics: readonly IMetric[], label: string): MathExpression {
  const usingMetrics: Record<string, IMetric> = {};
  metrics.forEach((m, i) => {
    usingMetrics[`m${i}`] = m;
  });
  return new MathExpression({
    expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`,
    usingMetrics,
    label,
    period: FIVE_MINUTES,
  });
}
