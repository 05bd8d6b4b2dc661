import {
  decodePageKey,
  encodePageKey,
  utcDay,
  utcDaysOverlapping,
} from '../../lambda/store/dynamo-util';

describe('dynamo-util', () => {
  it('lists the UTC days a half-open range touches', () => {
    const days = utcDaysOverlapping(
      Date.parse('2024-02-28T23:00:00Z'),
      Date.parse('2024-03-01T00:00:00Z'),
    );

    expect(days).toEqual(['2024-02-28', '2024-02-29']);
    expect(utcDaysOverlapping(5, 5)).toEqual([]);
  });

  it('takes the UTC day of a time with an offset', () => {
    expect(utcDay('at', '2024-03-10T23:30:00-02:00')).toBe('2024-03-11');
  });

  it('round-trips a page key', () => {
    const key = { videoId: 'v', commentId: 'c#1' };

    expect(decodePageKey(encodePageKey(key))).toEqual(key);
    expect(encodePageKey(undefined)).toBeUndefined();
  });
});
