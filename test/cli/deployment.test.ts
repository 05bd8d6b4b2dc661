import {
  CloudFormationClient,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import {
  deployedStackName,
  findTarget,
  REQUIRED_OUTPUTS,
} from '../../lambda/cli/deployment';
import { stackNameFor } from '../../lib/pipeline-stack';
import { templateFor } from '../lib/helpers/synth';

const cloudFormation = mockClient(CloudFormationClient);
const client = () => new CloudFormationClient({ region: 'eu-west-1' });
const aws = { AWS_REGION: 'eu-west-1' };

describe('findTarget', () => {
  beforeEach(() => cloudFormation.reset());

  it('reads a deployed stage from its stack outputs', async () => {
    const outputs = Object.entries({
      FunctionUrl: 'https://abc.lambda-url.eu-west-1.on.aws/',
      AlarmNamePrefix: 'youtube-domain-pipeline-staging-',
      InngestEnv: 'staging',
      StallMinutes: '45',
      SecretinngestSigningKey:
        'youtube-domain-pipeline/staging/inngest-signing-key',
      TableVideos: 'v',
      TableComments: 'c',
      TableDomains: 'd',
      TableMentions: 'm',
      TableState: 's',
    }).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue }));
    cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'youtube-domain-pipeline-staging',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date('2026-01-01T00:00:00Z'),
          LastUpdatedTime: new Date('2026-03-01T00:00:00Z'),
          Outputs: outputs,
        },
      ],
    });

    const target = await findTarget({
      stage: 'staging',
      env: aws,
      cloudFormation: client,
    });

    expect(
      cloudFormation.commandCalls(DescribeStacksCommand)[0]?.args[0].input,
    ).toEqual({
      StackName: 'youtube-domain-pipeline-staging',
    });
    expect(target).toMatchObject({
      mode: 'deployed',
      deployment: {
        stage: 'staging',
        inngestEnv: 'staging',
        stallMinutes: 45,
        deployedAt: new Date('2026-03-01T00:00:00Z'),
        tables: { videos: 'v', state: 's' },
        secrets: {
          inngestSigningKey:
            'youtube-domain-pipeline/staging/inngest-signing-key',
        },
      },
    });
  });

  it('falls back to the local setup, saying why, when the stack does not exist', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejects(
        new Error('Stack with id youtube-domain-pipeline-prod does not exist'),
      );

    const target = await findTarget({
      stage: 'prod',
      env: aws,
      cloudFormation: client,
    });

    expect(target).toEqual({
      mode: 'local',
      reason: expect.stringMatching(
        /stack youtube-domain-pipeline-prod does not exist .* pick another --stage/,
      ),
    });
  });

  it('names the outputs an older stack lacks', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'x',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date(),
          Outputs: [],
        },
      ],
    });

    const target = await findTarget({
      stage: 'prod',
      env: aws,
      cloudFormation: client,
    });

    expect(target).toMatchObject({
      mode: 'local',
      reason: expect.stringMatching(
        /lacks the outputs FunctionUrl, AlarmNamePrefix, TableVideos/,
      ),
    });
  });

  it('stays local without asking AWS when no region is configured, or with --local', async () => {
    const none = await findTarget({
      stage: 'prod',
      env: {},
      cloudFormation: client,
    });
    const local = await findTarget({
      stage: 'prod',
      env: aws,
      local: true,
      cloudFormation: client,
    });

    expect(none).toMatchObject({
      mode: 'local',
      reason: expect.stringMatching(/no AWS region/),
    });
    expect(local).toEqual({ mode: 'local', reason: '--local was given' });
    expect(cloudFormation.calls()).toHaveLength(0);
  });
});

describe('the stack outputs the CLI reads', () => {
  it('names stacks as the CDK app does', () => {
    for (const stage of ['prod', 'staging', 'dev-2']) {
      expect(deployedStackName(stage)).toBe(stackNameFor(stage));
    }
  });

  it('are all in the synthesized template, secrets and stage settings included', () => {
    const outputs = templateFor({ stage: 'staging' }).toJSON().Outputs;

    for (const key of [
      ...REQUIRED_OUTPUTS,
      'Stage',
      'InngestEnv',
      'InngestSyncStatus',
      'AlertsTopicArn',
      'NotifierAlarmTopicArn',
      'StallMinutes',
      'NewDomainsPerWeek',
      'DiscoveryCron',
      'CadenceMinutes',
      'SecretinngestSigningKey',
      'SecretinngestEventKey',
      'SecretyoutubeApiKey',
    ]) {
      expect(outputs).toHaveProperty(key);
    }
    expect(outputs.InngestEnv.Value).toBe('staging');
    expect(outputs.AlarmNamePrefix.Value).toBe(
      'youtube-domain-pipeline-staging-',
    );
  });

  it('leave the Inngest environment out for production', () => {
    expect(templateFor().toJSON().Outputs).not.toHaveProperty('InngestEnv');
  });
});
