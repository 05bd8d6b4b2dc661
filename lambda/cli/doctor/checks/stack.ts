import { check, formatAge, minutesBetween } from '../check';

/** The stage's stack exists and its last deploy completed. */
export const stackCheck = check(
  'stack',
  'the stage is deployed and its last deploy completed',
  ({ deployment, localReason, now }, say) => {
    if (!deployment) {
      return say.skip(
        `local mode: ${localReason ?? 'no deployed stage'}`,
        'to check a deployed stage, give AWS credentials with a region (AWS_REGION or AWS_PROFILE) and --stage',
      );
    }
    const { stackName, status } = deployment;
    const age = formatAge(minutesBetween(deployment.deployedAt, now));
    const seen = `${stackName} is ${status}, last deployed ${deployment.deployedAt.toISOString()} (${age} ago)`;
    if (/ROLLBACK|FAILED/.test(status)) {
      return say.fail(
        `${seen}: the last deploy failed${deployment.statusReason ? ` (${deployment.statusReason})` : ''}`,
        `read why: aws cloudformation describe-stack-events --stack-name ${stackName}; the usual cause is the Inngest sync (wrong signing key), see docs/runbook.md#inngest-sync; fix it and deploy again`,
      );
    }
    if (/IN_PROGRESS/.test(status)) {
      return say.warn(
        `${seen}: a deploy is under way`,
        'run the doctor again when the deploy has finished',
      );
    }
    return say.pass(seen);
  },
);
