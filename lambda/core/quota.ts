import { nextPacificMidnight, pacificDay } from './pacific-time';
import type { Settings } from './settings';
import type { PipelineStore } from './store-port';
import type { YouTubeMethod } from './youtube/api';

/**
 * The quota ledger: every YouTube call is charged to a per-Pacific-day
 * bucket in the store before it is made, with a conditional write, so
 * concurrent workers cannot overspend.
 *
 * Two cost models are supported. In 2026 YouTube moved search.list to its
 * own bucket of calls a day while the other calls share the unit pool
 * ("split"); before that a search cost 100 units of the one pool
 * ("unified"). Either way the `search` bucket counts search calls so they
 * can be paced over the day.
 *
 * Limits protect what matters most: the reserve is for operators only, and
 * harvesting stops short of the units that the rest of the day's discovery
 * runs need, so a 10-minute cadence can never starve discovery.
 */

export type QuotaPurpose = 'discovery' | 'harvest' | 'operator';

/** Units or search calls this cycle may not pass (for the local cycle). */
export interface CycleCaps {
  units: number;
  searches: number;
}

export const UNITS = 'units';
export const SEARCHES = 'search';

/** Our own budget is spent: stop calling YouTube until `resetsAt`. */
export class QuotaBudgetExhaustedError extends Error {
  override readonly name = 'QuotaBudgetExhaustedError';
  readonly action = 'wait-for-quota';
  constructor(
    readonly bucket: string,
    readonly scope: 'day' | 'cycle',
    readonly resetsAt: Date,
  ) {
    super(
      scope === 'day'
        ? `the day's ${bucket} budget is spent; it resets at ${resetsAt.toISOString()}`
        : `this cycle's ${bucket} budget is spent; the next cycle continues`,
    );
  }
}

/**
 * True for both ways the day's quota runs out: our ledger refusing a
 * charge, and YouTube answering quotaExceeded (another client of the same
 * Google project may have spent it). Either way the work waits for reset.
 */
export function isQuotaStop(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { action?: unknown }).action === 'wait-for-quota'
  );
}

export interface LedgerDeps {
  readonly settings: Settings;
  readonly store: PipelineStore;
  readonly clock: () => Date;
}

export interface QuotaLedger {
  /** Charges one call; throws QuotaBudgetExhaustedError when refused. */
  charge(method: YouTubeMethod): Promise<void>;
  /** What this ledger has charged, by bucket. */
  readonly spent: { units: number; searches: number };
}

export function createQuotaLedger(
  deps: LedgerDeps,
  purpose: QuotaPurpose,
  caps?: CycleCaps,
): QuotaLedger {
  const spent = { units: 0, searches: 0 };
  return {
    spent,
    async charge(method) {
      const now = deps.clock();
      const cost = costOf(deps.settings, method);
      if (caps && spent.units + cost.units > caps.units) {
        throw new QuotaBudgetExhaustedError(UNITS, 'cycle', now);
      }
      if (caps && spent.searches + cost.searches > caps.searches) {
        throw new QuotaBudgetExhaustedError(SEARCHES, 'cycle', now);
      }
      const limits = dayLimits(deps.settings, purpose, now);
      const day = pacificDay(now);
      for (const [bucket, amount, limit] of [
        [SEARCHES, cost.searches, limits.searches],
        [UNITS, cost.units, limits.units],
      ] as const) {
        if (amount === 0) continue;
        const total = await deps.store.chargeQuota({
          day,
          bucket,
          amount,
          limit,
        });
        if (total === undefined) {
          throw new QuotaBudgetExhaustedError(
            bucket,
            'day',
            nextPacificMidnight(now),
          );
        }
      }
      spent.units += cost.units;
      spent.searches += cost.searches;
    },
  };
}

/** What one call costs, in units of the shared pool and in search calls. */
export function costOf(
  settings: Settings,
  method: YouTubeMethod,
): { units: number; searches: number } {
  if (method !== 'search.list') return { units: 1, searches: 0 };
  const units =
    settings.quota.model === 'unified' ? settings.quota.searchCostUnits : 0;
  return { units, searches: 1 };
}

/** Search calls allowed in a whole day under the configured model. */
export function searchCapPerDay(settings: Settings): number {
  const q = settings.quota;
  if (q.model === 'split') return q.searchCallsPerDay;
  const share = Math.floor(
    ((q.dailyUnits - q.reserveUnits) * q.searchShare) / q.searchCostUnits,
  );
  return Math.min(q.searchCallsPerDay, share);
}

/** Discovery runs still to come today, this one included. */
export function cyclesLeftToday(settings: Settings, now: Date): number {
  const minutesLeft =
    (nextPacificMidnight(now).getTime() - now.getTime()) / 60_000;
  return Math.max(1, Math.ceil(minutesLeft / settings.schedule.cadenceMinutes));
}

/**
 * Units kept for the rest of the day's discovery: the first playlist page
 * of every channel in every run still to come.
 */
export function discoveryHeadroom(settings: Settings, now: Date): number {
  return cyclesLeftToday(settings, now) * settings.sources.channels.length;
}

/** The most each bucket may reach today for a purpose. */
export function dayLimits(
  settings: Settings,
  purpose: QuotaPurpose,
  now: Date,
): { units: number; searches: number } {
  const q = settings.quota;
  const searches = searchCapPerDay(settings);
  if (purpose === 'operator') return { units: q.dailyUnits, searches };
  const pipeline = q.dailyUnits - q.reserveUnits;
  if (purpose === 'discovery') return { units: pipeline, searches };
  const harvest = Math.max(0, pipeline - discoveryHeadroom(settings, now));
  return { units: harvest, searches: 0 };
}
