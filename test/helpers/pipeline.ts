import type { PipelineContext } from '../../lambda/core/context';
import { silentLog } from '../../lambda/core/deps';
import type { Settings } from '../../lambda/core/settings';
import { createPipelineContext } from '../../lambda/wiring';
import {
  type Replica,
  type ReplicaOptions,
  startReplica,
} from '../../local/youtube-replica';
import { countItems } from './count-items';
import { startTestStore, type TestStore } from './dynalite';
import { testSettings } from './settings';

export const TEST_KEY = 'test-key';

/**
 * One channel read two days back: a cycle small enough to finish its work
 * in a second or two, with a few multi-page videos.
 */
export const ONE_CHANNEL = {
  sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'], searches: [] },
  discovery: { firstLookbackDays: 2 },
  harvest: { concurrency: 1 },
};

export interface TestPipeline {
  readonly context: PipelineContext;
  readonly replica: Replica;
  readonly store: TestStore['store'];
  readonly testStore: TestStore;
  /** A context over the same store and replica with other settings. */
  withSettings(settings: Settings): PipelineContext;
  close(): Promise<void>;
}

/**
 * The production wiring over dynalite and the YouTube replica, with a
 * fixed clock and retries that do not wait: what the CLI runs, offline.
 */
export async function startTestPipeline(
  options: {
    now?: () => Date;
    settings?: Parameters<typeof testSettings>[0];
    replica?: ReplicaOptions;
  } = {},
): Promise<TestPipeline> {
  const now = options.now ?? (() => new Date('2026-12-03T20:00:00Z'));
  const replica = await startReplica({
    seed: 'test-world',
    now,
    apiKeys: [TEST_KEY],
    ...options.replica,
  });
  const testStore = await startTestStore({ clock: now });
  const build = (settings: Settings) =>
    createPipelineContext({
      settings,
      tables: testStore.tables,
      dynamoEndpoint: testStore.endpoint,
      youtubeApiKey: TEST_KEY,
      log: silentLog,
      clock: now,
      sleep: async () => {},
    });
  const settings = testSettings({
    ...options.settings,
    youtube: { baseUrl: replica.baseUrl, ...options.settings?.youtube },
  });
  return {
    context: build(settings),
    replica,
    store: testStore.store,
    testStore,
    withSettings: (s) => build({ ...s, youtube: settings.youtube }),
    async close() {
      await testStore.close();
      await replica.close();
    },
  };
}

/** Items in the data tables: what a repeated or resumed run must not change. */
export async function dataCounts(p: TestPipeline) {
  const { client, tables } = p.testStore;
  return {
    videos: await countItems(client, tables.videos),
    comments: await countItems(client, tables.comments),
    mentions: await countItems(client, tables.mentions),
    domains: await countItems(client, tables.domains),
  };
}
