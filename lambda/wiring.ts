import type { PipelineContext } from './core/context';
import { depsFor } from './core/context';
import type { Log, PipelineDeps } from './core/deps';
import type { QuotaPurpose } from './core/quota';
import type { Settings } from './core/settings';
import { createYouTubeClient } from './core/youtube/client';
import { createDocumentClient, createDynamoStore } from './store/dynamo-store';
import type { TableNames } from './store/tables';

export interface WiringOptions {
  readonly settings: Settings;
  readonly tables: TableNames;
  /** A local DynamoDB endpoint (dynalite); AWS's endpoint when absent. */
  readonly dynamoEndpoint?: string;
  readonly youtubeApiKey: string;
  readonly log: Log;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** Waits between YouTube retries; tests inject one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The composition root: the one place that picks the real store and the
 * real YouTube client. The CLI, the Lambda handlers and the tests all come
 * through here, so they run the same code.
 */
export function createPipelineContext(options: WiringOptions): PipelineContext {
  const clock = options.clock ?? (() => new Date());
  const client = createDocumentClient(
    options.dynamoEndpoint ? { endpoint: options.dynamoEndpoint } : {},
  );
  const store = createDynamoStore({ client, tables: options.tables, clock });
  const { youtube } = options.settings;
  return {
    settings: options.settings,
    store,
    clock,
    log: options.log,
    youtubeFor: (beforeCall) =>
      createYouTubeClient({
        apiKey: options.youtubeApiKey,
        baseUrl: youtube.baseUrl,
        timeoutMs: youtube.timeoutMs,
        retries: youtube.retries,
        clock,
        beforeCall,
        ...(options.sleep ? { sleep: options.sleep } : {}),
      }),
  };
}

/** Dependencies for one task whose YouTube calls are charged to `purpose`. */
export function createPipelineDeps(
  options: WiringOptions & { readonly purpose?: QuotaPurpose },
): PipelineDeps {
  const context = createPipelineContext(options);
  return depsFor(context, options.purpose ?? 'discovery').deps;
}
