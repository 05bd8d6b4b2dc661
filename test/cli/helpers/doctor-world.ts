/**
 * A deployed stage for the doctor, made of fakes that behave like the
 * real thing: the real serve handler behind a URL, the pipeline's tables
 * on dynalite, the YouTube replica, a fake Inngest REST API, and AWS
 * clients mocked with aws-sdk-client-mock. It starts healthy; each test
 * breaks one part and reads what the doctor says.
 */
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  type MetricAlarm,
  type StateValue,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  ListSubscriptionsByTopicCommand,
  SNSClient,
  type Subscription,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import {
  type Deployment,
  deploymentFromStack,
  tableOutputKey,
} from '../../../lambda/cli/deployment';
import type { CheckResult } from '../../../lambda/cli/doctor/check';
import { runDoctor } from '../../../lambda/cli/doctor/command';
import { silentLog } from '../../../lambda/core/deps';
import { TABLE_IDS } from '../../../lambda/store/tables';
import { startReplica } from '../../../local/youtube-replica/server';
import { startTestStore, type TestStore } from '../../helpers/dynalite';
import {
  TEST_EVENT_KEY,
  TEST_SIGNING_KEY,
} from '../../helpers/inngest-signing';
import { type FakeInngestApi, startFakeInngestApi } from './fake-inngest-api';
import { startServeUrl } from './serve-url';

/** A production-format key, as the secrets check wants for stage prod. */
export const PROD_SIGNING_KEY = TEST_SIGNING_KEY.replace('-test-', '-prod-');
export const YOUTUBE_KEY = 'yt-test-key';
export const ALERTS_TOPIC = 'arn:aws:sns:eu-west-1:123:alerts';
export const PREFIX = 'youtube-domain-pipeline-prod-';
const DISCOVERY_ID = 'youtube-domain-pipeline-discover-videos';

export const secretsMock = mockClient(SecretsManagerClient);
export const cloudWatchMock = mockClient(CloudWatchClient);
export const snsMock = mockClient(SNSClient);

export interface DoctorWorld {
  readonly now: Date;
  readonly store: TestStore;
  readonly api: FakeInngestApi;
  readonly outputs: Record<string, string>;
  /** Secret values by name. */
  readonly secrets: Record<string, string>;
  stackStatus: string;
  deployedAt: Date;
  secretChangedAt: Date;
  alarms: MetricAlarm[];
  subscriptions: Subscription[];
  /** `n` finished discover-videos runs at Inngest, minutes apart. */
  inngestRuns(n: number): void;
  /** `n` discover-videos run records in the tables, and the heartbeat. */
  storedRuns(n: number, lastMinutesAgo?: number): Promise<void>;
  /** Runs the doctor against the serve handler built from process.env. */
  doctor(): Promise<Record<string, CheckResult>>;
  close(): Promise<void>;
}

