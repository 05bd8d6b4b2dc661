import {
  nextPacificMidnight,
  pacificDay,
} from '../../lambda/core/pacific-time';

const at = (iso: string) => new Date(iso);

describe('pacificDay', () => {
  it('gives the Pacific date, not the UTC date, in the evening', () => {
    expect(pacificDay(at('2024-07-05T06:59:59Z'))).toBe('2024-07-04');
    expect(pacificDay(at('2024-07-05T07:00:00Z'))).toBe('2024-07-05');
  });

  it('uses the winter offset in January', () => {
    expect(pacificDay(at('2025-01-01T07:59:59Z'))).toBe('2024-12-31');
    expect(pacificDay(at('2025-01-01T08:00:00Z'))).toBe('2025-01-01');
  });
});

describe('nextPacificMidnight', () => {
  it('returns midnight PDT in summer and PST in winter', () => {
    expect(nextPacificMidnight(at('2024-07-04T20:00:00Z')).toISOString()).toBe(
      '2024-07-05T07:00:00.000Z',
    );
    expect(nextPacificMidnight(at('2024-12-31T23:00:00Z')).toISOString()).toBe(
      '2025-01-01T08:00:00.000Z',
    );
  });

  it('handles the day DST starts and the day it ends', () => {
    // 2024-03-10 has 23 hours in Los Angeles, 2024-11-03 has 25.
    expect(nextPacificMidnight(at('2024-03-09T12:00:00Z')).toISOString()).toBe(
      '2024-03-10T08:00:00.000Z',
    );
    expect(nextPacificMidnight(at('2024-03-10T12:00:00Z')).toISOString()).toBe(
      '2024-03-11T07:00:00.000Z',
    );
    expect(nextPacificMidnight(at('2024-11-03T12:00:00Z')).toISOString()).toBe(
      '2024-11-04T08:00:00.000Z',
    );
  });

  it('moves to the following midnight when called exactly at midnight', () => {
    expect(nextPacificMidnight(at('2024-07-05T07:00:00Z')).toISOString()).toBe(
      '2024-07-06T07:00:00.000Z',
    );
  });
});
