import { FUNCTION_IDS } from '../../../inngest/ids';
import { consoleUrl } from '../../inngest-api';
import { check } from '../check';
import {
  cadenceOf,
  expectedRuns,
  inngestDiscovery,
  RUNS_WINDOW_MINUTES,
  storedDiscovery,
} from '../windows';

const NAME = FUNCTION_IDS.discoverVideos;

/** discover-videos completed as often as its cron says, here and at Inngest. */
export const discoveryRunsCheck = check(
  'discovery-runs',
  `${NAME} completed at least twice in the last ${RUNS_WINDOW_MINUTES} minutes`,
  (facts, say) => {
    const { deployment } = facts;
    if (!deployment) {
      return say.skip(
        'local mode: discovery runs when you run npm start (see the heartbeat row)',
      );
    }
    const want = expectedRuns(cadenceOf(facts));
    const stored = storedDiscovery(facts);
    if ('unavailable' in stored) {
      return say.fail(
        `the run records cannot be read: ${stored.unavailable}`,
        'see the tables row',
      );
    }
    const inngest = inngestDiscovery(facts);
    const theirs =
      'unavailable' in inngest
        ? `Inngest's view unavailable (${inngest.unavailable})`
        : `Inngest reports ${inngest.completed} completed, ${inngest.failed} failed`;
    const ours = `${stored.completed} ${NAME} run(s) recorded in ${RUNS_WINDOW_MINUTES} min${stored.lastAt ? ` (last ended ${stored.lastAt})` : ''}`;
    if (stored.completed >= want) return say.pass(`${ours}; ${theirs}`);
    if (!('unavailable' in inngest) && inngest.completed >= want) {
      return say.fail(
        `wrong URL registered: ${theirs}, but this stage's tables recorded only ${stored.completed}: Inngest runs the app at another URL (an old stack, another stage or a dev tunnel)`,
        `on ${consoleUrl(deployment.inngestEnv, 'apps')} the app's URL must be ${deployment.functionUrl}; deploy again to sync it there, and archive any stray copy of the app`,
      );
    }
    return say.fail(
      `no recent runs: ${ours}, expected at least ${want}; ${theirs}`,
      `see the inngest-functions, recent-failures and heartbeat rows for why; run one now with: npm run pipeline -- trigger discovery --wait`,
    );
  },
);
