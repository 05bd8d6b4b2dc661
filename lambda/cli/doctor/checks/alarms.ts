import { check, unread } from '../check';
import type { AlarmState } from '../facts';

/** No pipeline alarm is in ALARM. */
export const alarmsCheck = check(
  'alarms',
  'no alarm is firing',
  ({ alarms, deployment }, say) => {
    if (!deployment) return say.skip('local mode has no CloudWatch alarms');
    if (!('value' in alarms)) {
      return unread(
        alarms,
        say,
        'the operator needs cloudwatch:DescribeAlarms in the stack region',
      );
    }
    const all = alarms.value;
    if (all.length === 0) {
      return say.fail(
        `no alarm is named ${deployment.alarmNamePrefix}*`,
        'check the region (the stack region) and the stage; deploy the stack if the alarms were removed',
      );
    }
    const firing = all.filter((a) => a.state === 'ALARM');
    if (firing.length > 0) {
      return say.fail(
        `alarm firing: ${firing.map((a) => `${a.name} (${a.reason ?? 'no reason given'})`).join('; ')}`,
        firing
          .map(
            (a) =>
              `${shortName(a, deployment.alarmNamePrefix)}: ${runbookOf(a)}`,
          )
          .join('; '),
      );
    }
    const waiting = all.filter((a) => a.state === 'INSUFFICIENT_DATA');
    if (waiting.length > 0) {
      return say.warn(
        `${all.length - waiting.length} OK, no data yet: ${waiting.map((a) => shortName(a, deployment.alarmNamePrefix)).join(', ')}`,
        'normal in the first hours after a deploy; if it lasts a day, whatever emits the metric is not running',
      );
    }
    return say.pass(`${all.length} alarms, all OK`);
  },
);

const shortName = (alarm: AlarmState, prefix: string) =>
  alarm.name.startsWith(prefix) ? alarm.name.slice(prefix.length) : alarm.name;

/** The runbook link every alarm description ends with. */
function runbookOf(alarm: AlarmState): string {
  return (
    /Runbook: (\S+)/.exec(alarm.description ?? '')?.[1] ?? 'docs/runbook.md'
  );
}
