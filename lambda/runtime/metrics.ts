import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricsSink, MetricValues } from '../inngest/runtime';
import { METRIC_NAMESPACE, METRICS, SERVICE_NAME } from '../metric-names';

/**
 * Metrics as CloudWatch Embedded Metric Format: one JSON line on stdout per
 * `emit`, which CloudWatch Logs turns into metrics. No PutMetricData calls,
 * so emitting costs no API request and cannot throttle.
 */
export function createEmfMetrics(
  stage: string,
  metrics: Metrics = new Metrics({
    namespace: METRIC_NAMESPACE,
    // Powertools adds the `service` dimension itself.
    serviceName: SERVICE_NAME,
    defaultDimensions: { stage },
  }),
): MetricsSink {
  return {
    emit(values: MetricValues): void {
      let added = 0;
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined || !Number.isFinite(value)) continue;
        const name = METRICS[key as keyof typeof METRICS];
        const unit =
          name === METRICS.quotaUsedPercent
            ? MetricUnit.Percent
            : MetricUnit.Count;
        metrics.addMetric(name, unit, value);
        added += 1;
      }
      if (added > 0) metrics.publishStoredMetrics();
    },
  };
}
