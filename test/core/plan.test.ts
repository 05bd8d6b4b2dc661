import { planCycle } from '../../lambda/core/plan';
import { startTestStore } from '../helpers/dynalite';
import { testSettings } from '../helpers/settings';

// 12:00 Pacific (PST, UTC-8) on 2026-12-03: 720 minutes, 72 runs left.
const NOON = new Date('2026-12-03T20:00:00Z');
const clock = () => NOON;

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
