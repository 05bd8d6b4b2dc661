import type { Log, PipelineDeps } from '../core/deps';
import type { FailureRecord } from '../core/model';
import type { QuotaLedger, QuotaPurpose } from '../core/quota';
import type { Settings } from '../core/settings';
import type { PipelineStore } from '../core/store-port';
import type { METRICS } from '../metric-names';

/** Counts to add to the pipeline's metrics, by key of `METRICS`. */
export type MetricValues = Partial<Record<keyof typeof METRICS, number>>;

/** Where counts go: CloudWatch EMF in Lambda, memory in tests. */
export interface MetricsSink {
  emit(values: MetricValues): void;
}

/** Where failures are announced beyond the store and the logs. */
export interface AlertSink {
  /** Publishes the failure; false when no destination is configured. */
  publish(failure: FailureRecord): Promise<boolean>;
}

/** What one function request works with. */
export interface PipelineTask {
  readonly deps: PipelineDeps;
  /** Counts what this task's YouTube calls cost. */
  readonly ledger: Pick<QuotaLedger, 'spent'>;
}

/**
 * What the Inngest functions need from their host. The Lambda entry, the dev
 * server and the tests each build one; the functions never read the
 * environment themselves.
 */
export interface PipelineRuntime {
  /**
   * The settings when they could be read, for function configuration (the
   * cron, the harvest concurrency). Undefined when they are missing or
   * invalid: the functions are still served, with default configuration,
   * and fail when run, naming what is wrong.
   */
  readonly settings: Settings | undefined;
  /**
   * Dependencies for one task, logging through `log`, whose YouTube calls
   * are charged to the quota of `purpose`. Throws `ConfigurationError` (or
   * the core's `SettingsError`) naming what is missing when they cannot be
   * built.
   */
  task(purpose: QuotaPurpose, log: Log): Promise<PipelineTask>;
  /**
   * The store alone, which needs no settings or YouTube key, so failures
   * are recorded even when the pipeline is misconfigured.
   */
  store(): PipelineStore;
  readonly metrics: MetricsSink;
  readonly alerts: AlertSink;
}

/**
 * A setting, secret or variable the pipeline needs is missing or unusable.
 * Nothing a retry can fix: the functions end the run and say which one.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    /** The variable or setting, e.g. `YOUTUBE_API_KEY`. */
    readonly setting: string,
    /** What is wrong and how to fix it. */
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
  }
}

/** Metrics that go nowhere, for runtimes that do not report. */
export const noMetrics: MetricsSink = { emit() {} };

/** Alerts that go nowhere: the failure is still stored and logged. */
export const noAlerts: AlertSink = {
  publish: async () => false,
};
