import { check } from '../check';

/** The pipeline settings file validates. */
export const settingsCheck = check(
  'settings',
  'pipeline.config.json is valid',
  ({ settings }, say) => {
    if ('skipped' in settings) return say.skip(settings.skipped);
    if ('error' in settings) {
      return say.fail(
        settings.error,
        'correct pipeline.config.json as the message says (README, Configuration), then deploy so the stage gets it',
      );
    }
    const s = settings.value;
    return say.pass(
      `${s.sources.channels.length} channel(s), ${s.sources.searches.length} search(es); quota ${s.quota.model}, ${s.quota.dailyUnits} units a day (${s.quota.reserveUnits} kept back); cron ${s.schedule.cron}`,
    );
  },
);
