import type { Log, PipelineDeps } from './deps';
import {
  type CycleCaps,
  createQuotaLedger,
  type QuotaLedger,
  type QuotaPurpose,
} from './quota';
import type { Settings } from './settings';
import type { PipelineStore } from './store-port';
import type { YouTubeApi, YouTubeMethod } from './youtube/api';

/**
 * Everything long-lived a process holds: built once (per cold start, or
 * per CLI run) by the wiring, then turned into per-task dependencies whose
 * YouTube calls are charged to a quota ledger of the task's purpose.
 */
export interface PipelineContext {
  readonly settings: Settings;
  readonly store: PipelineStore;
  readonly clock: () => Date;
  readonly log: Log;
  /** A YouTube client that calls `beforeCall` before every request. */
  youtubeFor(beforeCall: (method: YouTubeMethod) => Promise<void>): YouTubeApi;
}

export function depsFor(
  context: PipelineContext,
  purpose: QuotaPurpose,
  options: { caps?: CycleCaps; log?: Log } = {},
): { deps: PipelineDeps; ledger: QuotaLedger } {
  const ledger = createQuotaLedger(context, purpose, options.caps);
  const deps: PipelineDeps = {
    settings: context.settings,
    store: context.store,
    clock: context.clock,
    log: options.log ?? context.log,
    youtube: context.youtubeFor((method) => ledger.charge(method)),
  };
  return { deps, ledger };
}
