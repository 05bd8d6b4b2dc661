import { runCycle } from '../../lambda/core/cycle';
import { startTestPipeline, type TestPipeline } from '../helpers/pipeline';

let now = new Date('2026-12-03T20:00:00Z');
const clock = () => now;

const SETTINGS = {
  sources: { channels: ['UCaaaaaaaaaaaaaaaaaaaaaa'], searches: [] },
  discovery: { firstLookbackDays: 3 },
  harvest: { concurrency: 1 },
};

describe('runCycle when the quota runs out', () => {
  let p: TestPipeline;
  afterEach(() => p.close());

  it('stops cleanly when YouTube says quotaExceeded, and the next day continues', async () => {
    // The Google project's 12 units are spent partway through harvesting.
    p = await startTestPipeline({
      now: clock,
      settings: SETTINGS,
      replica: { quota: { dailyUnits: 12 } },
    });
    const first = await runCycle(p.context, { runId: 'r1' });
    expect(first.stoppedBy).toBe('quota');
    expect(first.videosHarvested).toBeGreaterThan(0);
    const left = await p.store.listVideosToHarvest(100);
    expect(left.length).toBeGreaterThan(0);
    const [run] = await p.store.listRecentRuns(1);
    expect(run?.outcome).toBe('partial');

    // After the Pacific midnight reset, the next cycle picks up the rest.
    now = new Date('2026-12-04T09:00:00Z');
    const next = await runCycle(p.context, { runId: 'r2' });
    expect(next.videosHarvested).toBeGreaterThan(0);
    const stillLeft = await p.store.listVideosToHarvest(100);
    expect(stillLeft.length).toBeLessThan(left.length);
  });

  it('never spends past its own ledger, even when YouTube would allow it', async () => {
    now = new Date('2026-12-03T20:00:00Z');
    p = await startTestPipeline({
      now: clock,
      settings: { ...SETTINGS, quota: { dailyUnits: 530, reserveUnits: 500 } },
    });
    const summary = await runCycle(p.context, { runId: 'r1' });
    expect(summary.stoppedBy).toBe('quota');
    const used = await p.store.getQuotaUsage('2026-12-03');
    expect(used.units).toBeLessThanOrEqual(30);
    expect(p.replica.quotaUsed('test-key')).toBe(used.units);
  });
});
