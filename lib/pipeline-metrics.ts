import type { Duration } from 'aws-cdk-lib';
import { type IMetric, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { dimensionsFor, METRIC_NAMESPACE } from '../lambda/metric-names';

/**
 * The metrics the alarms and the dashboard both read, built in one place
 * so a graph always shows what its alarm watches.
 */

/** A pipeline metric from lambda/metric-names.ts, as the emitters write it. */
export function pipelineMetric(
  stage: string,
  name: string,
  statistic: string,
  period: Duration,
): Metric {
  return new Metric({
    namespace: METRIC_NAMESPACE,
    metricName: name,
    dimensionsMap: dimensionsFor(stage),
    statistic,
    period,
  });
}

/** Read and write throttle events of every table, summed per period. */
export function tableThrottleMetrics(
  tables: readonly ITable[],
  period: Duration,
): IMetric[] {
  return tables.flatMap((table) => [
    table.metric('ReadThrottleEvents', { period, statistic: 'Sum' }),
    table.metric('WriteThrottleEvents', { period, statistic: 'Sum' }),
  ]);
}
