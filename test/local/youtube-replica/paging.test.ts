import { paginate } from '../../../local/youtube-replica/paging';

interface Item {
  readonly id: string;
  readonly at: number;
}
const position = (i: Item) => i;
const items = (times: number[]): Item[] =>
  times.map((at, n) => ({ id: `v${n}`, at }));

describe('paginate', () => {
  it('neither repeats nor skips items that arrive between pages', () => {
    const before = items([90, 80, 70, 60, 50]);
    const first = paginate(before, position, 2);
    const grown = [{ id: 'new', at: 99 }, ...before];
    const second = paginate(grown, position, 2, first?.nextPageToken);
    expect(first?.items.map((i) => i.id)).toEqual(['v0', 'v1']);
    expect(second?.items.map((i) => i.id)).toEqual(['v2', 'v3']);
  });

  it('leaves nextPageToken out on the last page', () => {
    const page = paginate(items([3, 2, 1]), position, 5);
    expect(page).toEqual({ items: items([3, 2, 1]) });
  });

  it('goes back a page with prevPageToken', () => {
    const list = items([9, 8, 7, 6, 5]);
    const first = paginate(list, position, 2);
    const second = paginate(list, position, 2, first?.nextPageToken);
    const back = paginate(list, position, 2, second?.prevPageToken);
    expect(back?.items).toEqual(first?.items);
  });

  it('refuses a token it did not issue', () => {
    expect(paginate(items([1]), position, 5, 'not-a-token')).toBeUndefined();
  });
});
