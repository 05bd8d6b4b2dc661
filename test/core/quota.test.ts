import {
  createQuotaLedger,
  cyclesLeftToday,
  dayLimits,
  planCycle,
  QuotaBudgetExhaustedError,
  searchCapPerDay,
} from '../../lambda/core/quota';
import { startTestStore } from '../helpers/dynalite';
import { testSettings } from '../helpers/settings';

// 12:00 Pacific (PST, UTC-8) on 2026-12-03: 720 minutes, 72 runs left.
const NOON = new Date('2026-12-03T20:00:00Z');
const clock = () => NOON;

describe('quota', () => {
  it('counts the runs left in the Pacific day', () => {
    const settings = testSettings();
    expect(cyclesLeftToday(settings, NOON)).toBe(72);
    expect(cyclesLeftToday(settings, new Date('2026-12-04T07:59:00Z'))).toBe(1);
  });

  it('caps searches by bucket (split) or by unit share (unified)', () => {
    expect(searchCapPerDay(testSettings())).toBe(100);
    // (10000 - 500) * 0.25 / 100 = 23 searches.
    expect(searchCapPerDay(testSettings({ quota: { model: 'unified' } }))).toBe(
      23,
    );
  });

  it('keeps the reserve from the pipeline and discovery headroom from harvest', () => {
    const settings = testSettings();
    expect(dayLimits(settings, 'operator', NOON).units).toBe(10_000);
    expect(dayLimits(settings, 'discovery', NOON).units).toBe(9_500);
    // 72 runs left x 2 channels.
    expect(dayLimits(settings, 'harvest', NOON).units).toBe(9_500 - 144);
    expect(dayLimits(settings, 'harvest', NOON).searches).toBe(0);
  });

  it('charges every call to the day ledger and refuses past the limit', async () => {
    const { store, close } = await startTestStore();
    const settings = testSettings({ quota: { dailyUnits: 600 } });
    const ledger = createQuotaLedger({ settings, store, clock }, 'discovery');
    for (let i = 0; i < 100; i++) await ledger.charge('playlistItems.list');
    await expect(ledger.charge('playlistItems.list')).rejects.toBeInstanceOf(
      QuotaBudgetExhaustedError,
    );
    expect(await store.getQuotaUsage('2026-12-03')).toEqual({ units: 100 });
    expect(ledger.spent).toEqual({ units: 100, searches: 0 });
    await close();
  });

  it('charges searches to their own bucket in the split model', async () => {
    const { store, close } = await startTestStore();
    const split = createQuotaLedger(
      { settings: testSettings(), store, clock },
      'discovery',
    );
    await split.charge('search.list');
    expect(await store.getQuotaUsage('2026-12-03')).toEqual({ search: 1 });
    const unified = createQuotaLedger(
      { settings: testSettings({ quota: { model: 'unified' } }), store, clock },
      'discovery',
    );
    await unified.charge('search.list');
    expect(await store.getQuotaUsage('2026-12-03')).toEqual({
      search: 2,
      units: 100,
    });
    await close();
  });

  it('stops at a cycle cap without touching the day ledger', async () => {
    const { store, close } = await startTestStore();
    const ledger = createQuotaLedger(
      { settings: testSettings(), store, clock },
      'harvest',
      { units: 2, searches: 0 },
    );
    await ledger.charge('commentThreads.list');
    await ledger.charge('commentThreads.list');
    const refused = ledger.charge('commentThreads.list');
    await expect(refused).rejects.toMatchObject({ scope: 'cycle' });
    expect(await store.getQuotaUsage('2026-12-03')).toEqual({ units: 2 });
    await close();
  });

  it('gives the reset time at the next Pacific midnight', async () => {
    const { store, close } = await startTestStore();
    const settings = testSettings({
      quota: { dailyUnits: 501, reserveUnits: 500 },
    });
    const ledger = createQuotaLedger({ settings, store, clock }, 'discovery');
    await ledger.charge('videos.list');
    const error = await ledger.charge('videos.list').catch((e) => e);
    expect(error).toBeInstanceOf(QuotaBudgetExhaustedError);
    expect(error.resetsAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    await close();
  });
});

describe('planCycle', () => {
  it('paces searches so the day never exceeds its cap', async () => {
    const { store, close } = await startTestStore();
    const settings = testSettings({
      sources: { searches: ['a query', 'b query', 'c query'] },
    });
    const deps = { settings, store, clock };
    // By noon half the day's 100 searches may be used; 49 already are.
    await store.chargeQuota({
      day: '2026-12-03',
      bucket: 'search',
      amount: 49,
      limit: 100,
    });
    const plan = await planCycle(deps);
    expect(plan.searchesForCycle).toBe(1);
    expect(plan.sources.filter((s) => s.kind === 'search')).toHaveLength(1);
    expect(plan.skippedSources).toHaveLength(2);
    expect(plan.sources.filter((s) => s.kind === 'channel')).toHaveLength(2);
    await close();
  });

  it('never plans past what is left, and plans nothing when spent', async () => {
    const { store, close } = await startTestStore();
    const settings = testSettings();
    await store.chargeQuota({
      day: '2026-12-03',
      bucket: 'units',
      amount: 9_500,
      limit: 10_000,
    });
    const plan = await planCycle({ settings, store, clock });
    expect(plan.unitsLeft).toBe(0);
    expect(plan.unitsForCycle).toBe(0);
    expect(plan.harvestUnitsForCycle).toBe(0);
    await close();
  });

  it('shares the harvest units over the runs left today', async () => {
    const { store, close } = await startTestStore();
    const plan = await planCycle({ settings: testSettings(), store, clock });
    expect(plan.harvestUnitsForCycle).toBe(Math.floor((9_500 - 144) / 72));
    expect(plan.cyclesLeftToday).toBe(72);
    await close();
  });

  it('keeps a 10-minute cadence inside the daily quota all day', async () => {
    const { store, close } = await startTestStore();
    const settings = testSettings({
      sources: { searches: ['a query', 'b query'] },
    });
    // Every run spends its whole plan, from midnight to midnight.
    const start = Date.parse('2026-12-03T08:00:00Z');
    for (let run = 0; run < 144; run++) {
      const now = new Date(start + run * 600_000);
      const plan = await planCycle({ settings, store, clock: () => now });
      const day = '2026-12-03';
      for (const [bucket, amount, limit] of [
        ['units', plan.unitsForCycle, 9_500],
        ['search', plan.searchesForCycle, 100],
      ] as const) {
        if (amount === 0) continue;
        const total = await store.chargeQuota({ day, bucket, amount, limit });
        expect(total).toBeDefined();
      }
    }
    const used = await store.getQuotaUsage('2026-12-03');
    expect(used.units).toBeLessThanOrEqual(9_500);
    expect(used.search).toBeLessThanOrEqual(100);
    expect(used.search).toBeGreaterThanOrEqual(95);
    await close();
  });
});
