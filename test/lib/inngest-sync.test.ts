import { DEPLOY_ID, functionId, templateFor } from './helpers/synth';

describe('InngestSync', () => {
  const template = templateFor();
  const handlerId = functionId(template, 'Custom resource');
  const resources = template.toJSON().Resources;

  it('asks the Function URL to sync, with a property that changes each deploy', () => {
    const [id, resource] = Object.entries(
      template.findResources('Custom::InngestSync'),
    )[0] ?? ['', {}];
    expect(id).not.toBe('');
    expect(resource.Properties).toMatchObject({
      FunctionUrl: {
        'Fn::GetAtt': [expect.stringMatching(/FunctionUrl/), 'FunctionUrl'],
      },
      DeployId: DEPLOY_ID,
    });
    // The Provider framework answers CloudFormation for the handler.
    const token = resource.Properties.ServiceToken['Fn::GetAtt'][0];
    expect(resources[token].Type).toBe('AWS::Lambda::Function');
    expect(resources[token].Properties.Description).toMatch(/onEvent/);
  });

  it('gives the handler time for retries and only the signing key', () => {
    const handler = resources[handlerId].Properties;
    expect(handler.Timeout).toBe(120);
    expect(handler.Environment.Variables).toEqual({
      INNGEST_SIGNING_KEY_SECRET_ARN: {
        Ref: expect.stringMatching(/^SecretsinngestSigningKey/),
      },
    });
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: handler.Role['Fn::GetAtt'][0] }] },
    });
    const actions = Object.values(policies)
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .flatMap((s) => [s.Action].flat());
    expect(actions.sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('prints the sync result, the URL and the dashboard after deploy', () => {
    const outputs = template.toJSON().Outputs;
    expect(outputs.InngestSyncStatus.Value).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^InngestSync/), 'Status'],
    });
    expect(outputs.FunctionUrl.Value).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/FunctionUrl/), 'FunctionUrl'],
    });
    expect(JSON.stringify(outputs.DashboardUrl.Value)).toContain(
      '#dashboards:name=youtube-domain-pipeline-prod',
    );
  });
});
