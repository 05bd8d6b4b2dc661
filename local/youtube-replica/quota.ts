import { pacificDay } from '../../lambda/core/pacific-time';
import type { YouTubeMethod } from '../../lambda/core/youtube/api';

/** How the replica counts quota; mirrors the `quota` settings. */
export interface ReplicaQuotaOptions {
  /**
   * `unified`: search.list costs `searchCostUnits` from the daily units.
   * `split` (2026): search.list calls have their own daily bucket.
   * @default 'split'
   */
  readonly model?: 'split' | 'unified';
  /** @default 10000 */
  readonly dailyUnits?: number;
  /** @default 100 */
  readonly searchCallsPerDay?: number;
  /** @default 100 */
  readonly searchCostUnits?: number;
}

/**
 * Quota per API key per Pacific day, with YouTube's costs: every list
 * call 1 unit, search.list 100 units or one call of its own bucket.
 */
export class QuotaBook {
  private readonly used = new Map<string, number>();
  private readonly model: 'split' | 'unified';
  private readonly dailyUnits: number;
  private readonly searchCalls: number;
  private readonly searchCost: number;

  constructor(
    options: ReplicaQuotaOptions,
    private readonly now: () => Date,
  ) {
    this.model = options.model ?? 'split';
    this.dailyUnits = options.dailyUnits ?? 10_000;
    this.searchCalls = options.searchCallsPerDay ?? 100;
    this.searchCost = options.searchCostUnits ?? 100;
  }

  /** Charges one call; false (and nothing charged) when over the limit. */
  charge(key: string, method: YouTubeMethod): boolean {
    const split = this.model === 'split' && method === 'search.list';
    const bucket = split ? 'search' : 'units';
    const cost = method === 'search.list' && !split ? this.searchCost : 1;
    const limit = split ? this.searchCalls : this.dailyUnits;
    const slot = this.slot(key, bucket);
    const total = (this.used.get(slot) ?? 0) + cost;
    if (total > limit) return false;
    this.used.set(slot, total);
    return true;
  }

  /** Used today in `bucket` (`units` or `search`, the split model's calls). */
  usedToday(key: string, bucket: 'units' | 'search' = 'units'): number {
    return this.used.get(this.slot(key, bucket)) ?? 0;
  }

  private slot(key: string, bucket: string) {
    return `${pacificDay(this.now())}|${bucket}|${key}`;
  }
}
