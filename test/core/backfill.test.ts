import {
  backfillExtraction,
  backfillHarvest,
  EXTRACT_CHECKPOINT,
} from '../../lambda/core/backfill';
import { depsFor } from '../../lambda/core/context';
import { runCycle } from '../../lambda/core/cycle';
import {
  dataCounts,
  ONE_CHANNEL,
  startTestPipeline,
  type TestPipeline,
} from '../helpers/pipeline';

const NOW = new Date('2026-12-03T20:00:00Z');
describe('backfillExtraction', () => {
  let p: TestPipeline;
  afterEach(() => p.close());

  it('adds what new rules find, once, and resumes after an interruption', async () => {
    p = await startTestPipeline({ now: () => NOW, settings: ONE_CHANNEL });
    await runCycle(p.context, { runId: 'r1' });
    const before = await dataCounts(p);
    // Under the old rules a popular domain was excluded; now it counts.
    const all = await p.store.listNewDomains('2026-01-01', '2027-01-01');
    const dropped = all.slice(0, 3).map((d) => d.domain);
    const oldRules = {
      ...p.context.settings,
      domains: { exclude: dropped, shorteners: [] },
    };
    const fresh = await startTestPipeline({
      now: () => NOW,
      settings: ONE_CHANNEL,
    });
    await runCycle(fresh.withSettings(oldRules), { runId: 'old' });
    const withOldRules = await dataCounts(fresh);
    expect(withOldRules.domains).toBe(before.domains - 3);

    const { deps } = depsFor(fresh.context, 'operator');
    let pages = 0;
    const interrupted = backfillExtraction(deps, {
      pageSize: 50,
      onProgress: () => {
        if (++pages === 2) throw new Error('operator pressed Ctrl-C');
      },
    });
    await expect(interrupted).rejects.toThrow('Ctrl-C');
    expect(await fresh.store.getCheckpoint(EXTRACT_CHECKPOINT)).toBeDefined();

    const resumed = await backfillExtraction(deps, { pageSize: 50 });
    expect(resumed.comments).toBe(withOldRules.comments - 100);
    const rerun = await backfillExtraction(deps, { pageSize: 50 });
    expect(rerun).toMatchObject({ mentions: 0, newDomains: 0 });
    expect(await dataCounts(fresh)).toEqual(before);
    expect(await fresh.store.getCheckpoint(EXTRACT_CHECKPOINT)).toBeUndefined();
    await fresh.close();
  });
});

describe('backfillHarvest', () => {
  let p: TestPipeline;
  afterEach(() => p.close());

  it('re-reads videos since a date in full without counting twice', async () => {
    p = await startTestPipeline({
      now: () => NOW,
      settings: { ...ONE_CHANNEL, harvest: { maxPagesPerVideo: 1 } },
    });
    await runCycle(p.context, { runId: 'r1' });
    const before = await dataCounts(p);
    const settings = {
      ...p.context.settings,
      harvest: { ...p.context.settings.harvest, maxPagesPerVideo: 10 },
    };
    const { deps } = depsFor(p.withSettings(settings), 'operator');
    const since = new Date(NOW.getTime() - 2 * 86_400_000);

    let seen = 0;
    const interrupted = backfillHarvest(deps, {
      since,
      until: NOW,
      onProgress: () => {
        if (++seen === 2) throw new Error('interrupted');
      },
    });
    await expect(interrupted).rejects.toThrow('interrupted');
    const done = await backfillHarvest(deps, { since, until: NOW });
    const after = await dataCounts(p);

    expect(done.videos).toBeGreaterThan(0);
    expect(after.comments).toBeGreaterThan(before.comments);
    const again = await backfillHarvest(deps, { since, until: NOW });
    expect(again.commentsStored).toBe(0);
    expect(await dataCounts(p)).toEqual(after);
  });
});
