/**
 * YouTube's daily quota resets at midnight America/Los_Angeles, so quota
 * days are Pacific calendar days. Intl does the time-zone work: it knows
 * the DST rules, and no date library is needed.
 */

const ZONE = 'America/Los_Angeles';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(at: Date): WallClock {
  const parts = partsFormat.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Pacific offset from UTC at `at`, in ms (negative: -7 h or -8 h). */
function offsetMs(at: Date): number {
  const w = wallClock(at);
  const asUtc = Date.UTC(
    w.year,
    w.month - 1,
    w.day,
    w.hour,
    w.minute,
    w.second,
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The Pacific calendar day of `now`, as `YYYY-MM-DD`. */
export function pacificDay(now: Date): string {
  const w = wallClock(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The first instant after `now` at which the Pacific day changes: when the
 * YouTube quota resets. US DST switches at 02:00, so midnight always exists
 * exactly once; the offset is read at the answer itself, then rechecked.
 */
export function nextPacificMidnight(now: Date): Date {
  const w = wallClock(now);
  const midnightAsUtc = Date.UTC(w.year, w.month - 1, w.day + 1);
  let guess = midnightAsUtc - offsetMs(now);
  for (let i = 0; i < 2; i++) {
    const corrected = midnightAsUtc - offsetMs(new Date(guess));
    if (corrected === guess) break;
    guess = corrected;
  }
  return new Date(guess);
}