export async function startDoctorWorld(): Promise<DoctorWorld> {
  const now = new Date();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const store = await startTestStore({ clock: () => now });
  const replica = await startReplica({ apiKeys: [YOUTUBE_KEY] });
  const api = await startFakeInngestApi(PROD_SIGNING_KEY);
  const outputs: Record<string, string> = {
    Stage: 'prod',
    AlarmNamePrefix: PREFIX,
    AlertsTopicArn: ALERTS_TOPIC,
    InngestSyncStatus: 'synced (no change)',
    StallMinutes: '30',
    CadenceMinutes: '10',
    DiscoveryCron: 'TZ=UTC */10 * * * *',
    SecretinngestSigningKey: 'signing',
    SecretinngestEventKey: 'event',
    SecretyoutubeApiKey: 'youtube',
  };
  for (const id of TABLE_IDS) {
    outputs[tableOutputKey(id)] = store.tables[id];
  }
  const world: DoctorWorld = {
    now,
    store,
    api,
    outputs,
    secrets: {
      signing: PROD_SIGNING_KEY,
      event: TEST_EVENT_KEY,
      youtube: YOUTUBE_KEY,
    },
    stackStatus: 'UPDATE_COMPLETE',
    deployedAt: minutesAgo(120),
    secretChangedAt: minutesAgo(24 * 60),
    alarms: [alarm('discovery-stalled', 'OK')],
    subscriptions: [
      {
        TopicArn: ALERTS_TOPIC,
        Protocol: 'email',
        Endpoint: 'ops@example.org',
        SubscriptionArn: `${ALERTS_TOPIC}:abc`,
      },
    ],
    inngestRuns(n) {
      for (let i = 0; i < n; i++) {
        api.events.push({
          internal_id: `01FINISHED${i}`,
          name: 'inngest/function.finished',
          data: { function_id: DISCOVERY_ID, run_id: `run-${i}` },
          ts: minutesAgo(3 + 10 * i).getTime(),
        });
      }
    },
    async storedRuns(n, lastMinutesAgo = 3) {
      for (let i = 0; i < n; i++) {
        const endedAt = minutesAgo(lastMinutesAgo + 10 * i).toISOString();
        await store.store.putRun({
          functionId: 'discover-videos',
          runId: `run-${i}`,
          startedAt: endedAt,
          endedAt,
          outcome: 'succeeded',
          summary: {},
        });
      }
      await store.store.putHeartbeat({
        name: 'discover-videos',
        at: minutesAgo(lastMinutesAgo).toISOString(),
        runId: 'run-0',
      });
    },
    async doctor() {
      mockAws(world);
      const serve = await startServeUrl();
      try {
        const results = await runDoctor({
          target: {
            mode: 'deployed',
            deployment: deployment(world, serve.url),
          },
          env: {
            DYNAMODB_ENDPOINT: store.endpoint,
            INNGEST_API_BASE_URL: api.url,
            PIPELINE_SETTINGS: JSON.stringify({
              sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'] },
              youtube: { baseUrl: replica.baseUrl, retries: 0 },
            }),
          },
          log: silentLog,
          now: () => now,
          clients: {
            fetch,
            secretsManager: () => new SecretsManagerClient({}),
            cloudWatch: () => new CloudWatchClient({}),
            sns: () => new SNSClient({}),
          },
        });
        return Object.fromEntries(results.map((r) => [r.id, r]));
      } finally {
        await serve.close();
      }
    },
    async close() {
      await api.close();
      await replica.close();
      await store.close();
    },
  };
  return world;
}

/** A metric alarm of the stage, named as the stack names them. */
export function alarm(name: string, state: StateValue): MetricAlarm {
  return {
    AlarmName: `${PREFIX}${name}`,
    StateValue: state,
    StateReason: `Threshold Crossed: ${name}`,
    AlarmDescription: `What went wrong. Runbook: docs/runbook.md#${name}`,
  };
}

function deployment(world: DoctorWorld, functionUrl: string): Deployment {
  const found = deploymentFromStack(
    {
      StackName: 'youtube-domain-pipeline-prod',
      StackStatus: world.stackStatus,
      CreationTime: world.deployedAt,
      LastUpdatedTime: world.deployedAt,
      Outputs: Object.entries({ ...world.outputs, FunctionUrl: functionUrl })
        .filter(([, value]) => value !== '')
        .map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
    } as never,
    'prod',
  );
  if ('missing' in found) throw new Error(`missing ${found.missing}`);
  return found;
}

function mockAws(world: DoctorWorld): void {
  secretsMock.reset();
  secretsMock.on(GetSecretValueCommand).callsFake(({ SecretId }) => {
    const value = world.secrets[SecretId];
    if (value === undefined) {
      throw Object.assign(new Error(`no secret ${SecretId}`), {
        name: 'ResourceNotFoundException',
      });
    }
    return { SecretString: value };
  });
  secretsMock
    .on(DescribeSecretCommand)
    .callsFake(() => ({ LastChangedDate: world.secretChangedAt }));
  cloudWatchMock.reset();
  cloudWatchMock
    .on(DescribeAlarmsCommand)
    .callsFake(() => ({ MetricAlarms: world.alarms }));
  snsMock.reset();
  snsMock.on(ListSubscriptionsByTopicCommand).callsFake(({ TopicArn }) => ({
    Subscriptions: world.subscriptions.filter((s) => s.TopicArn === TopicArn),
  }));
}
