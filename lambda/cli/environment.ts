import { join, resolve } from 'node:path';
import { startLocalDynamo } from '../../local/dynalite';
import { startReplica } from '../../local/youtube-replica';
import type { PipelineContext } from '../core/context';
import type { Log } from '../core/deps';
import { loadSettings } from '../core/settings-loader';
import { ensureTables } from '../store/create-tables';
import { createDynamoClient } from '../store/dynamo-store';
import { TABLE_IDS, TABLES, tableNamesFromEnv } from '../store/tables';
import { createPipelineContext } from '../wiring';

type Env = Readonly<Record<string, string | undefined>>;

/** The API key the local replica accepts; not a secret. */
export const REPLICA_KEY = 'offline-replica-key';

/** Where the pipeline reads from and writes to, resolved from the env. */
export interface Environment {
  readonly context: PipelineContext;
  /** One line saying what runs where, printed at start. */
  readonly description: string;
  readonly offline: { store: boolean; youtube: boolean };
  close(): Promise<void>;
}

/**
 * Resolves the environment the operator asked for. With no configuration
 * everything is embedded: dynalite persisted under `.data/` and the local
 * YouTube replica. `YOUTUBE_API_KEY` switches to the real YouTube API; the
 * `TABLE_*` variables (with AWS credentials) switch to real DynamoDB, and
 * `DYNAMODB_ENDPOINT` to any other DynamoDB-compatible endpoint.
 */
export async function openEnvironment(options: {
  env: Env;
  cwd?: string;
  log: Log;
  clock?: () => Date;
}): Promise<Environment> {
  const { env } = options;
  const cwd = options.cwd ?? process.cwd();
  const closers: Array<() => Promise<void>> = [];
  const awsTables = TABLE_IDS.some((id) => env[TABLES[id].envVar]);
  const offlineStore = !awsTables && !env.DYNAMODB_ENDPOINT;
  const offlineYouTube = !env.YOUTUBE_API_KEY;
  try {
    let dynamoEndpoint = env.DYNAMODB_ENDPOINT;
    const dataDir = resolve(cwd, env.PIPELINE_DATA_DIR ?? '.data');
    if (offlineStore) {
      const local = await startLocalDynamo({ path: join(dataDir, 'dynalite') });
      closers.push(() => local.close());
      dynamoEndpoint = local.endpoint;
    }
    const tables = tableNamesFromEnv(env);
    if (offlineStore) await createLocalTables(dynamoEndpoint, tables);

    let settingsEnv = env;
    if (offlineYouTube) {
      const replica = await startReplica({ apiKeys: [REPLICA_KEY] });
      closers.push(() => replica.close());
      settingsEnv = { ...env, YOUTUBE_BASE_URL: replica.baseUrl };
    }
    const settings = loadSettings({ env: settingsEnv, cwd });
    const context = createPipelineContext({
      settings,
      tables,
      ...(dynamoEndpoint ? { dynamoEndpoint } : {}),
      youtubeApiKey: env.YOUTUBE_API_KEY ?? REPLICA_KEY,
      log: options.log,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return {
      context,
      description: describe(
        offlineStore,
        offlineYouTube,
        dataDir,
        tables.videos,
      ),
      offline: { store: offlineStore, youtube: offlineYouTube },
      close: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function createLocalTables(
  endpoint: string | undefined,
  tables: ReturnType<typeof tableNamesFromEnv>,
) {
  const client = createDynamoClient(endpoint ? { endpoint } : {});
  try {
    await ensureTables(client, tables);
  } finally {
    client.destroy();
  }
}

function describe(
  offlineStore: boolean,
  offlineYouTube: boolean,
  dataDir: string,
  videosTable: string,
): string {
  const youtube = offlineYouTube
    ? 'YouTube from the local replica (no YOUTUBE_API_KEY set)'
    : 'the YouTube Data API';
  const store = offlineStore
    ? `embedded DynamoDB (dynalite) in ${dataDir}`
    : `DynamoDB tables such as ${videosTable}`;
  const mode = offlineStore && offlineYouTube ? 'Offline: ' : 'Using ';
  return `${mode}${youtube}, ${store}.`;
}

async function closeAll(closers: Array<() => Promise<void>>) {
  for (const close of closers.reverse()) await close();
}
