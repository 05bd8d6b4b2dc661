import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SNSClient } from '@aws-sdk/client-sns';
import { pacificDay } from '../../core/pacific-time';
import type { Settings } from '../../core/settings';
import type { PipelineStore } from '../../core/store-port';
import { EVENT_NAMES } from '../../inngest/ids';
import type { TableNames } from '../../store/tables';
import type { SecretSource } from '../deployed-context';
import type { Target } from '../deployment';
import { createInngestApi } from '../inngest-api';
import { type DoctorFacts, type Fact, readFact, skipped } from './facts';
import {
  describeAlarms,
  introspect,
  listSubscriptions,
  probeTables,
  unsignedStatus,
} from './readers';
import { FAILURES_WINDOW_HOURS, RUNS_WINDOW_MINUTES } from './windows';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Where the doctor reads its facts from; every client injectable. */
export interface DoctorSources {
  readonly target: Target;
  readonly now: Date;
  readonly settings: Fact<Settings>;
  readonly tableNames: TableNames;
  readonly store: Fact<PipelineStore>;
  /** `discover-videos` deployed, `local-cycle` locally. */
  readonly heartbeatName: string;
  /** One cheap YouTube call with the pipeline's key; says which key. */
  readonly pingYouTube: () => Promise<{ source: string; quotaStop?: string }>;
  readonly secrets: SecretSource;
  /** When a secret's value last changed (Secrets Manager DescribeSecret). */
  readonly secretChangedAt: (name: string) => Promise<Date | undefined>;
  readonly fetch: Fetch;
  readonly inngestApiBaseUrl?: string;
  readonly cloudWatch: () => Pick<CloudWatchClient, 'send'>;
  readonly sns: () => Pick<SNSClient, 'send'>;
}

const LOCAL = 'local mode';

/** Reads every fact at once; nothing here decides pass or fail. */
export async function gatherFacts(src: DoctorSources): Promise<DoctorFacts> {
  const deployment =
    src.target.mode === 'deployed' ? src.target.deployment : undefined;
  const storeFact = <T>(
    read: (store: PipelineStore) => Promise<T>,
  ): Promise<Fact<T>> =>
    'value' in src.store
      ? readFact(() => read((src.store as { value: PipelineStore }).value))
      : Promise.resolve(
          'error' in src.store ? { error: src.store.error } : src.store,
        );
  const secret = (
    name: string | undefined,
    output: string,
  ): Promise<Fact<string>> =>
    !deployment
      ? Promise.resolve(skipped(LOCAL))
      : name
        ? readFact(() => src.secrets(name))
        : Promise.resolve({
            error: `the stack has no ${output} output; deploy this version of the stack once`,
          });
  const [signingKey, eventKey] = await Promise.all([
    secret(deployment?.secrets.inngestSigningKey, 'Secret-inngestSigningKey'),
    secret(deployment?.secrets.inngestEventKey, 'Secret-inngestEventKey'),
  ]);
  const api =
    deployment && 'value' in signingKey
      ? createInngestApi({
          signingKey: signingKey.value,
          env: deployment.inngestEnv,
          baseUrl: src.inngestApiBaseUrl,
          fetch: src.fetch,
        })
      : undefined;
  const noApi = skipped(
    deployment
      ? 'no signing key to call Inngest with (see the secrets row)'
      : LOCAL,
  );
  const ago = (ms: number) => new Date(src.now.getTime() - ms);
  const signingKeyName = deployment?.secrets.inngestSigningKey;
  const [
    youtubeKey,
    unsignedGet,
    introspection,
    finishedEvents,
    failedEvents,
    signingKeyChange,
    tables,
    heartbeat,
    runs,
    failures,
    alarms,
    subscriptions,
    quota,
  ] = await Promise.all([
    'value' in src.settings
      ? readFact(src.pingYouTube)
      : Promise.resolve(skipped('the settings cannot be read')),
    deployment
      ? readFact(() => unsignedStatus(src.fetch, deployment.functionUrl))
      : Promise.resolve(skipped(LOCAL)),
    deployment && 'value' in signingKey
      ? readFact(() =>
          introspect(
            src.fetch,
            deployment.functionUrl,
            signingKey.value,
            src.now,
          ),
        )
      : Promise.resolve(noApi),
    api
      ? readFact(() =>
          api.listEvents(
            'inngest/function.finished',
            ago(RUNS_WINDOW_MINUTES * 60_000),
          ),
        )
      : Promise.resolve(noApi),
    api
      ? readFact(() =>
          api.listEvents(
            EVENT_NAMES.functionFailed,
            ago(FAILURES_WINDOW_HOURS * 3_600_000),
          ),
        )
      : Promise.resolve(noApi),
    signingKeyName
      ? readFact(async () => ({
          name: signingKeyName,
          changedAt: await src.secretChangedAt(signingKeyName),
        }))
      : Promise.resolve(skipped(LOCAL)),
    storeFact((store) => probeTables(store, src.tableNames)),
    storeFact((store) => store.getHeartbeat(src.heartbeatName)),
    storeFact((store) => store.listRecentRuns(50)),
    storeFact((store) => store.listRecentFailures(50)),
    deployment
      ? readFact(() =>
          describeAlarms(src.cloudWatch(), deployment.alarmNamePrefix),
        )
      : Promise.resolve(skipped(LOCAL)),
    deployment
      ? readFact(() =>
          listSubscriptions(src.sns(), [
            deployment.alertsTopicArn,
            deployment.notifierAlarmTopicArn,
          ]),
        )
      : Promise.resolve(skipped(LOCAL)),
    storeFact((store) => store.getQuotaUsage(pacificDay(src.now))),
  ]);
  return {
    mode: src.target.mode,
    now: src.now,
    ...(src.target.mode === 'local'
      ? { localReason: src.target.reason }
      : { deployment }),
    tableNames: src.tableNames,
    settings: src.settings,
    signingKey,
    signingKeyChange,
    eventKey,
    youtubeKey,
    unsignedGet,
    introspection,
    finishedEvents,
    failedEvents,
    tables,
    heartbeat,
    heartbeatName: src.heartbeatName,
    runs,
    failures,
    alarms,
    subscriptions,
    quota,
  };
}
