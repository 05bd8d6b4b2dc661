import {
  createQuotaLedger,
  cyclesLeftToday,
  dayLimits,
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
