import { type Source, sourceId } from './model';
import { pacificDay } from './pacific-time';
import {
  costOf,
  cyclesLeftToday,
  dayLimits,
  type LedgerDeps,
  SEARCHES,
  searchCapPerDay,
  UNITS,
} from './quota';
import type { Settings } from './settings';

/** What one discovery run may do, decided before it calls YouTube. */
export interface CyclePlan {
  /** Pacific day the plan is for. */
  readonly day: string;
  /** Units left today for discovery and harvesting (reserve excluded). */
  readonly unitsLeft: number;
  /** Search calls left today. */
  readonly searchesLeft: number;
  /** Units this run may spend: discovery plus its harvest share. */
  readonly unitsForCycle: number;
  /** Of which for harvesting comments. */
  readonly harvestUnitsForCycle: number;
  /** Search calls this run may make, paced over the day. */
  readonly searchesForCycle: number;
  /** Sources to read this run: every channel, the searches due. */
  readonly sources: Source[];
  /** Searches left for a later run, by source id. */
  readonly skippedSources: string[];
  readonly cyclesLeftToday: number;
}

/**
 * Plans one run within what is left of the day. Channel uploads cost 1 unit
 * per page of 50 videos, so every channel is read every run. Searches are
 * paced: by any time of day, at most the matching share of the day's cap
 * has been used, so the cap is never hit early. Harvesting gets an even
 * share of the units left, net of the headroom kept for discovery.
 */
export async function planCycle(deps: LedgerDeps): Promise<CyclePlan> {
  const { settings } = deps;
  const now = deps.clock();
  const day = pacificDay(now);
  const usage = await deps.store.getQuotaUsage(day);
  const usedUnits = usage[UNITS] ?? 0;
  const usedSearches = usage[SEARCHES] ?? 0;
  const cycles = cyclesLeftToday(settings, now);
  const discoveryLimit = dayLimits(settings, 'discovery', now);
  const unitsLeft = Math.max(0, discoveryLimit.units - usedUnits);
  const searchesLeft = Math.max(0, discoveryLimit.searches - usedSearches);

  const searchesForCycle = Math.min(
    searchesLeft,
    pacedSearches(settings, cycles) - usedSearches,
    settings.sources.searches.length,
  );
  const searches = await searchesDue(deps, Math.max(0, searchesForCycle));
  const channels: Source[] = settings.sources.channels.map((channelId) => ({
    kind: 'channel',
    channelId,
  }));

  const discoveryUnits =
    channels.length * settings.discovery.maxPagesPerSource +
    searches.due.length * costOf(settings, 'search.list').units;
  const harvestLeft = Math.max(
    0,
    dayLimits(settings, 'harvest', now).units - usedUnits,
  );
  const harvestUnitsForCycle = Math.min(
    harvestLeft,
    Math.max(
      Math.floor(harvestLeft / cycles),
      settings.harvest.maxPagesPerVideo,
    ),
  );
  return {
    day,
    unitsLeft,
    searchesLeft,
    unitsForCycle: Math.min(unitsLeft, discoveryUnits + harvestUnitsForCycle),
    harvestUnitsForCycle,
    searchesForCycle: searches.due.length,
    sources: [...channels, ...searches.due],
    skippedSources: searches.skipped,
    cyclesLeftToday: cycles,
  };
}

/** Searches the day's pace allows by the end of this run. */
function pacedSearches(settings: Settings, cycles: number): number {
  const cap = searchCapPerDay(settings);
  const perDay = Math.ceil(1440 / settings.schedule.cadenceMinutes);
  const runsSoFar = Math.max(1, perDay - cycles + 1);
  return Math.floor((cap * Math.min(perDay, runsSoFar)) / perDay);
}

/** The `count` searches read longest ago (never read first). */
async function searchesDue(
  deps: LedgerDeps,
  count: number,
): Promise<{ due: Source[]; skipped: string[] }> {
  const searches: Source[] = deps.settings.sources.searches.map((query) => ({
    kind: 'search',
    query,
  }));
  const withAge = await Promise.all(
    searches.map(async (source) => {
      const cursor = await deps.store.getCursor(sourceId(source));
      return { source, readAt: cursor?.updatedAt ?? '' };
    }),
  );
  withAge.sort((a, b) => a.readAt.localeCompare(b.readAt));
  return {
    due: withAge.slice(0, count).map((s) => s.source),
    skipped: withAge.slice(count).map((s) => sourceId(s.source)),
  };
}
