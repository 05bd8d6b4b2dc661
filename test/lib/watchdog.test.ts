import { functionId, logicalId, templateFor } from './helpers/synth';

describe('Watchdog', () => {
  const template = templateFor();
  const watchdogId = functionId(template, 'Watchdog');
  const watchdog = template.toJSON().Resources[watchdogId].Properties;
  const stateTable = logicalId(template, 'AWS::DynamoDB::Table', {
    TableName: 'youtube-domain-pipeline-prod-state',
  });

  it('runs every 5 minutes on an EventBridge schedule', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [watchdogId, 'Arn'] },
          Id: 'Target0',
          RetryPolicy: { MaximumRetryAttempts: 0 },
        },
      ],
    });
  });

  it('takes its schedule and threshold from context', () => {
    const custom = templateFor({
      schedule: 'rate(10 minutes)',
      stallMinutes: '45',
    });
    custom.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(10 minutes)',
    });
    const id = functionId(custom, 'Watchdog');
    expect(
      custom.toJSON().Resources[id].Properties.Environment.Variables
        .STALL_MINUTES,
    ).toBe('45');
  });

  it('knows the state table, the endpoint and the alerts topic', () => {
    expect(watchdog.Environment.Variables).toMatchObject({
      TABLE_STATE: { Ref: stateTable },
      PIPELINE_STAGE: 'prod',
      STALL_MINUTES: '30',
      ENDPOINT_URL: {
        'Fn::GetAtt': [expect.stringMatching(/FunctionUrl/), 'FunctionUrl'],
      },
      RUNBOOK_LINK: 'docs/runbook.md#discovery-stalled',
      ALERTS_TOPIC_ARN: { Ref: expect.stringMatching(/^AlertsTopic/) },
    });
  });

  it('reads the state table and writes only its own partition', () => {
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: watchdog.Role['Fn::GetAtt'][0] }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    const table = { 'Fn::GetAtt': [stateTable, 'Arn'] };
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Action: ['dynamodb:GetItem', 'dynamodb:Query'],
          Effect: 'Allow',
          Resource: table,
        },
        {
          Action: ['dynamodb:DeleteItem', 'dynamodb:PutItem'],
          Effect: 'Allow',
          Resource: table,
          Condition: {
            'ForAllValues:StringEquals': {
              'dynamodb:LeadingKeys': ['watchdog'],
            },
          },
        },
        {
          Action: 'sns:Publish',
          Effect: 'Allow',
          Resource: { Ref: expect.stringMatching(/^AlertsTopic/) },
        },
      ]),
    );
    expect(statements).toHaveLength(4);
  });
});
