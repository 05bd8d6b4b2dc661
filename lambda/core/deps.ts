import type { Settings } from './settings';
import type { PipelineStore } from './store-port';
import type { YouTubeApi } from './youtube/api';

/** Structured logger: message first, then context. */
export interface Log {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/**
 * What every stage of the pipeline is given. The core never builds these
 * itself: the CLI, the Inngest functions and the tests wire real or local
 * implementations in.
 */
export interface PipelineDeps {
  readonly settings: Settings;
  readonly store: PipelineStore;
  readonly youtube: YouTubeApi;
  readonly clock: () => Date;
  readonly log: Log;
}

/** A logger that drops everything, for tests and quiet runs. */
export const silentLog: Log = {
  info() {},
  warn() {},
  error() {},
};
