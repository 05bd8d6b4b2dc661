import { check, formatAge, minutesBetween } from '../check';
import { cadenceOf } from '../windows';

/** How long ago the last successful discovery (or local cycle) ended. */
export const heartbeatCheck = check(
  'heartbeat',
  'the last successful discovery is recent',
  (facts, say) => {
    const { heartbeat, deployment, now, heartbeatName } = facts;
    if ('skipped' in heartbeat) return say.skip(heartbeat.skipped);
    if ('error' in heartbeat)
      return say.fail(heartbeat.error, 'see the tables row');
    const beat = heartbeat.value;
    if (!deployment) {
      if (!beat)
        return say.warn(
          `no ${heartbeatName} heartbeat: no local cycle has finished yet`,
          'run one: npm start',
        );
      return say.pass(
        `the last local cycle finished ${formatAge(minutesBetween(beat.at, now))} ago (${beat.at}, run ${beat.runId})`,
      );
    }
    const stall = deployment.stallMinutes ?? 30;
    if (!beat) {
      return say.fail(
        `no ${heartbeatName} heartbeat: discovery has never succeeded on stage ${deployment.stage}`,
        'fix what the rows above report, then: npm run pipeline -- trigger discovery --wait; docs/runbook.md#discovery-stalled',
      );
    }
    const minutes = minutesBetween(beat.at, now);
    const seen = `last successful discovery ${formatAge(minutes)} ago (${beat.at}, run ${beat.runId})`;
    if (minutes > stall) {
      return say.fail(
        `stale heartbeat: ${seen}; the watchdog alarms after ${stall} min`,
        'follow docs/runbook.md#discovery-stalled: the rows above usually name the cause',
      );
    }
    if (minutes > 2 * cadenceOf(facts)) {
      return say.warn(
        `${seen}: more than two cadences`,
        'run the doctor again in a few minutes; if it grows, see docs/runbook.md#discovery-stalled',
      );
    }
    return say.pass(seen);
  },
);
