/**
 * A real PipelineRuntime for function tests: the core over dynalite and
 * the local YouTube replica, with metrics and alerts recorded in memory.
 */
import './inngest-als';
import type { Logger } from 'inngest';
import { type Log, silentLog } from '../../lambda/core/deps';
import type { FailureRecord } from '../../lambda/core/model';
import type { Settings } from '../../lambda/core/settings';
import { createPipelineClient } from '../../lambda/inngest/client';
import type {
  MetricValues,
  PipelineRuntime,
} from '../../lambda/inngest/runtime';
import { createPipelineRuntime } from '../../lambda/runtime/pipeline-runtime';
import { type Replica, startReplica } from '../../local/youtube-replica';
import { startTestStore, type TestStore } from './dynalite';
import { testSettings } from './settings';

/** A fixed instant: the replica's world and the pipeline share it. */
export const TEST_NOW = new Date('2026-03-10T18:00:00.000Z');

export interface PipelineWorld {
  readonly runtime: PipelineRuntime;
  readonly settings: Settings;
  readonly testStore: TestStore;
  readonly replica: Replica;
  /** Every `emit`, in order. */
  readonly metrics: MetricValues[];
  /** Every failure published. */
  readonly alerts: FailureRecord[];
  /** The sum of one metric over every emit. */
  total(metric: keyof MetricValues): number;
  close(): Promise<void>;
}

export interface PipelineWorldOptions {
  readonly settings?: Parameters<typeof testSettings>[0];
  readonly now?: Date;
  readonly log?: Log;
}

/** Small settings: two channels, one search, few pages, no real waits. */
export function smallSettings(
  overrides: PipelineWorldOptions['settings'] = {},
  baseUrl = 'http://127.0.0.1:9/youtube/v3',
): Settings {
  return testSettings({
    ...overrides,
    youtube: { baseUrl, retries: 1, ...overrides.youtube },
    discovery: {
      maxPagesPerSource: 1,
      firstLookbackDays: 1,
      ...overrides.discovery,
    },
    harvest: { maxPagesPerVideo: 2, ...overrides.harvest },
  });
}

export async function startPipelineWorld(
  options: PipelineWorldOptions = {},
): Promise<PipelineWorld> {
  const now = options.now ?? TEST_NOW;
  const clock = () => new Date(now);
  const replica = await startReplica({ seed: 'inngest-tests', now: clock });
  const testStore = await startTestStore({ clock });
  const settings = smallSettings(options.settings, replica.baseUrl);
  const metrics: MetricValues[] = [];
  const alerts: FailureRecord[] = [];
  const runtime = createPipelineRuntime({
    settings: { value: settings },
    tables: testStore.tables,
    dynamoEndpoint: testStore.endpoint,
    youtubeApiKey: async () => 'test-key',
    youtubeKeyFix: 'set YOUTUBE_API_KEY',
    log: options.log ?? silentLog,
    metrics: { emit: (values) => metrics.push(values) },
    alerts: {
      publish: async (failure) => {
        alerts.push(failure);
        return true;
      },
    },
    clock,
    sleep: async () => {},
  });
  return {
    runtime,
    settings,
    testStore,
    replica,
    metrics,
    alerts,
    total: (metric) =>
      metrics.reduce((sum, values) => sum + (values[metric] ?? 0), 0),
    async close() {
      await testStore.close();
      await replica.close();
    },
  };
}

/** An Inngest logger that keeps quiet, recording what it was told. */
export function quietLogger(lines: unknown[][] = []): Logger {
  const record = (...args: unknown[]) => {
    lines.push(args);
  };
  return { info: record, warn: record, error: record, debug: record };
}

/** The app's client as the function tests use it: cloud mode, quiet. */
export function testClient(lines?: unknown[][]) {
  return createPipelineClient({ logger: quietLogger(lines) });
}

/** The first upload of a test channel whose comments match `want`. */
export function findVideo(
  world: PipelineWorld,
  want: (threads: number | 'disabled' | 'notFound') => boolean,
): string {
  for (const channel of [
    'UUaaaaaaaaaaaaaaaaaaaaaa',
    'UUbbbbbbbbbbbbbbbbbbbbbb',
  ]) {
    for (const video of world.replica.world.uploads(channel) ?? []) {
      const comments = world.replica.world.comments(video.videoId);
      const shape =
        comments.kind === 'open' ? comments.threads.length : comments.kind;
      if (want(shape)) return video.videoId;
    }
  }
  throw new Error('findVideo: no video in the test world fits');
}
