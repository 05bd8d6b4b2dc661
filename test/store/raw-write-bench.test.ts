import { measureRawPutRate } from '../../lambda/store/raw-write-bench';
import { countItems } from '../helpers/count-items';
import { withLocalStore } from '../helpers/dynalite';

describe('measureRawPutRate', () => {
  const local = withLocalStore();

  it('puts the asked number of items and reports a positive rate', async () => {
    const { client, tables } = local();

    const rate = await measureRawPutRate(client, tables.comments, 40);

    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
    expect(await countItems(client, tables.comments)).toBe(40);
  });

  it('rejects a count that is not a whole positive number', async () => {
    const { client, tables } = local();

    await expect(measureRawPutRate(client, tables.comments, 0)).rejects.toThrow(
      /count must be a whole number >= 1, got 0/,
    );
  });
});
