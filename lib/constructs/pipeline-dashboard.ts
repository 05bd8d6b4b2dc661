import { Aws, Duration } from 'aws-cdk-lib';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type GraphWidgetProps,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { METRICS } from '../../lambda/metric-names';
import { pipelineMetric, tableThrottleMetrics } from '../pipeline-metrics';

export interface PipelineDashboardProps {
  readonly stage: string;
  readonly dashboardName: string;
  readonly alarms: readonly Alarm[];
  readonly stallMinutes: number;
  readonly serve: IFunction;
  readonly watchdog: IFunction;
  readonly notifier: IFunction;
  readonly tables: readonly ITable[];
}

const HOUR = Duration.hours(1);
const FIVE_MINUTES = Duration.minutes(5);

/**
 * One page for the pipeline: alarm states on top, then the health figures
 * the alarms watch, then throughput over time (what the pipeline produced
 * each hour), then the Lambda and DynamoDB figures for digging in.
 */
export class PipelineDashboard extends Construct {
  readonly dashboard: Dashboard;
  /** Console link to the dashboard, for the stack output. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PipelineDashboardProps) {
    super(scope, id);
    const m = (name: string, statistic: string, period = HOUR) =>
      pipelineMetric(props.stage, name, statistic, period);
    const graph = (title: string, widget: GraphWidgetProps) =>
      new GraphWidget({ title, width: 12, height: 6, ...widget });

    const rows: IWidget[][] = [
      [
        new AlarmStatusWidget({
          title: 'Alarms',
          alarms: [...props.alarms],
          width: 24,
          height: 4,
        }),
      ],
      [
        graph('Minutes since last successful discovery', {
          left: [m(METRICS.minutesSinceLastDiscovery, 'Maximum', FIVE_MINUTES)],
          leftAnnotations: [
            { value: props.stallMinutes, label: 'stall threshold' },
          ],
        }),
        graph('Runs succeeded and functions failed (per hour)', {
          left: [
            m(METRICS.runsSucceeded, 'Sum'),
            m(METRICS.functionFailures, 'Sum'),
          ],
        }),
      ],
      [
        graph('Throughput: videos and comments (per hour)', {
          left: [
            m(METRICS.videosDiscovered, 'Sum'),
            m(METRICS.commentsHarvested, 'Sum'),
          ],
          right: [m(METRICS.commentPagesHarvested, 'Sum')],
        }),
        graph('New domains (per day)', {
          left: [m(METRICS.newDomains, 'Sum', Duration.days(1))],
        }),
      ],
      [
        graph('YouTube quota', {
          left: [m(METRICS.quotaUsedPercent, 'Maximum', FIVE_MINUTES)],
          leftAnnotations: [{ value: 90, label: '90% of the budget' }],
          right: [m(METRICS.quotaUnitsUsed, 'Sum')],
        }),
        graph('Lambda errors and throttles (per 5 minutes)', {
          left: [props.serve, props.watchdog, props.notifier].flatMap((fn) => [
            fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
            fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          ]),
        }),
      ],
      [
        graph('Inngest endpoint duration (p50, max)', {
          left: [
            props.serve.metricDuration({ statistic: 'p50' }),
            props.serve.metricDuration({ statistic: 'Maximum' }),
          ],
        }),
        graph('DynamoDB throttle events (per 5 minutes)', {
          left: tableThrottleMetrics(props.tables, FIVE_MINUTES),
        }),
      ],
    ];
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      widgets: rows,
    });
    this.url = `https://console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}#dashboards:name=${props.dashboardName}`;
  }
}
