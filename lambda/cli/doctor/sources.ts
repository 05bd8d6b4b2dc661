import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  DescribeSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SNSClient } from '@aws-sdk/client-sns';
import { depsFor, type PipelineContext } from '../../core/context';
import { LOCAL_CYCLE } from '../../core/cycle';
import type { Log } from '../../core/deps';
import { isQuotaStop } from '../../core/quota';
import type { Settings } from '../../core/settings';
import { loadSettings } from '../../core/settings-loader';
import { DISCOVERY_HEARTBEAT } from '../../ops/watchdog-check';
import {
  createDocumentClient,
  createDynamoStore,
} from '../../store/dynamo-store';
import { tableNamesFromEnv } from '../../store/tables';
import { createPipelineContext } from '../../wiring';
import { secretsManagerSource } from '../deployed-context';
import type { Deployment, Target } from '../deployment';
import { openEnvironment } from '../environment';
import type { Fact } from './facts';
import type { DoctorSources } from './gather';

type Env = Readonly<Record<string, string | undefined>>;
type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The real clients behind the doctor; tests pass mocks and fakes. */
export interface DoctorClients {
  readonly fetch: Fetch;
  readonly secretsManager: () => Pick<SecretsManagerClient, 'send'>;
  readonly cloudWatch: () => Pick<CloudWatchClient, 'send'>;
  readonly sns: () => Pick<SNSClient, 'send'>;
}

export interface OpenedSources {
  readonly sources: DoctorSources;
  close(): Promise<void>;
}

/**
 * The doctor's sources for a target: the deployed stage's tables, secrets
 * and alarms through the operator's credentials, or the local setup.
 */
export async function openDoctorSources(options: {
  target: Target;
  env: Env;
  cwd?: string;
  log: Log;
  now: Date;
  clients: DoctorClients;
}): Promise<OpenedSources> {
  const { target, clients } = options;
  const secrets = secretsManagerSource(clients.secretsManager);
  const common = {
    target,
    now: options.now,
    secrets,
    secretChangedAt: async (name: string) =>
      (
        await clients
          .secretsManager()
          .send(new DescribeSecretCommand({ SecretId: name }))
      ).LastChangedDate,
    fetch: clients.fetch,
    inngestApiBaseUrl: options.env.INNGEST_API_BASE_URL || undefined,
    cloudWatch: clients.cloudWatch,
    sns: clients.sns,
  };
  if (target.mode === 'deployed') {
    return deployedSources(target.deployment, options, common);
  }
  const tableNames = tableNamesFromEnv(options.env);
  try {
    const local = await openEnvironment({
      ...options,
      clock: () => options.now,
    });
    const { context } = local;
    return {
      sources: {
        ...common,
        settings: { value: context.settings },
        tableNames,
        store: { value: context.store },
        heartbeatName: LOCAL_CYCLE,
        pingYouTube: () =>
          ping(
            context,
            local.offline.youtube
              ? 'the local YouTube replica (no YOUTUBE_API_KEY set)'
              : 'the key in YOUTUBE_API_KEY',
          ),
      },
      close: () => local.close(),
    };
  } catch (error) {
    // Bad settings stop the local setup from opening at all.
    const problem = { error: (error as Error).message };
    return {
      sources: {
        ...common,
        settings: problem,
        tableNames,
        store: { error: `the local setup did not open: ${problem.error}` },
        heartbeatName: LOCAL_CYCLE,
        pingYouTube: async () => {
          throw new Error(problem.error);
        },
      },
      close: async () => {},
    };
  }
}

function deployedSources(
  deployment: Deployment,
  options: { env: Env; cwd?: string; log: Log; now: Date },
  common: Omit<
    DoctorSources,
    'settings' | 'tableNames' | 'store' | 'heartbeatName' | 'pingYouTube'
  >,
): OpenedSources {
  const { secrets } = common;
  const dynamoEndpoint = options.env.DYNAMODB_ENDPOINT || undefined;
  let settings: Fact<Settings>;
  try {
    settings = { value: loadSettings(options) };
  } catch (error) {
    settings = { error: (error as Error).message };
  }
  const client = createDocumentClient(
    dynamoEndpoint ? { endpoint: dynamoEndpoint } : {},
  );
  const clock = () => options.now;
  const store = createDynamoStore({ client, tables: deployment.tables, clock });
  return {
    sources: {
      ...common,
      settings,
      tableNames: deployment.tables,
      store: { value: store },
      heartbeatName: DISCOVERY_HEARTBEAT,
      pingYouTube: async () => {
        const name = deployment.secrets.youtubeApiKey;
        if (!('value' in settings)) throw new Error('settings unreadable');
        if (!name) {
          throw new Error(
            'the stack has no Secret-youtubeApiKey output; deploy this version of the stack once',
          );
        }
        const context = createPipelineContext({
          settings: settings.value,
          tables: deployment.tables,
          ...(dynamoEndpoint ? { dynamoEndpoint } : {}),
          youtubeApiKey: await secrets(name),
          log: options.log,
          clock,
        });
        return ping(context, `the key in secret ${name}`);
      },
    },
    close: async () => client.destroy(),
  };
}

/** One videos.list call, charged to the operator's share of the quota. */
async function ping(context: PipelineContext, source: string) {
  try {
    await depsFor(context, 'operator').deps.youtube.ping();
    return { source };
  } catch (error) {
    if (isQuotaStop(error)) {
      return { source, quotaStop: (error as Error).message };
    }
    throw error;
  }
}
