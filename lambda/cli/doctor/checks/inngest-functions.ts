import { FUNCTION_IDS } from '../../../inngest/ids';
import { consoleUrl, UNDOCUMENTED } from '../../inngest-api';
import { check } from '../check';
import { inngestDiscovery, RUNS_WINDOW_MINUTES } from '../windows';

/**
 * No function is paused or archived. Inngest's API does not report that,
 * so it is read from what Inngest does: a paused discover-videos is never
 * run, not even to fail.
 */
export const inngestFunctionsCheck = check(
  'inngest-functions',
  'Inngest runs the functions (none paused or archived)',
  (facts, say) => {
    const { deployment } = facts;
    if (!deployment) return say.skip('local mode does not use Inngest');
    const functions = consoleUrl(deployment.inngestEnv, 'functions');
    const seen = inngestDiscovery(facts);
    if ('unavailable' in seen) {
      return say.skip(
        `${UNDOCUMENTED.functionState}, and Inngest's events could not be read (${seen.unavailable})`,
        `check by hand on ${functions}`,
      );
    }
    const ran = seen.completed + seen.failed;
    if (ran > 0) {
      return say.pass(
        `Inngest ran ${FUNCTION_IDS.discoverVideos} ${ran} time(s) in ${RUNS_WINDOW_MINUTES} min, so it is not paused; ${UNDOCUMENTED.functionState}: the others show on ${functions}`,
      );
    }
    return say.fail(
      `paused function: Inngest ran ${FUNCTION_IDS.discoverVideos} not once in ${RUNS_WINDOW_MINUTES} minutes, not even to fail; its cron only stops like this when the function is paused or the app archived (or never synced: see inngest-sync)`,
      `open ${functions}, select ${FUNCTION_IDS.discoverVideos} and resume it; for an archived app, unarchive it on ${consoleUrl(deployment.inngestEnv, 'apps')} and deploy again`,
    );
  },
);
