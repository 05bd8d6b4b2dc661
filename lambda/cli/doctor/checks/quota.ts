import { nextPacificMidnight, pacificDay } from '../../../core/pacific-time';
import { SEARCHES, UNITS } from '../../../core/quota';
import { check } from '../check';

/** How much of today's YouTube quota is used. */
export const quotaCheck = check(
  'quota',
  "today's YouTube quota is not spent",
  ({ quota, settings, now }, say) => {
    if (!('value' in settings))
      return say.skip('the settings cannot be read (see the settings row)');
    if ('skipped' in quota) return say.skip(quota.skipped);
    if ('error' in quota) return say.fail(quota.error, 'see the tables row');
    const limits = settings.value.quota;
    const units = quota.value[UNITS] ?? 0;
    const searches = quota.value[SEARCHES] ?? 0;
    const percent = Math.round((100 * units) / limits.dailyUnits);
    const seen = `${units} of ${limits.dailyUnits} units (${percent}%) and ${searches} search call(s) used on ${pacificDay(now)} (Pacific)`;
    const resets = nextPacificMidnight(now).toISOString();
    if (units >= limits.dailyUnits - limits.reserveUnits) {
      return say.warn(
        `${seen}: the pipeline's budget is spent; it waits for the reset at ${resets}`,
        'nothing to do if it happens now and then; if daily, lower harvest pages or sources, or ask Google for more (docs/runbook.md#quota-near-limit)',
      );
    }
    if (percent > 90) {
      return say.warn(
        `${seen}; resets at ${resets}`,
        'see docs/runbook.md#quota-near-limit',
      );
    }
    return say.pass(seen);
  },
);
