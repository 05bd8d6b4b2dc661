import { CronExpressionParser } from 'cron-parser';
import { check } from '../check';

const FIX =
  'write schedule.cron as a five-field cron with its time zone first, e.g. "TZ=UTC */10 * * * *", and schedule.cadenceMinutes to match';

/** The discovery cron parses; its next three firings, in UTC. */
export const cronCheck = check(
  'cron',
  'the discovery cron is valid and matches the cadence',
  ({ settings, deployment, now }, say) => {
    if (!('value' in settings)) {
      return say.skip('the settings cannot be read (see the settings row)');
    }
    const { schedule } = settings.value;
    const cron = deployment?.discoveryCron ?? schedule.cron;
    const cadence = deployment?.cadenceMinutes ?? schedule.cadenceMinutes;
    const parsed = nextFirings(cron, now);
    if ('error' in parsed) return say.fail(`"${cron}": ${parsed.error}`, FIX);
    const [first, second] = parsed.firings;
    const evidence = `"${cron}" next fires at ${parsed.firings.map(utc).join(', ')} UTC`;
    const gap =
      first && second ? (second.getTime() - first.getTime()) / 60_000 : cadence;
    if (gap !== cadence) {
      return say.warn(
        `${evidence}: ${gap} minutes apart, but the cadence is ${cadence} minutes (quota pacing plans with the cadence)`,
        FIX,
      );
    }
    if (
      deployment?.discoveryCron &&
      deployment.discoveryCron !== schedule.cron
    ) {
      return say.warn(
        `${evidence}; pipeline.config.json here says "${schedule.cron}"`,
        'deploy to apply the local settings, or correct pipeline.config.json if the deployed cron is the right one',
      );
    }
    return say.pass(evidence);
  },
);

/** `TZ=<zone> <five fields>` to its next three firings. */
export function nextFirings(
  cron: string,
  now: Date,
): { firings: Date[] } | { error: string } {
  const match = /^TZ=(\S+)\s+(.+)$/.exec(cron.trim());
  if (!match) return { error: 'no TZ=<zone> before the fields' };
  const [, tz = '', fields = ''] = match;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    return {
      error: `unknown time zone "${tz}" (use an IANA name such as UTC or Europe/Berlin)`,
    };
  }
  if (fields.split(/\s+/).length !== 5) {
    return {
      error: `${fields.split(/\s+/).length} fields; Inngest takes five (minute hour day month weekday)`,
    };
  }
  try {
    const expression = CronExpressionParser.parse(fields, {
      tz,
      currentDate: now,
    });
    return { firings: expression.take(3).map((d) => new Date(d.getTime())) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** `2026-03-10 18:10`: the minute is the resolution of a cron. */
const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
