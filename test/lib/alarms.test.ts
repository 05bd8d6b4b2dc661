import { Match } from 'aws-cdk-lib/assertions';
import { dimensionsFor, METRIC_NAMESPACE } from '../../lambda/metric-names';
import { RUNBOOK_ANCHORS } from '../../lib/runbook';
import { functionId, logicalId, templateFor } from './helpers/synth';

const dimensions = Object.entries(dimensionsFor('prod')).map(
  ([Name, Value]) => ({ Name, Value }),
);

describe('Alarms', () => {
  const template = templateFor();
  const alarms = template.findResources('AWS::CloudWatch::Alarm');
  const byName = (suffix: string) => {
    const found = Object.values(alarms).find(
      (a) =>
        a.Properties.AlarmName === `youtube-domain-pipeline-prod-${suffix}`,
    );
    if (!found) throw new Error(`no alarm ${suffix}`);
    return found.Properties;
  };
  const alertsTopic = {
    Ref: logicalId(template, 'AWS::SNS::Topic', {
      DisplayName: 'YouTube domain pipeline (prod) alerts',
    }),
  };

  it('alarms when discovery stalls, treating missing data as breaching', () => {
    expect(byName('discovery-stalled')).toMatchObject({
      Namespace: METRIC_NAMESPACE,
      MetricName: 'MinutesSinceLastDiscovery',
      Dimensions: dimensions,
      Statistic: 'Maximum',
      Period: 600,
      EvaluationPeriods: 1,
      Threshold: 30,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [alertsTopic],
      OKActions: [alertsTopic],
    });
  });

  it.each([
    [
      'function-failures',
      'FunctionFailures',
      'Sum',
      300,
      1,
      'GreaterThanOrEqualToThreshold',
      'notBreaching',
    ],
    [
      'quota-near-limit',
      'QuotaUsedPercent',
      'Maximum',
      300,
      90,
      'GreaterThanThreshold',
      'notBreaching',
    ],
    [
      'new-domains-below-pace',
      'NewDomains',
      'Sum',
      86_400,
      200 / 7,
      'LessThanThreshold',
      'breaching',
    ],
  ])(
    'alarms on %s from the pipeline metric %s',
    (name, metric, statistic, period, threshold, comparison, missing) => {
      expect(byName(name)).toMatchObject({
        Namespace: METRIC_NAMESPACE,
        MetricName: metric,
        Dimensions: dimensions,
        Statistic: statistic,
        Period: period,
        EvaluationPeriods: 1,
        Threshold: threshold,
        ComparisonOperator: comparison,
        TreatMissingData: missing,
      });
    },
  );

  it.each([
    ['serve-errors', 'Inngest endpoint'],
    ['watchdog-errors', 'Watchdog'],
  ])('alarms on %s from the Lambda Errors metric', (name, description) => {
    expect(byName(name)).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        {
          Name: 'FunctionName',
          Value: { Ref: functionId(template, description) },
        },
      ],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [alertsTopic],
    });
  });

  it('sums Lambda throttles of every pipeline function', () => {
    const alarm = byName('lambda-throttles');
    expect(alarm).toMatchObject({
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    const [sum, ...inputs] = alarm.Metrics;
    expect(sum.Expression).toBe('SUM([m0, m1, m2])');
    expect(
      inputs.map(
        (m: {
          MetricStat: { Metric: { MetricName: string }; Period: number };
        }) => [m.MetricStat.Metric.MetricName, m.MetricStat.Period],
      ),
    ).toEqual([
      ['Throttles', 300],
      ['Throttles', 300],
      ['Throttles', 300],
    ]);
  });

  it('alarms on DynamoDB throttles that last 15 minutes, on every table', () => {
    const alarm = byName('dynamodb-throttles');
    expect(alarm).toMatchObject({
      Threshold: 1,
      EvaluationPeriods: 3,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    const names = alarm.Metrics.slice(1).map(
      (m: { MetricStat: { Metric: { MetricName: string } } }) =>
        m.MetricStat.Metric.MetricName,
    );
    expect(names).toHaveLength(10);
    expect(new Set(names)).toEqual(
      new Set(['ReadThrottleEvents', 'WriteThrottleEvents']),
    );
  });

  it('sends the Slack notifier alarm to e-mail only, never back through Slack', () => {
    const notifierTopic = {
      Ref: logicalId(template, 'AWS::SNS::Topic', {
        DisplayName: 'YouTube domain pipeline (prod) Slack notifier',
      }),
    };
    expect(byName('slack-notifier-errors')).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [
        {
          Name: 'FunctionName',
          Value: { Ref: functionId(template, 'Posts alerts') },
        },
      ],
      AlarmActions: [notifierTopic],
      OKActions: [notifierTopic],
    });
    template.resourcePropertiesCountIs(
      'AWS::SNS::Subscription',
      { Protocol: 'lambda', TopicArn: notifierTopic },
      0,
    );
  });

  it('links every alarm to a runbook section, and every section is used', () => {
    const anchors = Object.values(alarms).map((a) => {
      const match = /Runbook: docs\/runbook\.md#([a-z-]+)$/.exec(
        a.Properties.AlarmDescription,
      );
      expect(match).not.toBeNull();
      return match?.[1];
    });
    expect(new Set(anchors)).toEqual(new Set(RUNBOOK_ANCHORS));
  });

  it('uses the runbook URL from context', () => {
    templateFor({
      runbookUrl: 'https://example.org/runbook.md',
    }).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp(
        'Runbook: https://example.org/runbook.md#discovery-stalled$',
      ),
    });
  });

  it('shows every alarm on the dashboard', () => {
    const body = JSON.stringify(
      template.findResources('AWS::CloudWatch::Dashboard'),
    );
    for (const id of Object.keys(alarms)) expect(body).toContain(id);
    expect(body).toContain('VideosDiscovered');
    expect(body).toContain('CommentsHarvested');
  });
});
