import { depsFor, type PipelineContext } from '../core/context';
import type { Log } from '../core/deps';
import type { Settings } from '../core/settings';
import type { PipelineStore } from '../core/store-port';
import {
  type AlertSink,
  ConfigurationError,
  type MetricsSink,
  type PipelineRuntime,
} from '../inngest/runtime';
import { createDocumentClient, createDynamoStore } from '../store/dynamo-store';
import type { TableNames } from '../store/tables';
import { createPipelineContext } from '../wiring';

export interface PipelineRuntimeOptions {
  /** The settings, or the error that says why they cannot be read. */
  readonly settings: { value: Settings } | { error: Error };
  readonly tables: TableNames;
  /** A local DynamoDB endpoint (dynalite); AWS's when absent. */
  readonly dynamoEndpoint?: string;
  /** Resolves the YouTube API key; undefined when none is configured. */
  readonly youtubeApiKey: () => Promise<string | undefined>;
  /** Fix shown when the YouTube key is missing. */
  readonly youtubeKeyFix: string;
  /** Logs of the long-lived parts (the store, the YouTube client). */
  readonly log: Log;
  readonly metrics: MetricsSink;
  readonly alerts: AlertSink;
  readonly clock?: () => Date;
  /** Waits between YouTube retries; tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The runtime behind the served functions. Built before anything is known
 * to work: the settings and the YouTube key are checked only when a
 * function needs them, so a misconfigured pipeline still serves (and syncs)
 * its functions and each run names what is missing. The long-lived parts
 * are built once and reused for every request of the process.
 */
export function createPipelineRuntime(
  options: PipelineRuntimeOptions,
): PipelineRuntime {
  let context: Promise<PipelineContext> | undefined;
  let store: PipelineStore | undefined;
  const settings =
    'value' in options.settings ? options.settings.value : undefined;

  async function buildContext(): Promise<PipelineContext> {
    if ('error' in options.settings) throw options.settings.error;
    const youtubeApiKey = await options.youtubeApiKey();
    if (!youtubeApiKey) {
      throw new ConfigurationError('YOUTUBE_API_KEY', options.youtubeKeyFix);
    }
    return createPipelineContext({
      settings: options.settings.value,
      tables: options.tables,
      dynamoEndpoint: options.dynamoEndpoint,
      youtubeApiKey,
      log: options.log,
      clock: options.clock,
      sleep: options.sleep,
    });
  }

  return {
    settings,
    metrics: options.metrics,
    alerts: options.alerts,
    async task(purpose, log) {
      if (!context) {
        context = buildContext();
        // A failed build is retried by the next request, not cached.
        context.catch(() => {
          context = undefined;
        });
      }
      return depsFor(await context, purpose, { log });
    },
    store() {
      store ??= createDynamoStore({
        client: createDocumentClient(
          options.dynamoEndpoint ? { endpoint: options.dynamoEndpoint } : {},
        ),
        tables: options.tables,
        clock: options.clock,
      });
      return store;
    },
  };
}

/**
 * A runtime over a context already built, e.g. the CLI's environment for
 * the local dev server: its settings are known to be valid.
 */
export function runtimeFromContext(
  context: PipelineContext,
  sinks: { readonly metrics: MetricsSink; readonly alerts: AlertSink },
): PipelineRuntime {
  return {
    settings: context.settings,
    metrics: sinks.metrics,
    alerts: sinks.alerts,
    task: async (purpose, log) => depsFor(context, purpose, { log }),
    store: () => context.store,
  };
}
