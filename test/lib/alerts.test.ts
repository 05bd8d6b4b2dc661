import { Match } from 'aws-cdk-lib/assertions';
import { functionId, logicalId, templateFor } from './helpers/synth';

describe('Alerts', () => {
  const template = templateFor({
    alertEmails: 'ops@example.org, oncall@example.org',
  });
  const topic = logicalId(template, 'AWS::SNS::Topic', {
    DisplayName: 'YouTube domain pipeline (prod) alerts',
  });
  const notifierTopic = logicalId(template, 'AWS::SNS::Topic', {
    DisplayName: 'YouTube domain pipeline (prod) Slack notifier',
  });
  const notifierId = functionId(template, 'Posts alerts');

  it('enforces TLS on both topics', () => {
    for (const id of [topic, notifierTopic]) {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: id }],
        PolicyDocument: {
          Statement: [
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ],
        },
      });
    }
  });

  it('subscribes every alert e-mail to both topics', () => {
    for (const email of ['ops@example.org', 'oncall@example.org']) {
      for (const id of [topic, notifierTopic]) {
        template.hasResourceProperties('AWS::SNS::Subscription', {
          Protocol: 'email',
          Endpoint: email,
          TopicArn: { Ref: id },
        });
      }
    }
  });

  it('subscribes the Slack notifier to the alerts topic only', () => {
    const lambdaSubs = template.findResources('AWS::SNS::Subscription', {
      Properties: { Protocol: 'lambda' },
    });
    expect(Object.values(lambdaSubs).map((s) => s.Properties)).toEqual([
      {
        Protocol: 'lambda',
        TopicArn: { Ref: topic },
        Endpoint: { 'Fn::GetAtt': [notifierId, 'Arn'] },
      },
    ]);
  });

  it('parks failed posts in a TLS-only queue after two retries', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: notifierId },
      MaximumRetryAttempts: 2,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } },
      },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      },
    });
  });

  it('lets the notifier read the webhook secret but publish nowhere', () => {
    const role =
      template.toJSON().Resources[notifierId].Properties.Role['Fn::GetAtt'][0];
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: role }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.some((a) => a.startsWith('sns:'))).toBe(false);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
        ],
        Resource: { Ref: expect.stringMatching(/^SecretsslackWebhookUrl/) },
      }),
    );
  });

  it('adds AWS Chatbot only when a workspace and channel are given', () => {
    template.resourceCountIs('AWS::Chatbot::SlackChannelConfiguration', 0);
    templateFor({
      slackWorkspaceId: 'T01ABCDEF23',
      slackChannelId: 'C01ABCDEF23',
    }).hasResourceProperties('AWS::Chatbot::SlackChannelConfiguration', {
      SlackWorkspaceId: 'T01ABCDEF23',
      SlackChannelId: 'C01ABCDEF23',
      SnsTopicArns: Match.arrayWith([{ Ref: topic }]),
    });
  });
});
