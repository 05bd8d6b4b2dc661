import { METRIC_NAMESPACE, SERVICE_NAME } from '../../lambda/metric-names';
import { TABLE_IDS, TABLES } from '../../lambda/store/tables';
import {
  INNGEST_MAX_RUNTIME_MS,
  SERVE_TIMEOUT,
} from '../../lib/constructs/inngest-endpoint';
import { DEPLOY_ID, functionId, logicalId, templateFor } from './helpers/synth';

const SECRET_ENV = {
  INNGEST_SIGNING_KEY_SECRET_ARN: 'inngestSigningKey',
  INNGEST_EVENT_KEY_SECRET_ARN: 'inngestEventKey',
  YOUTUBE_API_KEY_SECRET_ARN: 'youtubeApiKey',
} as const;

describe('InngestEndpoint', () => {
  const template = templateFor();
  const serveId = functionId(template, 'Inngest endpoint');
  const serve = template.toJSON().Resources[serveId].Properties;
  const env: Record<string, unknown> = serve.Environment.Variables;
  const secretId = (name: string) =>
    logicalId(template, 'AWS::SecretsManager::Secret', {
      Name: `youtube-domain-pipeline/prod/${name}`,
    });

  it('runs on the newest Node runtime, arm64, with a tuned size', () => {
    expect(serve).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: SERVE_TIMEOUT.toSeconds(),
      Handler: 'index.handler',
    });
  });

  it('keeps the Inngest checkpoint run time under the Lambda timeout', () => {
    expect(env.INNGEST_MAX_RUNTIME_MS).toBe(String(INNGEST_MAX_RUNTIME_MS));
    expect(INNGEST_MAX_RUNTIME_MS).toBeLessThanOrEqual(
      SERVE_TIMEOUT.toMilliseconds() - 30_000,
    );
  });

  it('serves behind a Function URL with auth NONE, no API Gateway', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [serveId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      FunctionUrlAuthType: 'NONE',
      Principal: '*',
      FunctionName: { 'Fn::GetAtt': [serveId, 'Arn'] },
    });
    template.resourceCountIs('AWS::ApiGateway::RestApi', 0);
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
  });

  it('passes the environment contract, with secret ARNs and no values', () => {
    for (const id of TABLE_IDS) {
      expect(env[TABLES[id].envVar]).toEqual({
        Ref: logicalId(template, 'AWS::DynamoDB::Table', {
          TableName: `youtube-domain-pipeline-prod-${id}`,
        }),
      });
    }
    for (const [name, secret] of Object.entries(SECRET_ENV)) {
      const spec = secret.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      expect(env[name]).toEqual({ Ref: secretId(spec) });
    }
    expect(env).toMatchObject({
      PIPELINE_STAGE: 'prod',
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
      ALERTS_TOPIC_ARN: {
        Ref: logicalId(template, 'AWS::SNS::Topic', {
          DisplayName: 'YouTube domain pipeline (prod) alerts',
        }),
      },
    });
    expect(JSON.parse(String(env.PIPELINE_SETTINGS)).sources.channels).toEqual([
      'UCsBjURrPoezykLs9EqgamOA',
    ]);
    expect(env.INNGEST_ENV).toBeUndefined();
  });

  it('starts new containers on every deploy so secrets are read afresh', () => {
    expect(env.DEPLOY_ID).toBe(DEPLOY_ID);
  });

  it('names the Inngest environment explicitly for staging', () => {
    const staging = templateFor({ stage: 'staging' });
    const id = functionId(staging, 'Inngest endpoint');
    const vars =
      staging.toJSON().Resources[id].Properties.Environment.Variables;
    expect(vars).toMatchObject({
      INNGEST_ENV: 'staging',
      PIPELINE_STAGE: 'staging',
    });
    staging.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'youtube-domain-pipeline/staging/inngest-signing-key',
    });
  });

  it('grants only item operations on the tables and their named indexes', () => {
    const role = serve.Role['Fn::GetAtt'][0];
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: role }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    const dynamo = statements.filter((s) =>
      [s.Action].flat().some((a: string) => a.startsWith('dynamodb:')),
    );
    expect(dynamo).toEqual([
      expect.objectContaining({
        Action: [
          'dynamodb:BatchGetItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:Scan',
          'dynamodb:UpdateItem',
        ],
      }),
      expect.objectContaining({ Action: 'dynamodb:Query' }),
    ]);
    const indexArns = JSON.stringify(dynamo[1].Resource);
    for (const id of TABLE_IDS) {
      for (const index of TABLES[id].indexes) {
        expect(indexArns).toContain(`/index/${index.indexName}`);
      }
    }
    expect(indexArns).not.toContain('/index/*');
    const secrets = statements.filter((s) =>
      [s.Action].flat().includes('secretsmanager:GetSecretValue'),
    );
    const readable = secrets
      .flatMap((s) => [s.Resource].flat())
      .map((r) => r.Ref);
    expect(readable.sort()).toEqual(
      ['inngest-signing-key', 'inngest-event-key', 'youtube-api-key']
        .map(secretId)
        .sort(),
    );
    expect(JSON.stringify(statements)).not.toMatch(/"\*"/);
  });
});
