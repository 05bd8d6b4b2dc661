import { mapLimit } from '../../../lambda/core/util/map-limit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapLimit', () => {
  it('runs no more tasks at once than the limit, keeping order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });

  it('rejects with the first error once the running tasks settle', async () => {
    const settled: number[] = [];
    const run = mapLimit([1, 2, 3, 4], 2, async (n) => {
      await tick();
      if (n === 1) throw new Error('first failed');
      settled.push(n);
    });
    await expect(run).rejects.toThrow('first failed');
    // Task 2 was already running and finished; 3 and 4 never started.
    expect(settled).toEqual([2]);
  });
});
